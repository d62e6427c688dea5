using ClaimScrubber.CodeSets.PlaceOfService;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.PlacesOfService;

namespace ClaimScrubber.Rules.PlaceOfService;

/// <summary>The claim's and each line's place of service is a code CMS has assigned (POS001).</summary>
internal sealed class PlaceOfServiceRules : IClaimRule
{
    private readonly PlaceOfServiceTable table;

    public PlaceOfServiceRules(PlaceOfServiceTable table) => this.table = table;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.UnknownPlaceOfService];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        if (claim.PlaceOfService is { } claimLevel && !table.IsAssigned(claimLevel))
        {
            Report(context, null, "placeOfService", claimLevel);
        }

        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].PlaceOfService is { } lineLevel && !table.IsAssigned(lineLevel))
            {
                Report(context, i + 1, ElementPath.LineMember(i + 1, "placeOfService"), lineLevel);
            }
        }
    }

    private void Report(ScrubContext context, int? line, string element, PlaceOfServiceCode code)
    {
        if (!context.IsEnabled(R.UnknownPlaceOfService))
        {
            return;
        }

        var message = table.TryGet(code, out _)
            ? $"Place of service {code} is not assigned: CMS lists it as unassigned."
            : $"Place of service {code} is not in CMS's place-of-service list.";
        context.Report(R.UnknownPlaceOfService, line, element, message,
            "Report the CMS code for where the service was rendered, such as 11 office, 22 on-campus outpatient hospital, 02 or 10 telehealth.", [code.ToString()], table.Release);
    }
}
