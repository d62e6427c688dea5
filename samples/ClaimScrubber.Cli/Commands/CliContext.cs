using System.CommandLine;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// What every command shares: the global options (<c>--verbose</c>, <c>--quiet</c>), the process's interruption by a
/// signal, and the one place where a command's unexpected failure becomes a one-line message and an exit code.
/// </summary>
public sealed class CliContext(Interruption interruption)
{
    /// <summary>Gets the interruption the commands stop on.</summary>
    public Interruption Interruption { get; } = interruption;

    /// <summary>Gets <c>--verbose</c>: list every data note, and show the details (stack trace) of a failure.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "List every note of the data load and show the details (stack trace) of a failure.",
        Recursive = true,
    };

    /// <summary>Gets <c>--quiet</c>: only errors and warnings on standard error.</summary>
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only errors and warnings on standard error (no data notes, no summary line).",
        Recursive = true,
    };

    /// <summary>
    /// Runs a command's body with the user's messages and the interruption's token. An interruption that surfaces as
    /// <see cref="OperationCanceledException"/> exits with 130 or 143; any other exception the body did not handle is a
    /// defect: one line, the stack under <c>--verbose</c>, exit 3. Expected failures (unreadable input) the body
    /// reports and returns itself.
    /// </summary>
    public int Run(ParseResult parse, Func<UserMessages, CancellationToken, int> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        var verbose = parse.GetValue(Verbose);
        var messages = new UserMessages(parse.InvocationConfiguration.Error, verbose, parse.GetValue(Quiet) && !verbose);
        try
        {
            // A body that returns finished its work (a signal after its output was committed changes nothing).
            return body(messages, Interruption.Token);
        }
        catch (OperationCanceledException) when (Interruption.IsInterrupted)
        {
            return Interrupted(messages);
        }
        catch (Exception ex)
        {
            messages.Error($"the command failed unexpectedly ({ex.GetType().Name}: {ex.Message}){(verbose ? string.Empty : "; run it again with --verbose for the details")}.");
            messages.Detail(ex.ToString());
            return ExitCodes.InternalError;
        }
    }

    private int Interrupted(UserMessages messages)
    {
        messages.Error($"interrupted by {Interruption.SignalName}; no --output file was written.");
        return Interruption.ExitCode;
    }
}
