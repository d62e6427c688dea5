using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Institutional;

namespace ClaimScrubber.Rules.Institutional;

/// <summary>
/// The lines of an institutional bill (one with a type of bill): a well-formed revenue code on every line (UB010), a HCPCS
/// code where a hospital outpatient bill's revenue code requires one (UB011), and the therapy discipline modifier a
/// therapy revenue code or an always-therapy code requires (UB012).
/// </summary>
internal sealed class InstitutionalLineRules : IClaimRule
{
    private static readonly ModifierCode PhysicalTherapy = ModifierCode.Parse("GP");
    private static readonly ModifierCode OccupationalTherapy = ModifierCode.Parse("GO");
    private static readonly ModifierCode SpeechLanguagePathology = ModifierCode.Parse("GN");

    /// <summary>
    /// Codes CMS lists as "always therapy" (Pub. 100-04 ch. 5 §20; the annual therapy code list): the services of a
    /// therapy plan of care, which carry GP, GO or GN whoever furnishes them. Sorted by packed value.
    /// </summary>
    private static readonly uint[] AlwaysTherapy = [.. new[]
    {
        "92507", "92508", "92521", "92522", "92523", "92524", "92526", "97012", "97016", "97018", "97022", "97032", "97033", "97034",
        "97035", "97036", "97110", "97112", "97113", "97116", "97124", "97140", "97150", "97161", "97162", "97163", "97164", "97165",
        "97166", "97167", "97168", "97530", "97535", "97537", "97542", "97750", "97760", "97761", "97763",
    }.Select(c => ProcedureCode.Parse(c).Value).Order()];

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.InvalidRevenueCode, R.RevenueCodeNeedsHcpcs, R.TherapyModifier];

    /// <summary>
    /// Tells whether CMS requires a HCPCS code with <paramref name="revenueCode"/> on a hospital outpatient bill: laboratory
    /// and pathology (030x, 031x), radiology, nuclear medicine and CT (032x–035x), other imaging (040x), therapy (042x–044x),
    /// emergency room (045x), pulmonary function (046x), cardiology (048x), clinic (051x), MRI (061x), EKG (073x), EEG (074x),
    /// and drugs requiring detailed coding (0636) (Pub. 100-04 ch. 4 §20.5).
    /// </summary>
    public static bool RequiresHcpcs(ReadOnlySpan<char> revenueCode) =>
        revenueCode.Length == 4 && revenueCode[0] == '0'
        && (revenueCode[1..3] is "30" or "31" or "32" or "33" or "34" or "35" or "40" or "42" or "43" or "44" or "45" or "46" or "48" or "51" or "61" or "73" or "74"
            || revenueCode is "0636");

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        if (claim.TypeOfBill is not { } bill || claim.Setting == ClaimSetting.Professional)
        {
            return;
        }

        var outpatient = bill.Facility == 1 && bill.Classification is 2 or 3 or 4;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var revenue = line.RevenueCode;
            if (revenue is null || !IsWellFormed(revenue))
            {
                if (context.IsEnabled(R.InvalidRevenueCode))
                {
                    context.Report(R.InvalidRevenueCode, i + 1, ElementPath.LineMember(i + 1, "revenueCode"),
                        revenue is null
                            ? $"Line {i + 1} of the institutional bill has no revenue code."
                            : $"Line {i + 1}'s revenue code '{EchoedValue.Of(revenue)}' is not four digits.",
                        "Report the four-digit revenue code of the service's cost center (such as 0450 for the emergency room), with its leading zero.",
                        revenue is null ? default : [EchoedValue.Of(revenue)]);
                }

                CheckAlwaysTherapy(context, line, i + 1);
                continue;
            }

            if (outpatient && line.ProcedureCode is null && RequiresHcpcs(revenue) && context.IsEnabled(R.RevenueCodeNeedsHcpcs))
            {
                context.Report(R.RevenueCodeNeedsHcpcs, i + 1, ElementPath.LineMember(i + 1, "procedureCode"),
                    $"Line {i + 1} bills revenue code {revenue} without a HCPCS code; on a hospital outpatient bill CMS requires the HCPCS code of the service with it.",
                    "Report the HCPCS/CPT code of the service on the line.", [revenue]);
            }

            var discipline = revenue.AsSpan(0, 3) switch
            {
                "042" => PhysicalTherapy,
                "043" => OccupationalTherapy,
                "044" => SpeechLanguagePathology,
                _ => default,
            };
            if (discipline.IsDefault)
            {
                CheckAlwaysTherapy(context, line, i + 1);
            }
            else if (!line.HasModifier(discipline) && context.IsEnabled(R.TherapyModifier))
            {
                context.Report(R.TherapyModifier, i + 1, ElementPath.LineMember(i + 1, "modifiers"),
                    $"Line {i + 1} bills therapy revenue code {revenue} without modifier {discipline}, which its discipline requires.",
                    $"Add {discipline} ({Discipline(discipline)}) to the line, or correct the revenue code to the discipline that furnished the service.", [revenue, discipline.ToString()]);
            }
        }
    }

    private static void CheckAlwaysTherapy(ScrubContext context, ServiceLine line, int number)
    {
        if (line.ProcedureCode is not { } code || Array.BinarySearch(AlwaysTherapy, code.Value) < 0
            || line.HasModifier(PhysicalTherapy) || line.HasModifier(OccupationalTherapy) || line.HasModifier(SpeechLanguagePathology)
            || !context.IsEnabled(R.TherapyModifier))
        {
            return;
        }

        context.Report(R.TherapyModifier, number, ElementPath.LineMember(number, "modifiers"),
            $"{code} is always a therapy service, and line {number} has no therapy discipline modifier (GP, GO or GN).",
            "Add GP (physical therapy), GO (occupational therapy) or GN (speech-language pathology) for the discipline under whose plan of care the service was furnished.", [code.ToString()]);
    }

    private static bool IsWellFormed(string revenue) =>
        revenue.Length == 4 && char.IsAsciiDigit(revenue[0]) && char.IsAsciiDigit(revenue[1]) && char.IsAsciiDigit(revenue[2]) && char.IsAsciiDigit(revenue[3]) && revenue != "0000";

    private static string Discipline(ModifierCode modifier) =>
        modifier == PhysicalTherapy ? "physical therapy" : modifier == OccupationalTherapy ? "occupational therapy" : "speech-language pathology";
}
