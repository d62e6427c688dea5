using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// Times each check of the scrubber alone over a workload (<c>--profile [workload]</c>): not a benchmark, a map of
/// where a claim's time goes, to choose what to optimise. The best of several rounds is kept.
/// </summary>
internal static class CheckProfile
{
    public static int Run(string workload)
    {
        var started = Stopwatch.GetTimestamp();
        var index = BenchmarkData.Full;
        var loaded = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var scrubber = Scrubber.Create(index, BenchmarkData.Options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index loaded in {loaded.TotalSeconds:F2} s; first scrubber built in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms"));
        var claims = BenchmarkData.Workload(index, workload, 20_000);
        var context = new ScrubContext();
        var total = 0.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{claims.Length} {workload} claims, ns per claim, best of 7 rounds"));
        foreach (var check in scrubber.Checks)
        {
            var best = double.MaxValue;
            for (var round = 0; round < 7; round++)
            {
                var start = Stopwatch.GetTimestamp();
                foreach (var claim in claims)
                {
                    context.Begin(scrubber, claim, BenchmarkData.AsOf);
                    check.Evaluate(context);
                    context.Complete();
                }

                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / claims.Length);
            }

            total += best;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{best,9:F0}  {check.GetType().Name}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total,9:F0}  sum of checks"));
        var whole = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var claim in claims)
            {
                _ = scrubber.Scrub(claim);
            }

            whole = Math.Min(whole, Stopwatch.GetElapsedTime(start).TotalNanoseconds / claims.Length);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{whole,9:F0}  Scrubber.Scrub"));
        return 0;
    }

    /// <summary>
    /// Scrubs a workload over and over for <paramref name="seconds"/> (<c>--soak [workload] [seconds] [threads]</c>), one by one
    /// or through <see cref="Scrubber.ScrubMany"/> on <paramref name="threads"/> threads, for a sampling profiler such as
    /// <c>perf record</c> to attach to.
    /// </summary>
    public static int Soak(string workload, int seconds, int threads)
    {
        var index = BenchmarkData.Full;
        var scrubber = Scrubber.Create(index, BenchmarkData.Options);
        var claims = BenchmarkData.Workload(index, workload, 20_000);
        var stop = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        long scrubbed = 0;
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < stop)
        {
            if (threads == 1)
            {
                foreach (var claim in claims)
                {
                    _ = scrubber.Scrub(claim);
                }
            }
            else
            {
                foreach (var result in scrubber.ScrubMany(claims, threads))
                {
                    _ = result.Findings.Length;
                }
            }

            scrubbed += claims.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scrubbed} claims, {Stopwatch.GetElapsedTime(start).TotalNanoseconds / scrubbed:F0} ns per claim"));
        return 0;
    }
}
