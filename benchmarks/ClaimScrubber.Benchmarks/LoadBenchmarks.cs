using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ClaimScrubber.CodeSets;

namespace ClaimScrubber.Benchmarks;

/// <summary>Time to load the whole index from the raw CMS files, each run a cold start of the load (not of the process).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LoadBenchmarks
{
    [Benchmark]
    public CodeSetIndex LoadFullFolder() => BenchmarkData.Load(BenchmarkData.FullFolder!);
}
