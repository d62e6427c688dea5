using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Ncd;

/// <summary>
/// Reads the clinical laboratory NCD spreadsheet (<c>2026100-Initial-ICD10-NCD-Spreadsheet-20250721.xlsx</c> or its
/// CSV). Layout: preamble rows (title, legend), a header spread over two rows, then one block of rows per NCD. The
/// NCD description sits on the block's first row only and its HCPCS codes one per row over the block's first rows,
/// so both are carried forward: every ICD-10-CM row of a block applies to every HCPCS code of that NCD. A row whose
/// ICD-10 code is <c>@@@@@@@</c> gives the resolution of every code the NCD does not list.
/// </summary>
internal sealed partial class LabNcdReader : ICmsFileReader
{
    public const string TableName = "Lab NCD";

    private const string OtherCodes = "@@@@@@@";

    // Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug folded in).
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy h:mm:ss tt", "MM/dd/yy"];

    private static readonly string[] Months = ["January", "April", "July", "October"];

    public string Id => "lab-ncd";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var columns = (Columns?)null;
        string[]? firstHeader = null;
        var blocks = new List<Block>();
        Block? block = null;
        var rowCount = 0;
        var headerWidth = 0;
        foreach (var row in TabularReader.ReadRows(file))
        {
            if (columns is null)
            {
                // The header is two rows: "NCD / Number", "ICD-10 / CODE", "RESOLUTION / CODE 1/"…
                if (firstHeader is not null)
                {
                    headerWidth = row.Cells.Length;
                    columns = Columns.Find(firstHeader, row.Cells) ?? throw new InvalidDataException(
                        $"line {row.Line}: the second header row does not complete the expected columns (NCD number, description, CPT/HCPCS code and dates, ICD-10 code and dates, resolution code).");
                    continue;
                }

                if (row[0].StartsWith("NCD", StringComparison.OrdinalIgnoreCase) && row.Cells.Any(c => c.Contains("ICD-10", StringComparison.OrdinalIgnoreCase)))
                {
                    firstHeader = row.Cells;
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            var width = Math.Max(firstHeader!.Length, headerWidth);
            if (row.IsWiderThan(width))
            {
                file.Error(row.Line, row.WiderThanMessage(width));
                continue;
            }

            var c = columns.Value;
            var number = NormaliseNumber(row[c.Number]);
            if (number.Length == 0)
            {
                if (block is null)
                {
                    file.Error(row.Line, "The row has no NCD number and follows no NCD block; refused.");
                    continue;
                }
            }
            else if (block is null || !string.Equals(block.Number, number, StringComparison.Ordinal))
            {
                if (blocks.Exists(b => string.Equals(b.Number, number, StringComparison.Ordinal)))
                {
                    file.Error(row.Line, $"NCD {number} starts a second block; the spreadsheet lists each NCD in one block. Rows added to the first block.");
                    block = blocks.Find(b => string.Equals(b.Number, number, StringComparison.Ordinal))!;
                }
                else
                {
                    block = new Block(number, row.Line);
                    blocks.Add(block);
                }
            }

            rowCount++;
            var description = row[c.Description];
            if (description.Length > 0)
            {
                if (block!.Description.Length == 0)
                {
                    block.Description = description;
                }
                else if (!string.Equals(block.Description, description, StringComparison.Ordinal))
                {
                    file.Warning(row.Line, $"NCD {block.Number} is described again as '{description}'; its first description '{block.Description}' is kept.");
                }
            }

            ReadProcedure(file, row, c, block!);
            ReadDiagnosis(file, row, c, block!);
        }

        if (columns is null)
        {
            throw new InvalidDataException("the header (a row starting 'NCD' naming the ICD-10 column, followed by its second row) was not found; the file is not the lab NCD spreadsheet or is truncated.");
        }

        if (!file.CheckSize(TableMinimum.LabNcd, rowCount))
        {
            return;
        }

        var ncds = ImmutableArray.CreateBuilder<LabNcd>(blocks.Count);
        foreach (var b in blocks)
        {
            if (b.Description.Length == 0)
            {
                file.Warning(b.FirstLine, $"NCD {b.Number} has no description.");
            }

            if (b.Procedures.Count == 0)
            {
                file.Error(b.FirstLine, $"NCD {b.Number} lists no CPT/HCPCS code, so its {b.Keys.Count} ICD-10 rows apply to nothing; refused.");
                continue;
            }

            if (b.OtherCodes is null)
            {
                file.Warning(b.FirstLine, $"NCD {b.Number} has no catch-all row ({OtherCodes}); diagnoses it does not list resolve as unknown.");
            }

            ncds.Add(b.Build());
        }

        var release = ReleaseOf(file.FileName, rowCount);
        var table = new LabNcdTable(ncds.ToImmutable(), release);
        file.AddTo(b =>
        {
            b.SetTable(table);
            b.AddRelease(release);
        });
    }

    /// <summary>Names the release from the file name's 7-digit change number: year, quarter, version (<c>2026100</c> = January 2026).</summary>
    internal static TableRelease ReleaseOf(string fileName, int rowCount)
    {
        var match = FileNamePattern().Match(fileName);
        var id = match.Success ? match.Groups["release"].Value : string.Empty;
        if (id.Length == 7 && id[4] is >= '1' and <= '4')
        {
            var year = int.Parse(id.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            var quarter = id[4] - '1';
            return new TableRelease(TableName, $"{id} ({Months[quarter]} {year.ToString(CultureInfo.InvariantCulture)})", fileName, new DateOnly(year, (quarter * 3) + 1, 1), null, rowCount);
        }

        return new TableRelease(TableName, id.Length > 0 ? id : "unknown", fileName, null, null, rowCount);
    }

    private static void ReadProcedure(CmsFile file, TabularRow row, Columns c, Block block)
    {
        var text = row[c.Hcpcs];
        var fromText = row[c.HcpcsFrom];
        var toText = row[c.HcpcsTo];
        if (text.Length == 0)
        {
            if (fromText.Length > 0 || toText.Length > 0)
            {
                file.Error(row.Line, $"NCD {block.Number}: CPT/HCPCS dates without a CPT/HCPCS code; refused.");
            }

            return;
        }

        // A workbook stores an all-digit code as a number, which loses leading zeros.
        if (text.Length < ProcedureCode.Length && text.All(char.IsAsciiDigit))
        {
            text = text.PadLeft(ProcedureCode.Length, '0');
        }

        if (!ProcedureCode.TryParse(text, out var code))
        {
            file.Error(row.Line, $"NCD {block.Number}: '{text}' is not a CPT/HCPCS code; refused.");
            return;
        }

        if (!TryDates(file, row, fromText, toText, "CPT/HCPCS", out var dates))
        {
            return;
        }

        if (block.Procedures.Exists(p => p.Code == code))
        {
            file.Error(row.Line, $"NCD {block.Number} lists {code} twice; the second listing is refused.");
            return;
        }

        block.Procedures.Add((code, dates));
    }

    private static void ReadDiagnosis(CmsFile file, TabularRow row, Columns c, Block block)
    {
        var text = row[c.Icd];
        if (text.Length == 0)
        {
            if (row[c.Resolution].Length > 0)
            {
                file.Error(row.Line, $"NCD {block.Number}: a resolution code without an ICD-10 code; refused.");
            }

            return;
        }

        var resolutionText = row[c.Resolution];
        if (resolutionText is not ("1" or "2" or "3"))
        {
            file.Error(row.Line, $"NCD {block.Number}: ICD-10 {text} has resolution '{resolutionText}', not 1 (covered), 2 (denied) or 3 (does not support medical necessity); refused.");
            return;
        }

        if (!TryDates(file, row, row[c.IcdFrom], row[c.IcdTo], "ICD-10", out var dates))
        {
            return;
        }

        var entry = new NcdDiagnosis((NcdResolution)(resolutionText[0] - '0'), dates);
        if (string.Equals(text, OtherCodes, StringComparison.Ordinal))
        {
            if (block.OtherCodes is not null)
            {
                file.Error(row.Line, $"NCD {block.Number} has a second catch-all row ({OtherCodes}); refused.");
                return;
            }

            block.OtherCodes = entry;
            return;
        }

        if (!IcdCode.TryParse(text, out var icd))
        {
            file.Error(row.Line, $"NCD {block.Number}: '{text}' is not an ICD-10-CM code; refused.");
            return;
        }

        block.Keys.Add(icd.Value);
        block.Rows.Add(entry);
    }

    private static bool TryDates(CmsFile file, TabularRow row, string fromText, string toText, string what, out NcdDates dates)
    {
        dates = default;
        if (!TryDate(fromText, out var from) || !TryDate(toText, out var to))
        {
            file.Error(row.Line, $"{what} effective date '{fromText}' or termination date '{toText}' is not a date; refused.");
            return false;
        }

        if (from is { } f && to is { } t && t < f)
        {
            file.Error(row.Line, $"{what} termination date {t:yyyy-MM-dd} is before its effective date {f:yyyy-MM-dd}; refused.");
            return false;
        }

        dates = NcdDates.Of(from, to);
        return true;
    }

    /// <summary>Parses a date as the CSV writes it (<c>2015-10-01 00:00:00</c>) or as a workbook stores it (a serial day number).</summary>
    internal static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial))
        {
            if (serial is < 1 or > 2958465)
            {
                return false;
            }

            date = ExcelEpoch.AddDays((int)serial);
            return true;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        return false;
    }

