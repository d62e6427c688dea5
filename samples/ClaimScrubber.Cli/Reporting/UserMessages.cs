namespace ClaimScrubber.Cli;

/// <summary>
/// What a command tells the user on standard error: errors and warnings always, notes unless <c>--quiet</c>, details
/// (every data note, stack traces) only with <c>--verbose</c>. Results and reports go to standard output or the
/// <c>--output</c> file, never here.
/// </summary>
public sealed class UserMessages(TextWriter writer, bool verbose, bool quiet)
{
    /// <summary>Gets a value indicating whether details are shown (<c>--verbose</c>).</summary>
    public bool Verbose { get; } = verbose;

    /// <summary>Gets a value indicating whether notes are silenced (<c>--quiet</c>).</summary>
    public bool Quiet { get; } = quiet;

    /// <summary>Gets the standard error writer (for a progress line).</summary>
    public TextWriter Writer { get; } = writer;

    /// <summary>Something stopped the command, or would have.</summary>
    public void Error(string message) => Writer.WriteLine($"error: {message}");

    /// <summary>The command goes on, but the user must know (partial data).</summary>
    public void Warning(string message) => Writer.WriteLine($"warning: {message}");

    /// <summary>A line as is, always (a listed problem).</summary>
    public void Line(string message) => Writer.WriteLine(message);

    /// <summary>Useful but not needed: a summary line, the count of data notes.</summary>
    public void Note(string message)
    {
        if (!Quiet)
        {
            Writer.WriteLine(message);
        }
    }

    /// <summary>Only with <c>--verbose</c>.</summary>
    public void Detail(string message)
    {
        if (Verbose)
        {
            Writer.WriteLine(message);
        }
    }
}
