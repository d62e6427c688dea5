using ClaimScrubber.CodeSets;
using ClaimScrubber.Generation;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Tests.Generation;

public class ClaimGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameClaims()
    {
        var a = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 7 }).Generate(50).ToList();
        var b = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 7 }).Generate(50).ToList();
        a.Select(Describe).Should().Equal(b.Select(Describe));
        new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 8 }).Generate(50).Select(Describe).Should().NotEqual(a.Select(Describe));
    }

    [Fact]
    public void Generate_ShapesClaimsAsAsked()
    {
        var claims = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0 }).Generate(500).ToList();
        claims.Select(c => c.ClaimId).Should().Equal(Enumerable.Range(1, 500).Select(i => $"G{i}"));
        claims.Should().OnlyContain(c => c.Diagnoses.Length == 4 && c.Lines.Length >= 1 && c.Lines.Length <= 5);
        claims.SelectMany(c => c.Lines).Should().OnlyContain(l => l.ServiceDate >= new DateOnly(2025, 10, 1) && l.ServiceDate <= new DateOnly(2026, 9, 30));
    }

    [Fact]
    public void Generate_ErrorRate_InjectsFindingsIntoAboutThatShare()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) });
        var clean = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0 }).Generate(1000);
        clean.Count(c => !scrubber.Scrub(c).IsClean).Should().Be(0, "without injected errors, an index with no tables finds nothing structural");
        var half = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0.5 }).Generate(1000);

        // Two of the six injected errors (a header diagnosis, an unknown procedure) need tables, so about 4/12 of claims show a finding.
        half.Count(c => !scrubber.Scrub(c).IsClean).Should().BeInRange(280, 390);
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        var act = () => new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 1.5 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ErrorRate");
    }

    private static string Describe(ClaimScrubber.Claims.Claim c) =>
        string.Join("|", c.Diagnoses) + "#" + string.Join("|", c.Lines.Select(l => $"{l.ProcedureCode}:{l.ServiceDate}:{string.Join(",", l.Modifiers)}:{l.Units}"));
}
