using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// Time to load the whole index, from the raw CMS files and from its snapshot (written once in the setup), each run a
/// cold start of the load (not of the process).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LoadBenchmarks
{
    private string? snapshot;

    [GlobalSetup(Target = nameof(LoadFullSnapshot))]
    public void WriteSnapshot()
    {
        snapshot = Path.Combine(Path.GetTempPath(), $"claimscrubber-benchmark-{Environment.ProcessId}.csindex");
        BenchmarkData.Load(BenchmarkData.FullFolder!).SaveSnapshot(snapshot);
    }

    [GlobalCleanup(Target = nameof(LoadFullSnapshot))]
    public void DeleteSnapshot()
    {
        if (snapshot is not null)
        {
            File.Delete(snapshot);
        }
    }

    [Benchmark(Baseline = true)]
    public CodeSetIndex LoadFullFolder() => BenchmarkData.Load(BenchmarkData.FullFolder!);

    [Benchmark]
    public CodeSetIndex LoadFullSnapshot() => CodeSetIndex.LoadSnapshot(snapshot!);
}
