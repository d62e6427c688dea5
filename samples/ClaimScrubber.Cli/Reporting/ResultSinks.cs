using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimScrubber.Cli.Commands;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Serialization;
using Spectre.Console;

namespace ClaimScrubber.Cli;

/// <summary>Where scrub results go as they come, in input order.</summary>
/// <remarks>Disposing a sink without <see cref="Complete"/> abandons its output: nothing more is written.</remarks>
public interface IResultSink : IDisposable
{
    /// <summary>Adds the result of one input claim, read from <paramref name="inputFile"/>.</summary>
    void Add(ScrubbedClaim item, string inputFile);

    /// <summary>Called once after the last result when every input was read: ends the output and flushes it.</summary>
    void Complete(ScrubSummary summary);
}

/// <summary>
/// One JSON result per input claim, as an array or NDJSON, in the result contract. On partial data every result
/// carries <c>"partialData"</c> (see docs/json-contract.md): a member, so each result stays self-describing wherever
/// it travels (a line of NDJSON cut from its file, an element taken from the array) and the documented shape, an
/// array or lines of results, is unchanged.
/// </summary>
public sealed class JsonSink : IResultSink
{
    private readonly ScrubResultJsonWriter? plain;
    private readonly PartialDataWriter? annotated;

    /// <summary>Writes to <paramref name="stream"/>, which the sink leaves open; compact unless <paramref name="indented"/> (<c>--indent</c>).</summary>
    public JsonSink(Stream stream, JsonOutputFormat format, PartialData? partial, bool indented = false)
    {
        if (partial is null)
        {
            plain = new ScrubResultJsonWriter(stream, format, indented, leaveOpen: true);
        }
        else
        {
            annotated = new PartialDataWriter(stream, format, partial, indented);
        }
    }

    /// <summary>Gets the linkage explainer (<c>--linkage</c>): each readable claim's result then carries its linkage report.</summary>
    public Func<ClaimScrubber.Claim, LinkageReport>? ExplainLinkage { get; init; }

    public void Add(ScrubbedClaim item, string inputFile)
    {
        var linkage = ExplainLinkage is not null && item.Read.Claim is { } claim ? ExplainLinkage(claim) : null;
        if (plain is not null)
        {
            plain.Write(item, linkage);
        }
        else
        {
            annotated!.Write(item, linkage);
        }
    }

    public void Complete(ScrubSummary summary)
    {
        plain?.Dispose();
        annotated?.Dispose();
    }

    public void Dispose()
    {
        // Without Complete the output is abandoned (its file deleted by its owner): no closing bracket is written.
    }

    /// <summary>
    /// Writes each result as the library's writer does, with <c>"partialData"</c> added after its last member: the
    /// library writes the result into a scratch buffer, and its members are copied out one by one before the marker.
    /// </summary>
    private sealed class PartialDataWriter : IDisposable
    {
        private readonly Stream stream;
        private readonly JsonOutputFormat format;
        private readonly PartialData partial;
        private readonly MemoryStream scratch = new();
        private readonly ScrubResultJsonWriter scratchWriter;
        private readonly Utf8JsonWriter writer;
        private bool disposed;

        public PartialDataWriter(Stream stream, JsonOutputFormat format, PartialData partial, bool indented)
        {
            this.stream = stream;
            this.format = format;
            this.partial = partial;
            scratchWriter = new ScrubResultJsonWriter(scratch, JsonOutputFormat.Ndjson, leaveOpen: true);

            // The contract's escaping: quotes in messages stay quotes.
            writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            if (format == JsonOutputFormat.Array)
            {
                writer.WriteStartArray();
            }
        }

