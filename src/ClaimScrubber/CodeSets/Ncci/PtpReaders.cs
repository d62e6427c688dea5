using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>
/// Reads the CSV re-encoding of a quarter's PTP table, <c>ptp_practitioner_YYYY-MM-DD.csv[.gz]</c> or
/// <c>ptp_outpatient_hospital_YYYY-MM-DD.csv[.gz]</c>: columns column1, column2, deletion_date (<c>YYYYMMDD</c> or
/// <c>*</c>), modifier_indicator, rationale. It has no effective-date column, so every row is taken as effective from
/// the start up to its deletion date, as the table of that quarter stated it.
/// </summary>
internal sealed partial class PtpCsvReader : ICmsFileReader
{
    public string Id => "ncci-ptp-csv";

    public bool Recognizes(string fileName) => FileName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var match = FileName().Match(file.FileName);
        var setting = match.Groups[1].Value.Length > "practitioner".Length ? NcciSetting.OutpatientHospital : NcciSetting.Practitioner;
        var released = DateOnly.ParseExact(match.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var compressed = file.FileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var content = file.OpenContent();
        PtpParser.Read(file, content, setting, released, NcciDay.Format(released), dated: false, RowsFor(new FileInfo(file.FullPath).Length, compressed), TableMinimum.PtpTable);
    }

    /// <summary>
    /// Guesses a little over the row count from the file size (about 3.2 bytes a row gzipped, 75 bytes plain), so the
    /// arrays are allocated once instead of doubling through the large-object heap.
    /// </summary>
    internal static int RowsFor(long length, bool compressed) => (int)Math.Clamp(compressed ? length / 3 : length / 40, 1024, 1 << 24);

