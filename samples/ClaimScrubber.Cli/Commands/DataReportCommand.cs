using System.CommandLine;
using System.Globalization;
using ClaimScrubber.CodeSets;
using Spectre.Console;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>data-report --data DIR|FILE [--as-of DATE]</c>: what a data folder (or an index snapshot) loads to: tables, releases,
/// row counts, each table's coverage against today (CMS's cadence, the dates it covers, whether a newer release is due),
/// skipped files, problems.
/// </summary>
public static class DataReportCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = CliSupport.DataOption();
        var asOf = CliSupport.AsOfOption("for the tables' coverage");
        var command = new Command("data-report", "List the tables a CMS data folder (or an index snapshot) loads: releases, row counts, each table's coverage against today, skipped files and every problem.") { data, asOf };
        command.SetAction(parse => context.Run(parse, (messages, cancellationToken) =>
            Run(parse.GetValue(data), CliSupport.AsOf(parse.GetValue(asOf)) ?? DateOnly.FromDateTime(DateTime.Now), parse.InvocationConfiguration.Output, messages, cancellationToken)));
        return command;
    }

    /// <summary>Reports whatever the data loads to, however damaged: only data that cannot be loaded at all exits with 2.</summary>
    private static int Run(string? dataFolder, DateOnly today, TextWriter output, UserMessages messages, CancellationToken cancellationToken)
    {
        var loaded = CliSupport.LoadData(dataFolder, messages, DataLoadMode.ReportOnly, "the report", cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var report = loaded.Result.Report;
        var console = CliSupport.CreateConsole(output);
        var kind = File.Exists(report.Folder) ? "Index snapshot" : "Data folder";
        console.MarkupLine($"[bold]{kind}[/] {Markup.Escape(report.Folder)} loaded in {report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        if (report.Tables.IsEmpty)
        {
            console.MarkupLine("[yellow]No CMS table loaded: only the rules that read no table will run.[/]");
        }
        else
        {
            var table = new Table().AddColumns("Table", "Release", "File", "Effective", "Rows");
            foreach (var release in report.Tables)
            {
                var effective = $"{release.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {release.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";
                table.AddRow(Markup.Escape(release.Table), Markup.Escape(release.Release), Markup.Escape(release.SourceFile), effective, release.RowCount.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            WriteCoverage(console, loaded.Result.Index.Coverage, today);
        }

        foreach (var off in loaded.Result.Index.UnavailableEdits)
        {
            console.MarkupLine($"[yellow]Off without {Markup.Escape(off.Table)}[/] ({Markup.Escape(string.Join(", ", off.RuleIds))}): {Markup.Escape(off.Effect)} Load {Markup.Escape(off.FilesToLoad)}.");
        }

        console.MarkupLine($"[bold]Skipped files[/] (no reader recognises them): {report.SkippedFiles.Length}");
        foreach (var skipped in report.SkippedFiles)
        {
            console.MarkupLine($"  {Markup.Escape(skipped)}");
        }

        var errors = report.Problems.Count(p => p.IsError);
        console.MarkupLine($"[bold]Problems[/]: {errors} error(s), {report.Problems.Length - errors} warning(s)");
        foreach (var problem in report.Problems)
        {
            console.MarkupLine($"  [{(problem.IsError ? "red" : "yellow")}]{Markup.Escape(problem.ToString())}[/]");
        }

        return ExitCodes.Success;
    }

    /// <summary>Each table's coverage (TableCoverage) against today: scrubbing a later date of service checks it against an older release.</summary>
    private static void WriteCoverage(IAnsiConsole console, IEnumerable<TableCoverage> coverage, DateOnly today)
    {
        var stale = 0;
        var table = new Table().AddColumns("Table", "Published", "Covers", $"On {Day(today)}");
        foreach (var entry in coverage)
        {
            var covers = entry.CoversTo is { } to ? $"{(entry.CoversFrom is { } from ? Day(from) : "…")} to {Day(to)}" : "no end (no schedule)";
            var state = entry.IsOutOfDateOn(today) ? "[yellow]out of date: a newer release is due[/]"
                : entry.CoversFrom is { } start && today < start ? "not yet in force"
                : "current";
            stale += entry.IsOutOfDateOn(today) ? 1 : 0;
            table.AddRow(Markup.Escape(entry.Table), Cadence(entry.Cadence), covers, state);
        }

        console.MarkupLine($"[bold]Coverage[/] on {Day(today)}: {stale} table(s) out of date; a date of service after a table's coverage is checked against its latest loaded release (rule CLM020, opt-in, says so on each claim).");
        console.Write(table);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cadence(TableCadence cadence) => cadence switch
    {
        TableCadence.Quarterly => "quarterly",
        TableCadence.Semiannual => "October and April",
        TableCadence.Yearly => "yearly (October)",
        _ => "when changed",
    };
}
