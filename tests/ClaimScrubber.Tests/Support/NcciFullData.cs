using System.Diagnostics;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// The full NCCI folder of <c>../shared/cms/ncci</c>, loaded once per test run (4.3 million PTP pairs take seconds), with
/// the managed heap it cost and how long it took.
/// </summary>
public static class NcciFullData
{
    private static readonly Lazy<Loaded> Value = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    internal static CodeSetLoadResult Result => Value.Value.Result;

    internal static CodeSetIndex Index => Value.Value.Result.Index;

    /// <summary>Gets the managed heap the loaded index holds (GC.GetTotalMemory(true) after minus before).</summary>
    public static long HeapBytes => Value.Value.HeapBytes;

    public static TimeSpan LoadTime => Value.Value.LoadTime;

    /// <summary>Gets the processor time the process spent while loading (all threads; the machine may be shared, so wall time overstates it).</summary>
    public static TimeSpan LoadCpuTime => Value.Value.CpuTime;

    private static Loaded Load()
    {
        var folder = CmsData.File("ncci");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = CmsFolderLoader.Load(folder);
        stopwatch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return new Loaded(result, after - before, stopwatch.Elapsed, cpu);
    }

    private sealed record Loaded(CodeSetLoadResult Result, long HeapBytes, TimeSpan LoadTime, TimeSpan CpuTime);
}

/// <summary>Full-data NCCI tests run one after another, so that the memory they measure is their own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NcciFullDataCollection
{
    public const string Name = "NCCI full data";
}
