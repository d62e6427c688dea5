using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Samples;

/// <summary>
/// The README's first command scrubs every sample claim against every sample table at once: a claim the samples call
/// clean must stay clean when all rule families run together, not only against its own family's tables.
/// </summary>
public class AllSamplesTests
{
    [Fact]
    public void CleanSampleClaims_HaveNoErrorOrWarning_AgainstAllSampleTables()
    {
        var loaded = CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms"));
        var scrubber = Scrubber.Create(loaded, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) });
        var folder = Path.Combine(CmsData.SampleFolder, "claims");
        var clean = Directory.GetFiles(folder, "*.json").SelectMany(ClaimJsonReader.ReadFile)
            .Concat(Directory.GetFiles(folder, "*.837").SelectMany(f => X12ClaimReader.ReadFile(f)))
            .Where(r => r.ClaimId.Contains("CLEAN", StringComparison.Ordinal))
            .ToList();
        clean.Should().HaveCountGreaterThan(20);
        var problems = clean
            .Select(r => r.Scrub(scrubber))
            .SelectMany(result => result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{result.ClaimId}: {f}"))
            .ToList();
        problems.Should().BeEmpty();
    }
}
