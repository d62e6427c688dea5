using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Diagnosis–procedure linkage rules beyond pointer existence (<c>LNK010</c>–<c>LNK049</c>): which diagnoses may be
    /// first-listed, unlinked diagnoses, pointer count, and medical necessity under the clinical laboratory NCDs with
    /// the ABN modifiers GA, GZ and GX.
    /// </summary>
    public static class DiagnosisLinkage
    {
        /// <summary>LNK010: a line points only to diagnoses that can never be first-listed.</summary>
        public static RuleDescriptor NoFirstListableDiagnosis { get; } = new("LNK010", RuleFamily.Linkage, "Line supported only by secondary-only diagnoses", Severity.Error, Disposition.ReturnToProvider,
            "Every diagnosis a line points to is an external cause code (V00–Y99) or a manifestation code, neither of which may be first-listed, so nothing states the condition that justifies the service.", "16", "M76");

        /// <summary>LNK011: a line's first pointer is a manifestation code.</summary>
        public static RuleDescriptor ManifestationFirst { get; } = new("LNK011", RuleFamily.Linkage, "Manifestation code as the primary reason", Severity.Error, Disposition.ReturnToProvider,
            "A line's first diagnosis pointer, the primary reason for the service, is a manifestation code; ICD-10-CM requires the underlying condition to be sequenced first.", "16", "M76");

        /// <summary>LNK012: a line's first pointer is an external cause code.</summary>
        public static RuleDescriptor ExternalCauseFirst { get; } = new("LNK012", RuleFamily.Linkage, "External cause code as the primary reason", Severity.Warning, Disposition.ReturnToProvider,
            "A line's first diagnosis pointer is an external cause code (V00–Y99), which ICD-10-CM never allows first-listed; the injury or condition it explains belongs first.", "16", "M76");

        /// <summary>LNK013: a diagnosis on the claim that no line points to.</summary>
        public static RuleDescriptor UnlinkedDiagnosis { get; } = new("LNK013", RuleFamily.Linkage, "Diagnosis no line points to", Severity.Info, Disposition.Informational,
            "A diagnosis on a professional claim is not pointed to by any service line; it supports nothing, which may be intended (a coexisting condition) or a missed pointer.");

        /// <summary>LNK014: more than four pointers on a line.</summary>
        public static RuleDescriptor TooManyPointers { get; } = new("LNK014", RuleFamily.Linkage, "More than four diagnosis pointers", Severity.Error, Disposition.ReturnToProvider,
            "A service line carries more than the four diagnosis pointers the 837P (SV107) and the CMS-1500 (24E) allow; the claim is not scrubbed further.", "16", "M76");

        /// <summary>LNK020: a lab test under an NCD with no diagnosis that supports its medical necessity.</summary>
        public static RuleDescriptor NcdNotMedicallyNecessary { get; } = new("LNK020", RuleFamily.Linkage, "Lab NCD: diagnosis does not support medical necessity", Severity.Error, Disposition.LineDenial,
            "A lab test governed by a national coverage determination points to no diagnosis the NCD covers, and at least one it lists as not supporting medical necessity (resolution 3); without an ABN the provider is liable.", "50", "N386");

        /// <summary>LNK021: a lab test under an NCD whose diagnoses are on the NCD's never-covered list.</summary>
        public static RuleDescriptor NcdDiagnosisDenied { get; } = new("LNK021", RuleFamily.Linkage, "Lab NCD: diagnosis never covered", Severity.Error, Disposition.LineDenial,
            "A lab test governed by a national coverage determination points only to diagnoses the NCD lists as never covered (resolution 2, such as routine screening).", "96", "N386");

        /// <summary>LNK022: an expected NCD denial billed with GZ (no ABN).</summary>
        public static RuleDescriptor NcdDenialWithoutAbn { get; } = new("LNK022", RuleFamily.Linkage, "Lab NCD: expected denial, no ABN (GZ)", Severity.Warning, Disposition.LineDenial,
            "A lab test the NCD does not cover for its diagnoses carries GZ (no ABN given): Medicare denies GZ lines automatically and the provider may not bill the patient.", "50", "N386");

        /// <summary>LNK023: an expected NCD denial billed with an ABN modifier that makes the patient liable.</summary>
        public static RuleDescriptor NcdDenialWithAbn { get; } = new("LNK023", RuleFamily.Linkage, "Lab NCD: expected denial, patient notified", Severity.Info, Disposition.LineDenial,
            "A lab test the NCD does not cover for its diagnoses carries GA (required ABN on file), or GX/GY for a never-covered diagnosis: the line will deny with patient responsibility (group PR).", "50", "N386");

        /// <summary>LNK024: GX on a medical-necessity denial.</summary>
        public static RuleDescriptor NcdVoluntaryNoticeOnly { get; } = new("LNK024", RuleFamily.Linkage, "Lab NCD: voluntary notice (GX) where an ABN is required", Severity.Error, Disposition.LineDenial,
            "A lab test whose diagnoses do not support medical necessity carries GX (voluntary notice, for services Medicare never covers) but not GA: a medical-necessity denial needs a required ABN, so the provider stays liable.", "50", "N386");

        /// <summary>LNK025: contradictory liability modifiers on one line.</summary>
        public static RuleDescriptor ConflictingLiabilityModifiers { get; } = new("LNK025", RuleFamily.Linkage, "Contradictory ABN modifiers", Severity.Error, Disposition.ReturnToProvider,
            "A line carries liability modifiers that contradict each other (GA with GZ, or GX with GA or GZ); Medicare returns such lines as unprocessable.", "4");

        /// <summary>LNK026: GZ or GX on a lab line the NCD covers.</summary>
        public static RuleDescriptor LiabilityModifierOnCoveredLine { get; } = new("LNK026", RuleFamily.Linkage, "Lab NCD: ABN modifier on a covered test", Severity.Warning, Disposition.LineDenial,
            "A lab test the NCD covers for one of its diagnoses carries GZ, which Medicare denies automatically, or GX, which Medicare returns on covered lines.", "50");

        /// <summary>Gets these linkage rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            NoFirstListableDiagnosis, ManifestationFirst, ExternalCauseFirst, UnlinkedDiagnosis, TooManyPointers,
            NcdNotMedicallyNecessary, NcdDiagnosisDenied, NcdDenialWithoutAbn, NcdDenialWithAbn, NcdVoluntaryNoticeOnly,
            ConflictingLiabilityModifiers, LiabilityModifierOnCoveredLine,
        ];
    }

    /// <summary>Procedure demographic rules (<c>PX040</c>–<c>PX059</c>): procedures whose own definition limits them to one sex or an age range.</summary>
    public static class ProcedureDemographics
    {
        /// <summary>PX040: a procedure defined for one sex billed for a patient of the other.</summary>
        public static RuleDescriptor ProcedureSexConflict { get; } = new("PX040", RuleFamily.Procedure, "Procedure conflicts with patient sex", Severity.Error, Disposition.LineDenial,
            "A procedure whose code definition limits it to one sex is billed for a patient recorded as the other sex, without the KX modifier that attests it is medically appropriate.", "7");

        /// <summary>PX041: a procedure defined for an age range billed outside it.</summary>
        public static RuleDescriptor ProcedureAgeConflict { get; } = new("PX041", RuleFamily.Procedure, "Procedure conflicts with patient age", Severity.Error, Disposition.LineDenial,
            "A procedure whose code definition limits it to an age range (newborn, pediatric, maternity, adult) is billed for a patient whose age on the date of service is outside it.", "6", "N129");

        /// <summary>Gets the procedure demographic rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [ProcedureSexConflict, ProcedureAgeConflict];
    }
}
