using System.CommandLine;
using System.Globalization;
using System.Text;
using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>generate [--count N] [--seed S] [--error-rate R] [--data DIR] [--format json|ndjson|csv] [--output FILE]</c>: makes
/// realistic claims with <see cref="ClaimGenerator"/>, drawing codes from the data folder's tables, and writes them in
/// the claim contract, so that <c>scrub</c> reads them back. The same seed, rate and data folder give the same bytes.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
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
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (an indented array), ndjson (one claim per line) or csv (one service line per row).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "ndjson", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write the claims to FILE instead of standard output.", HelpName = "FILE" };

        var command = new Command("generate", "Generate realistic claims (everyday office codes, NCCI pairs, injected errors) from the tables in a data folder.")
        {
            count, seed, errorRate, data, format, output,
        };
        command.SetAction(parse => Run(
            new GenerateSettings(parse.GetValue(count), parse.GetValue(seed), parse.GetValue(errorRate), parse.GetValue(data), parse.GetValue(format) ?? "json", parse.GetValue(output)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(GenerateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var loaded = CliSupport.Load(settings.DataFolder, stderr);
        if (loaded is null)
        {
            return ExitCodes.UnreadableInput;
        }

        var generator = new ClaimGenerator(loaded.Index, ClaimGeneratorOptions.Default with { Seed = settings.Seed, ErrorRate = settings.ErrorRate });
        var jsonFormat = settings.Format == "ndjson" ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array;
        var toConsole = settings.Output is null && ReferenceEquals(stdout, Console.Out);
        using var buffer = settings.Output is null && !toConsole ? new MemoryStream() : null;
        Stream stream;
        try
        {
            stream = settings.Output is not null ? File.Create(settings.Output) : toConsole ? Console.OpenStandardOutput() : buffer!;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: '{settings.Output}' cannot be written: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }

        if (settings.Format == "csv")
        {
            using var writer = new ClaimCsvWriter(new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: buffer is not null));
            foreach (var claim in generator.Generate(settings.Count))
            {
                writer.Write(claim);
            }
        }
        else
        {
            using var writer = new ClaimJsonWriter(stream, jsonFormat, indented: jsonFormat == JsonOutputFormat.Array, leaveOpen: buffer is not null);
            foreach (var claim in generator.Generate(settings.Count))
            {
                writer.Write(claim);
            }
        }

        // An in-process caller's writer gets the bytes at the end, as scrub does.
        if (buffer is not null)
        {
            stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            stdout.Flush();
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {settings.Count} claim(s), seed {settings.Seed}, error rate {settings.ErrorRate:0.###}, from {loaded.Report.Tables.Length} table(s)"));
        return ExitCodes.Success;
    }
}

/// <summary>The parsed generate command line.</summary>
public sealed record GenerateSettings(int Count, int Seed, double ErrorRate, string? DataFolder, string Format, string? Output);
