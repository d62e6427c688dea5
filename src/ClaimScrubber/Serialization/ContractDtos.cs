using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ClaimScrubber.Claims;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization;

/// <summary>Source-generated JSON for the claim and result contract; no reflection, so the library stays trimmable and AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ScrubResultDto))]
[JsonSerializable(typeof(ClaimDto))]
internal sealed partial class ContractJsonContext : JsonSerializerContext
{
}

/// <summary>A result as the contract writes it: <c>{"claimId","findings":[…]}</c>.</summary>
internal sealed class ScrubResultDto
{
    public required string ClaimId { get; init; }

    public required ImmutableArray<FindingDto> Findings { get; init; }

    /// <summary>Gets the per-line linkage report; written only when asked for (<c>scrub --linkage</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LinkageDto? Linkage { get; init; }

    public static ScrubResultDto From(ScrubResult result, LinkageReport? linkage = null)
    {
        var findings = result.Findings;
        var dtos = ImmutableArray.CreateBuilder<FindingDto>(findings.Length);
        foreach (var f in findings)
        {
            dtos.Add(new FindingDto
            {
                RuleId = f.RuleId,
                Family = ContractNames.Of(f.Family),
                Severity = ContractNames.Of(f.Severity),
                Disposition = ContractNames.Of(f.Disposition),
                Line = f.Line,
                Element = f.Element,
                Codes = f.Codes,
                Message = f.Message,
                FixHint = f.FixHint,
                Carc = f.Carc,
                Rarc = f.Rarc,
                Source = f.Source?.ToString(),
            });
        }

        return new ScrubResultDto { ClaimId = result.ClaimId ?? string.Empty, Findings = dtos.MoveToImmutable(), Linkage = LinkageDto.From(linkage) };
    }
}

/// <summary>The linkage report as the contract writes it: <c>{"lines":[{"line","procedureCode","ncd","support","source","diagnoses":[…]}]}</c>.</summary>
internal sealed class LinkageDto
{
    public required ImmutableArray<LineLinkageDto> Lines { get; init; }

    public static LinkageDto? From(LinkageReport? report) => report is null ? null : new LinkageDto
    {
        Lines = [.. report.Lines.Select(l => new LineLinkageDto
        {
            Line = l.Line,
            ProcedureCode = l.ProcedureCode,
            Ncd = l.Determination,
            Support = ContractNames.Of(l.Support),
            Source = l.Source?.ToString(),
            Diagnoses = [.. l.Diagnoses.Select(d => new DiagnosisSupportDto { Pointer = d.Position, Diagnosis = d.Diagnosis, Code = d.Code, Support = ContractNames.Of(d.Support), Reason = d.Reason })],
        })],
    };
}

/// <summary>One line of the linkage report.</summary>
internal sealed class LineLinkageDto
{
    public required int Line { get; init; }

    public string? ProcedureCode { get; init; }

    public string? Ncd { get; init; }

    public required string Support { get; init; }

    public string? Source { get; init; }

    public required ImmutableArray<DiagnosisSupportDto> Diagnoses { get; init; }
}

/// <summary>How one pointed-to diagnosis supports a line.</summary>
internal sealed class DiagnosisSupportDto
{
    public required int Pointer { get; init; }

    public required int Diagnosis { get; init; }

    public required string Code { get; init; }

    public required string Support { get; init; }

    public string? Reason { get; init; }
}

/// <summary>A finding as the contract writes it; enums are camelCase strings and the source is the release's text.</summary>
internal sealed class FindingDto
{
    public required string RuleId { get; init; }

    public required string Family { get; init; }

    public required string Severity { get; init; }

    public required string Disposition { get; init; }

    public int? Line { get; init; }

    public required string Element { get; init; }

    public required ImmutableArray<string> Codes { get; init; }

    public required string Message { get; init; }

    public required string FixHint { get; init; }

    public string? Carc { get; init; }

    public string? Rarc { get; init; }

    public string? Source { get; init; }
}

/// <summary>A claim as the contract writes it, so that generated claims read back unchanged.</summary>
internal sealed class ClaimDto
{
    public required string ClaimId { get; init; }

    public required string Setting { get; init; }

    public required PatientDto Patient { get; init; }

    public string? BillingNpi { get; init; }

    public string? RenderingNpi { get; init; }

    public string? PlaceOfService { get; init; }

    public string? FrequencyCode { get; init; }

    public DateOnly? DischargeDate { get; init; }

    public required ImmutableArray<string> Diagnoses { get; init; }

    public required ImmutableArray<LineDto> Lines { get; init; }

    public static ClaimDto From(Claim claim)
    {
        var lines = ImmutableArray.CreateBuilder<LineDto>(claim.Lines.Length);
        foreach (var line in claim.Lines)
        {
            lines.Add(new LineDto
            {
                ProcedureCode = line.ProcedureCode?.ToString(),
                Modifiers = [.. line.Modifiers.Select(m => m.ToString())],
                Units = line.Units,
                Charge = line.Charge,
                ServiceDate = line.ServiceDate,
                ServiceDateTo = line.ServiceDateTo,
                PlaceOfService = line.PlaceOfService?.ToString(),
                DiagnosisPointers = line.DiagnosisPointers,
                RenderingNpi = line.RenderingNpi?.ToString(),
                RevenueCode = line.RevenueCode,
            });
        }

        return new ClaimDto
        {
            ClaimId = claim.ClaimId,
            Setting = ContractNames.Of(claim.Setting),
            Patient = new PatientDto { BirthDate = claim.Patient.BirthDate, Sex = ContractNames.Of(claim.Patient.Sex) },
            BillingNpi = claim.BillingNpi?.ToString(),
            RenderingNpi = claim.RenderingNpi?.ToString(),
            PlaceOfService = claim.PlaceOfService?.ToString(),
            FrequencyCode = claim.FrequencyCode,
            DischargeDate = claim.DischargeDate,
            Diagnoses = [.. claim.Diagnoses.Select(d => d.ToDottedString())],
            Lines = lines.MoveToImmutable(),
        };
    }
}

/// <summary>The patient of a written claim.</summary>
internal sealed class PatientDto
{
    public DateOnly? BirthDate { get; init; }

    public required string Sex { get; init; }
}

/// <summary>A service line of a written claim; the members beyond the documented contract are written only when set.</summary>
internal sealed class LineDto
{
    public string? ProcedureCode { get; init; }

    public required ImmutableArray<string> Modifiers { get; init; }

    public decimal Units { get; init; }

    public decimal Charge { get; init; }

    public DateOnly? ServiceDate { get; init; }

    public DateOnly? ServiceDateTo { get; init; }

    public string? PlaceOfService { get; init; }

    public required ImmutableArray<int> DiagnosisPointers { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RenderingNpi { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RevenueCode { get; init; }
}

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
