using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>data/claims/modifier-claims.json, scrubbed against the sample RVU file, gives the findings each claim was written for.</summary>
public class FeeScheduleSampleClaimsTests
{
    private const string SampleFile = "modifier-claims.json";

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
        var claim = SampleClaims.Read(SampleFile).Single(c => c.ClaimId == claimId);
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
            var claim = SampleClaims.Read(SampleFile).Single(c => c.ClaimId == (string)row[0]);
            var findings = scrubber.Scrub(claim).Findings.OrderBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).Select(f => $"{f.Line}:{f.RuleId}");
            string.Join(' ', findings).Should().Be((string)row[1], claim.ClaimId);
        }
    }

    [Fact]
    public void SampleFile_HoldsEveryClaimTheTestExpects() =>
        SampleClaims.Read(SampleFile).Select(c => c.ClaimId).Should().BeEquivalentTo(Expected.Select(row => (string)row[0]));
}
