using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// What each stage of the harness costs a claim (<c>--stages</c>): reading 100,000 typical claims from JSON in memory,
/// scrubbing them, writing their results as JSON, each stage alone on one thread, timed in processor time (so that
/// other processes on the machine disturb it little). From these, the bound of a pipeline: one thread pays the sum;
/// with the stages on threads of their own over two cores, the run can go no faster than its slowest stage, nor than
/// half the sum. Not a benchmark: a map of where the harness's time goes, and of what <c>--parallel 2</c> can gain.
/// </summary>
internal static class HarnessStages
{
    public static int Print(string format)
    {
        var index = BenchmarkData.Full;
        var scrubber = Scrubber.Create(index, BenchmarkData.Options);
        var claims = BenchmarkData.Workload(index, "typical", HarnessBenchmarks.Claims);
        var jsonFormat = format == "ndjson" ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array;
        using var input = new MemoryStream();
        using (var writer = new ClaimJsonWriter(input, jsonFormat, indented: jsonFormat == JsonOutputFormat.Array, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        var bytes = input.ToArray();
        List<ClaimReadResult> reads = [];
        List<ScrubbedClaim> results = [];
        var read = Best(() => reads = [.. ClaimJsonReader.Read(new MemoryStream(bytes), "claims")]);
        var scrub = Best(() => results = [.. reads.Select(r => new ScrubbedClaim(r, r.Scrub(scrubber)))]);
        var write = Best(() =>
        {
            using var output = new ScrubResultJsonWriter(Stream.Null, jsonFormat, indented: jsonFormat == JsonOutputFormat.Array);
            foreach (var item in results)
            {
                output.Write(item.Result);
            }
        });

        double PerClaim(TimeSpan time) => time.TotalNanoseconds / 1000 / claims.Length;
        var (r, s, w) = (PerClaim(read), PerClaim(scrub), PerClaim(write));
        var sum = r + s + w;
        var twoCores = Math.Max(Math.Max(r, w), sum / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{claims.Length:N0} typical claims, {format}, {bytes.Length / 1e6:F1} MB in; processor µs per claim, best of 3"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {r,6:F2}   scrub {s,6:F2}   write {w,6:F2}   sum {sum,6:F2}  ({1e6 / sum:N0} claims/s on one thread)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two cores, stages on their own threads: at best {twoCores:F2} µs per claim, {sum / twoCores:F2}x one thread ({1e6 / twoCores:N0} claims/s)"));
        return 0;
    }

    /// <summary>The least processor time of three runs of <paramref name="action"/>, which runs on this thread alone.</summary>
    private static TimeSpan Best(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            action();
            process.Refresh();
            var spent = process.TotalProcessorTime - before;
            best = spent < best ? spent : best;
        }

        return best;
    }
}
