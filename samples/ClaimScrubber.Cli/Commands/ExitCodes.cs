namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// The harness's exit codes (documented in docs/json-contract.md and the README): scripts tell a clean run from bad
/// input, from a bad command line, from a defect, and from an interruption.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command ran (a scrub that found problems on claims still ran).</summary>
    public const int Success = 0;

    /// <summary>The command line was not valid (System.CommandLine's own parse errors also exit with 1).</summary>
    public const int Usage = 1;

    /// <summary>
    /// An input file, the data folder or snapshot, or an output file could not be read or written, or the data did not
    /// load cleanly (without <c>--allow-partial-data</c>): something the user can fix; the message names it.
    /// </summary>
    public const int UnreadableInput = 2;

    /// <summary>
    /// <c>convert</c> ran and wrote its output, but left out claims it could not read or that the target form cannot
    /// carry; each is listed on standard error with its errors.
    /// </summary>
    public const int ClaimsLeftOut = 4;

    /// <summary>
    /// The command failed for a reason that is not the user's input: an unexpected exception (a defect, or a custom rule
    /// that throws). Kept apart from 2 so that a script does not blame, or retry with, the input.
    /// </summary>
    public const int InternalError = 3;

    /// <summary>Interrupted by SIGINT (Ctrl+C): 128 + 2, as shells report it. No output file was left behind.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM: 128 + 15. No output file was left behind.</summary>
    public const int Terminated = 143;
}
