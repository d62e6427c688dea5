using System.CommandLine;
using System.Globalization;
using System.Text;
using ClaimScrubber.Cli.Output;
using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>generate [--count N] [--seed S] [--error-rate R] [--data DIR|FILE] [--format json|ndjson|csv|x12] [--output FILE]</c>:
/// makes realistic claims with <see cref="ClaimGenerator"/>, drawing codes from the data folder's tables, and writes them
/// in the claim contract or as an 837P, so that <c>scrub</c> reads them back. The same seed, rate and data folder give
/// the same bytes.
/// </summary>
public static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = new Option<int>("--count", "-n") { Description = "How many claims.", DefaultValueFactory = _ => 100, HelpName = "N" };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--count must be 0 or more.");
            }
        });
        var seed = new Option<int>("--seed", "-s") { Description = "The seed: the same seed, error rate and data give the same claims.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var errorRate = new Option<double>("--error-rate")
        {
            Description = "The share of claims (0 to 1) with one injected coding or input error.",
            DefaultValueFactory = _ => ClaimGeneratorOptions.Default.ErrorRate,
            HelpName = "R",
        };
        errorRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0 and <= 1))
            {
                result.AddError("--error-rate must be from 0 to 1.");
            }
        });
        var data = CliSupport.DataOption();
        var allowPartial = CliSupport.AllowPartialDataOption();
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (an indented array), ndjson (one claim per line), csv (one service line per row) or x12 (an 837P).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "ndjson", "csv", "x12");
        var output = new Option<string?>("--output", "-o") { Description = "Write the claims to FILE instead of standard output; the file appears only when complete.", HelpName = "FILE" };

        var command = new Command("generate", "Generate realistic claims (everyday office codes, NCCI pairs, injected errors) from the tables in a data folder or snapshot.")
        {
            count, seed, errorRate, data, allowPartial, format, output,
        };
        command.SetAction(parse => context.Run(parse, (messages, cancellationToken) => Run(
            new GenerateSettings(parse.GetValue(count), parse.GetValue(seed), parse.GetValue(errorRate), parse.GetValue(data), parse.GetValue(format) ?? "json", parse.GetValue(output), parse.GetValue(allowPartial)),
            parse.InvocationConfiguration.Output,
            messages,
            cancellationToken)));
        return command;
    }

    public static int Run(GenerateSettings settings, TextWriter stdout, UserMessages messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(messages);
        var data = CliSupport.LoadData(settings.DataFolder, messages, settings.AllowPartialData ? DataLoadMode.AllowPartial : DataLoadMode.Strict, "any claim was generated", cancellationToken);
        if (data is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var generator = new ClaimGenerator(data.Result.Index, ClaimGeneratorOptions.Default with { Seed = settings.Seed, ErrorRate = settings.ErrorRate });
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

        using (target)
        {
            try
            {
                Write(generator.Generate(settings.Count), settings.Format, target.Stream, cancellationToken);
                target.Commit();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                messages.Error($"'{settings.Output ?? "standard output"}' cannot be written: {ex.Message}");
                return ExitCodes.UnreadableInput;
            }
        }

        messages.Note(string.Create(CultureInfo.InvariantCulture,
            $"generated {settings.Count} claim(s), seed {settings.Seed}, error rate {settings.ErrorRate:0.###}, from {data.Result.Report.Tables.Length} table(s){(data.Partial is null ? string.Empty : "; " + data.Partial)}"));
        return ExitCodes.Success;
    }

    /// <summary>Writes the claims in the claim contract; the stream stays open for its owner to commit.</summary>
    private static void Write(IEnumerable<Claim> claims, string format, Stream stream, CancellationToken cancellationToken)
    {
        if (format == "x12")
        {
            // Dated the day after the last date of service the generator draws, so that the same seed gives the same bytes.
            var created = ClaimGeneratorOptions.Default.LastServiceDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
            using var writer = new X12ClaimWriter(stream, new X12WriterOptions { Created = created }, leaveOpen: true);
            foreach (var claim in claims)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(claim);
            }
        }
        else if (format == "csv")
        {
            using var writer = new ClaimCsvWriter(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true));
            foreach (var claim in claims)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(claim);
            }
        }
        else
        {
            var jsonFormat = format == "ndjson" ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array;
            using var writer = new ClaimJsonWriter(stream, jsonFormat, indented: jsonFormat == JsonOutputFormat.Array, leaveOpen: true);
            foreach (var claim in claims)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(claim);
            }
        }
    }
}

/// <summary>The parsed generate command line.</summary>
public sealed record GenerateSettings(int Count, int Seed, double ErrorRate, string? DataFolder, string Format, string? Output, bool AllowPartialData = false);
