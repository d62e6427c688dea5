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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{claims.Length} {workload} claims, ns per claim, best of 7 rounds: processor time (wall time)"));
        foreach (var check in scrubber.Checks)
        {
            var (cpu, wall) = Best(claims, claim =>
            {
                context.Begin(scrubber, claim, BenchmarkData.AsOf);
                check.Evaluate(context);
                context.Complete();
            });
            total += cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cpu,9:F0} ({wall,6:F0})  {check.GetType().Name}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total,9:F0}           sum of checks (each looks up the facts it reads)"));
        var (factsCpu, factsWall) = Best(claims, claim =>
        {
            context.Begin(scrubber, claim, BenchmarkData.AsOf);
            var facts = context.Facts;
            _ = facts.Procedures.Length + facts.Fees.Length + facts.Ncci.Length + facts.Ncds.Length + facts.Diagnoses.Length + (facts.AnyExcludes1Owner() ? 1 : 0);
            context.Complete();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{factsCpu,9:F0} ({factsWall,6:F0})  every family of ClaimFacts alone"));
        var (whole, wholeWall) = Best(claims, claim => scrubber.Scrub(claim));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{whole,9:F0} ({wholeWall,6:F0})  Scrubber.Scrub"));
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="body"/> over the claims in 7 rounds and keeps the best per claim of each measure: processor time
    /// (what other work on the machine disturbs least) and wall time.
    /// </summary>
    private static (double Cpu, double Wall) Best(ClaimScrubber.Claim[] claims, Action<ClaimScrubber.Claim> body)
    {
        var cpu = double.MaxValue;
        var wall = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            var cpuStart = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            foreach (var claim in claims)
            {
                body(claim);
            }

            wall = Math.Min(wall, Stopwatch.GetElapsedTime(start).TotalNanoseconds / claims.Length);
            cpu = Math.Min(cpu, (Environment.CpuUsage.TotalTime - cpuStart).TotalNanoseconds / claims.Length);
        }

        return (cpu, wall);
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
