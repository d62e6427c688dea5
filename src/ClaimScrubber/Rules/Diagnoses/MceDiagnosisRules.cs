using System.Globalization;
using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.MceDiagnoses;

namespace ClaimScrubber.Rules.Diagnoses;

/// <summary>
/// The diagnosis edits of CMS's Medicare Code Editor (<c>DX010</c>–<c>DX019</c>), on the claim's diagnosis date (the
/// discharge date of an inpatient claim, else the first date of service) and the patient's age on that date.
/// </summary>
/// <remarks>
/// Which edits apply depends on the setting:
/// <list type="bullet">
/// <item><description>Inpatient: every edit, the first diagnosis being the principal diagnosis, as the MCE does.</description></item>
/// <item><description>Professional and outpatient hospital: the first diagnosis is the first-listed diagnosis; external cause
/// (<c>DX010</c>) and manifestation (<c>DX014</c>) hold for it, and age, sex, duplicate and wrong-procedure edits for every
/// diagnosis. The inpatient-only edits — unacceptable principal (<c>DX015</c>), requires secondary (<c>DX016</c>),
/// questionable admission (<c>DX017</c>) and unspecified laterality (<c>DX018</c>) — do not apply.</description></item>
/// </list>
/// Codes not valid on the date draw no edit here: the ICD-10-CM validity rules report them.
/// </remarks>
internal sealed class MceDiagnosisRules : IClaimRule
{
    private const MceEdits InpatientOnly = MceEdits.UnacceptablePdx | MceEdits.RequiresSdx | MceEdits.QuestionableAdmission | MceEdits.Unspecified;

    private readonly MceEditor editor;