    /// <summary>NCD numbers have two decimals; a workbook that stores 190.30 as a number shows 190.3.</summary>
    private static string NormaliseNumber(string text) =>
        text.Length > 2 && text[^2] == '.' && char.IsAsciiDigit(text[^1]) && !text.AsSpan(0, text.Length - 2).ContainsAnyExceptInRange('0', '9')
            ? text + "0"
            : text;

    [GeneratedRegex(@"^(?<release>\d{7})-.*ICD-?10-NCD-Spreadsheet.*\.(xlsx|csv)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    private readonly record struct Columns(int Number, int Description, int Hcpcs, int HcpcsFrom, int HcpcsTo, int Icd, int IcdFrom, int IcdTo, int Resolution)
    {
        /// <summary>Finds the columns by the two header rows read together, so a reordered or widened sheet still reads.</summary>
        public static Columns? Find(string[] first, string[] second)
        {
            var width = Math.Max(first.Length, second.Length);
            var names = new string[width];
            for (var i = 0; i < width; i++)
            {
                var top = i < first.Length ? first[i] : string.Empty;
                var bottom = i < second.Length ? second[i] : string.Empty;
                names[i] = string.Join(' ', $"{top} {bottom}".Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();
            }

            int Column(Func<string, bool> match)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (match(names[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            var number = Column(n => n.StartsWith("NCD", StringComparison.Ordinal) && n.Contains("NUMBER", StringComparison.Ordinal));
            var description = Column(n => n.StartsWith("NCD", StringComparison.Ordinal) && n.Contains("DESCRIPTION", StringComparison.Ordinal));
            var hcpcs = Column(n => n.StartsWith("CPT/HCPCS", StringComparison.Ordinal) && n.Contains("CODE", StringComparison.Ordinal));
            var hcpcsFrom = Column(n => n.StartsWith("CPT/HCPCS", StringComparison.Ordinal) && n.Contains("EFF", StringComparison.Ordinal));
            var hcpcsTo = Column(n => n.StartsWith("CPT/HCPCS", StringComparison.Ordinal) && n.Contains("TERM", StringComparison.Ordinal));
            var icd = Column(n => n.StartsWith("ICD-10", StringComparison.Ordinal) && n.Contains("CODE", StringComparison.Ordinal));
            var icdFrom = Column(n => n.StartsWith("ICD-10", StringComparison.Ordinal) && n.Contains("EFF", StringComparison.Ordinal));
            var icdTo = Column(n => n.StartsWith("ICD-10", StringComparison.Ordinal) && n.Contains("TERM", StringComparison.Ordinal));
            var resolution = Column(n => n.StartsWith("RESOLUTION", StringComparison.Ordinal));
            int[] all = [number, description, hcpcs, hcpcsFrom, hcpcsTo, icd, icdFrom, icdTo, resolution];
            return Array.IndexOf(all, -1) >= 0 ? null : new Columns(number, description, hcpcs, hcpcsFrom, hcpcsTo, icd, icdFrom, icdTo, resolution);
        }
    }

    private sealed class Block(string number, int firstLine)
    {
        public string Number { get; } = number;

        public int FirstLine { get; } = firstLine;

        public string Description { get; set; } = string.Empty;

        public List<(ProcedureCode Code, NcdDates Dates)> Procedures { get; } = [];

        public List<ulong> Keys { get; } = [];

        public List<NcdDiagnosis> Rows { get; } = [];

        public NcdDiagnosis? OtherCodes { get; set; }

        public LabNcd Build()
        {
            var keys = Keys.ToArray();
            var rows = Rows.ToArray();

            // Stable order by code then effective date, so a code listed again with new dates stays in date order.
            var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ThenBy(i => rows[i].Dates.From).ToArray();
            var sortedKeys = order.Select(i => keys[i]).ToArray();
            var sortedRows = order.Select(i => rows[i]).ToArray();
            var procedures = Procedures;
            return new LabNcd(Number, Description, ncd => [.. procedures.Select(p => new NcdProcedure(p.Code, p.Dates, ncd))], sortedKeys, sortedRows, OtherCodes);
        }
    }
}
