using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Codes;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The project's sample HCPCS, modifier and place-of-service files load, and each sample claim hits the rule its id names.</summary>
public class CodeValiditySampleTests
{
    private static readonly RuleDescriptor[] ValidityRules = [.. RuleCatalog.Procedures.All, .. RuleCatalog.Modifiers.All, .. RuleCatalog.PlacesOfService.All];

    [Fact]
    public void SampleFiles_LoadWithoutProblems()
    {
        var index = SampleIndex();
        index.Hcpcs!.Count.Should().Be(23);
        (index.Modifiers!.Count, index.Modifiers.LevelOneCount, index.Modifiers.LevelTwoCount).Should().Be((41, 20, 22));
        index.PlacesOfService!.AssignedCount.Should().Be(52);
        index.Hcpcs.Release.Release.Should().Be("2025 Q4 (October)");
    }

    [Fact]
    public void SampleClaims_HitTheRuleTheirIdNames()
    {
        var scrubber = Scrubber.Create(SampleIndex(), ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) });
        var claims = ReadClaims(Path.Combine(CmsData.SampleFolder, "claims", "code-validity-claims.json"));
        claims.Should().HaveCount(16);
        foreach (var claim in claims)
        {
            // Only the code-validity rules: with the sample RVU file loaded, fee-schedule rules of the same families also speak.
            var ids = scrubber.Scrub(claim).Findings.Where(f => ValidityRules.Contains(f.Rule)).Select(f => f.RuleId).ToList();
            var expected = claim.ClaimId.Split('-')[1];
            if (expected == "CLEAN")
            {
                ids.Should().BeEmpty(claim.ClaimId);
            }
            else
            {
                ids.Should().Equal([expected], claim.ClaimId);
            }
        }
    }

    private static CodeSetIndex SampleIndex()
    {
        var result = CmsFolderLoader.Load(Path.Combine(CmsData.SampleFolder, "cms"));
        result.Report.Problems.Where(p => p.File.StartsWith("hcpcs/", StringComparison.Ordinal) || p.File.StartsWith("pos/", StringComparison.Ordinal)).Should().BeEmpty();
        return result.Index;
    }

    /// <summary>Reads the claim JSON contract, as far as these rules need it.</summary>
    internal static List<Claim> ReadClaims(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var claims = new List<Claim>();
        foreach (var c in document.RootElement.EnumerateArray())
        {
            claims.Add(new Claim
            {
                ClaimId = c.GetProperty("claimId").GetString()!,
                Setting = c.GetProperty("setting").GetString() switch { "outpatientHospital" => ClaimSetting.OutpatientHospital, "inpatient" => ClaimSetting.Inpatient, _ => ClaimSetting.Professional },
                Patient = new Patient { BirthDate = Date(c.GetProperty("patient").GetProperty("birthDate")), Sex = Sex.Female },
                BillingNpi = Npi.Parse(c.GetProperty("billingNpi").GetString()!),
                PlaceOfService = Pos(c.GetProperty("placeOfService")),
                FrequencyCode = c.GetProperty("frequencyCode").GetString(),
                Diagnoses = [.. c.GetProperty("diagnoses").EnumerateArray().Select(d => IcdCode.Parse(d.GetString()!))],
                Lines = [.. c.GetProperty("lines").EnumerateArray().Select(l => new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse(l.GetProperty("procedureCode").GetString()!),
                    Modifiers = [.. l.GetProperty("modifiers").EnumerateArray().Select(m => ModifierCode.Parse(m.GetString()!))],
                    Units = l.GetProperty("units").GetDecimal(),
                    Charge = l.GetProperty("charge").GetDecimal(),
                    ServiceDate = Date(l.GetProperty("serviceDate")),
                    PlaceOfService = Pos(l.GetProperty("placeOfService")),
                    DiagnosisPointers = [.. l.GetProperty("diagnosisPointers").EnumerateArray().Select(p => p.GetInt32())],
                })],
            });
        }

        return claims;
    }

    private static DateOnly? Date(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    private static PlaceOfServiceCode? Pos(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : PlaceOfServiceCode.Parse(e.GetString()!);
}
