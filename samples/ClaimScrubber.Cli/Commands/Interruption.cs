using System.Runtime.InteropServices;
using ClaimScrubber.Cli.Output;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// Turns SIGINT and SIGTERM into cancellation: the first signal cancels <see cref="Token"/> and keeps the process alive,
/// so that the running command stops at its next claim, removes its unfinished output and exits with
/// <see cref="ExitCode"/> (130 or 143). A second signal ends the process at once, as without the harness.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;
    private readonly TimeSpan? grace;
    private int exitCode;

    private Interruption(TimeSpan? grace, bool listen)
    {
        this.grace = grace;
        registrations = listen
            ? [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)]
            : [];
    }

    /// <summary>Gets the token cancelled by the first signal.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Gets a value indicating whether a signal (or <see cref="Interrupt"/>) arrived.</summary>
    public bool IsInterrupted => Volatile.Read(ref exitCode) != 0;

    /// <summary>Gets the exit code that says which signal arrived: <see cref="ExitCodes.Interrupted"/> or <see cref="ExitCodes.Terminated"/>.</summary>
    public int ExitCode => Volatile.Read(ref exitCode);

    /// <summary>Gets the name of the signal that arrived.</summary>
    public string SignalName => ExitCode == ExitCodes.Terminated ? "SIGTERM" : "SIGINT";

    /// <summary>
    /// Listens to the process's signals. A command that has not stopped <paramref name="grace"/> after the first signal
    /// (blocked in a read that cannot be cancelled) is ended anyway, after its unfinished output files are removed.
    /// </summary>
    public static Interruption FromSignals(TimeSpan grace) => new(grace, listen: true);

    /// <summary>An interruption that only <see cref="Interrupt"/> triggers, for commands run in-process.</summary>
    public static Interruption Manual() => new(null, listen: false);

    /// <summary>Interrupts as a signal would; the first call wins.</summary>
    /// <param name="signalExitCode"><see cref="ExitCodes.Interrupted"/> or <see cref="ExitCodes.Terminated"/>.</param>
    public void Interrupt(int signalExitCode)
    {
        if (Interlocked.CompareExchange(ref exitCode, signalExitCode, 0) == 0)
        {
            source.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (IsInterrupted)
        {
            return;
        }

        context.Cancel = true;
        Interrupt(context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted);
        if (grace is { } wait)
        {
            _ = Task.Delay(wait).ContinueWith(
                _ =>
                {
                    AtomicOutputFile.DeleteUnfinished();
                    Environment.Exit(ExitCode);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }
    }
}
