using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Modifier rules (<c>MOD</c>): whether each modifier exists, is valid on the date of service, and fits on the line.</summary>
    public static class Modifiers
    {
        /// <summary>MOD001: the modifier is neither a CPT nor a HCPCS Level II modifier.</summary>
        public static RuleDescriptor UnknownModifier { get; } = new("MOD001", RuleFamily.Modifier, "Modifier unknown", Severity.Error, Disposition.ReturnToProvider,
            "The modifier is in neither CMS's list of CPT and HCPCS modifiers nor the HCPCS file's Level II modifiers. Runs only when the CPT modifiers are known (the modifier list is loaded).", "182", "M78");

        /// <summary>MOD002: a HCPCS Level II modifier is not valid on the date of service.</summary>
        public static RuleDescriptor ModifierNotActive { get; } = new("MOD002", RuleFamily.Modifier, "Modifier not valid on the date of service", Severity.Error, Disposition.ReturnToProvider,
            "The HCPCS Level II modifier was added after the date of service or terminated before it (HCPCS file ADD DT and TERM DT).", "182", "M78");

        /// <summary>MOD003: the same modifier twice on a line.</summary>
        public static RuleDescriptor DuplicateModifier { get; } = new("MOD003", RuleFamily.Modifier, "Duplicate modifier", Severity.Warning, Disposition.ReturnToProvider,
            "A line carries the same modifier more than once.", "4", "N519");

        /// <summary>MOD004: more modifiers than the claim form carries.</summary>
        public static RuleDescriptor TooManyModifiers { get; } = new("MOD004", RuleFamily.Modifier, "More than four modifiers", Severity.Error, Disposition.ClaimRejection,
            "A line carries more than the four modifiers the 837 (SV101-3 to -6) and the CMS-1500 (24D) have room for; the claim is not scrubbed further.", "16", "N823");

        /// <summary>Gets the modifier rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [UnknownModifier, ModifierNotActive, DuplicateModifier, TooManyModifiers];
    }
}
