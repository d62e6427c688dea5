using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.Cli.Output;
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
    public static Command Create(CliContext context) => new("index", "Build or verify an index snapshot: the whole loaded index in one file that loads far faster than the CMS files.")
    {
        CreateBuild(context),
        CreateVerify(context),
    };

    private static Command CreateBuild(CliContext context)
    {
        var data = new Option<string?>("--data")
        {
            Description = $"Folder of CMS files (default: {CliSupport.DefaultDataFolder} in the current directory or the nearest parent that has one).",
            HelpName = "DIR",
        };
        var output = new Option<string>("--output", "-o") { Description = "The snapshot file to write (replaced when it exists, only once the new one is complete).", HelpName = "FILE", Required = true };
        var allowPartial = CliSupport.AllowPartialDataOption();
        allowPartial.Description = "Write a snapshot even when the load refused data (it records the errors, and commands reading it stop on them as on the folder); never one of no table.";
        var command = new Command("build", "Load a CMS data folder and write it as an index snapshot; 'scrub --data FILE' and 'data-report --data FILE' then read the snapshot.") { data, output, allowPartial };
        command.SetAction(parse => context.Run(parse, (messages, cancellationToken) =>
            Build(parse.GetValue(data), parse.GetValue(output)!, parse.GetValue(allowPartial), parse.InvocationConfiguration.Output, messages, cancellationToken)));
        return command;
    }

    private static Command CreateVerify(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The snapshot file.", HelpName = "FILE" };
        var source = new Option<string?>("--source") { Description = "The CMS folder the snapshot was built from: fail when a file it was built from changed or is missing.", HelpName = "DIR" };
        var command = new Command("verify", "Check an index snapshot: signature, format version, length, checksum, tables, and optionally its CMS files.") { file, source };
        command.SetAction(parse => context.Run(parse, (messages, _) => Verify(parse.GetValue(file)!, parse.GetValue(source), parse.InvocationConfiguration.Output, messages)));
        return command;
    }

    private static int Build(string? dataFolder, string output, bool allowPartialData, TextWriter stdout, UserMessages messages, CancellationToken cancellationToken)
    {
        if (File.Exists(CliSupport.ResolveDataFolder(dataFolder)))
        {
            messages.Error("--data must be a folder of CMS files to build a snapshot from.");
            return ExitCodes.Usage;
        }

        var loaded = CliSupport.LoadData(dataFolder, messages, allowPartialData ? DataLoadMode.AllowPartial : DataLoadMode.Strict, "a snapshot was written", cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var report = loaded.Result.Report;
        if (report.Tables.IsEmpty)
        {
            messages.Error($"no CMS table was loaded from '{report.Folder}': a snapshot of no table is never written.");
            return ExitCodes.UnreadableInput;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var file = AtomicOutputFile.Create(output);
            loaded.Result.Index.SaveSnapshot(file.Stream, allowLoadErrors: allowPartialData);
            cancellationToken.ThrowIfCancellationRequested();
            file.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            messages.Error($"the snapshot '{output}' cannot be written: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }
        catch (CmsDataException ex)
        {
            // The library refuses a snapshot of a load that met errors unless they are allowed.
            messages.Error(ex.Message);
            return ExitCodes.UnreadableInput;
        }

        var saved = stopwatch.Elapsed;
        var console = CliSupport.CreateConsole(stdout);
        WriteTables(console, report);
        var size = new FileInfo(output).Length;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {report.Folder} ({loaded.Result.Index.SourceFiles.Length} files) in {report.Elapsed.TotalSeconds:0.00} s; wrote {Path.GetFullPath(output)} ({size / 1e6:0.0} MB, format {IndexSnapshot.FormatVersion}) in {saved.TotalSeconds:0.00} s.")));
        if (loaded.Partial is { } partial)
        {
            console.MarkupLine(Markup.Escape($"The load refused data ({partial.LoadErrors} error(s) in {string.Join(", ", partial.Files)}): the snapshot records them, and commands reading it stop on them as they would on the folder."));
        }

        return ExitCodes.Success;
    }

    private static int Verify(string file, string? source, TextWriter stdout, UserMessages messages)
    {
        CodeSetLoadResult loaded;
        try
        {
            loaded = IndexSnapshot.Load(file, IndexSnapshotLoadOptions.Default with { SourceFolder = source, VerifySha256 = true });
        }
        catch (IndexSnapshotException ex)
        {
            messages.Error(ex.Message);
            return ExitCodes.UnreadableInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            messages.Error($"the snapshot '{file}' cannot be read: {ex.Message}");
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
