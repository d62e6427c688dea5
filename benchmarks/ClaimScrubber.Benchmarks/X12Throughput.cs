using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// <c>--x12-throughput [seconds]</c>: reads the <see cref="X12ReadBenchmarks"/> files over and over on one thread and
/// prints MB/s by wall time and by the process's CPU time. On a shared machine the CPU-time figure shows what one core
/// does while other processes take turns on it; BenchmarkDotNet's figures on a quiet machine are the reference.
/// </summary>
internal static class X12Throughput
{
    public static int Run(int seconds)
    {
        var index = BenchmarkData.FullFolder is null ? BenchmarkData.Sample : BenchmarkData.Full;
        foreach (var form in new[] { "837P", "837I" })
        {
            var (x12, _) = X12ReadBenchmarks.Files(index, form, 20_000);
            Read(x12);
            Read(x12);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            long bytes = 0;
            while (wall.Elapsed.TotalSeconds < seconds)
            {
                Read(x12);
                bytes += x12.Length;
            }

            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var perByte = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)bytes;
            var megabytes = bytes / 1_000_000.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{form}: {megabytes:N0} MB read; {megabytes / wall.Elapsed.TotalSeconds:N0} MB/s by wall time, {megabytes / cpu.TotalSeconds:N0} MB/s by CPU time, {perByte:N2} bytes allocated per byte read ({x12.Length:N0}-byte file, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }

        return 0;
    }

    private static void Read(byte[] x12)
    {
        foreach (var result in X12ClaimReader.Read(new MemoryStream(x12, writable: false), null, _ => { }))
        {
            if (!result.IsReadable)
            {
                throw new InvalidOperationException("A generated claim did not read back.");
            }
        }
    }
}
