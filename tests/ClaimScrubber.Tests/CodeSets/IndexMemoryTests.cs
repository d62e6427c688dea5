using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets;

/// <summary>The whole index fits the memory target of issue 6: measured alone, after the parallel tests, with its own load.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public class IndexMemoryTests
{
    private readonly ITestOutputHelper output;

    public IndexMemoryTests(ITestOutputHelper output) => this.output = output;

    [CmsFact]
    public void FullFolder_KeepsAtMost250MegabytesOfManagedHeap()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var result = CmsFolderLoader.Load(CmsData.RequireFolder());
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(result);

        // ICD-10-CM (four fiscal years), ICD-10-PCS, HCPCS, RVU, PTP (both settings), MUE, add-on, MCE lists, lab NCD, POS.
        result.Report.Tables.Should().HaveCount(21);
        var megabytes = (after - before) / (1024.0 * 1024.0);
        output.WriteLine($"Whole index ({result.Report.Tables.Sum(t => (long)t.RowCount):N0} rows in {result.Report.Tables.Length} tables): {megabytes:F1} MB managed heap");
        megabytes.Should().BeLessThan(250);
    }
}

/// <summary>Tests that measure the managed heap run one after another, after the parallel ones, so that the memory they measure is their own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurements";
}
