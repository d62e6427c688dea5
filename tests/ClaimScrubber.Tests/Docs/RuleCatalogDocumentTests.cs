using ClaimScrubber.Rules;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Docs;

public class RuleCatalogDocumentTests
{
    private static string DocumentPath => Path.Combine(CmsData.RepositoryRoot, "docs", "rules.md");

    [Fact]
    public void RulesDocument_MatchesTheCatalogue()
    {
        var rendered = RuleCatalogDocument.Render();
        if (Environment.GetEnvironmentVariable("CLAIMSCRUBBER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocumentPath, rendered);
        }

        File.Exists(DocumentPath).Should().BeTrue("docs/rules.md is generated from the catalogue; run the tests once with CLAIMSCRUBBER_UPDATE_DOCS=1");
        File.ReadAllText(DocumentPath).ReplaceLineEndings("\n").Should().Be(rendered,
            "docs/rules.md drifted from RuleCatalog; regenerate it by running the tests with CLAIMSCRUBBER_UPDATE_DOCS=1 and commit the result");
    }

    [Fact]
    public void RulesDocument_ListsEveryRuleOnce()
    {
        var rendered = RuleCatalogDocument.Render();
        foreach (var rule in RuleCatalog.All)
        {
            rendered.Split($"| {rule.Id} |").Should().HaveCount(2, rule.Id);
        }
    }

    [Fact]
    public void EveryBuiltInRule_NamesTheSourceItFollows()
    {
        // The guide's rule: every policy rule cites its source (manual chapter, NCCI Policy Manual section, CFR, table
        // column) in code and in docs/rules.md, where the Source column shows it.
        RuleCatalog.All.Where(rule => string.IsNullOrWhiteSpace(rule.Source)).Select(rule => rule.Id).Should().BeEmpty();
    }
}
