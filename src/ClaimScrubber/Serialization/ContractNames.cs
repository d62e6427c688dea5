using ClaimScrubber.Claims;
using ClaimScrubber.Rules;
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
        Rules.Severity.Error => "error",
        Rules.Severity.Warning => "warning",
        _ => "info",
    };

    public static string Of(Disposition disposition) => disposition switch
    {
        Rules.Disposition.ClaimRejection => "claimRejection",
        Rules.Disposition.LineDenial => "lineDenial",
        Rules.Disposition.ReturnToProvider => "returnToProvider",
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
        Claims.Sex.Female => "F",
        Claims.Sex.Male => "M",
        _ => "U",
    };
}
