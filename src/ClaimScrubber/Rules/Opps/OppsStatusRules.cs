using ClaimScrubber.CodeSets.Opps;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.Opps;

namespace ClaimScrubber.Rules.Opps;

/// <summary>
/// What OPPS Addendum B's payment status indicator of each line says on a hospital outpatient bill (type 12x or 13x; a
/// claim without a type of bill in the outpatient hospital setting counts as one): inpatient-only (C), not recognized
/// (B), not covered (E1), not priced (E2), discontinued (D), not billable to the MAC (M), and packaged services with
/// nothing separately paid to be packaged into (N, and Q1–Q3 codes without an APC of their own).
/// </summary>
/// <remarks>
/// Each line reads the Addendum B quarter of its date of service (the latest loaded quarter that began on or before it);
/// a line before every loaded quarter, or with a code the quarter does not list, is not judged here.
/// </remarks>
internal sealed class OppsStatusRules : IClaimRule
{
    private static readonly ModifierCode DiedBeforeAdmission = ModifierCode.Parse("CA");

    private readonly OppsTable table;

    public OppsStatusRules(OppsTable table) => this.table = table;

    public IReadOnlyList<RuleDescriptor> Descriptors => R.All;

    /// <summary>Tells whether OPPS prices <paramref name="claim"/>: a hospital outpatient Part B bill (12x, 13x).</summary>
    public static bool IsOppsBill(Claim claim) => claim.TypeOfBill is { } bill
        ? bill.Facility == 1 && bill.Classification is 2 or 3
        : claim.Setting == ClaimSetting.OutpatientHospital;

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        if (!IsOppsBill(claim))
        {
            return;
        }

        var lines = claim.Lines;
        var fallbackDate = claim.DiagnosisDate;
        var separatelyPaid = false;
        var packaged = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryStatus(lines[i], fallbackDate, out var code, out var status, out var quarter))
            {
                continue;
            }

            separatelyPaid |= OppsStatusIndicators.IsSeparatelyPaidUnderOpps(status.Indicator) && !IsPackagedOnly(status);
            packaged |= IsPackagedOnly(status);
            Judge(context, lines[i], i + 1, code, status, quarter);
        }

        if (packaged && !separatelyPaid && context.IsEnabled(R.PackagedAlone))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (TryStatus(lines[i], fallbackDate, out var code, out var status, out var quarter) && IsPackagedOnly(status))
                {
                    context.Report(R.PackagedAlone, i + 1, ElementPath.LineMember(i + 1, "procedureCode"),
                        $"{code} has OPPS status indicator {OppsStatusIndicators.Text(status.Indicator)} (packaged), and no line of the bill is paid separately under OPPS, so nothing carries its payment.",
                        "Bill the packaged service on the same claim as the service it supports (the procedure, visit or test it is part of); alone it is not paid.",
                        [code.ToString()], quarter.Release);
                }
            }
        }
    }

    /// <summary>A packaged service: N always; Q1–Q3 when Addendum B gives it no APC of its own, so it can never be paid separately.</summary>
    private static bool IsPackagedOnly(OppsCodeStatus status) =>
        status.Indicator == OppsStatusIndicator.N
        || (status.Apc == 0 && status.Indicator is OppsStatusIndicator.Q1 or OppsStatusIndicator.Q2 or OppsStatusIndicator.Q3);

    private bool TryStatus(ServiceLine line, DateOnly? fallbackDate, out ProcedureCode code, out OppsCodeStatus status, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OppsQuarter? quarter)
    {
        status = default;
        quarter = null;
        code = default;
        if (line.ProcedureCode is not { } procedure || (line.ServiceDate ?? fallbackDate) is not { } date || table.QuarterFor(date) is not { } standing)
        {
            return false;
        }

        code = procedure;
        quarter = standing;
        return standing.TryGet(procedure, out status);
    }

    private static void Judge(ScrubContext context, ServiceLine line, int number, ProcedureCode code, OppsCodeStatus status, OppsQuarter quarter)
    {
        var rule = status.Indicator switch
        {
            OppsStatusIndicator.C when !line.HasModifier(DiedBeforeAdmission) => R.InpatientOnly,
            OppsStatusIndicator.B => R.NotRecognized,
            OppsStatusIndicator.E1 when !DeclaresLiability(line) => R.NotCovered,
            OppsStatusIndicator.E2 => R.NoPricing,
            OppsStatusIndicator.D => R.Discontinued,
            OppsStatusIndicator.M => R.NotBillableToMac,
            _ => null,
        };
        if (rule is null || !context.IsEnabled(rule))
        {
            return;
        }

        var (message, fix) = status.Indicator switch
        {
            OppsStatusIndicator.C => (
                $"{code} has OPPS status indicator C: it is an inpatient-only procedure, not paid on an outpatient hospital bill.",
                "Admit the patient and bill the procedure on the inpatient claim; if the patient died before admission, add modifier CA."),
            OppsStatusIndicator.B => (
                $"{code} has OPPS status indicator B: OPPS does not recognize it on an outpatient hospital bill (12x, 13x).",
                "Report the code OPPS recognizes for the service (for a clinic visit, G0463), or bill the service on the bill type that pays it."),
            OppsStatusIndicator.E1 => (
                $"{code} has OPPS status indicator E1: not covered by any Medicare outpatient benefit, statutorily excluded, or not reasonable and necessary.",
                "Bill the patient with GY (statutory exclusion), or GA/GZ when a liability notice was or was not given, or remove the line."),
            OppsStatusIndicator.E2 => (
                $"{code} has OPPS status indicator E2: Medicare has no pricing information or claims data for it, so it is not paid on an outpatient bill.",
                "Check for a code with OPPS pricing that describes the service; otherwise the line is not payable."),
            OppsStatusIndicator.D => (
                $"{code} has OPPS status indicator D: the code is discontinued and not paid under any Medicare payment system.",
                "Report the code that replaced it on the date of service."),
            _ => (
                $"{code} has OPPS status indicator M: the service is not billable to the Medicare administrative contractor.",
                "Bill the service to whoever pays it (for example the DME MAC or the professional claim), not on the hospital outpatient bill."),
        };
        context.Report(rule, number, ElementPath.LineMember(number, "procedureCode"), message, fix, [code.ToString()], quarter.Release);
    }

    private static bool DeclaresLiability(ServiceLine line) =>
        line.HasModifier(M.WaiverOnFile) || line.HasModifier(M.StatutorilyExcluded) || line.HasModifier(M.NotReasonableNoWaiver) || line.HasModifier(M.VoluntaryWaiver);
}
