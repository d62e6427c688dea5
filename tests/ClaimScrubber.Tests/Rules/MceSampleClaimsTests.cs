using System.Text.Json;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The sample claims of <c>data/claims/mce-claims.json</c> against the sample MCE lists of <c>data/cms/mce</c>.</summary>
public class MceSampleClaimsTests
{
    [Fact]
    public void SampleClaims_EachHitsTheRuleItsIdNames()
    {
        var index = CmsFolderLoader.Load(Path.Combine(CmsData.SampleFolder, "cms", "mce")).Index;
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) });
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(CmsData.SampleFolder, "claims", "mce-claims.json")));
        var seen = new List<string>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            var claim = ToClaim(element);
            var ids = scrubber.Scrub(claim).Findings.Select(f => f.RuleId).Where(id => id.StartsWith("DX", StringComparison.Ordinal)).Distinct().ToArray();
            var expected = claim.ClaimId.Split('-').FirstOrDefault(part => part.StartsWith("DX", StringComparison.Ordinal));
            if (expected is null)
            {
                ids.Should().BeEmpty("{0} is a clean claim", claim.ClaimId);
            }
            else
            {
                ids.Should().Equal([expected], "{0} is written to hit {1} alone", claim.ClaimId, expected);
                seen.Add(expected);
            }
        }

        seen.Should().BeEquivalentTo(["DX010", "DX011", "DX012", "DX013", "DX014", "DX015", "DX016", "DX017", "DX018", "DX019"]);
    }

    private static Claim ToClaim(JsonElement e)
    {
        DateOnly? Date(JsonElement v) => v.ValueKind == JsonValueKind.String ? DateOnly.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
        var patient = e.GetProperty("patient");
        return new Claim
        {
            ClaimId = e.GetProperty("claimId").GetString()!,
            Setting = e.GetProperty("setting").GetString() switch { "inpatient" => ClaimSetting.Inpatient, "outpatientHospital" => ClaimSetting.OutpatientHospital, _ => ClaimSetting.Professional },
            Patient = new Patient { BirthDate = Date(patient.GetProperty("birthDate")), Sex = patient.GetProperty("sex").GetString() == "M" ? Sex.Male : Sex.Female },
            BillingNpi = Npi.Parse(e.GetProperty("billingNpi").GetString()!),
            PlaceOfService = PlaceOfServiceCode.Parse(e.GetProperty("placeOfService").GetString()!),
            FrequencyCode = e.GetProperty("frequencyCode").GetString(),
            DischargeDate = Date(e.GetProperty("dischargeDate")),
            Diagnoses = [.. e.GetProperty("diagnoses").EnumerateArray().Select(d => IcdCode.Parse(d.GetString()!))],
            Lines = [.. e.GetProperty("lines").EnumerateArray().Select(l => new ServiceLine
            {
                ProcedureCode = ProcedureCode.Parse(l.GetProperty("procedureCode").GetString()!),
                ServiceDate = Date(l.GetProperty("serviceDate")),
                Charge = l.GetProperty("charge").GetDecimal(),
                DiagnosisPointers = [.. l.GetProperty("diagnosisPointers").EnumerateArray().Select(p => p.GetInt32())],
            })],
        };
    }
}
