using System.Diagnostics;
using System.Text;
using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Cli;

/// <summary>
/// The built harness, run as a child process and sent SIGINT or SIGTERM in the middle of writing its --output: it must
/// exit with 130 or 143 and leave neither the target nor its temporary file behind.
/// </summary>
[Trait("Category", "Process")]
public sealed class SignalTests : IDisposable
{
    /// <summary>How long a test waits for the child to reach the point where it is signalled, or to exit: generous, for a loaded machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly Lazy<byte[]> Claims = new(() =>
    {
        var index = CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms"));
        var text = new StringBuilder();
        foreach (var claim in new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = 3 }).Generate(2_000))
        {
            text.Append(ClaimJsonWriter.Serialize(claim)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    });

    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-signals-").FullName;
    private readonly string data = Path.Combine(CmsData.SampleFolder, "cms");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Generate_SignalledWhileWriting_ExitsWithTheSignalsCode_AndLeavesNoFile(string signal, int expectedExit)
    {
        var output = Path.Combine(temp, "claims.ndjson");
        using var child = CliRunner.Start("generate", "--count", "100000000", "--data", data, "--format", "ndjson", "--output", output);
        var error = child.StandardError.ReadToEndAsync();

        await WaitForPartialOutput(child);
        Kill(child, signal);

        (await Exited(child)).Should().Be(expectedExit);
        (await error).Should().Contain($"error: interrupted by SIG{signal}; no --output file was written.");
        Directory.EnumerateFileSystemEntries(temp).Should().BeEmpty("neither the target nor its temporary file is left");
    }

    [Theory]
    [InlineData("1", "TERM", 143)]
    [InlineData("2", "INT", 130)]
    public async Task Scrub_SignalledWhileStreaming_ExitsWithTheSignalsCode_AndLeavesNoFile(string parallel, string signal, int expectedExit)
    {
        // Claims stream in through a named pipe for as long as the child reads them, so the signal always lands mid-run.
        var fifo = MakeFifo("claims.ndjson");
        var output = Path.Combine(temp, "results.ndjson");
        using var child = CliRunner.Start("scrub", fifo, "--data", data, "--format", "ndjson", "--output", output, "--parallel", parallel, "--as-of", "2026-10-15");
        var error = child.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource();
        var feeder = Task.Run(() => Feed(fifo, stop.Token));

        await WaitForPartialOutput(child);
        Kill(child, signal);

        (await Exited(child)).Should().Be(expectedExit);
        await stop.CancelAsync();
        await feeder.WaitAsync(Patience);
        (await error).Should().Contain($"error: interrupted by SIG{signal}; no --output file was written.");
        Directory.EnumerateFileSystemEntries(temp).Should().Equal([fifo], "neither the target nor its temporary file is left");
    }

    [Fact]
    public async Task Scrub_SignalledWhileBlockedReadingAPipe_StillEnds_With143_AndLeavesNoFile()
    {
        // Nothing is ever written to the pipe: the reading thread waits in a read that no token can cancel, so the harness
        // ends the process itself after its grace period, removing its unfinished output first.
        var fifo = MakeFifo("silent.ndjson");
        var output = Path.Combine(temp, "results.ndjson");
        using var child = CliRunner.Start("scrub", fifo, "--data", data, "--format", "ndjson", "--output", output, "--parallel", "2");
        await using var writer = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write)).WaitAsync(Patience);

        await WaitForPartialOutput(child, requireBytes: false);
        Kill(child, "TERM");

        (await Exited(child)).Should().Be(143);
        Directory.EnumerateFileSystemEntries(temp).Should().Equal([fifo]);
    }

    private static void Kill(Process child, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0);
    }

    private static async Task<int> Exited(Process child)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await child.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException("The harness did not end after the signal.");
        }

        return child.ExitCode;
    }

    private static void Feed(string fifo, CancellationToken stop)
    {
        try
        {
            using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            while (!stop.IsCancellationRequested)
            {
                pipe.Write(Claims.Value);
            }
        }
        catch (IOException)
        {
            // The harness ended and closed its end of the pipe.
        }
    }

    private string MakeFifo(string name)
    {
        var fifo = Path.Combine(temp, name);
        using var make = Process.Start("mkfifo", [fifo]);
        make.WaitForExit();
        make.ExitCode.Should().Be(0);
        return fifo;
    }

    /// <summary>Waits until the child writes its output under the temporary name (and, by default, has written some).</summary>
    private async Task WaitForPartialOutput(Process child, bool requireBytes = true)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The harness exited with {child.ExitCode} before it was signalled: {child.StandardError.ReadToEnd()}");
            }

            var partial = Directory.EnumerateFiles(temp, ".*.partial").FirstOrDefault();
            if (partial is not null && (!requireBytes || new FileInfo(partial).Length > 0))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The harness never started writing its output.");
    }
}
