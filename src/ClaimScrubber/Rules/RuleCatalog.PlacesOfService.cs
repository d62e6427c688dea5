using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Place-of-service rules (<c>POS</c>).</summary>
    public static class PlacesOfService
    {
        /// <summary>POS001: the place of service is not a code CMS has assigned.</summary>
        public static RuleDescriptor UnknownPlaceOfService { get; } = new("POS001", RuleFamily.PlaceOfService, "Place of service unknown or unassigned", Severity.Error, Disposition.ReturnToProvider,
            "The claim's or a line's place of service is not in CMS's place-of-service list, or the list marks it unassigned.", "16", "M77", source: "CMS Place of Service code set");

        /// <summary>Gets the place-of-service rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [UnknownPlaceOfService];
    }
}
