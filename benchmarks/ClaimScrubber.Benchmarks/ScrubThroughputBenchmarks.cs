using BenchmarkDotNet.Attributes;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// Claims scrubbed per second on one core, with every rule on, against the full CMS tables: 5-line professional
/// claims with 4 diagnoses. One operation is one claim (the batch is divided out), so Mean is the time per claim
/// and Allocated the bytes per claim.
/// </summary>
[MemoryDiagnoser]
public class ScrubThroughputBenchmarks
{
    private const int BatchSize = 10_000;

    private Scrubber scrubber = null!;
    private Claim[] claims = null!;

    [Params("clean", "typical", "errorHeavy")]
    public string Workload { get; set; } = "typical";

    /// <summary>All rules, or all but one family, to show what a family costs (linkage: issue 7; fee schedule: issue 5).</summary>
    [Params("all", "withoutLinkage", "withoutFeeSchedule")]
    public string Rules { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.Full;
        scrubber = Scrubber.Create(index, BenchmarkData.Options with { DisabledRules = BenchmarkData.RulesLeftOut(Rules) });
        claims = BenchmarkData.Workload(index, Workload, BatchSize);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int ScrubOneByOne()
    {
        var findings = 0;
        foreach (var claim in claims)
        {
            findings += scrubber.Scrub(claim).Findings.Length;
        }

        return findings;
    }
}

/// <summary>Batch scrubbing across both cores, order preserved: compare with <see cref="ScrubThroughputBenchmarks"/> for scaling.</summary>
[MemoryDiagnoser]
public class BatchScalingBenchmarks
{
    private const int BatchSize = 20_000;

    private Scrubber scrubber = null!;
    private Claim[] claims = null!;

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    /// <summary>Clean claims allocate nothing, so they show the scaling without the garbage collector's share.</summary>
    [Params("clean", "typical")]
    public string Workload { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.Full;
        scrubber = Scrubber.Create(index, BenchmarkData.Options);
        claims = BenchmarkData.Workload(index, Workload, BatchSize);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int ScrubMany()
    {
        var findings = 0;
        foreach (var result in scrubber.ScrubMany(claims, Threads))
        {
            findings += result.Findings.Length;
        }

        return findings;
    }
}