        public void Write(ScrubbedClaim item, LinkageReport? linkage)
        {
            scratch.SetLength(0);
            scratchWriter.Write(item, linkage);
            using (var document = JsonDocument.Parse(scratch.GetBuffer().AsMemory(0, (int)scratch.Length)))
            {
                writer.WriteStartObject();
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    member.WriteTo(writer);
                }

                writer.WriteStartObject("partialData");
                writer.WriteNumber("tablesLoaded", partial.TablesLoaded);
                writer.WriteNumber("loadErrors", partial.LoadErrors);
                writer.WriteStartArray("files");
                foreach (var file in partial.Files)
                {
                    writer.WriteStringValue(file);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if (format == JsonOutputFormat.Ndjson)
            {
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
            }
            else if (writer.BytesPending > 1 << 16)
            {
                writer.Flush();
            }
        }

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (format == JsonOutputFormat.Array)
            {
                writer.WriteEndArray();
                writer.Flush();
                stream.WriteByte((byte)'\n');
            }

            writer.Flush();
            writer.Dispose();
            stream.Flush();
            scratchWriter.Dispose();
            scratch.Dispose();
        }
    }
}

/// <summary>The readable report: each claim with findings (named by its file and line), severity in colour, then the summary.</summary>
public sealed class TextReportSink(TextWriter writer) : IResultSink
{
    private const int TopRuleCount = 10;

    private readonly IAnsiConsole console = CliSupport.CreateConsole(writer);
    private readonly bool terminal = CliSupport.IsTerminal(writer);

    public void Add(ScrubbedClaim item, string inputFile)
    {
        var (read, result) = item;
        if (result.IsClean)
        {
            return;
        }

        var id = Markup.Escape(string.IsNullOrEmpty(result.ClaimId) ? "(no claim id)" : result.ClaimId);
        var where = read.SourceLine is { } line ? string.Create(CultureInfo.InvariantCulture, $"{inputFile}:{line}") : inputFile;
        var x12 = read.X12Source;
        if (x12 is not null)
        {
            // A biller finds a claim of an 837 by its transaction set and place in it.
            where = string.Create(CultureInfo.InvariantCulture, $"{where}, transaction {x12.TransactionControlNumber} claim {x12.ClaimOrdinal}");
        }

        where = Markup.Escape(where);
        console.MarkupLine(read.IsReadable
            ? $"[bold]{id}[/] [grey]({where})[/]: {Count(result)}"
            : $"[bold]{id}[/] [grey]({where})[/]: [red]unreadable[/], {read.Errors.Length} element error(s); not scrubbed");
        foreach (var finding in result.Findings)
        {
            var at = (finding.Line is { } l ? $"line {l} " : string.Empty) + finding.Element
                + (x12?.Locate(finding.Element)?.ToString() is { } location && !finding.Message.StartsWith(location, StringComparison.Ordinal) ? $" at {location}" : string.Empty);
            console.MarkupLine($"  [{Colour(finding.Severity)}]{Name(finding.Severity),-7}[/] {finding.RuleId,-7} {Markup.Escape(at)}: {Markup.Escape(finding.Message)}");
            console.MarkupLine($"  {string.Empty,-7} {string.Empty,-7} [grey]fix: {Markup.Escape(finding.FixHint)}{(finding.Source is { } source ? " [[" + Markup.Escape(source.ToString()) + "]]" : string.Empty)}[/]");
        }
    }

    public void Complete(ScrubSummary summary)
    {
        console.WriteLine();
        if (terminal)
        {
            console.Write(new Rule("[bold]Summary[/]").LeftJustified());
        }
        else
        {
            // A rule is as wide as the page, and the page of a file has no width.
            console.WriteLine("── Summary " + new string('─', 69));
        }

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

        if (summary.Partial is { } partial)
        {
            console.MarkupLine($"[red]Partial data[/] (--allow-partial-data): {Markup.Escape(partial.LoadErrors > 0 ? $"{partial.LoadErrors} load error(s) in {string.Join(", ", partial.Files)}" : "no table loaded")}; findings that need the missing tables are not reported, so a clean claim here is not known to be clean.");
        }

        var notes = summary.Load.Problems.Count(p => !p.IsError);
        if (notes > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Data notes: {notes} (nothing refused; 'data-report' lists them)."));
        }

        writer.Flush();
    }

    public void Dispose()
    {
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
