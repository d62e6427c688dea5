using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Rules;
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
        var claims = SampleClaims.Read("code-validity-claims.json");
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
}
