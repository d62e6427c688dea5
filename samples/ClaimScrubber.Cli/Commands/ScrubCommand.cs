using System.CommandLine;
using System.Globalization;
using System.Text;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>scrub [FILES/FOLDERS…] [--data DIR] [--format text|json|ndjson] [--output FILE] [--parallel N] [--as-of DATE]</c>:
/// reads claims (a JSON array, NDJSON or CSV, by extension; a folder means each such file in it, in name order),
/// scrubs them against the data folder, and writes a readable report or one JSON result per input claim, in input order.
/// </summary>
public static class ScrubCommand
{
    private static readonly string[] JsonExtensions = [".json", ".ndjson", ".jsonl"];

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Claim files (.json array or NDJSON, .ndjson, .jsonl, .csv) or folders holding them.",
            HelpName = "FILES/FOLDERS",
            Arity = ArgumentArity.OneOrMore,
        };
        var data = CliSupport.DataOption();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a readable report), json (an array with one result per claim) or ndjson (one result per line).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "ndjson");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report or JSON to FILE instead of standard output.", HelpName = "FILE" };
        var parallel = new Option<int>("--parallel") { Description = "Scrub on N threads (results keep input order).", DefaultValueFactory = _ => 1, HelpName = "N" };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallel must be from 1 to 64.");
            }
        });
        var asOf = new Option<string?>("--as-of") { Description = "The date that counts as today for the future-date checks (yyyy-MM-dd; default: today).", HelpName = "DATE" };
        asOf.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
            }
        });

        var linkage = new Option<bool>("--linkage") { Description = "With --format json or ndjson, add each claim's diagnosis-procedure linkage report (\"linkage\")." };
        var command = new Command("scrub", "Scrub claims against the CMS code sets and edit tables in a data folder.") { inputs, data, format, output, parallel, asOf, linkage };
        command.SetAction(parse =>
        {
            var asOfText = parse.GetValue(asOf);
            var settings = new ScrubSettings(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(data),
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(parallel),
                asOfText is null ? null : DateOnly.ParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                parse.GetValue(linkage));
            return Run(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(ScrubSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var files = ExpandInputs(settings.Inputs, stderr);
        if (files is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var loaded = CliSupport.Load(settings.DataFolder, stderr);
        if (loaded is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var options = ScrubberOptions.Default with { AsOfDate = settings.AsOf };
        var scrubber = Scrubber.Create(loaded.Index, options);
        var summary = new ScrubSummary(loaded.Report);
        var progress = ProgressMeter.CreateIfUseful(files, settings, stdout, stderr);
        var source = new ClaimSource(files, progress);
        var reads = source.Read();
        var results = ScrubInOrder(reads, scrubber, settings.Parallel);

        var sink = OpenSink(settings, stdout, settings.Linkage ? scrubber.ExplainLinkage : null);
        try
        {
            foreach (var (read, result) in results)
            {
                summary.Add(read, result);
                sink.Add(read, result);
            }
        }
        catch (Exception ex) when (Unwrap(ex) is ClaimReadException or IOException or UnauthorizedAccessException)
        {
            progress?.Clear();
            sink.Dispose();

            // Results cut short by an unreadable input must not pass for a complete run.
            if (settings.Output is not null)
            {
                File.Delete(settings.Output);
            }

            stderr.WriteLine($"error: {DescribeReadFailure(Unwrap(ex), source.CurrentFile)}");
            return ExitCodes.UnreadableInput;
        }

        progress?.Clear();
        using (sink)
        {
            sink.Complete(summary);
        }

        if (settings.Format != "text")
        {
            stderr.WriteLine(summary.OneLine());
        }

        return ExitCodes.Success;
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : ex;

    private static string DescribeReadFailure(Exception ex, string? file) => ex is ClaimReadException
        ? ex.Message
        : $"{file ?? "input"}: {ex.Message}";

    /// <summary>
    /// Scrubs the reads in input order; with more than one thread, each chunk's readable claims go through
    /// <see cref="Scrubber.ScrubMany"/> (the library's ordered parallel scrubbing) and unreadable ones are reported in place.
    /// </summary>
    private static IEnumerable<(ClaimReadResult Read, ScrubResult Result)> ScrubInOrder(IEnumerable<ClaimReadResult> reads, Scrubber scrubber, int parallel)
    {
        if (parallel == 1)
        {
            foreach (var read in reads)
            {
                yield return (read, read.Scrub(scrubber));
            }

            yield break;
        }

        foreach (var chunk in reads.Chunk(1024))
        {
            using var scrubbed = scrubber.ScrubMany(chunk.Where(r => r.IsReadable).Select(r => r.Claim!), parallel).GetEnumerator();
            foreach (var read in chunk)
            {
                if (read.IsReadable && scrubbed.MoveNext())
                {
                    yield return (read, scrubbed.Current);
                }
                else
                {
                    yield return (read, read.Scrub(scrubber));
                }
            }
        }
    }

    private static IResultSink OpenSink(ScrubSettings settings, TextWriter stdout, Func<Claims.Claim, LinkageReport>? explainLinkage)
    {
        if (settings.Format == "text")
        {
            return settings.Output is null
                ? new TextReportSink(stdout, ownsWriter: false)
                : new TextReportSink(new StreamWriter(settings.Output, append: false, new UTF8Encoding(false)), ownsWriter: true);
        }

        var format = settings.Format == "ndjson" ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array;
        if (settings.Output is not null)
        {
            return new JsonSink(new ScrubResultJsonWriter(File.Create(settings.Output), format, indented: format == JsonOutputFormat.Array)) { ExplainLinkage = explainLinkage };
        }

        // Straight to the process's standard output when it is the console, so that large outputs stream; otherwise
        // (an in-process caller's writer) through a buffer copied out at the end.
        return ReferenceEquals(stdout, Console.Out)
            ? new JsonSink(new ScrubResultJsonWriter(Console.OpenStandardOutput(), format, indented: format == JsonOutputFormat.Array)) { ExplainLinkage = explainLinkage }
            : new JsonSink(format, stdout) { ExplainLinkage = explainLinkage };
    }

    /// <summary>Turns the arguments into files: a folder means each claim file in it, in ordinal name order.</summary>
    private static List<string>? ExpandInputs(string[] inputs, TextWriter stderr)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var inFolder = Directory.EnumerateFiles(input).Where(IsClaimFile).Order(StringComparer.Ordinal).ToList();
                if (inFolder.Count == 0)
                {
                    stderr.WriteLine($"error: the folder '{input}' holds no claim file (.json, .ndjson, .jsonl, .csv).");
                    return null;
                }

                files.AddRange(inFolder);
            }
            else if (File.Exists(input))
            {
                if (!IsClaimFile(input))
                {
                    stderr.WriteLine($"error: '{input}' is not a claim file: expected .json (an array or NDJSON), .ndjson, .jsonl or .csv.");
                    return null;
                }

                files.Add(input);
            }
            else
            {
                stderr.WriteLine($"error: '{input}' does not exist.");
                return null;
            }
        }

        return files;
    }

    private static bool IsClaimFile(string path) => IsCsv(path) || JsonExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool IsCsv(string path) => Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the files in order, one claim at a time, and tells the progress meter how far it got.</summary>
    private sealed class ClaimSource(List<string> files, ProgressMeter? progress)
    {
        public string? CurrentFile { get; private set; }

        public IEnumerable<ClaimReadResult> Read()
        {
            long done = 0;
            foreach (var file in files)
            {
                CurrentFile = file;
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                using var text = IsCsv(file) ? new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true) : null;
                var claims = text is null ? ClaimJsonReader.Read(stream, file) : ClaimCsvReader.Read(text, file);
                foreach (var claim in claims)
                {
                    progress?.Tick(done + stream.Position);
                    yield return claim;
                }

                done += stream.Length;
            }
        }
    }
}

/// <summary>The parsed scrub command line.</summary>
public sealed record ScrubSettings(string[] Inputs, string? DataFolder, string Format, string? Output, int Parallel, DateOnly? AsOf, bool Linkage = false);
