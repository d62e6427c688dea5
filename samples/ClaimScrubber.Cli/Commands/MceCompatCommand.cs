using System.CommandLine;
using System.Globalization;
using System.Text;
using ClaimScrubber.Cli.Output;
using ClaimScrubber.Compatibility;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>mce-compat [--data DIR|FILE] INPUT.tsv OUTPUT.tsv</c>: runs the MCE-compatible diagnosis, procedure and claim edits
/// over MCE-style claims (the layout of the MCE golden vectors' <c>claims.tsv</c>, optionally with the admission date and
/// discharge status, documented in docs/mce-mapping.md) and writes the layout of <c>expected.tsv</c>, for comparison
/// with CMS's MCE software.
/// </summary>
internal static class MceCompatCommand
{
    public static Command Create(CliContext context)
    {
        var data = CliSupport.DataOption();
        data.Description = $"Folder of CMS files (the MCE definitions, the v41.1 age/sex CSV for sex edits, the ICD-10-CM and ICD-10-PCS order files), or an index snapshot of one (default: {CliSupport.DefaultDataFolder} in the current directory or the nearest parent that has one).";
        var allowPartial = CliSupport.AllowPartialDataOption();
        var input = new Argument<string>("input")
        {
            Description = "Claims, tab separated with a header row: id, discharge_date (yyyy-MM-dd or yyyyMMdd), age, sex (F/M/U or 2/1/0), pdx, sdx and px (comma-separated lists), and optionally admission_date and discharge_status.",
            HelpName = "INPUT.tsv",
        };
        var output = new Argument<string>("output") { Description = "Where to write id, edit_type, dx_edits, px_edits (and claim_edits for input with admission_date and discharge_status), tab separated, header row; it appears only when complete.", HelpName = "OUTPUT.tsv" };
        var command = new Command("mce-compat", "Edit MCE-style claims with the Medicare Code Editor diagnosis, procedure and claim logic and write the MCE's own edit names.")
        {
            data,
            allowPartial,
            input,
            output,
        };
        command.SetAction(parse => context.Run(parse, (messages, cancellationToken) =>
            Run(parse.GetValue(data), parse.GetValue(allowPartial), parse.GetValue(input)!, parse.GetValue(output)!, messages, cancellationToken)));
        return command;
    }

    private static int Run(string? dataFolder, bool allowPartialData, string input, string output, UserMessages messages, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            messages.Error($"'{input}' does not exist.");
            return ExitCodes.UnreadableInput;
        }

        var loaded = CliSupport.LoadData(dataFolder, messages, allowPartialData ? DataLoadMode.AllowPartial : DataLoadMode.Strict, "any claim was edited", cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.UnreadableInput;
        }

        MceCompatibleEditor editor;
        try
        {
            editor = MceCompatibleEditor.Create(loaded.Result.Index);
        }
        catch (InvalidOperationException ex)
        {
            messages.Error(ex.Message);
            return ExitCodes.UnreadableInput;
        }

        if (!editor.ValidatesProcedures)
        {
            messages.Note("The data has no ICD-10-PCS order file (cms_YYYY_pcs.zip): procedure codes are not checked for validity.");
        }

        int count;
        try
        {
            using var reader = new ProjectFormsReader(File.OpenText(input), cancellationToken);
            using var file = AtomicOutputFile.Create(output);
            using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true))
            {
                count = editor.EditAll(reader, writer);
            }

            file.Commit();
        }
        catch (FormatException ex)
        {
            messages.Error($"{input}: {ex.Message}");
            return ExitCodes.UnreadableInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            messages.Error(ex.Message);
            return ExitCodes.UnreadableInput;
        }

        messages.Note($"{count} claims edited; results written to {Path.GetFullPath(output)}.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The input as the library's MCE reader takes it: a discharge or admission date in the project's form (yyyy-MM-dd)
    /// becomes the MCE's (yyyyMMdd), and a sex in the project's form (F, M, U) the MCE's code (2, 1, 0); another number
    /// passes for the library to report as an invalid sex (MCE edit 15). Other cells pass unchanged.
    /// </summary>
    private sealed class ProjectFormsReader(TextReader inner, CancellationToken cancellationToken) : TextReader
    {
        private int lineNumber;
        private string? pending;
        private int position;

        public override string? ReadLine()
        {
            if (pending is null)
            {
                return NextLine();
            }

            var rest = pending[position..^1];
            pending = null;
            return rest;
        }

        public override int Peek() => Fill() ? pending![position] : -1;

        public override int Read()
        {
            if (!Fill())
            {
                return -1;
            }

            var next = pending![position++];
            if (position == pending.Length)
            {
                pending = null;
            }

            return next;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private static string Date(string cell, int line, string what = "discharge date")
        {
            if (DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            }

            return DateOnly.TryParseExact(cell, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? cell
                : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: the {what} '{cell}' is neither yyyy-MM-dd nor yyyyMMdd."));
        }

        private static string Sex(string cell, int line) => cell.ToUpperInvariant() switch
        {
            "F" or "2" => "2",
            "M" or "1" => "1",
            "U" or "0" => "0",
            _ when int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => cell,
            _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: the sex '{cell}' is not F, M or U (or the MCE's 2, 1, 0).")),
        };

        private bool Fill()
        {
            if (pending is null && NextLine() is { } line)
            {
                pending = line + "\n";
                position = 0;
            }

            return pending is not null;
        }

        private string? NextLine()
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = inner.ReadLine();
            if (line is null)
            {
                return null;
            }

            lineNumber++;
            var cells = line.TrimEnd('\r').Split('\t');
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line) || cells.Length < 4)
            {
                // The header, a blank line, or a row the library will refuse with its own message.
                return line;
            }

            cells[1] = Date(cells[1], lineNumber);
            cells[3] = Sex(cells[3], lineNumber);
            if (cells.Length > 7 && cells[7].Length > 0)
            {
                cells[7] = Date(cells[7], lineNumber, "admission date");
            }

            return string.Join('\t', cells);
        }
    }
}
