using System.Diagnostics;
using System.Globalization;

namespace ClaimScrubber.Cli;

/// <summary>
/// A one-line progress display on standard error for large inputs: only on an interactive terminal, and only when the
/// report is not itself going to that terminal, so the two never interleave.
/// </summary>
public sealed class ProgressMeter
{
    private const long LargeInputBytes = 4 * 1024 * 1024;
    private const int RefreshMilliseconds = 250;

    private readonly long totalBytes;
    private readonly TextWriter error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastRefresh;
    private int claims;
    private bool shown;

    private ProgressMeter(long totalBytes, TextWriter error)
    {
        this.totalBytes = totalBytes;
        this.error = error;
    }

    public static ProgressMeter? CreateIfUseful(IReadOnlyList<string> files, Commands.ScrubSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        var interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var reportOnTerminal = settings.Output is null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var total = files.Sum(f => new FileInfo(f).Length);
        return interactive && !reportOnTerminal && total >= LargeInputBytes ? new ProgressMeter(total, stderr) : null;
    }

    /// <summary>Counts a claim read; <paramref name="bytesRead"/> is how far into the inputs reading got.</summary>
    public void Tick(long bytesRead)
    {
        // Called from the reading thread only (the pipeline's, with --parallel).
        claims++;
        var now = clock.ElapsedMilliseconds;
        if (now - lastRefresh < RefreshMilliseconds)
        {
            return;
        }

        lastRefresh = now;
        shown = true;
        var percent = totalBytes == 0 ? 100 : Math.Min(100, bytesRead * 100 / totalBytes);
        var rate = claims / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        error.Write(string.Create(CultureInfo.InvariantCulture, $"\rscrubbing: {claims:N0} claims, {percent}% of input, {rate:N0} claims/s   "));
    }

    public void Clear()
    {
        if (shown)
        {
            error.Write("\r" + new string(' ', 72) + "\r");
            shown = false;
        }
    }
}
