using System.Globalization;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeScheduleProcedures;

namespace ClaimScrubber.Rules.Procedures;

/// <summary>
/// G2211, the office visit complexity add-on, with a visit that carries 25 (PX031): not paid since its payment began
/// (2024-01-01); from 2025-01-01 paid when the 25-modified visit is billed with an annual wellness visit, a vaccine
/// administration or a Medicare Part B preventive service that day. Reads no table.
/// </summary>
/// <remarks>
/// Sources: CY2024 PFS final rule, 88 FR 78818; CY2025 PFS final rule, 89 FR 97710; CMS MLN006559 (the preventive
/// services and their codes, of which <see cref="Exceptions"/> holds those billed in an office).
/// </remarks>
internal sealed class ComplexityAddOnRule : IClaimRule
{
    private static readonly ProcedureCode ComplexityAddOn = ProcedureCode.Parse("G2211");

    private static readonly DateOnly ExceptionsFrom = new(2025, 1, 1);

    /// <summary>
    /// The services that let G2211 be paid with a 25-modified visit from 2025: annual wellness visits and the initial
    /// preventive physical exam; vaccine administration; and Part B preventive services (screenings, counseling, tests).
    /// </summary>
    private static readonly HashSet<uint> Exceptions =
    [
        .. new[]
        {
            // Annual wellness visit, initial preventive physical examination, advance care planning with the AWV.
            "G0438", "G0439", "G0402", "99497", "99498",
            // Vaccine administration.
            "G0008", "G0009", "G0010", "90460", "90461", "90471", "90472", "90473", "90474", "90480",
            // Screenings and counseling of the Part B preventive services.
            "77067", "77063", "G0101", "Q0091", "G0102", "G0103", "G0104", "G0105", "G0106", "G0120", "G0121", "G0328", "82270", "81528",
            "G0442", "G0443", "G0444", "G0445", "G0446", "G0447", "G0473", "99406", "99407", "80061", "82465", "83718", "84478",
            "82947", "82950", "82951", "76706", "71271", "G0296", "G0472", "G0499", "G0475", "G0432", "G0433", "G0435",
            "77078", "77080", "77081", "G0130", "G0117", "G0118", "97802", "97803", "97804", "G0270", "G0271", "G0108", "G0109",
        }.Select(c => ProcedureCode.Parse(c).Value),
    ];

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.ComplexityAddOnWithModifier25];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].ProcedureCode != ComplexityAddOn || lines[i].ServiceDate is not { } date)
            {
                continue;
            }

            var provider = claim.RenderingNpiFor(lines[i]);
            var visit = -1;
            var exception = false;
            for (var j = 0; j < lines.Length; j++)
            {
                var other = lines[j];
                if (j == i || other.ServiceDate != date || other.ProcedureCode is not { } code || claim.RenderingNpiFor(other) != provider)
                {
                    continue;
                }

                visit = visit < 0 && ProcedureClasses.IsOfficeVisit(code) && other.HasModifier(M.SignificantEm) ? j : visit;
                exception |= Exceptions.Contains(code.Value);
            }

            if (visit < 0 || (exception && date >= ExceptionsFrom) || !context.IsEnabled(R.ComplexityAddOnWithModifier25))
            {
                continue;
            }

            var visitCode = lines[visit].ProcedureCode!.Value;
            var culture = CultureInfo.InvariantCulture;
            context.Report(R.ComplexityAddOnWithModifier25, i + 1, ElementPath.LineMember(i + 1, "procedureCode"),
                date < ExceptionsFrom
                    ? string.Create(culture, $"G2211 is billed with {visitCode} (line {visit + 1}), which carries modifier 25: before 2025 Medicare never pays the visit complexity add-on with a 25-modified visit.")
                    : string.Create(culture, $"G2211 is billed with {visitCode} (line {visit + 1}), which carries modifier 25, and no annual wellness visit, vaccine administration or Part B preventive service is billed that day: Medicare does not pay the visit complexity add-on then."),
                string.Create(culture, $"Remove G2211, or remove 25 from {visitCode} if the visit was not separately identifiable from another service that day; G2211 is paid with a 25-modified visit only beside an annual wellness visit, a vaccine administration or a Part B preventive service (from 2025)."),
                ["G2211", visitCode.ToString(), "25"]);
        }
    }
}
