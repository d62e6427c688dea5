using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Diagnosis rules (<c>DX010</c>–<c>DX049</c>) mirroring the diagnosis edits of CMS's Medicare Code Editor (MCE), plus
    /// ICD-10-CM Excludes1 pairs. Inpatient claims get every edit on the principal diagnosis; professional and outpatient
    /// claims get the edits that hold for the first-listed diagnosis (see <c>docs/mce-mapping.md</c>).
    /// </summary>
    public static class MceDiagnoses
    {
        /// <summary>DX010 (MCE edit 2): an external-cause code is the principal or first-listed diagnosis.</summary>
        public static RuleDescriptor ExternalCauseAsPrincipal { get; } = new("DX010", RuleFamily.Diagnosis, "External-cause code as principal diagnosis", Severity.Error, Disposition.ReturnToProvider,
            "An external-cause code (V00–Y99) describes how an injury happened, not the condition, so it cannot be the principal or first-listed diagnosis (MCE edit 2).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 2 (E-code as principal diagnosis)");

        /// <summary>DX011 (MCE edit 3): a secondary diagnosis repeats the principal diagnosis.</summary>
        public static RuleDescriptor DuplicateOfPrincipal { get; } = new("DX011", RuleFamily.Diagnosis, "Duplicate of principal diagnosis", Severity.Warning, Disposition.ReturnToProvider,
            "A secondary diagnosis is the same code as the principal or first-listed diagnosis (MCE edit 3).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 3 (duplicate of principal diagnosis)");

        /// <summary>DX012 (MCE edit 4): the diagnosis is on an MCE age list whose range excludes the patient's age.</summary>
        public static RuleDescriptor AgeConflict { get; } = new("DX012", RuleFamily.Diagnosis, "Diagnosis conflicts with age", Severity.Error, Disposition.ReturnToProvider,
            "The diagnosis is on an MCE age list (newborn 0, pediatric 0–17, maternity 9–64, adult 15–124) whose range excludes the patient's age on the date of service or discharge (MCE edit 4).", "9", source: "Definitions of Medicare Code Edits, edit 4 (age conflict)");

        /// <summary>DX013 (MCE edit 5): the diagnosis is for the other sex; the MCE applies it before 2024-10-01 only.</summary>
        public static RuleDescriptor SexConflict { get; } = new("DX013", RuleFamily.Diagnosis, "Diagnosis conflicts with sex", Severity.Error, Disposition.ReturnToProvider,
            "The diagnosis is on the MCE female-only or male-only list and the patient's sex is the other one (MCE edit 5, which CMS deactivated for dates from 2024-10-01).", "10", source: "Definitions of Medicare Code Edits, edit 5 (sex conflict; deactivated from FY2025)");

        /// <summary>DX014 (MCE edit 6): a manifestation code is the principal or first-listed diagnosis.</summary>
        public static RuleDescriptor ManifestationAsPrincipal { get; } = new("DX014", RuleFamily.Diagnosis, "Manifestation code as principal diagnosis", Severity.Error, Disposition.ReturnToProvider,
            "A manifestation code describes a consequence of an underlying disease that must be coded first, so it cannot be the principal or first-listed diagnosis (MCE edit 6).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 6 (manifestation code as principal diagnosis)");

        /// <summary>DX015 (MCE edit 9, inpatient): the principal diagnosis is unacceptable as principal diagnosis.</summary>
        public static RuleDescriptor UnacceptablePrincipal { get; } = new("DX015", RuleFamily.Diagnosis, "Unacceptable principal diagnosis", Severity.Error, Disposition.ReturnToProvider,
            "The principal diagnosis of an inpatient claim is on the MCE list of codes unacceptable as principal diagnosis (MCE edit 9).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 9 (unacceptable principal diagnosis)");

        /// <summary>DX016 (MCE edit 9, asterisked code, inpatient): the principal diagnosis needs a secondary diagnosis and there is none.</summary>
        public static RuleDescriptor RequiresSecondary { get; } = new("DX016", RuleFamily.Diagnosis, "Principal diagnosis requires a secondary diagnosis", Severity.Error, Disposition.ReturnToProvider,
            "The principal diagnosis of an inpatient claim is acceptable only with a secondary diagnosis, and the claim has none (MCE edit 9, REQUIRES SECONDARY DX).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 9 (requires secondary diagnosis)");

        /// <summary>DX017 (MCE edit 8A, inpatient): the principal diagnosis is not usually reason enough for an inpatient admission.</summary>
        public static RuleDescriptor QuestionableAdmission { get; } = new("DX017", RuleFamily.Diagnosis, "Questionable admission", Severity.Warning, Disposition.ReturnToProvider,
            "The principal diagnosis of an inpatient claim is on the MCE list of diagnoses not usually sufficient to justify an acute-care admission (MCE edit 8).", "50", source: "Definitions of Medicare Code Edits, edit 8 (questionable admission)");

        /// <summary>DX018 (MCE edit 20, inpatient): an unspecified-laterality code where the family has right, left or bilateral codes.</summary>
        public static RuleDescriptor UnspecifiedLaterality { get; } = new("DX018", RuleFamily.Diagnosis, "Unspecified laterality on an inpatient claim", Severity.Warning, Disposition.ReturnToProvider,
            "An inpatient diagnosis leaves the side unspecified although its code family has right, left or bilateral codes (MCE edit 20).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 20 (unspecified)");

        /// <summary>DX019 (MCE edit 18): a diagnosis says the wrong procedure was performed.</summary>
        public static RuleDescriptor WrongProcedurePerformed { get; } = new("DX019", RuleFamily.Diagnosis, "Wrong procedure performed", Severity.Error, Disposition.ReturnToProvider,
            "A diagnosis (Y65.51–Y65.53) reports a wrong procedure, a procedure on the wrong patient, or on the wrong side or body part; Medicare does not pay for erroneous surgery (MCE edit 18).", "16", "M76", source: "Definitions of Medicare Code Edits, edit 18 (wrong procedure performed)");

        /// <summary>DX020: two diagnoses of the claim are an Excludes1 pair of the ICD-10-CM tabular list.</summary>
        public static RuleDescriptor Excludes1Pair { get; } = new("DX020", RuleFamily.Diagnosis, "Excludes1 pair", Severity.Warning, Disposition.ReturnToProvider,
            "Two diagnoses are never coded together: an Excludes1 note of the ICD-10-CM tabular list, under one of them or its category, names the other.", "16", "M76", source: "ICD-10-CM Tabular List Excludes1 notes; Official Guidelines, section I.A.12.a");

        /// <summary>Gets the MCE diagnosis rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            ExternalCauseAsPrincipal, DuplicateOfPrincipal, AgeConflict, SexConflict, ManifestationAsPrincipal,
            UnacceptablePrincipal, RequiresSecondary, QuestionableAdmission, UnspecifiedLaterality, WrongProcedurePerformed,
            Excludes1Pair,
        ];
    }
}
