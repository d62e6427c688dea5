using System.Collections.Immutable;
using System.CommandLine;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;
using Spectre.Console;

namespace ClaimScrubber.Cli.Commands;

/// <summary>What the commands share: the data options, finding and loading the data folder or snapshot, consoles.</summary>
public static class CliSupport
{
    /// <summary>The folder searched for, from the current directory upward, when --data is not given.</summary>
    public const string DefaultDataFolder = "data/cms";

    /// <summary>How many load problems are printed before the rest are only counted.</summary>
    private const int MaxProblemsShown = 20;

    /// <summary>The width of a report written to a file or a pipe: wide enough that no line is ever wrapped.</summary>
    private const int UnwrappedWidth = 1 << 16;

    public static Option<string?> DataOption() => new("--data")
    {
        Description = $"Folder of CMS files, or an index snapshot file built by 'index build' (default: {DefaultDataFolder} in the current directory or the nearest parent that has one).",
        HelpName = "DIR|FILE",
    };

    public static Option<bool> AllowPartialDataOption() => new("--allow-partial-data")
    {
        Description = "Go on when the data loads with errors or holds no table, with what did load; the report and the JSON results say so. Without it such a load stops the command with exit code 2.",
    };

    /// <summary>Finds the data folder: the given one, else data/cms from the current directory upward.</summary>
    public static string? ResolveDataFolder(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultDataFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Loads the data folder, or the index snapshot when <paramref name="given"/> is a file, and judges the load:
    /// errors (or no table at all) stop a <see cref="DataLoadMode.Strict"/> command, listed, before it does
    /// <paramref name="work"/>; <see cref="DataLoadMode.AllowPartial"/> goes on with a warning and a
    /// <see cref="PartialData"/> marker. A healthy load's notes are one line (all of them with <c>--verbose</c>, none with
    /// <c>--quiet</c>). Returns <see langword="null"/> when the command must exit with <see cref="ExitCodes.UnreadableInput"/>.
    /// </summary>
    /// <param name="given">The --data value, or <see langword="null"/> to search for data/cms.</param>
    /// <param name="messages">Where the load's errors and notes go.</param>
    /// <param name="mode">What a load that refused data or found no table does to the command.</param>
    /// <param name="work">What a refused load stops, for the message: "any claim was scrubbed".</param>
    /// <param name="cancellationToken">The interruption.</param>
    /// <exception cref="OperationCanceledException">The process was interrupted while the data loaded.</exception>
    public static LoadedData? LoadData(string? given, UserMessages messages, DataLoadMode mode, string work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var path = ResolveDataFolder(given);
        if (path is null)
        {
            messages.Error($"no {DefaultDataFolder} folder in the current directory or above it; pass --data DIR.");
            return null;
        }

        CodeSetLoadResult result;
        try
        {
            // Loading cannot be cancelled; an interruption stops waiting for it, and the process ends with it abandoned.
            result = Task.Run(() => File.Exists(path) ? IndexSnapshot.Load(path) : CmsFolderLoader.Load(path), CancellationToken.None)
                .WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever a damaged folder makes the loader throw, the user gets one line naming the data, never a crash.
            messages.Error(ex switch
            {
                IndexSnapshotException => ex.Message,
                DirectoryNotFoundException or CmsDataException or IOException or UnauthorizedAccessException => $"the data folder '{path}' cannot be loaded: {ex.Message}",
                _ => $"the data in '{path}' cannot be loaded ({Describe(ex)}); it may be corrupt or truncated. Run 'data-report --data \"{path}\" --verbose' for the details.",
            });
            messages.Detail(ex.ToString());
            return null;
        }

        var report = result.Report;
        if (mode == DataLoadMode.ReportOnly)
        {
            return new LoadedData(result, null);
        }

        var errors = report.Problems.Where(p => p.IsError).ToList();
        var failed = errors.Count > 0 || report.Tables.IsEmpty;
        if (failed)
        {
            var what = errors.Count > 0
                ? $"the data in '{report.Folder}' did not load cleanly: {errors.Count} error(s), listed below"
                : $"no CMS table was loaded from '{report.Folder}': no file in it is named as CMS publishes a table{(report.SkippedFiles.IsEmpty ? string.Empty : $" ({report.SkippedFiles.Length} other file(s), which 'data-report' lists)")}";
            if (mode == DataLoadMode.Strict)
            {
                messages.Error($"{what}; stopped before {work}. Fix or replace the data, or pass --allow-partial-data to go on with what loaded.");
                ListProblems(errors, report.Folder, messages);
                return null;
            }

            messages.Warning($"{what}; going on with partial data (--allow-partial-data): findings that need the missing tables are not reported.");
            ListProblems(errors, report.Folder, messages);
        }

        var notes = report.Problems.Where(p => !p.IsError).ToList();
        if (messages.Verbose)
        {
            notes.ForEach(note => messages.Line(note.ToString()));
        }
        else if (notes.Count > 0)
        {
            messages.Note($"note: the data load left {notes.Count} note(s), none refusing data; 'data-report --data \"{report.Folder}\"' (or --verbose) lists them.");
        }

        return new LoadedData(result, failed ? PartialData.Of(report) : null);
    }

    /// <summary>An exception as one line: its type and message, and those of the exceptions inside it.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.FirstOrDefault() ?? exception : exception.InnerException;
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return inner is null || ReferenceEquals(inner, exception) ? text : $"{text} ← {Describe(inner)}";
    }

    /// <summary>Whether <paramref name="writer"/> is the process's standard output and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>
    /// A Spectre console over <paramref name="writer"/>: colours and the terminal's width on a terminal; elsewhere (a file,
    /// a pipe) no colour and no wrapping, so that every line of the report stays one line.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var terminal = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    private static void ListProblems(List<LoadProblem> problems, string folder, UserMessages messages)
    {
        foreach (var problem in problems.Take(MaxProblemsShown))
        {
            messages.Line(problem.ToString());
        }

        if (problems.Count > MaxProblemsShown)
        {
            messages.Line($"… and {problems.Count - MaxProblemsShown} more; 'data-report --data \"{folder}\"' lists them all.");
        }
    }
}

/// <summary>How a command treats a data load that refused data or found no table.</summary>
public enum DataLoadMode
{
    /// <summary>Stop, listing the errors (the default of every command that uses the data).</summary>
    Strict,

    /// <summary>Go on with what loaded, saying so (<c>--allow-partial-data</c>).</summary>
    AllowPartial,

    /// <summary>Judge nothing: the command reports the load itself (<c>data-report</c>).</summary>
    ReportOnly,
}

/// <summary>A data load a command goes on with, and its partial-data marker when it refused data or found no table.</summary>
public sealed record LoadedData(CodeSetLoadResult Result, PartialData? Partial);

/// <summary>
/// What a run on partial data (<c>--allow-partial-data</c>) tells the reader of its results: how many tables loaded,
/// how many load errors there were, and in which files. Written into every JSON result as <c>"partialData"</c>.
/// </summary>
public sealed record PartialData(int TablesLoaded, int LoadErrors, ImmutableArray<string> Files)
{
    public static PartialData Of(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = report.Problems.Where(p => p.IsError).ToList();
        return new PartialData(report.Tables.Length, errors.Count, [.. errors.Select(p => p.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>One line for a summary.</summary>
    public override string ToString() => LoadErrors > 0
        ? $"PARTIAL DATA: {LoadErrors} load error(s) in {string.Join(", ", Files)}"
        : "PARTIAL DATA: no table loaded";
}
