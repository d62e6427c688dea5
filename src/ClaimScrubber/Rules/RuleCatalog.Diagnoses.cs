using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Diagnosis rules (<c>DX</c>): ICD-10-CM code validity on the date of service, and Medicare Code Editor diagnosis edits.</summary>
    public static partial class Diagnoses
    {
        /// <summary>DX001: the diagnosis code is in no loaded ICD-10-CM fiscal year.</summary>
        public static RuleDescriptor UnknownCode { get; } = new("DX001", RuleFamily.Diagnosis, "Unknown diagnosis code", Severity.Error, Disposition.ClaimRejection,
            "A diagnosis is not an ICD-10-CM code in any loaded fiscal year's order file (a typo, or a code that never existed).", "16", "M76", source: "ICD-10-CM order files of the loaded fiscal years (CMS/NCHS); HIPAA code set, 45 CFR 162.1002");

        /// <summary>DX002: the diagnosis code exists in another fiscal year but not in the one of the date of service.</summary>
        public static RuleDescriptor NotValidOnDate { get; } = new("DX002", RuleFamily.Diagnosis, "Diagnosis not valid on the date of service", Severity.Error, Disposition.ClaimRejection,
            "A diagnosis is an ICD-10-CM code of another fiscal year, not of the one its date of service falls in: it was deleted, or is not yet effective (each fiscal year starts on October 1).", "146", "M76", source: "ICD-10-CM order file of the fiscal year of the date of service (October 1 to September 30); 45 CFR 162.1002");

        /// <summary>DX003: the diagnosis code is a header (category or subcategory) that needs more characters.</summary>
        public static RuleDescriptor HeaderCode { get; } = new("DX003", RuleFamily.Diagnosis, "Diagnosis code not billable (header)", Severity.Error, Disposition.ClaimRejection,
            "A diagnosis is a header code in the fiscal year of its date of service: it has more specific codes below it and must be coded to the highest specificity.", "146", "M76", source: "ICD-10-CM Official Guidelines, section I.B.2 (highest specificity); order file billable flag");

        /// <summary>DX004: no ICD-10-CM order file is loaded for the fiscal year of a date of service.</summary>
        public static RuleDescriptor NoTableForDate { get; } = new("DX004", RuleFamily.Diagnosis, "No ICD-10-CM code set for the date", Severity.Info, Disposition.Informational,
            "No ICD-10-CM order file is loaded for the fiscal year of a diagnosis's date of service, so the diagnosis was checked against the nearest loaded year.", source: "ICD-10-CM order files, one per fiscal year");

        /// <summary>Gets the diagnosis rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [UnknownCode, NotValidOnDate, HeaderCode, NoTableForDate];
    }
}
