using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;
using Spectre.Console;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>index build --data DIR --output FILE</c> loads a CMS data folder and writes it as one index snapshot that loads in a
/// fraction of the time; <c>index verify FILE [--source DIR]</c> checks a snapshot (and that its CMS files are unchanged).
/// </summary>
public static class IndexCommand
{
    public static Command Create() => new("index", "Build or verify an index snapshot: the whole loaded index in one file that loads far faster than the CMS files.")
    {
        CreateBuild(),
        CreateVerify(),
    };

    private static Command CreateBuild()
    {
        var data = new Option<string?>("--data")
        {
            Description = $"Folder of CMS files (default: {CliSupport.DefaultDataFolder} in the current directory or the nearest parent that has one).",
            HelpName = "DIR",
        };
        var output = new Option<string>("--output", "-o") { Description = "The snapshot file to write (replaced when it exists).", HelpName = "FILE", Required = true };
        var command = new Command("build", "Load a CMS data folder and write it as an index snapshot; 'scrub --data FILE' and 'data-report --data FILE' then read the snapshot.") { data, output };
        command.SetAction(parse => Build(parse.GetValue(data), parse.GetValue(output)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateVerify()
    {
        var file = new Argument<string>("file") { Description = "The snapshot file.", HelpName = "FILE" };
        var source = new Option<string?>("--source") { Description = "The CMS folder the snapshot was built from: fail when a file it was built from changed or is missing.", HelpName = "DIR" };
        var command = new Command("verify", "Check an index snapshot: signature, format version, length, checksum, tables, and optionally its CMS files.") { file, source };
        command.SetAction(parse => Verify(parse.GetValue(file)!, parse.GetValue(source), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Build(string? dataFolder, string output, TextWriter stdout, TextWriter stderr)
    {
        if (File.Exists(CliSupport.ResolveDataFolder(dataFolder)))
        {
            stderr.WriteLine("error: --data must be a folder of CMS files to build a snapshot from.");
            return ExitCodes.Usage;
        }

        var loaded = CliSupport.Load(dataFolder, stderr);
        if (loaded is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            loaded.Index.SaveSnapshot(output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: the snapshot '{output}' cannot be written: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }
        catch (CmsDataException ex)
        {
            // The library refuses a snapshot of a load that met errors.
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }

        var saved = stopwatch.Elapsed;
        var console = CliSupport.CreateConsole(stdout);
        WriteTables(console, loaded.Report);
        var size = new FileInfo(output).Length;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded.Report.Folder} ({loaded.Index.SourceFiles.Length} files) in {loaded.Report.Elapsed.TotalSeconds:0.00} s; wrote {Path.GetFullPath(output)} ({size / 1e6:0.0} MB, format {IndexSnapshot.FormatVersion}) in {saved.TotalSeconds:0.00} s.")));
        var errors = loaded.Report.Problems.Count(p => p.IsError);
        if (errors > 0)
        {
            console.MarkupLine($"[yellow]The load refused data ({errors} error(s)); the snapshot records them, and loading it strictly (CodeSetIndex.Load) fails as the folder would.[/]");
        }

        return ExitCodes.Success;
    }

    private static int Verify(string file, string? source, TextWriter stdout, TextWriter stderr)
    {
        CodeSetLoadResult loaded;
        try
        {
            loaded = IndexSnapshot.Load(file, IndexSnapshotLoadOptions.Default with { SourceFolder = source, VerifySha256 = true });
        }
        catch (IndexSnapshotException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: the snapshot '{file}' cannot be read: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }

        var console = CliSupport.CreateConsole(stdout);
        WriteTables(console, loaded.Report);
        var errors = loaded.Report.Problems.Count(p => p.IsError);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{loaded.Report.Folder}: a valid format {IndexSnapshot.FormatVersion} snapshot of {loaded.Report.Tables.Length} table release(s) from {loaded.Index.SourceFiles.Length} file(s), {errors} load error(s) recorded; loaded in {loaded.Report.Elapsed.TotalSeconds:0.00} s.")));
        if (source is not null)
        {
            console.MarkupLine(Markup.Escape($"Every file it was built from is unchanged in {Path.GetFullPath(source)}."));
        }

        return ExitCodes.Success;
    }

    private static void WriteTables(IAnsiConsole console, LoadReport report)
    {
        var table = new Table().AddColumns("Table", "Release", "File", "Rows");
        foreach (var release in report.Tables)
        {
            table.AddRow(Markup.Escape(release.Table), Markup.Escape(release.Release), Markup.Escape(release.SourceFile), release.RowCount.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