    public MceDiagnosisRules(MceEditor editor) => this.editor = editor;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        R.ExternalCauseAsPrincipal, R.DuplicateOfPrincipal, R.AgeConflict, R.SexConflict, R.ManifestationAsPrincipal,
        R.UnacceptablePrincipal, R.RequiresSecondary, R.QuestionableAdmission, R.UnspecifiedLaterality, R.WrongProcedurePerformed,
    ];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var diagnoses = claim.Diagnoses.AsSpan();
        if (diagnoses.IsEmpty || claim.DiagnosisDate is not { } date)
        {
            return;
        }

        var inpatient = claim.Setting == ClaimSetting.Inpatient;
        var age = claim.Patient.AgeOn(date) is { } years && years >= 0 ? years : (int?)null;
        var sex = claim.Patient.Sex;
        var facts = context.Facts.Diagnoses;
        for (var i = 0; i < diagnoses.Length; i++)
        {
            var code = diagnoses[i];
            if (i > 0 && code == diagnoses[0])
            {
                ReportDuplicate(context, code, i, inpatient);
            }

            // The claim's facts hold the code's rows in the ICD-10-CM code set and the MCE list membership.
            if (!editor.IsValid(facts[i].IcdRow, date))
            {
                continue;
            }

            var edits = editor.ValidCodeEdits(code, facts[i].MceRow, i == 0, diagnoses.Length > 1, date, age, sex);
            if (!inpatient)
            {
                edits &= ~InpatientOnly;
            }

            if (edits != MceEdits.None)
            {
                Report(context, edits, code, i, date, age, inpatient);
            }
        }
    }

    private void ReportDuplicate(ScrubContext context, IcdCode code, int index, bool inpatient)
    {
        if (!context.IsEnabled(R.DuplicateOfPrincipal))
        {
            return;
        }

        var dotted = code.ToDottedString();
        context.Report(R.DuplicateOfPrincipal, null, ElementPath.Diagnosis(index + 1),
            string.Create(CultureInfo.InvariantCulture, $"Diagnosis {index + 1} ({dotted}) repeats the {Principal(inpatient)} diagnosis."),
            "Report each diagnosis once; remove the repeated code or replace it with the condition meant.", [dotted], editor.Table.Latest);
    }

    private void Report(ScrubContext context, MceEdits edits, IcdCode code, int index, DateOnly date, int? age, bool inpatient)
    {
        var element = ElementPath.Diagnosis(index + 1);
        var dotted = code.ToDottedString();
        var principal = Principal(inpatient);
        if ((edits & MceEdits.ECodeAsPdx) != 0 && context.IsEnabled(R.ExternalCauseAsPrincipal))
        {
            context.Report(R.ExternalCauseAsPrincipal, null, element,
                $"The {principal} diagnosis {dotted} is an external-cause code (V00–Y99), which says how an injury happened, not what was treated.",
                "List the injury or condition treated first, and report the external-cause code as a secondary diagnosis.", [dotted], editor.Table.Latest);
        }

        if ((edits & MceEdits.AgeConflict) != 0 && age is { } years && editor.AgeConflictList(code, date, years) is { } ageList && context.IsEnabled(R.AgeConflict))
        {
            context.Report(R.AgeConflict, null, element,
                $"Diagnosis {dotted} is on the MCE list '{MceLists.Title(ageList)}', and the patient's age on the {(inpatient && context.Claim.DischargeDate is not null ? "discharge date" : "claim's first date of service")} is outside that range.",
                "Check the patient's date of birth and the diagnosis; one of them is wrong.", [dotted], editor.ReleaseOf(ageList, date));
        }

        if ((edits & MceEdits.SexConflict) != 0 && context.IsEnabled(R.SexConflict))
        {
            var list = context.Claim.Patient.Sex == Sex.Male ? MceList.FemaleOnly : MceList.MaleOnly;
            context.Report(R.SexConflict, null, element,
                $"Diagnosis {dotted} is on the MCE list '{MceLists.Title(list)}', and the patient's recorded sex is not the one the list is for.",
                "Check the patient's sex and the diagnosis; one of them is wrong.", [dotted], editor.ReleaseOf(list, date));
        }

        if ((edits & MceEdits.ManifestationAsPdx) != 0 && context.IsEnabled(R.ManifestationAsPrincipal))
        {
            context.Report(R.ManifestationAsPrincipal, null, element,
                $"The {principal} diagnosis {dotted} is a manifestation code, which may not be listed first.",
                "List the underlying disease first (the tabular list's 'code first' note names it) and the manifestation after it.", [dotted], editor.ReleaseOf(MceList.Manifestation, date));
        }

        if ((edits & MceEdits.UnacceptablePdx) != 0 && context.IsEnabled(R.UnacceptablePrincipal))
        {
            context.Report(R.UnacceptablePrincipal, null, element,
                $"The principal diagnosis {dotted} is on the MCE list of codes unacceptable as principal diagnosis.",
                "Make the condition chiefly responsible for the admission the principal diagnosis, and report this code as secondary.", [dotted], editor.ReleaseOf(MceList.UnacceptablePrincipal, date));
        }

        if ((edits & MceEdits.RequiresSdx) != 0 && context.IsEnabled(R.RequiresSecondary))
        {
            context.Report(R.RequiresSecondary, null, element,
                $"The principal diagnosis {dotted} is acceptable only with a secondary diagnosis, and the claim has none.",
                "Add the secondary diagnosis that explains the aftercare, or correct the principal diagnosis.", [dotted], editor.ReleaseOf(MceList.RequiresSecondary, date));
        }

        if ((edits & MceEdits.QuestionableAdmission) != 0 && context.IsEnabled(R.QuestionableAdmission))
        {
            context.Report(R.QuestionableAdmission, null, element,
                $"The principal diagnosis {dotted} is not usually sufficient reason for an inpatient admission.",
                "Check that the principal diagnosis is the condition that required the admission; document the medical necessity.", [dotted], editor.ReleaseOf(MceList.QuestionableAdmission, date));
        }

        if ((edits & MceEdits.Unspecified) != 0 && context.IsEnabled(R.UnspecifiedLaterality))
        {
            context.Report(R.UnspecifiedLaterality, null, element,
                $"Diagnosis {dotted} leaves the side unspecified, though its family has codes for right, left or bilateral.",
                "Code the side documented in the record (right, left or bilateral).", [dotted], editor.ReleaseOf(MceList.Unspecified, date));
        }

        if ((edits & MceEdits.WrongProcedurePerformed) != 0 && context.IsEnabled(R.WrongProcedurePerformed))
        {
            context.Report(R.WrongProcedurePerformed, null, element,
                $"Diagnosis {dotted} reports a wrong procedure, a procedure on the wrong patient, or on the wrong side or body part.",
                "Bill erroneous surgery as non-covered (with the wrong-surgery modifier or condition code the payer requires), separately from covered services.", [dotted], editor.ReleaseOf(MceList.WrongProcedure, date));
        }
    }

    private static string Principal(bool inpatient) => inpatient ? "principal" : "first-listed";
}
