using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.InpatientProcedures;

namespace ClaimScrubber.Rules.InpatientProcedures;

/// <summary>
/// The procedure and claim edits of CMS's Medicare Code Editor on an inpatient claim, on its discharge date: non-covered
/// (11), limited coverage (17), questionable obstetric admission (8B), procedure sex conflict (5, before 2024-10-01),
/// inconsistent with the length of stay (19), invalid age (14) and invalid discharge status (16).
/// </summary>
/// <remarks>
/// The same <see cref="MceEditor"/> as <c>mce-compat</c> decides, so the rules and the MCE-compatible output agree.
/// Procedures not valid on the date draw no edit here: <see cref="PcsCodeRules"/> reports them. Findings name the codes
/// and the MCE's own ranges, never the patient's age, sex or dates.
/// </remarks>
internal sealed class MceProcedureRules(MceEditor editor) : IClaimRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        [R.NonCovered, R.LimitedCoverage, R.QuestionableObstetricAdmission, R.SexConflict, R.InconsistentWithStay, R.InvalidAge, R.InvalidDischargeStatus];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        if (claim.Setting != ClaimSetting.Inpatient || claim.DiagnosisDate is not { } discharge)
        {
            return;
        }

        var release = editor.Table.ProceduresFor(discharge);
        int? age = claim.Patient.AgeOn(discharge) is { } years && years >= 0 ? years : null;
        if (age is { } known && !editor.IsValidAge(known, discharge))
        {
            if (context.IsEnabled(R.InvalidAge) && release?.ValidAges is { } range)
            {
                context.Report(R.InvalidAge, null, "patient.birthDate",
                    $"The patient's age on the discharge date, from the birth date, is outside {range.Min}–{range.Max} years, the ages the MCE accepts.",
                    "Check the patient's birth date and the dates of the stay.", default, release.Release);
            }

            age = null;
        }

        if (claim.DischargeStatus is { } status && !editor.IsValidDischargeStatus(status.Value, discharge) && context.IsEnabled(R.InvalidDischargeStatus))
        {
            context.Report(R.InvalidDischargeStatus, null, "dischargeStatus",
                $"Discharge status {status} is not a patient discharge status the MCE accepts on the discharge date.",
                "Report the UB-04 patient discharge status (form locator 17) that was valid on the discharge date.", [status.ToString()], release?.Release);
        }

        var procedures = claim.PcsProcedures;
        if (procedures.IsEmpty)
        {
            return;
        }

        Span<PcsCode> codes = stackalloc PcsCode[Math.Min(procedures.Length, ClaimLimits.MaxPcsProcedures)];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = procedures[i].Code;
        }

        var diagnoses = claim.Diagnoses.AsSpan();
        int? stay = claim.AdmissionDate is { } admitted && admitted <= discharge ? discharge.DayNumber - admitted.DayNumber : null;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (!editor.IsValid(code, discharge))
            {
                continue;
            }

            var edits = editor.ValidProcedureEdits(code, codes, diagnoses, discharge, age, claim.Patient.Sex, stay);
            if (edits != MceProcedureEdits.None)
            {
                Report(context, edits, code, i + 1, codes, diagnoses, discharge, age, release);
            }
        }
    }

    private void Report(ScrubContext context, MceProcedureEdits edits, PcsCode code, int number, ReadOnlySpan<PcsCode> codes, ReadOnlySpan<IcdCode> diagnoses, DateOnly discharge, int? age, MceProcedureRelease? release)
    {
        var element = PcsCodeRules.PcsElement(number);
        var text = code.ToString();
        var source = release?.Release;
        if ((edits & MceProcedureEdits.NonCovered) != 0 && context.IsEnabled(R.NonCovered) && editor.CoverageRuleFor(MceProcedureEdits.NonCovered, code, codes, diagnoses, discharge, age) is { } rule)
        {
            context.Report(R.NonCovered, null, element,
                rule.Condition == MceCoverageCondition.Always
                    ? $"{text} is a procedure Medicare never pays for (MCE non-covered procedures, section {rule.Section})."
                    : $"{text} is a procedure Medicare does not pay for {rule.Describe()} (MCE non-covered procedures, section {rule.Section}).",
                "Bill the procedure as non-covered, or check the procedure and the diagnoses coded with it.", [text], source);
        }

        if ((edits & MceProcedureEdits.LimitedCoverage) != 0 && context.IsEnabled(R.LimitedCoverage))
        {
            context.Report(R.LimitedCoverage, null, element,
                $"{text} is a limited coverage procedure: Medicare covers only a portion of its cost, and the claim is reviewed.",
                "Send the documentation the contractor requires for limited coverage procedures.", [text], source);
        }

        if ((edits & MceProcedureEdits.QuestionableObstetricAdmission) != 0 && context.IsEnabled(R.QuestionableObstetricAdmission))
        {
            context.Report(R.QuestionableObstetricAdmission, null, element,
                $"{text} is a cesarean or vaginal delivery procedure, and no secondary diagnosis gives the outcome of delivery (Z37.-).",
                "Add the outcome-of-delivery diagnosis (Z37.-) as a secondary diagnosis, or check the procedure.", [text], source);
        }

        if ((edits & MceProcedureEdits.SexConflict) != 0 && context.IsEnabled(R.SexConflict))
        {
            var only = CodeSets.Icd10Pcs.PcsSexSpecificity.Of(code) == Sex.Female ? "female" : "male";
            context.Report(R.SexConflict, null, element,
                $"{text} is a procedure for {only} patients only, which conflicts with the patient's reported sex.",
                "Check the patient's sex and the procedure; one of them is wrong.", [text], source);
        }

        if ((edits & MceProcedureEdits.InconsistentWithLengthOfStay) != 0 && context.IsEnabled(R.InconsistentWithStay))
        {
            var days = release?.MinimumStayDays ?? 0;
            context.Report(R.InconsistentWithStay, null, element,
                $"{text} is coded only when the service lasts more than {days} consecutive days, which the admission and discharge dates of the stay do not allow.",
                "Check the admission and discharge dates, or code the procedure that matches the duration (such as 5A1945Z, 24–96 consecutive hours).", [text], source);
        }
    }
}
