using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Diagnosis–procedure linkage rules (<c>LNK</c>): diagnosis pointers and medical necessity.</summary>
    public static class Linkage
    {
        /// <summary>LNK001: a diagnosis pointer points past the claim's diagnoses.</summary>
        public static RuleDescriptor PointerOutOfRange { get; } = new("LNK001", RuleFamily.Linkage, "Diagnosis pointer points nowhere", Severity.Error, Disposition.ReturnToProvider,
            "A line's diagnosis pointer is below 1 or beyond the number of diagnoses on the claim.", "16", "M76", source: "837P SV107 diagnosis code pointers (CMS-1500 item 24E)");

        /// <summary>LNK002: a professional line points to no diagnosis.</summary>
        public static RuleDescriptor LineWithoutDiagnosis { get; } = new("LNK002", RuleFamily.Linkage, "Line with no diagnosis", Severity.Error, Disposition.ReturnToProvider,
            "A professional service line has no diagnosis pointer, so nothing says why the service was performed.", "16", "M76", source: "837P SV107 (required on professional lines; CMS-1500 item 24E)");

        /// <summary>LNK003: the same pointer twice on one line.</summary>
        public static RuleDescriptor DuplicatePointer { get; } = new("LNK003", RuleFamily.Linkage, "Duplicate diagnosis pointer", Severity.Warning, Disposition.ReturnToProvider,
            "A line points to the same diagnosis more than once.", "16", "M76", source: "837P SV107 (each pointer once)");

        /// <summary>Gets the linkage rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [PointerOutOfRange, LineWithoutDiagnosis, DuplicatePointer];
    }
}
