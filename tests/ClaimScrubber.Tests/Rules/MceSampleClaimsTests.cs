using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The sample claims of <c>data/claims/mce-claims.json</c> against the sample MCE lists of <c>data/cms/mce</c>.</summary>
public class MceSampleClaimsTests
{
    [Fact]
    public void SampleClaims_EachHitsTheRuleItsIdNames()
    {
        var index = CmsData.LoadSample("mce").Index;
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) });
        var seen = new List<string>();
        foreach (var claim in SampleClaims.Read("mce-claims.json"))
        {
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
}
