using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ClaimScrubber.Cli.Input;
using ClaimScrubber.Cli.Output;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>convert FILES/FOLDERS --to json|ndjson|csv|x12 [--output FILE]</c>: reads claims in any form the harness reads
/// (JSON, NDJSON, CSV, X12 837) and writes them in another. A claim that cannot be read, or that the target form cannot
/// carry, is left out and listed on standard error with its errors; the command then exits with 4.
/// </summary>
public static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = new Argument<string[]>("inputs")
        {
            Description = $"Claim files ({ClaimFiles.Kinds}) or folders holding them.",
            HelpName = "FILES/FOLDERS",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to", "-t")
        {
            Description = "json (an indented array), ndjson (one claim per line), csv (one service line per row) or x12 (837P for professional claims, 837I for institutional ones).",
            Required = true,
        };
        to.AcceptOnlyFromAmong("json", "ndjson", "csv", "x12");
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output; the file appears only when complete.", HelpName = "FILE" };
        var command = new Command("convert", "Convert claims between JSON, NDJSON, CSV and X12 837, listing the claims it cannot convert.") { inputs, to, output };
        command.SetAction(parse => context.Run(parse, (messages, cancellationToken) => Run(
            new ConvertSettings(parse.GetValue(inputs) ?? [], parse.GetValue(to) ?? "json", parse.GetValue(output)),
            parse.InvocationConfiguration.Output,
            messages,
            cancellationToken)));
        return command;
    }

    public static int Run(ConvertSettings settings, TextWriter stdout, UserMessages messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(messages);
        var files = ClaimFiles.Expand(settings.Inputs, messages);
        if (files is null)
        {
            return ExitCodes.UnreadableInput;
        }

        OutputTarget target;
        try
        {
            target = OutputTarget.Open(settings.Output, stdout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            messages.Error($"'{settings.Output}' cannot be written: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }

        var converted = 0;
        var leftOut = 0;
        var envelope = new List<X12EnvelopeError>();
        using (target)
        {
            var current = files[0];
            try
            {
                using (var writer = TargetWriter.Open(settings.To, target.Stream))
                {
                    foreach (var file in files)
                    {
                        current = file;
                        var (stream, format) = ClaimFiles.Open(file);
                        using var opened = stream;
                        foreach (var read in ClaimFiles.Read(stream, file, format, envelope.Add))
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var problems = read.Claim is { } claim ? writer.Check(claim) : read.Errors;
                            if (!problems.IsEmpty)
                            {
                                leftOut++;
                                Report(messages, file, read, problems, read.IsReadable ? $"cannot be written as {settings.To.ToUpperInvariant()}" : "cannot be read");
                                continue;
                            }

                            writer.Write(read.Claim!);
                            converted++;
                        }
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                target.Commit();
            }
            catch (Exception ex) when (ex is ClaimReadException or IOException or UnauthorizedAccessException)
            {
                // A file that cannot be read to its end must not pass for converted: the output file is dropped.
                messages.Error(ex is ClaimReadException ? ex.Message : $"{current}: {ex.Message}");
                return ExitCodes.UnreadableInput;
            }
        }

        foreach (var fault in envelope)
        {
            messages.Warning(fault.ToString());
        }

        messages.Note(string.Create(CultureInfo.InvariantCulture, $"converted {converted} claim(s) to {settings.To}{(leftOut == 0 ? string.Empty : $"; {leftOut} left out (listed above)")}"));
        return leftOut == 0 ? ExitCodes.Success : ExitCodes.ClaimsLeftOut;
    }

    private static void Report(UserMessages messages, string file, ClaimReadResult read, ImmutableArray<ClaimElementError> problems, string why)
    {
        var where = read.SourceLine is { } line ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}") : file;
        messages.Error($"{where}: claim {read.ClaimId} {why}; it was left out:");
        foreach (var problem in problems)
        {
            messages.Line($"  {problem.Element}: {problem.Message}");
        }
    }

    /// <summary>One claim writer of the target form, with what keeps a claim out of it.</summary>
    private abstract class TargetWriter : IDisposable
    {
        public static TargetWriter Open(string to, Stream stream) => to switch
        {
            "x12" => new X12Target(stream),
            "csv" => new CsvTarget(stream),
            _ => new JsonTarget(stream, to == "ndjson" ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array),
        };

        public virtual ImmutableArray<ClaimElementError> Check(Claim claim) => [];

        public abstract void Write(Claim claim);

        public abstract void Dispose();
    }

    private sealed class JsonTarget(Stream stream, JsonOutputFormat format) : TargetWriter
    {
        private readonly ClaimJsonWriter writer = new(stream, format, indented: format == JsonOutputFormat.Array, leaveOpen: true);

        public override void Write(Claim claim) => writer.Write(claim);

        public override void Dispose() => writer.Dispose();
    }

    private sealed class CsvTarget(Stream stream) : TargetWriter
    {
        private readonly ClaimCsvWriter writer = new(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true));

        public override ImmutableArray<ClaimElementError> Check(Claim claim) => writer.CheckNext(claim);

        public override void Write(Claim claim) => writer.Write(claim);

        public override void Dispose() => writer.Dispose();
    }

    private sealed class X12Target(Stream stream) : TargetWriter
    {
        // The harness may read the clock; the library does not.
        private readonly X12ClaimWriter writer = new(stream, new X12WriterOptions { Created = DateTime.Now }, leaveOpen: true);

        public override ImmutableArray<ClaimElementError> Check(Claim claim) => X12ClaimWriter.Check(claim);

        public override void Write(Claim claim) => writer.Write(claim);

        public override void Dispose() => writer.Dispose();
    }
}

/// <summary>The parsed convert command line.</summary>
public sealed record ConvertSettings(string[] Inputs, string To, string? Output);
