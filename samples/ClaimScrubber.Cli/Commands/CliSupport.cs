using System.CommandLine;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;
using Spectre.Console;

namespace ClaimScrubber.Cli.Commands;

/// <summary>What the commands share: the --data option, finding and loading the data folder, consoles.</summary>
public static class CliSupport
{
    /// <summary>The folder searched for, from the current directory upward, when --data is not given.</summary>
    public const string DefaultDataFolder = "data/cms";

    /// <summary>How many load problems are printed before the rest are only counted.</summary>
    private const int MaxProblemsShown = 20;

    public static Option<string?> DataOption() => new("--data")
    {
        Description = $"Folder of CMS files, or an index snapshot file built by 'index build' (default: {DefaultDataFolder} in the current directory or the nearest parent that has one).",
        HelpName = "DIR|FILE",
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
    /// Loads the data folder, or the index snapshot when <paramref name="given"/> is a file, printing the load's problems to
    /// <paramref name="error"/>; null when it cannot be loaded at all.
    /// </summary>
    public static CodeSetLoadResult? Load(string? given, TextWriter error, bool printProblems = true)
    {
        var folder = ResolveDataFolder(given);
        if (folder is null)
        {
            error.WriteLine($"error: no {DefaultDataFolder} folder in the current directory or above it; pass --data DIR.");
            return null;
        }

        CodeSetLoadResult result;
        try
        {
            result = File.Exists(folder) ? IndexSnapshot.Load(folder) : CmsFolderLoader.Load(folder);
        }
        catch (IndexSnapshotException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or CmsDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: the data folder '{folder}' cannot be loaded: {ex.Message}");
            return null;
        }

        if (printProblems)
        {
            var problems = result.Report.Problems;
            foreach (var problem in problems.Take(MaxProblemsShown))
            {
                error.WriteLine(problem.ToString());
            }

            if (problems.Length > MaxProblemsShown)
            {
                error.WriteLine($"… and {problems.Length - MaxProblemsShown} more load problem(s); run data-report --data \"{folder}\" to list them all.");
            }
        }

        return result;
    }

    /// <summary>A Spectre console over <paramref name="writer"/>: colours only on a terminal, a wide page elsewhere so tables do not wrap.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
