using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization;

/// <summary>The contract's names for enum values: camelCase, as every JSON name in the contract.</summary>
internal static class ContractNames
{
    public static string Of(LinkageSupport support) => support switch
    {
        LinkageSupport.Covered => "covered",
        LinkageSupport.NotCovered => "notCovered",
        _ => "unknown",
    };

    public static string Of(Severity severity) => severity switch
    {
        ClaimScrubber.Severity.Error => "error",
        ClaimScrubber.Severity.Warning => "warning",
        _ => "info",
    };

    public static string Of(Disposition disposition) => disposition switch
    {
        ClaimScrubber.Disposition.ClaimRejection => "claimRejection",
        ClaimScrubber.Disposition.LineDenial => "lineDenial",
        ClaimScrubber.Disposition.ReturnToProvider => "returnToProvider",
        _ => "informational",
    };

    public static string Of(RuleFamily family) => family switch
    {
        RuleFamily.Claim => "claim",
        RuleFamily.Diagnosis => "diagnosis",
        RuleFamily.Procedure => "procedure",
        RuleFamily.Modifier => "modifier",
        RuleFamily.PlaceOfService => "placeOfService",
        RuleFamily.Ncci => "ncci",
        RuleFamily.Linkage => "linkage",
        RuleFamily.Opps => "opps",
        RuleFamily.Institutional => "institutional",
        RuleFamily.InpatientProcedure => "inpatientProcedure",
        RuleFamily.BillingData => "billingData",
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(family.ToString()),
    };

    public static string Of(ClaimSetting setting) => setting switch
    {
        ClaimSetting.OutpatientHospital => "outpatientHospital",
        ClaimSetting.Inpatient => "inpatient",
        ClaimSetting.OtherInstitutional => "otherInstitutional",
        _ => "professional",
    };

    public static string Of(Sex sex) => sex switch
    {
        ClaimScrubber.Sex.Female => "F",
        ClaimScrubber.Sex.Male => "M",
        _ => "U",
    };

    /// <summary>The letter of a present-on-admission indicator as claims write it (UB-04, 837I HI-xx-9), or <see langword="null"/> when not reported.</summary>
    public static string? Of(PresentOnAdmission indicator) => indicator switch
    {
        PresentOnAdmission.Yes => "Y",
        PresentOnAdmission.No => "N",
        PresentOnAdmission.Unknown => "U",
        PresentOnAdmission.ClinicallyUndetermined => "W",
        PresentOnAdmission.Exempt => "1",
        _ => null,
    };

    public static bool TryPresentOnAdmission(ReadOnlySpan<char> text, out PresentOnAdmission indicator)
    {
        indicator = text.Length != 1 ? PresentOnAdmission.NotReported : char.ToUpperInvariant(text[0]) switch
        {
            'Y' => PresentOnAdmission.Yes,
            'N' => PresentOnAdmission.No,
            'U' => PresentOnAdmission.Unknown,
            'W' => PresentOnAdmission.ClinicallyUndetermined,
            '1' => PresentOnAdmission.Exempt,
            _ => PresentOnAdmission.NotReported,
        };
        return indicator != PresentOnAdmission.NotReported;
    }

    /// <summary>The code of a drug unit as claims write it (837 CTP-05-1).</summary>
    public static string Of(DrugUnit unit) => unit switch
    {
        DrugUnit.InternationalUnit => "F2",
        DrugUnit.Gram => "GR",
        DrugUnit.Milligram => "ME",
        DrugUnit.Milliliter => "ML",
        _ => "UN",
    };

    public static bool TryDrugUnit(ReadOnlySpan<char> text, out DrugUnit unit)
    {
        foreach (var candidate in DrugUnits)
        {
            if (text.Equals(Of(candidate), StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    private static readonly DrugUnit[] DrugUnits = [DrugUnit.InternationalUnit, DrugUnit.Gram, DrugUnit.Milligram, DrugUnit.Milliliter, DrugUnit.Unit];
}
