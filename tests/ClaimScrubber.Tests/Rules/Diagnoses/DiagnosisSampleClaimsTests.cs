using System.Globalization;
using System.Text.Json;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules.Diagnoses;

/// <summary>data/claims/diagnosis-claims.json does what its claim ids say against the sample order files.</summary>
public class DiagnosisSampleClaimsTests
{
    [Fact]
    public void Scrub_DiagnosisSampleClaims_ReportTheDiagnosisRulesTheirIdsName()
    {
        var index = CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms", "icd10cm"));
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 11, 1) });
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(CmsData.SampleFolder, "claims", "diagnosis-claims.json")));
        var results = json.RootElement.EnumerateArray().Select(ToClaim).ToDictionary(c => c.ClaimId, c => string.Join(" ", scrubber.Scrub(c).Ids().Where(id => id.StartsWith("DX", StringComparison.Ordinal))));
        results.Should().Equal(new Dictionary<string, string>
        {
            ["DX-CLEAN-1"] = string.Empty,
            ["DX-CLEAN-2"] = string.Empty,
            ["DX-CLEAN-3-Z59.86-LAST-DAY-FY2025"] = string.Empty,
            ["DX001-UNKNOWN-CODE"] = "DX001",
            ["DX002-NOT-YET-EFFECTIVE"] = "DX002",
            ["DX003-HEADER-Z59.86-FY2026"] = "DX003",
            ["DX003-HEADER-E11-AND-A00"] = "DX003 DX003",
            ["DX002-DX003-SPANS-OCT-1"] = "DX003 DX002",
            ["DX004-NO-TABLE-FOR-FY2027"] = "DX004",
            ["DX003-INPATIENT-DISCHARGED-OCT-2"] = "DX003",
            ["DX-CLEAN-OUTPATIENT"] = string.Empty,
        });
    }

    private static Claim ToClaim(JsonElement c) => new()
    {
        ClaimId = c.GetProperty("claimId").GetString()!,
        Setting = c.GetProperty("setting").GetString() switch { "inpatient" => ClaimSetting.Inpatient, "outpatientHospital" => ClaimSetting.OutpatientHospital, _ => ClaimSetting.Professional },
        Patient = new Patient { BirthDate = Date(c.GetProperty("patient").GetProperty("birthDate")), Sex = Sex.Female },
        BillingNpi = Npi.Parse(c.GetProperty("billingNpi").GetString()!),
        RenderingNpi = Npi.Parse(c.GetProperty("renderingNpi").GetString()!),
        PlaceOfService = PlaceOfServiceCode.Parse(c.GetProperty("placeOfService").GetString()!),
        FrequencyCode = c.GetProperty("frequencyCode").GetString(),
        DischargeDate = Date(c.GetProperty("dischargeDate")),
        Diagnoses = [.. c.GetProperty("diagnoses").EnumerateArray().Select(d => IcdCode.Parse(d.GetString()!))],
        Lines = [.. c.GetProperty("lines").EnumerateArray().Select(l => new ServiceLine
        {
            ProcedureCode = ProcedureCode.Parse(l.GetProperty("procedureCode").GetString()!),
            Modifiers = [.. l.GetProperty("modifiers").EnumerateArray().Select(m => ModifierCode.Parse(m.GetString()!))],
            Units = l.GetProperty("units").GetDecimal(),
            Charge = l.GetProperty("charge").GetDecimal(),
            ServiceDate = Date(l.GetProperty("serviceDate")),
            ServiceDateTo = Date(l.GetProperty("serviceDateTo")),
            DiagnosisPointers = [.. l.GetProperty("diagnosisPointers").EnumerateArray().Select(p => p.GetInt32())],
        })],
    };

    private static DateOnly? Date(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(e.GetString()!, CultureInfo.InvariantCulture);
}
