using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.BillingData;

namespace ClaimScrubber.Rules.BillingData;

/// <summary>
/// Billing data payers require beside the codes, as warnings: the ordering or referring provider of laboratory, imaging
/// and DMEPOS lines and the CLIA number of laboratory claims (professional claims), the payer claim control number of a
/// replacement or void (every claim), and, opt-in, the NDC of drug lines.
/// </summary>
/// <remarks>
/// They judge claims that carry the 837's payer loops (a subscriber member id or a payer id): a claim in the JSON
/// contract's first shape has no place for the ordering provider, the CLIA number, the payer claim control number or the
/// NDC, so their absence there says nothing.
/// </remarks>
internal sealed class BillingDataRules : IClaimRule
{
    private static readonly uint LabFirst = ProcedureCode.Parse("80047").Value;
    private static readonly uint LabLast = ProcedureCode.Parse("89398").Value;
    private static readonly uint ImagingFirst = ProcedureCode.Parse("70010").Value;
    private static readonly uint ImagingLast = ProcedureCode.Parse("79999").Value;
    private static readonly uint SuppliesFirst = ProcedureCode.Parse("A4000").Value;
    private static readonly uint SuppliesLast = ProcedureCode.Parse("B9999").Value;
    private static readonly uint EquipmentFirst = ProcedureCode.Parse("E0100").Value;
    private static readonly uint EquipmentLast = ProcedureCode.Parse("E9999").Value;
    private static readonly uint OrthoticsFirst = ProcedureCode.Parse("K0001").Value;
    private static readonly uint OrthoticsLast = ProcedureCode.Parse("L9999").Value;
    private static readonly uint DrugsFirst = ProcedureCode.Parse("J0100").Value;
    private static readonly uint DrugsLast = ProcedureCode.Parse("J9999").Value;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = R.All;

    /// <summary>Tells whether <paramref name="code"/> is a clinical laboratory test (CPT 80047–89398).</summary>
    public static bool IsLaboratory(ProcedureCode code) => code.Value >= LabFirst && code.Value <= LabLast;

    /// <summary>Tells whether a service of <paramref name="code"/> needs an ordering or referring provider: laboratory, imaging (CPT 70010–79999) or DMEPOS (HCPCS A4000–B9999, E, K and L codes).</summary>
    public static bool NeedsOrderingProvider(ProcedureCode code)
    {
        var value = code.Value;
        return IsLaboratory(code) || (value >= ImagingFirst && value <= ImagingLast) || (value >= SuppliesFirst && value <= SuppliesLast)
            || (value >= EquipmentFirst && value <= EquipmentLast) || (value >= OrthoticsFirst && value <= OrthoticsLast);
    }

    /// <summary>Tells whether a CLIA number has its form: two digits, the letter D, seven digits.</summary>
    public static bool IsWellFormedClia(ReadOnlySpan<char> clia)
    {
        clia = clia.Trim();
        if (clia.Length != 10 || char.ToUpperInvariant(clia[2]) != 'D')
        {
            return false;
        }

        for (var i = 0; i < clia.Length; i++)
        {
            if (i != 2 && !char.IsAsciiDigit(clia[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells whether <paramref name="claim"/> carries the 837's payer loops, and so the elements these rules look for.</summary>
    public static bool CarriesPayerLoops(Claim claim) => claim.Coverage.MemberId is not null || claim.Coverage.PayerId is not null;

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        if (!CarriesPayerLoops(claim))
        {
            return;
        }

        if (claim.FrequencyCode is "7" or "8" && string.IsNullOrWhiteSpace(claim.PayerClaimControlNumber) && context.IsEnabled(R.OriginalClaimReference))
        {
            context.Report(R.OriginalClaimReference, null, "payerClaimControlNumber",
                $"The claim is a {(claim.FrequencyCode == "7" ? "replacement" : "void")} (frequency {claim.FrequencyCode}) but does not give the payer's control number of the claim it {(claim.FrequencyCode == "7" ? "replaces" : "voids")}.",
                "Report the payer claim control number (ICN/DCN) of the original claim, from its remittance.", [claim.FrequencyCode]);
        }

        var professional = claim.Setting == ClaimSetting.Professional;
        var lines = claim.Lines;
        var firstLab = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code)
            {
                continue;
            }

            if (professional && firstLab == 0 && IsLaboratory(code))
            {
                firstLab = i + 1;
            }

            if (professional && NeedsOrderingProvider(code) && line.OrderingNpi is null && line.ReferringNpi is null && claim.ReferringNpi is null && context.IsEnabled(R.OrderingProvider))
            {
                context.Report(R.OrderingProvider, i + 1, ElementPath.LineMember(i + 1, "orderingNpi"),
                    $"{code} is a laboratory, imaging or DMEPOS service, and neither the line nor the claim names the provider who ordered or referred it.",
                    "Report the ordering provider's NPI on the line (or the referring provider's on the claim); it must be enrolled in Medicare and eligible to order.", [code.ToString()]);
            }

            if (IsDrugLine(line, code) && context.IsEnabled(R.DrugNdc) && (line.Drug is null || line.Drug.Quantity is null || line.Drug.Unit is null))
            {
                context.Report(R.DrugNdc, i + 1, ElementPath.LineMember(i + 1, "drug"),
                    line.Drug is null
                        ? $"Drug line {code} carries no National Drug Code."
                        : $"Drug line {code} carries NDC {line.Drug.Ndc} without its quantity and unit.",
                    "Report the NDC of the drug administered (11 digits, 5-4-2) with the quantity and unit of measure (UN, ML, GR, F2, ME).", [code.ToString()]);
            }
        }

        if (firstLab > 0 && context.IsEnabled(R.CliaNumber) && (claim.CliaNumber is not { } clia || !IsWellFormedClia(clia)))
        {
            context.Report(R.CliaNumber, firstLab, "cliaNumber",
                claim.CliaNumber is null
                    ? "The claim bills clinical laboratory tests without the laboratory's CLIA certificate number."
                    : $"The CLIA number '{Institutional.EchoedValue.Of(claim.CliaNumber)}' is not two digits, D and seven digits.",
                "Report the CLIA certificate number of the laboratory that performed the tests (such as 05D0123456).",
                claim.CliaNumber is null ? default : [Institutional.EchoedValue.Of(claim.CliaNumber)]);
        }
    }

    private static bool IsDrugLine(ServiceLine line, ProcedureCode code) =>
        (code.Value >= DrugsFirst && code.Value <= DrugsLast) || line.RevenueCode is "0636";
}
