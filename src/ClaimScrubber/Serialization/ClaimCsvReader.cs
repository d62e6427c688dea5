using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.Claims;
using ClaimScrubber.Codes;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Reads claims from a flat CSV of service lines (see <c>docs/json-contract.md</c>): one row per service line, the
/// claim-level columns repeated on every row (or left blank after the first), rows of a claim contiguous and grouped by
/// <c>claimId</c> in file order. Lists (<c>diagnoses</c>, <c>modifiers</c>, <c>diagnosisPointers</c>) are written in
/// one cell separated by <c>|</c>, <c>;</c>, <c>,</c> or white space.
/// </summary>
/// <remarks>
/// The first row is the header; column names are matched ignoring case, and only <c>claimId</c> is required. A bad row
/// (malformed cell, quoting, cell count, a row over 1,048,576 characters, undecodable text) is never dropped: its
/// claim becomes unreadable, with every error naming the file line. A row without a claim id becomes an unreadable
/// claim of its own. Claims beyond <see cref="ClaimLimits"/> are unreadable. Reading stops, with a
/// <see cref="ClaimReadException"/>, only at a bad header or at a quoted cell left open across lines to the end of the
/// input, after which rows can no longer be told apart.
/// </remarks>
public static class ClaimCsvReader
{
    /// <summary>The claim-level columns, which repeat on every row of a claim.</summary>
    public static ImmutableArray<string> ClaimColumns { get; } =
        ["claimId", "setting", "birthDate", "sex", "billingNpi", "renderingNpi", "placeOfService", "frequencyCode", "dischargeDate", "diagnoses"];

    /// <summary>The line-level columns, one service line per row.</summary>
    public static ImmutableArray<string> LineColumns { get; } =
        ["procedureCode", "modifiers", "units", "charge", "serviceDate", "serviceDateTo", "linePlaceOfService", "diagnosisPointers", "lineRenderingNpi", "revenueCode"];

    private static readonly char[] ListSeparators = ['|', ';', ',', ' ', '\t', '\r', '\n'];

    // Element paths of the claim-level columns, and line members of the line-level ones, as JSON readers name them.
    private static readonly string[] ClaimPaths =
        ["claimId", "setting", "patient.birthDate", "patient.sex", "billingNpi", "renderingNpi", "placeOfService", "frequencyCode", "dischargeDate", "diagnoses"];

    private static readonly string[] LinePaths =
        ["procedureCode", "modifiers", "units", "charge", "serviceDate", "serviceDateTo", "placeOfService", "diagnosisPointers", "renderingNpi", "revenueCode"];

