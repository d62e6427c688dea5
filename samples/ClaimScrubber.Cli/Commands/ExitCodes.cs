namespace ClaimScrubber.Cli.Commands;

/// <summary>The harness's exit codes: scripts tell a clean run from bad input from a bad command line.</summary>
public static class ExitCodes
{
    /// <summary>The command ran (a scrub that found problems on claims still ran).</summary>
    public const int Success = 0;

    /// <summary>The command line was not valid (System.CommandLine's own parse errors also exit with 1).</summary>
    public const int Usage = 1;

    /// <summary>An input file or the data folder could not be read.</summary>
    public const int UnreadableInput = 2;
}
