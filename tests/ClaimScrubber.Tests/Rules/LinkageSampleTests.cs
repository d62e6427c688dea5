using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>Each sample linkage claim (<c>data/claims/linkage-claims.json</c>) hits the rule its id names over the sample tables.</summary>
public class LinkageSampleTests
{
    [Fact]
    public void SampleClaims_HitTheRuleTheirIdNames()
    {
        var index = CmsFolderLoader.Load(Path.Combine(CmsData.SampleFolder, "cms")).Index;
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) });
        var claims = SampleClaims.Read("linkage-claims.json");
        claims.Should().HaveCount(16);
        foreach (var claim in claims)
        {
            var ids = scrubber.Scrub(claim).Findings.Where(f => f.Family == RuleFamily.Linkage).Select(f => f.RuleId).ToList();
            var expected = claim.ClaimId.Split('-')[1];
            ids.Should().Equal(expected == "CLEAN" ? [] : [expected], claim.ClaimId);
        }
    }
}
