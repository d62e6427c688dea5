using System.Globalization;
using System.Text;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Serialization;
using Spectre.Console;

namespace ClaimScrubber.Cli;

/// <summary>Where scrub results go as they come, in input order.</summary>
public interface IResultSink : IDisposable
{
    void Add(ClaimReadResult read, ScrubResult result);

    /// <summary>Called once after the last result when every input was read.</summary>
    void Complete(ScrubSummary summary);
}

/// <summary>One JSON result per input claim, as an array or NDJSON.</summary>
public sealed class JsonSink : IResultSink
{
    private readonly ScrubResultJsonWriter writer;
    private readonly MemoryStream? buffer;
    private readonly TextWriter? copyTo;

    public JsonSink(ScrubResultJsonWriter writer) => this.writer = writer;

    /// <summary>Buffers the JSON and copies it to <paramref name="output"/> when complete (for in-process callers).</summary>
    public JsonSink(JsonOutputFormat format, TextWriter output)
    {
        buffer = new MemoryStream();
        copyTo = output;
        writer = new ScrubResultJsonWriter(buffer, format, indented: format == JsonOutputFormat.Array, leaveOpen: true);
    }

    /// <summary>Gets the linkage explainer (<c>--linkage</c>): each readable claim's result then carries its linkage report.</summary>
    public Func<ClaimScrubber.Claims.Claim, LinkageReport>? ExplainLinkage { get; init; }

    public void Add(ClaimReadResult read, ScrubResult result) =>
        writer.Write(result, ExplainLinkage is not null && read.Claim is { } claim ? ExplainLinkage(claim) : null);

    public void Complete(ScrubSummary summary)
    {
        writer.Dispose();
        if (buffer is not null && copyTo is not null)
        {
            copyTo.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            copyTo.Flush();
        }
    }

    public void Dispose()
    {
        writer.Dispose();
        buffer?.Dispose();
    }
}

/// <summary>The readable report: each claim with findings, severity in colour, then the summary.</summary>
public sealed class TextReportSink(TextWriter writer, bool ownsWriter) : IResultSink
{
    private const int TopRuleCount = 10;

    private readonly IAnsiConsole console = Commands.CliSupport.CreateConsole(writer);

    public void Add(ClaimReadResult read, ScrubResult result)
    {
        if (result.IsClean)
        {
            return;
        }

        var id = Markup.Escape(string.IsNullOrEmpty(result.ClaimId) ? "(no claim id)" : result.ClaimId);
        var where = read.SourceLine is { } line ? $" [grey](input line {line})[/]" : string.Empty;
        console.MarkupLine(read.IsReadable
            ? $"[bold]{id}[/]{where}: {Count(result)}"
            : $"[bold]{id}[/]{where}: [red]unreadable[/], {read.Errors.Length} element error(s); not scrubbed");
        foreach (var finding in result.Findings)
        {
            var at = finding.Line is { } l ? $"line {l} " : string.Empty;
            console.MarkupLine($"  [{Colour(finding.Severity)}]{Name(finding.Severity),-7}[/] {finding.RuleId,-7} {Markup.Escape(at + finding.Element)}: {Markup.Escape(finding.Message)}");
            console.MarkupLine($"  {string.Empty,-7} {string.Empty,-7} [grey]fix: {Markup.Escape(finding.FixHint)}{(finding.Source is { } source ? " [[" + Markup.Escape(source.ToString()) + "]]" : string.Empty)}[/]");
        }
    }

    public void Complete(ScrubSummary summary)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]Summary[/]").LeftJustified());
        var totals = new Grid().AddColumn().AddColumn();
        totals.AddRow("Claims", string.Create(CultureInfo.InvariantCulture, $"{summary.Claims} ({summary.Unreadable} unreadable)"));
        totals.AddRow("Clean claims", string.Create(CultureInfo.InvariantCulture, $"{summary.Clean} ({summary.CleanRate * 100:0.0}% clean-claim rate)"));
        totals.AddRow("Findings", string.Create(CultureInfo.InvariantCulture,
            $"{summary.Findings}: [red]{summary.CountOf(Severity.Error)} error[/], [yellow]{summary.CountOf(Severity.Warning)} warning[/], [blue]{summary.CountOf(Severity.Info)} info[/]"));
        console.Write(totals);

        var top = summary.TopRules(TopRuleCount).ToList();
        if (top.Count > 0)
        {
            var rules = new Table().Title("Top rules").AddColumns("Rule", "Title", "Severity", "Findings");
            foreach (var (rule, count) in top)
            {
                rules.AddRow(rule.Id, Markup.Escape(rule.Title), $"[{Colour(rule.DefaultSeverity)}]{Name(rule.DefaultSeverity)}[/]", count.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(rules);
        }

        if (summary.Load.Tables.IsEmpty)
        {
            console.MarkupLine($"Tables loaded: [yellow]none[/] from {Markup.Escape(summary.Load.Folder)}: only the rules that read no table ran.");
        }
        else
        {
            var tables = new Table().Title($"Tables loaded from {Markup.Escape(summary.Load.Folder)}").AddColumns("Table", "Release", "Rows");
            foreach (var release in summary.Load.Tables)
            {
                tables.AddRow(Markup.Escape(release.Table), Markup.Escape(release.Release), release.RowCount.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(tables);
        }

        var errors = summary.Load.Problems.Count(p => p.IsError);
        if (summary.Load.Problems.Length > 0)
        {
            console.MarkupLine($"Data load problems: [red]{errors} error(s)[/], [yellow]{summary.Load.Problems.Length - errors} warning(s)[/] (listed on standard error).");
        }

        writer.Flush();
    }

    public void Dispose()
    {
        if (ownsWriter)
        {
            writer.Dispose();
        }
    }

    private static string Count(ScrubResult result)
    {
        var errors = result.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
        var infos = result.Findings.Length - errors - warnings;
        return string.Create(CultureInfo.InvariantCulture, $"[red]{errors} error(s)[/], [yellow]{warnings} warning(s)[/], [blue]{infos} info[/]");
    }

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Error => "red",
        Severity.Warning => "yellow",
        _ => "blue",
    };

    private static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
