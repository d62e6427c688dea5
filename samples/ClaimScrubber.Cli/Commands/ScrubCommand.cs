using System.Collections.Concurrent;
using System.CommandLine;
using System.Text;
using ClaimScrubber.Cli.Output;
using ClaimScrubber.Cli.Input;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>scrub [FILES/FOLDERS…] [--data DIR|FILE] [--format text|json|ndjson] [--output FILE] [--parallel N] [--as-of DATE]</c>:
/// reads claims (an X12 837 by its content, whatever its extension; a JSON array, NDJSON or CSV by extension; a folder
/// means each such file in it, in name order),
/// scrubs them against the data, and writes a readable report or one JSON result per input claim, in input order.
/// </summary>
public static class ScrubCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Claim files (.json array or NDJSON, .ndjson, .jsonl, .csv, or an X12 837 whatever its extension) or folders holding them.",
            HelpName = "FILES/FOLDERS",
            Arity = ArgumentArity.OneOrMore,
        };
        var data = CliSupport.DataOption();
        var allowPartial = CliSupport.AllowPartialDataOption();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a readable report), json (an array with one result per claim) or ndjson (one result per line).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "ndjson");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report or JSON to FILE instead of standard output; the file appears only when the run completes.",
            HelpName = "FILE",
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = "1 reads, scrubs and writes on one thread; N from 2 reads and writes on threads of their own and scrubs on N threads (results keep input order).",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallel must be from 1 to 64.");
            }
        });
        var asOf = CliSupport.AsOfOption("for the future-date checks");

        var linkage = new Option<bool>("--linkage") { Description = "With --format json or ndjson, add each claim's diagnosis-procedure linkage report (\"linkage\")." };
        var indent = new Option<bool>("--indent") { Description = "With --format json, indent the array for reading by eye (the default is compact, with no line breaks)." };
        var command = new Command("scrub", "Scrub claims against the CMS code sets and edit tables in a data folder or snapshot.") { inputs, data, allowPartial, format, output, parallel, asOf, linkage, indent };
        command.SetAction(parse => context.Run(parse, (messages, cancellationToken) =>
        {
            var asOfText = parse.GetValue(asOf);
            var settings = new ScrubSettings(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(data),
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(parallel),
                CliSupport.AsOf(asOfText),
                parse.GetValue(linkage),
                parse.GetValue(allowPartial),
                parse.GetValue(indent));
            return Run(settings, parse.InvocationConfiguration.Output, messages, cancellationToken);
        }));
        return command;
    }

    public static int Run(ScrubSettings settings, TextWriter stdout, UserMessages messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(messages);
        var files = ClaimFiles.Expand(settings.Inputs, messages);
        if (files is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var data = CliSupport.LoadData(settings.DataFolder, messages, settings.AllowPartialData ? DataLoadMode.AllowPartial : DataLoadMode.Strict, "any claim was scrubbed", cancellationToken);
        if (data is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var scrubber = Scrubber.Create(data.Result.Index, ScrubberOptions.Default with { AsOfDate = settings.AsOf });
        var summary = new ScrubSummary(data.Result.Report, data.Partial);
        var progress = ProgressMeter.CreateIfUseful(files, settings, stdout, messages.Writer);
        var source = new ClaimSource(files, progress);
        OutputTarget? target = null;
        try
        {
            if (settings.Format != "text" || settings.Output is not null)
            {
                target = OutputTarget.Open(settings.Output, stdout);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            messages.Error($"'{settings.Output}' cannot be written: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }

        using (target)
        {
            using var sink = OpenSink(settings, stdout, target, scrubber, data.Partial);
            try
            {
                long position = 0;
                foreach (var item in Scrub(source.Read(), scrubber, settings.Parallel, cancellationToken))
                {
                    var file = source.FileOf(++position);
                    summary.Add(item);
                    try
                    {
                        sink.Add(item, file);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        progress?.Clear();
                        messages.Error($"'{settings.Output ?? "standard output"}' cannot be written: {ex.Message}");
                        return ExitCodes.UnreadableInput;
                    }
                }
            }
            catch (Exception ex) when (ex is ClaimReadException or IOException or UnauthorizedAccessException)
            {
                // Results cut short by an unreadable input must not pass for a complete run: the output file is dropped.
                progress?.Clear();
                messages.Error(ex is ClaimReadException ? ex.Message : $"{source.CurrentFile ?? "input"}: {ex.Message}");
                return ExitCodes.UnreadableInput;
            }

            progress?.Clear();
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var fault in source.EnvelopeErrors)
            {
                messages.Warning(fault.ToString());
            }

            try
            {
                sink.Complete(summary);
                target?.Commit();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                messages.Error($"'{settings.Output ?? "standard output"}' cannot be written: {ex.Message}");
                return ExitCodes.UnreadableInput;
            }
        }

        if (settings.Format != "text")
        {
            messages.Note(summary.OneLine());
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Scrubs the reads in input order: on the calling thread with one thread, else through the library's
    /// <see cref="ScrubPipeline"/>, whose reading thread runs <paramref name="reads"/> while this thread writes.
    /// </summary>
    private static IEnumerable<ScrubbedClaim> Scrub(IEnumerable<ClaimReadResult> reads, Scrubber scrubber, int parallel, CancellationToken cancellationToken)
    {
        if (parallel > 1)
        {
            return new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = parallel }).Scrub(reads, cancellationToken);
        }

        return OneByOne(reads, scrubber, cancellationToken);

        static IEnumerable<ScrubbedClaim> OneByOne(IEnumerable<ClaimReadResult> reads, Scrubber scrubber, CancellationToken cancellationToken)
        {
            foreach (var read in reads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ScrubbedClaim(read, read.Scrub(scrubber));
            }
        }
    }

    private static IResultSink OpenSink(ScrubSettings settings, TextWriter stdout, OutputTarget? target, Scrubber scrubber, PartialData? partial)
    {
        if (settings.Format == "text")
        {
            return new TextReportSink(target is null ? stdout : new StreamWriter(target.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true));
        }

        var format = settings.Format == "ndjson" ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array;
        return new JsonSink(target!.Stream, format, partial, settings.Indent && format == JsonOutputFormat.Array) { ExplainLinkage = settings.Linkage ? scrubber.ExplainLinkage : null };
    }

    /// <summary>
    /// Reads the files in order, one claim at a time (on the pipeline's reading thread), tells the progress meter how far
    /// it got, and remembers where each file starts in the stream, so that the writing thread can name each claim's file.
    /// </summary>
    private sealed class ClaimSource(List<string> files, ProgressMeter? progress)
    {
        private readonly ConcurrentQueue<(long FirstPosition, string File)> starts = new();
        private string fileOfLast = string.Empty;
        private volatile string? currentFile;

        /// <summary>Gets the faults of 837 envelopes met while reading, which leave the claims readable (reported when the run ends).</summary>
        public ConcurrentQueue<X12EnvelopeError> EnvelopeErrors { get; } = new();

        /// <summary>Gets the file being read (for the message of an I/O error).</summary>
        public string? CurrentFile => currentFile;

        public IEnumerable<ClaimReadResult> Read()
        {
            long done = 0;
            long yielded = 0;
            foreach (var file in files)
            {
                currentFile = file;
                starts.Enqueue((yielded + 1, file));
                var (stream, format) = ClaimFiles.Open(file);
                using var opened = stream;
                foreach (var claim in ClaimFiles.Read(stream, file, format, EnvelopeErrors.Enqueue))
                {
                    progress?.Tick(done + (stream.CanSeek ? stream.Position : 0));
                    yielded++;
                    yield return claim;
                }

                // A pipe (a named FIFO) has no length.
                done += stream.CanSeek ? stream.Length : 0;
            }
        }

        /// <summary>The file of the claim at 1-based <paramref name="position"/> in the stream; positions must come in order.</summary>
        public string FileOf(long position)
        {
            // A file is queued before its first claim is read, so the claim's file is always there; files with no claim
            // share their start with the next file and are passed over.
            while (starts.TryPeek(out var start) && start.FirstPosition <= position)
            {
                fileOfLast = start.File;
                starts.TryDequeue(out _);
            }

            return fileOfLast;
        }
    }
}

/// <summary>The parsed scrub command line.</summary>
public sealed record ScrubSettings(string[] Inputs, string? DataFolder, string Format, string? Output, int Parallel, DateOnly? AsOf, bool Linkage = false, bool AllowPartialData = false, bool Indent = false);