    [GeneratedRegex(@"^ptp_(practitioner|outpatient_hospital)_(\d{4}-\d{2}-\d{2})\.csv(\.gz)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}

/// <summary>
/// Reads the official CMS PTP text layout, <c>ccipra-vVVQrR-fN.txt</c> (practitioner) or <c>ccioph-vVVQrR-fN.txt</c>
/// (outpatient hospital): an AMA notice and a header wrapped over several lines, then tab-separated rows of column 1,
/// column 2, <c>*</c> when the edit existed before 1996, effective date, deletion date (<c>*</c> = none), modifier
/// indicator and rationale. Version <c>v302</c> is NCCI 30.2, the July 2024 quarter (version 30 is 2024, the digit
/// after it the quarter from 0).
/// </summary>
internal sealed partial class PtpTextReader : ICmsFileReader
{
    public string Id => "ncci-ptp-txt";

    public bool Recognizes(string fileName) => FileName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var match = FileName().Match(file.FileName);
        var setting = string.Equals(match.Groups[1].Value, "oph", StringComparison.OrdinalIgnoreCase) ? NcciSetting.OutpatientHospital : NcciSetting.Practitioner;
        var major = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var quarter = match.Groups[3].Value[0] - '0';
        if (quarter > 3)
        {
            throw new InvalidDataException($"the file name's version v{major}.{quarter} names no quarter (the digit after the major version runs 0-3)");
        }

        var released = new DateOnly(1994 + major, 1 + (3 * quarter), 1);
        using var stream = file.OpenRead();
        PtpParser.Read(file, stream, setting, released, string.Create(CultureInfo.InvariantCulture, $"v{major}.{quarter}r{match.Groups[4].Value}"), dated: true, PtpCsvReader.RowsFor(new FileInfo(file.FullPath).Length, compressed: false), TableMinimum.PtpTextPart);
    }

    [GeneratedRegex(@"^cci(pra|oph)-v(\d{2})(\d)r(\d+)-f\d+\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}

/// <summary>Parses PTP rows from bytes, field by field, straight into packed arrays.</summary>
internal static class PtpParser
{
    /// <summary>A file with this many refused rows is not in the layout; it is refused whole.</summary>
    private const int MaxErrors = 200;

    public static void Read(CmsFile file, CheckedStream content, NcciSetting setting, DateOnly released, string release, bool dated, int expectedRows, TableMinimum minimum)
    {
        var lines = new ByteLineReader(content);
        var rationales = new Dictionary<string, byte>(StringComparer.Ordinal);
        var lookup = rationales.GetAlternateLookup<ReadOnlySpan<char>>();
        var keys = new ulong[expectedRows];
        var payloads = new ulong[expectedRows];
        var count = 0;
        var inData = false;
        var sawHeader = false;
        Span<Range> fields = stackalloc Range[9];
        Span<char> chars = stackalloc char[256];
        var separator = dated ? (byte)'\t' : (byte)',';
        while (lines.TryReadLine(out var line))
        {
            if (line.IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)',') < 0)
            {
                continue;
            }

            if (!inData)
            {
                // The dated layout opens with an AMA notice and a header wrapped over several lines; the CSV with one header line.
                if (line.IndexOf("Column"u8) >= 0 || line.IndexOf("column1"u8) >= 0)
                {
                    sawHeader = true;
                    continue;
                }

                if (!sawHeader || !LooksLikeRow(line, separator))
                {
                    continue;
                }

                inData = true;
            }

            var n = Split(line, separator, quoted: !dated, fields);
            var expected = dated ? 7 : 5;
            if (n != expected)
            {
                Refuse(file, lines.LineNumber, n < 0 ? "a quoted cell is not closed" : string.Create(CultureInfo.InvariantCulture, $"{n} cell(s) where the layout has {expected}"));
                continue;
            }

            var c1 = line[fields[0]];
            var c2 = line[fields[1]];
            if (!TryCode(c1, chars, out var column1) || !TryCode(c2, chars, out var column2))
            {
                Refuse(file, lines.LineNumber, $"'{Text(c1)}' / '{Text(c2)}' is not a pair of procedure codes");
                continue;
            }

            var at = dated ? 3 : 2;
            var effective = NcciDay.Start;
            if (dated && !NcciDay.TryParseYmd(Widen(line[fields[3]], chars), NcciDay.Start, out effective))
            {
                Refuse(file, lines.LineNumber, $"effective date '{Text(line[fields[3]])}' is not a YYYYMMDD date");
                continue;
            }

            var deletionText = line[fields[at + (dated ? 1 : 0)]];
            if (!NcciDay.TryParseYmd(Widen(deletionText, chars), NcciDay.Open, out var deleted))
            {
                Refuse(file, lines.LineNumber, $"deletion date '{Text(deletionText)}' is neither a YYYYMMDD date nor *");
                continue;
            }

            var indicatorText = line[fields[expected - 2]];
            if (indicatorText.Length != 1 || indicatorText[0] is not ((byte)'0' or (byte)'1' or (byte)'9'))
            {
                Refuse(file, lines.LineNumber, $"modifier indicator '{Text(indicatorText)}' is not 0, 1 or 9");
                continue;
            }

            var rationaleText = Widen(line[fields[expected - 1]], chars).Trim();
            if (!lookup.TryGetValue(rationaleText, out var rationale))
            {
                if (rationales.Count > byte.MaxValue)
                {
                    Refuse(file, lines.LineNumber, "more than 256 distinct rationales in one file");
                    continue;
                }

                rationale = (byte)rationales.Count;
                lookup[rationaleText] = rationale;
            }

            if (count == keys.Length)
            {
                Array.Resize(ref keys, count * 2);
                Array.Resize(ref payloads, count * 2);
            }

            keys[count] = PtpTable.KeyOf(column1.Value, column2.Value);
            payloads[count++] = PtpTable.Pack(effective, deleted, (PtpModifierIndicator)(indicatorText[0] - '0'), rationale, 0);
        }

        if (!sawHeader)
        {
            throw new InvalidDataException("no PTP header (Column 1, Column 2, …) was found; this is not a PTP table");
        }

        file.CheckLineEnd(content, Encoding.Latin1, lines.LineNumber, lines.LastLineBlank);
        if (!file.CheckSize(minimum, count))
        {
            return;
        }

        var names = new string[rationales.Count];
        foreach (var (text, index) in rationales)
        {
            names[index] = text;
        }

        var source = new TableRelease($"NCCI PTP {NcciSettingNames.Of(setting)}", release, file.FileName, released, null, count);
        var chunk = new PtpChunk(setting, source, NcciDay.Of(released), keys, payloads, count, names);
        file.AddTo(b =>
        {
            b.Part(() => new PtpParts(), p => p.Finish(b)).Add(chunk);
            b.AddRelease(source);
        });

        void Refuse(CmsFile f, int lineNumber, string message)
        {
            f.Error(lineNumber, "PTP row refused: " + message + ".");
            if (f.ErrorCount >= MaxErrors)
            {
                throw new InvalidDataException($"{MaxErrors} rows were refused; the file is not in the PTP layout or is corrupt");
            }
        }
    }

    /// <summary>Tells whether a line in the preamble is the first data row: a procedure code, then the separator.</summary>
    private static bool LooksLikeRow(ReadOnlySpan<byte> line, byte separator)
    {
        var first = line.TrimStart((byte)'"');
        return first.Length > 6 && first[..5].IndexOfAnyExcept(AlphaNumeric) < 0 && (first[5] == separator || (first[5] == (byte)'"' && first[6] == separator));
    }

    private static readonly System.Buffers.SearchValues<byte> AlphaNumeric = System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Splits a line into at most <paramref name="fields"/>.Length cells; returns the count, or -1 for an unclosed quote.</summary>
    internal static int Split(ReadOnlySpan<byte> line, byte separator, bool quoted, Span<Range> fields)
    {
        var n = 0;
        var at = 0;
        while (n < fields.Length)
        {
            if (quoted && at < line.Length && line[at] == (byte)'"')
            {
                var close = line[(at + 1)..].IndexOf((byte)'"');
                if (close < 0)
                {
                    return -1;
                }

                fields[n++] = new Range(at + 1, at + 1 + close);
                at += close + 2;
                if (at >= line.Length)
                {
                    return n;
                }

                if (line[at] != separator)
                {
                    return -1;
                }

                at++;
                continue;
            }

            var next = line[at..].IndexOf(separator);
            if (next < 0)
            {
                fields[n++] = new Range(at, line.Length);
                return n;
            }

            fields[n++] = new Range(at, at + next);
            at += next + 1;
        }

        return n;
    }

    private static bool TryCode(ReadOnlySpan<byte> text, Span<char> chars, out ProcedureCode code) =>
        ProcedureCode.TryParse(Widen(text, chars).Trim(), out code);

    /// <summary>Widens Latin-1 bytes to chars in <paramref name="chars"/> (cut at its length, which is longer than any cell of the layout).</summary>
    private static ReadOnlySpan<char> Widen(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var length = Math.Min(bytes.Length, chars.Length);
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return chars[..length];
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes.Length > 40 ? bytes[..40] : bytes);
}
