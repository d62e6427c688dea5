using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// The sample harness end to end, as a user runs it: a process scrubbing 100,000 generated typical claims (the
/// workload of <see cref="ScrubThroughputBenchmarks"/>, seed and error rate alike) from a JSON array or NDJSON file
/// into a JSON array or NDJSON file, against a snapshot of the full CMS data, with 1 thread (read, scrub, write in
/// turn) or 2 (<c>--parallel 2</c>: reading and writing on their own threads, scrubbing on two, through
/// <see cref="ClaimScrubber.ScrubPipeline"/>). One operation is the whole run, start-up included; subtract
/// <see cref="HarnessStartUpBenchmarks"/> for the claims' own time (claims/s beyond start-up = 100,000 / (Mean − start-up)).
/// </summary>
[BenchmarkCategory("Harness")]
public class HarnessBenchmarks
{
    public const int Claims = 100_000;

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    /// <summary>json: an array in (as <c>generate</c> writes it) and an array out; ndjson: one claim, one result per line.</summary>
    [Params("json", "ndjson")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public void Setup() => _ = HarnessFiles.Full.Value;

    [Benchmark]
    public int Scrub100k()
    {
        var files = HarnessFiles.Full.Value;
        return HarnessFiles.Run(
            "scrub", Format == "json" ? files.Json : files.Ndjson, "--data", files.Snapshot, "--format", Format,
            "--output", Path.Combine(files.Folder, "results." + Format), "--parallel", Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--as-of", "2026-10-15", "--quiet");
    }
}

/// <summary>The harness's fixed cost: a process that loads the full snapshot and scrubs one claim.</summary>
[BenchmarkCategory("Harness")]
public class HarnessStartUpBenchmarks
{
    [GlobalSetup]
    public void Setup() => _ = HarnessFiles.Full.Value;

    [Benchmark]
    public int ScrubOneClaim()
    {
        var files = HarnessFiles.Full.Value;
        return HarnessFiles.Run("scrub", files.One, "--data", files.Snapshot, "--format", "ndjson", "--output", Path.Combine(files.Folder, "one.out.ndjson"), "--as-of", "2026-10-15", "--quiet");
    }
}

/// <summary>The files the harness benchmarks run on, made once per process in a temporary folder.</summary>
internal static class HarnessFiles
{
    public static readonly Lazy<(string Folder, string Snapshot, string Json, string Ndjson, string One)> Full = new(() => Make(BenchmarkData.Full, HarnessBenchmarks.Claims));

    /// <summary>Runs the built harness (copied beside the benchmarks) and returns its exit code; throws unless it is 0.</summary>
    public static int Run(params string[] args)
    {
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        var start = new ProcessStartInfo(File.Exists(dotnet) ? dotnet : "dotnet") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClaimScrubber.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The harness did not start.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"The harness exited with {process.ExitCode}: {error}");
    }

    public static (string Folder, string Snapshot, string Json, string Ndjson, string One) Make(ClaimScrubber.CodeSetIndex index, int count)
    {
        var folder = Directory.CreateTempSubdirectory("claimscrubber-harness-benchmark-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var snapshot = Path.Combine(folder, "cms.csindex");
        index.SaveSnapshot(snapshot);
        var claims = BenchmarkData.Workload(index, "typical", count);
        var json = Path.Combine(folder, "claims.json");
        var ndjson = Path.Combine(folder, "claims.ndjson");
        var one = Path.Combine(folder, "one.ndjson");
        Write(json, JsonOutputFormat.Array, claims);
        Write(ndjson, JsonOutputFormat.Ndjson, claims);
        Write(one, JsonOutputFormat.Ndjson, claims.Take(1));
        return (folder, snapshot, json, ndjson, one);
    }

    private static void Write(string path, JsonOutputFormat format, IEnumerable<ClaimScrubber.Claim> claims)
    {
        using var writer = new ClaimJsonWriter(File.Create(path), format, indented: format == JsonOutputFormat.Array);
        foreach (var claim in claims)
        {
            writer.Write(claim);
        }
    }
}