    private static readonly FrozenDictionary<string, int> ColumnIds =
        ClaimColumns.Concat(LineColumns).Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the claims of a CSV file, lazily.</summary>
    /// <param name="path">The file (UTF-8, with or without a byte-order mark).</param>
    /// <returns>One result per claim, in file order.</returns>
    /// <exception cref="ClaimReadException">The header is missing, names an unknown column, or repeats one; or a quoted cell is never closed.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static IEnumerable<ClaimReadResult> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadFileIterator(path);
    }

    /// <summary>Reads the claims of CSV text, lazily; the reader is not disposed.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="inputName">The name to use in error messages, such as the file name, or <see langword="null"/>.</param>
    /// <returns>One result per claim, in input order.</returns>
    /// <exception cref="ClaimReadException">The header is missing, names an unknown column, or repeats one; or a quoted cell is never closed.</exception>
    public static IEnumerable<ClaimReadResult> Read(TextReader reader, string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadIterator(reader, inputName);
    }

    private static IEnumerable<ClaimReadResult> ReadFileIterator(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var result in ReadIterator(text, Path.GetFileName(path)))
        {
            yield return result;
        }
    }

    private static IEnumerable<ClaimReadResult> ReadIterator(TextReader text, string? inputName)
    {
        var csv = new CsvRecordReader(text, inputName);
        if (!csv.Read())
        {
            yield break;
        }

        if (csv.TooLong)
        {
            throw new ClaimReadException(inputName, 1, null, "The header row is longer than any claims CSV header; the first row must be the header (see docs/json-contract.md).");
        }

        var columns = MapHeader(csv.Cells, inputName);
        var claimIdColumn = Array.IndexOf(columns, 0);
        var ordinal = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        PendingClaim? pending = null;
        while (true)
        {
            // A quote never closed stops the input; the claim read before it is complete, and is answered first.
            ClaimReadException? stop = null;
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (ClaimReadException ex)
            {
                stop = ex;
                more = false;
            }

            if (stop is not null)
            {
                if (pending is not null)
                {
                    yield return pending.Finish();
                }

                throw stop;
            }

            if (!more)
            {
                break;
            }

            var line = csv.Line;
            var record = csv.Cells;
            if (csv.CellCount <= 1 && !csv.TooLong && (record.Count == 0 || string.IsNullOrWhiteSpace(record[0])))
            {
                continue;
            }

            var claimId = claimIdColumn < record.Count ? record[claimIdColumn].Trim() : null;
            if (string.IsNullOrEmpty(claimId))
            {
                if (pending is not null)
                {
                    yield return pending.Finish();
                    pending = null;
                }

                var orphan = new ClaimElements(line);
                orphan.Error(ElementAt.Claim("claimId"), csv.TooLong
                    ? string.Create(CultureInfo.InvariantCulture, $"The row is longer than {CsvRecordReader.MaxRecordLength:N0} characters, more than any claim's row, and its claimId could not be read.")
                    : "The row has no claimId, so it belongs to no claim.");
                yield return orphan.Unreadable(++ordinal, line, null);
                continue;
            }

            if (pending is null || !string.Equals(pending.ClaimId, claimId, StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    yield return pending.Finish();
                }

                pending = new PendingClaim(claimId, ++ordinal, line);
                if (!seen.Add(claimId))
                {
                    pending.Elements.Error(ElementAt.Claim("claimId"), $"The rows of claim '{ClaimElements.Echo(claimId)}' are not contiguous: it appeared earlier in the file. Keep each claim's rows together.");
                }
            }

            var lineAt = ElementAt.WholeLine(pending.LineCount + 1);
            pending.Elements.SourceLine = line;
            if (csv.TooLong)
            {
                pending.Elements.Error(lineAt, string.Create(CultureInfo.InvariantCulture, $"The row is longer than {CsvRecordReader.MaxRecordLength:N0} characters, more than any claim's row; it was not read."));
                pending.SkipRow();
                continue;
            }

            if (csv.BadQuoting)
            {
                pending.Elements.Error(lineAt, "The row's quoting is malformed: a quote inside an unquoted cell, or a quoted cell never closed.");
            }

            if (csv.CellCount != columns.Length)
            {
                pending.Elements.Error(lineAt, string.Create(CultureInfo.InvariantCulture, $"The row has {csv.CellCount} cells; the header has {columns.Length}."));
            }

            pending.Add(new Row(record, columns, line));
        }

        if (pending is not null)
        {
            yield return pending.Finish();
        }
    }

    /// <summary>Maps each header cell to its column id; an unknown or repeated name stops the file, since its cells would be lost.</summary>
    private static int[] MapHeader(IReadOnlyList<string> header, string? inputName)
    {
        var ids = new int[header.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < header.Count; i++)
        {
            // A byte-order mark the text reader left in place is not part of the first name.
            var name = (i == 0 ? header[i].TrimStart('\uFEFF') : header[i]).Trim();
            if (!ColumnIds.TryGetValue(name, out var id))
            {
                throw new ClaimReadException(inputName, 1, null,
                    $"The header names the column '{ClaimElements.Echo(header[i])}', which the claims CSV does not have. Columns: {string.Join(", ", ClaimColumns.Concat(LineColumns))}.");
            }

            if (!seen.Add(id))
            {
                throw new ClaimReadException(inputName, 1, null, $"The header names the column '{header[i]}' twice.");
            }

            ids[i] = id;
        }

        if (!seen.Contains(0))
        {
            throw new ClaimReadException(inputName, 1, null, "The header has no claimId column; the first row must be the header (see docs/json-contract.md).");
        }

        return ids;
    }

    private static string[] SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One CSV row, with its cells addressed by column id.</summary>
    private readonly struct Row
    {
        private readonly string?[] cells;

        public Row(IReadOnlyList<string> record, int[] columns, int line)
        {
            Line = line;
            cells = new string?[ColumnIds.Count];
            for (var i = 0; i < columns.Length && i < record.Count; i++)
            {
                cells[columns[i]] = record[i];
            }
        }

        public int Line { get; }

        public string? Cell(int column) => cells[column];

        /// <summary>
        /// Reports each cell that holds U+FFFD, the character a text reader puts for bytes that are not UTF-8, and
        /// blanks it, so that the cell is reported once and the claim is not read.
        /// </summary>
        public void ReportUndecodable(ClaimElements e, int serviceLine)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is { } cell && cell.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    e.Error(c < ClaimColumns.Length ? ElementAt.Claim(ClaimPaths[c]) : ElementAt.LineMember(serviceLine, LinePaths[c - ClaimColumns.Length]),
                        "The cell is not valid UTF-8 text: it holds U+FFFD, which stands for bytes that could not be decoded.");
                    cells[c] = c == 0 ? cell : null;
                }
            }
        }
    }

    /// <summary>The rows read so far of the claim being grouped.</summary>
    private sealed class PendingClaim
    {
        private readonly string?[] claimCells = new string?[ClaimColumns.Length];
        private readonly int[] claimCellLines = new int[ClaimColumns.Length];
        private readonly ImmutableArray<ServiceLine>.Builder lines = ImmutableArray.CreateBuilder<ServiceLine>();
        private readonly int ordinal;
        private readonly int firstLine;

        public PendingClaim(string claimId, int ordinal, int firstLine)
        {
            ClaimId = claimId;
            this.ordinal = ordinal;
            this.firstLine = firstLine;
            Elements = new ClaimElements(firstLine);
        }

        public string ClaimId { get; }

        public ClaimElements Elements { get; }

        public int LineCount { get; private set; }

        /// <summary>Counts a row that could not be read as a service line of the claim.</summary>
        public void SkipRow() => LineCount++;

        public void Add(Row row)
        {
            var e = Elements;
            e.SourceLine = row.Line;
            var n = ++LineCount;
            row.ReportUndecodable(e, n);
            for (var c = 1; c < claimCells.Length; c++)
            {
                var value = row.Cell(c)?.Trim();
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (claimCells[c] is null)
                {
                    claimCells[c] = value;
                    claimCellLines[c] = row.Line;
                }
                else if (!string.Equals(claimCells[c], value, StringComparison.Ordinal))
                {
                    e.Error(ElementAt.Claim(ClaimPaths[c]), string.Create(CultureInfo.InvariantCulture,
                        $"The {ClaimColumns[c]} column differs from line {claimCellLines[c]}; claim-level columns must hold the same value on every row of a claim."));
                }
            }

            if (n > ClaimLimits.MaxServiceLines)
            {
                // Beyond what an 837 carries the claim is refused (at Finish); its further lines are not kept.
                return;
            }

            var col = ClaimColumns.Length;
            var procedure = e.Procedure(row.Cell(col), ElementAt.LineMember(n, "procedureCode"));
            var modifierTexts = SplitList(row.Cell(col + 1));
            var modifiers = ImmutableArray.CreateBuilder<ModifierCode>();
            for (var m = 0; m < modifierTexts.Length && m < ClaimElements.MaxLineListEntries; m++)
            {
                if (e.Modifier(modifierTexts[m], ElementAt.Modifier(n, m + 1)) is { } modifier)
                {
                    modifiers.Add(modifier);
                }
            }

            if (modifierTexts.Length > ClaimElements.MaxLineListEntries)
            {
                e.TooManyOnLine(modifierTexts.Length, "modifiers", ElementAt.Modifier(n, ClaimElements.MaxLineListEntries + 1));
            }

            var unitsAt = ElementAt.LineMember(n, "units");
            var units = e.Decimal(row.Cell(col + 2), unitsAt) is { } u ? e.Units(u, unitsAt) : 1m;
            var chargeAt = ElementAt.LineMember(n, "charge");
            var charge = e.Decimal(row.Cell(col + 3), chargeAt) is { } ch ? e.Charge(ch, chargeAt) : 0m;
            var from = e.Date(row.Cell(col + 4), ElementAt.LineMember(n, "serviceDate"));
            var to = e.Date(row.Cell(col + 5), ElementAt.LineMember(n, "serviceDateTo"));
            var pos = e.PlaceOfService(row.Cell(col + 6), ElementAt.LineMember(n, "placeOfService"));
            var pointerTexts = SplitList(row.Cell(col + 7));
            var pointers = ImmutableArray.CreateBuilder<int>();
            for (var p = 0; p < pointerTexts.Length && p < ClaimElements.MaxLineListEntries; p++)
            {
                if (e.Pointer(pointerTexts[p], ElementAt.Pointer(n, p + 1)) is { } pointer)
                {
                    pointers.Add(pointer);
                }
            }

            if (pointerTexts.Length > ClaimElements.MaxLineListEntries)
            {
                e.TooManyOnLine(pointerTexts.Length, "diagnosis pointers", ElementAt.Pointer(n, ClaimElements.MaxLineListEntries + 1));
            }

            var rendering = e.NpiOf(row.Cell(col + 8), ElementAt.LineMember(n, "renderingNpi"));
            var revenue = row.Cell(col + 9)?.Trim();
            lines.Add(new ServiceLine
            {
                ProcedureCode = procedure,
                Modifiers = modifiers.ToImmutable(),
                Units = units,
                Charge = charge,
                ServiceDate = from,
                ServiceDateTo = to,
                PlaceOfService = pos,
                DiagnosisPointers = pointers.ToImmutable(),
                RenderingNpi = rendering,
                RevenueCode = string.IsNullOrEmpty(revenue) ? null : revenue,
            });
        }

        public ClaimReadResult Finish()
        {
            var e = Elements;
            e.SourceLine = firstLine;
            var parts = new ClaimParts { ClaimId = ClaimId };
            e.ClaimId(ClaimId, ElementAt.Claim("claimId"), out parts.ClaimIdUnreadable);

            if (LineCount > ClaimLimits.MaxServiceLines)
            {
                e.TooManyLines(LineCount);
            }

            SourceLineOf(1);
            parts.Setting = e.Setting(claimCells[1], ElementAt.Claim(ClaimPaths[1]));
            SourceLineOf(2);
            parts.BirthDate = e.Date(claimCells[2], ElementAt.Claim(ClaimPaths[2]));
            SourceLineOf(3);
            parts.Sex = e.SexOf(claimCells[3], ElementAt.Claim(ClaimPaths[3]));
            SourceLineOf(4);
            parts.BillingNpi = e.NpiOf(claimCells[4], ElementAt.Claim(ClaimPaths[4]));
            SourceLineOf(5);
            parts.RenderingNpi = e.NpiOf(claimCells[5], ElementAt.Claim(ClaimPaths[5]));
            SourceLineOf(6);
            parts.PlaceOfService = e.PlaceOfService(claimCells[6], ElementAt.Claim(ClaimPaths[6]));
            parts.FrequencyCode = claimCells[7];
            SourceLineOf(8);
            parts.DischargeDate = e.Date(claimCells[8], ElementAt.Claim(ClaimPaths[8]));
            SourceLineOf(9);
            var diagnoses = ImmutableArray.CreateBuilder<IcdCode>();
            var dxTexts = SplitList(claimCells[9]);
            for (var i = 0; i < dxTexts.Length && i < ClaimLimits.MaxDiagnoses; i++)
            {
                if (e.Diagnosis(dxTexts[i], ElementAt.Diagnosis(i + 1)) is { } code)
                {
                    diagnoses.Add(code);
                }
            }

            if (dxTexts.Length > ClaimLimits.MaxDiagnoses)
            {
                e.TooManyDiagnoses(dxTexts.Length);
            }

            return e.Result(ordinal, firstLine, parts, diagnoses.ToImmutable(), lines.ToImmutable());
        }

        private void SourceLineOf(int column) => Elements.SourceLine = claimCellLines[column] == 0 ? firstLine : claimCellLines[column];
    }
}
