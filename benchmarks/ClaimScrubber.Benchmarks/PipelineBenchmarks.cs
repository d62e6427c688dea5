using BenchmarkDotNet.Attributes;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// <see cref="ScrubPipeline"/> against scrubbing one by one, claims in memory (no reading, no writing), full tables:
/// with every rule on it shows the pipeline's scaling; with no rule (the scrubber's fixed cost only) the time per claim
/// is almost all the pipeline's own hand-over between threads, which must stay far below what reading and writing a
/// claim cost. One operation is one claim.
/// </summary>
[MemoryDiagnoser]
public class ScrubPipelineBenchmarks
{
    private const int BatchSize = 20_000;

    private Claim[] claims = null!;
    private Scrubber scrubber = null!;
    private ScrubPipeline pipeline = null!;

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [Params("all", "none")]
    public string Rules { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.Full;
        claims = BenchmarkData.Workload(index, "typical", BatchSize);
        scrubber = Rules == "all" ? Scrubber.Create(index, BenchmarkData.Options) : NaiveChecks.NoRules(index);
        pipeline = new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = Threads });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int OneByOne()
    {
        var findings = 0;
        foreach (var claim in claims)
        {
            findings += scrubber.Scrub(claim).Findings.Length;
        }

        return findings;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Pipeline()
    {
        var findings = 0;
        foreach (var result in pipeline.ScrubClaims(claims))
        {
            findings += result.Findings.Length;
        }

        return findings;
    }
}
