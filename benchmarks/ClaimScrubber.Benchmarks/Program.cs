using BenchmarkDotNet.Running;

namespace ClaimScrubber.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks chosen by <paramref name="args"/>; fails when any benchmark failed, so CI's smoke run means
    /// something. <c>--memory</c> instead prints the managed heap the full index keeps, whole and per table family.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["--memory"])
        {
            return IndexMemory.Print(Console.Out);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
