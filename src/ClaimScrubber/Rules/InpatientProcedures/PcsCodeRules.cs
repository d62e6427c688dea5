using ClaimScrubber.CodeSets.Icd10Pcs;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.InpatientProcedures;

namespace ClaimScrubber.Rules.InpatientProcedures;

/// <summary>
/// The ICD-10-PCS procedures of a claim: reported on an inpatient bill only, and each a valid code in the discharge
/// date's fiscal year (MCE edit 1) — a year without its own order file reads the nearest loaded one.
/// </summary>
internal sealed class PcsCodeRules(PcsCodeSet codes) : IClaimRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.Unknown, R.NotValidOnDate, R.NotInpatient];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var procedures = claim.PcsProcedures;
        if (procedures.IsEmpty)
        {
            return;
        }

        if (claim.Setting != ClaimSetting.Inpatient)
        {
            if (context.IsEnabled(R.NotInpatient))
            {
                context.Report(R.NotInpatient, null, PcsElement(1),
                    $"The claim reports {procedures.Length} ICD-10-PCS procedure(s) but is not an inpatient bill; ICD-10-PCS codes report inpatient procedures.",
                    "Report the services on the lines with HCPCS/CPT codes, or bill the stay on an inpatient type of bill (11x).", [procedures[0].Code.ToString()]);
            }

            return;
        }

        if (claim.DiagnosisDate is not { } discharge)
        {
            return;
        }

        for (var i = 0; i < procedures.Length; i++)
        {
            var code = procedures[i].Code;
            var lookup = codes.Lookup(code, discharge);
            if (lookup.Status == PcsStatus.Unknown && context.IsEnabled(R.Unknown))
            {
                context.Report(R.Unknown, null, PcsElement(i + 1),
                    $"{code} is not an ICD-10-PCS code in any loaded fiscal year (FY{string.Join(", FY", codes.FiscalYears)}).",
                    "Check the code against the ICD-10-PCS tables: a character may be mistyped.", [code.ToString()], lookup.Release);
            }
            else if (lookup.Status == PcsStatus.NotValidOnDate && context.IsEnabled(R.NotValidOnDate))
            {
                context.Report(R.NotValidOnDate, null, PcsElement(i + 1),
                    $"{code} is not in the FY{lookup.FiscalYear} ICD-10-PCS code set, the fiscal year of the discharge date; it is a code of another year (deleted, or not yet effective).",
                    $"Code the procedure from the FY{lookup.FiscalYear} ICD-10-PCS tables.", [code.ToString()], lookup.Release);
            }
        }
    }

    /// <summary>Returns the element path of procedure <paramref name="number"/> (1-based).</summary>
    internal static string PcsElement(int number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pcsProcedures[{number}]");
}
