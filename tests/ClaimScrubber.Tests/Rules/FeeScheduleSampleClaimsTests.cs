using System.Globalization;
using System.Text.Json;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>data/claims/modifier-claims.json, scrubbed against the sample RVU file, gives the findings each claim was written for.</summary>
public class FeeScheduleSampleClaimsTests
{
    public static TheoryData<string, string> Expected => new()
    {
        { "MOD-CLEAN-1", string.Empty },
        { "MOD-CLEAN-2", string.Empty },
        { "MOD-CLEAN-3", "2:PX026 3:PX026 4:PX026 5:PX026" },
        { "MOD-CLEAN-4", string.Empty },
        { "MOD-PCTC", "1:MOD010 2:MOD010" },
        { "MOD-GLOBAL-COMPONENT", "2:MOD012" },
        { "MOD-BILATERAL", "1:MOD017 2:MOD016 3:MOD014" },
        { "MOD-SIDES", "2:MOD018" },
        { "MOD-TEAM", "1:MOD020 2:MOD019 3:MOD022" },
        { "MOD-EM-SAME-DAY", "1:MOD029 4:MOD025" },
        { "MOD-CONFLICTS", "1:MOD030 2:MOD031 3:MOD032" },
        { "MOD-POSTOP", "2:MOD027 3:MOD028" },
        { "PX-STATUS", "1:PX030 3:PX028" },
        { "POS-NA", "1:POS010 2:POS011 3:POS011 3:POS013" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void SampleClaim_GivesTheFindingsItWasWrittenFor(string claimId, string expected)
    {
        var claim = Load().Single(c => c.ClaimId == claimId);
        var result = FeeScheduleFixture.Scrubber().Scrub(claim);
        string.Join(' ', result.Findings.OrderBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).Select(f => $"{f.Line}:{f.RuleId}")).Should().Be(expected);
    }

    [CmsFact]
    public void SampleClaims_AgainstTheFullRvuAndPlaceOfServiceFiles_GiveTheSameFindings()
    {
        // The full October 2025 RVU file and CMS's place-of-service list (real facility flags) decide as the sample does.
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(CmsFolderLoader.Load(CmsData.File("pfs")).Index.FeeSchedule!);
        builder.SetTable(CmsFolderLoader.Load(CmsData.File("pos")).Index.PlacesOfService!);
        var scrubber = Scrubber.Create(builder.Build(), ScrubberOptions.Default with { AsOfDate = TestClaims.Today, EnabledRules = [.. FeeScheduleFixture.PricingNotes] });
        foreach (var row in Expected)
        {
            var claim = Load().Single(c => c.ClaimId == (string)row[0]);
            var findings = scrubber.Scrub(claim).Findings.OrderBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).Select(f => $"{f.Line}:{f.RuleId}");
            string.Join(' ', findings).Should().Be((string)row[1], claim.ClaimId);
        }
    }

    [Fact]
    public void SampleFile_HoldsEveryClaimTheTestExpects() =>
        Load().Select(c => c.ClaimId).Should().BeEquivalentTo(Expected.Select(row => (string)row[0]));

    /// <summary>Reads the claim JSON contract of the brief; only the members these rules read.</summary>
    private static List<Claim> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CmsData.SampleFolder, "claims", "modifier-claims.json")));
        var claims = new List<Claim>();
        foreach (var c in document.RootElement.EnumerateArray())
        {
            claims.Add(new Claim
            {
                ClaimId = c.GetProperty("claimId").GetString()!,
                Setting = ClaimSetting.Professional,
                Patient = new Patient { BirthDate = DateOnly.Parse(c.GetProperty("patient").GetProperty("birthDate").GetString()!, CultureInfo.InvariantCulture), Sex = Sex.Female },
                BillingNpi = Npi.Parse(c.GetProperty("billingNpi").GetString()!),
                RenderingNpi = Npi.Parse(c.GetProperty("renderingNpi").GetString()!),
                PlaceOfService = PlaceOfServiceCode.Parse(c.GetProperty("placeOfService").GetString()!),
                FrequencyCode = c.GetProperty("frequencyCode").GetString(),
                Diagnoses = [.. c.GetProperty("diagnoses").EnumerateArray().Select(d => IcdCode.Parse(d.GetString()!))],
                Lines = [.. c.GetProperty("lines").EnumerateArray().Select(l => new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse(l.GetProperty("procedureCode").GetString()!),
                    Modifiers = [.. l.GetProperty("modifiers").EnumerateArray().Select(m => ModifierCode.Parse(m.GetString()!))],
                    Units = l.GetProperty("units").GetDecimal(),
                    Charge = l.GetProperty("charge").GetDecimal(),
                    ServiceDate = DateOnly.Parse(l.GetProperty("serviceDate").GetString()!, CultureInfo.InvariantCulture),
                    PlaceOfService = l.GetProperty("placeOfService").GetString() is { } pos ? PlaceOfServiceCode.Parse(pos) : null,
                    DiagnosisPointers = [.. l.GetProperty("diagnosisPointers").EnumerateArray().Select(p => p.GetInt32())],
                })],
            });
        }

        return claims;
    }
}
