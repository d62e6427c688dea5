using BenchmarkDotNet.Running;

namespace ClaimScrubber.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks chosen by <paramref name="args"/>; fails when any benchmark failed, so CI's smoke run means
    /// something. <c>--memory</c> instead prints the managed heap the full index keeps, whole and per table family;
    /// <c>--profile</c> times each check alone, <c>--stages</c> what reading, scrubbing and writing cost the harness,
    /// <c>--soak</c> scrubs for a sampling profiler (see the README), <c>--x12-throughput</c> reads 837 files for MB/s
    /// by wall and CPU time, and <c>--service-load</c> drives a running scrub service over HTTP (benchmarks/service-load.sh).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["--memory"])
        {
            return IndexMemory.Print(Console.Out);
        }

        if (args is ["--soak", ..])
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            return CheckProfile.Soak(args.Length > 1 ? args[1] : "clean", args.Length > 2 ? int.Parse(args[2], culture) : 20, args.Length > 3 ? int.Parse(args[3], culture) : 1);
        }

        if (args is ["--x12-throughput", ..])
        {
            return X12Throughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
        }

        if (args is ["--service-load", var url, var claims, ..])
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            return ServiceLoad.Run(new Uri(url), claims, args.Length > 3 ? int.Parse(args[3], culture) : 30, args.Length > 4 ? int.Parse(args[4], culture) : 8);
        }

        if (args is ["--stages", ..])
        {
            return HarnessStages.Print(args.Length > 1 ? args[1] : "json");
        }

        if (args is ["--profile", ..])
        {
            return CheckProfile.Run(args.Length > 1 ? args[1] : "clean");
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
