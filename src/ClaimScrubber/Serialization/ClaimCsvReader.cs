using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.Claims;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Reads claims from a flat CSV of service lines (see <c>docs/json-contract.md</c>): one row per service line, the
/// claim-level columns repeated on every row (or left blank after the first), rows of a claim contiguous and grouped by
/// <c>claimId</c> in file order. Lists (<c>diagnoses</c>, <c>modifiers</c>, <c>diagnosisPointers</c>) are written in
/// one cell separated by <c>|</c>, <c>;</c>, <c>,</c> or white space.
/// </summary>
/// <remarks>
/// The first row is the header; column names are matched ignoring case, and only <c>claimId</c> is required. A bad row
/// (malformed cell, quoting, cell count) is never dropped: its claim becomes unreadable, with every error naming
/// the file line. A row without a claim id becomes an unreadable claim of its own.
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

    // Element paths of the claim-level columns, as JSON readers name the same elements.
    private static readonly string[] ClaimPaths =
        ["claimId", "setting", "patient.birthDate", "patient.sex", "billingNpi", "renderingNpi", "placeOfService", "frequencyCode", "dischargeDate", "diagnoses"];

    private static readonly FrozenDictionary<string, int> ColumnIds =
        ClaimColumns.Concat(LineColumns).Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the claims of a CSV file, lazily.</summary>
    /// <param name="path">The file (UTF-8, with or without a byte-order mark).</param>
    /// <returns>One result per claim, in file order.</returns>
    /// <exception cref="ClaimReadException">The header is missing, names an unknown column, or repeats one.</exception>
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
    /// <exception cref="ClaimReadException">The header is missing, names an unknown column, or repeats one.</exception>
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
        var badQuoting = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            HeaderValidated = null,
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = _ => badQuoting = true,
        };
        using var csv = new CsvReader(text, configuration, leaveOpen: true);
        if (!csv.Read())
        {
            yield break;
        }

        csv.ReadHeader();
        var columns = MapHeader(csv.HeaderRecord ?? [], inputName);
        var nextLine = csv.Parser.RawRow + 1;
        var ordinal = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        PendingClaim? pending = null;
        while (csv.Read())
        {
            var line = nextLine;
            nextLine = csv.Parser.RawRow + 1;
            var record = csv.Parser.Record ?? [];
            var quotingWasBad = badQuoting;
            badQuoting = false;
            if (record.Length <= 1 && string.IsNullOrWhiteSpace(record.FirstOrDefault()))
            {
                continue;
            }

            var row = new Row(record, columns, line);
            var claimId = row.Cell(0)?.Trim();
            if (string.IsNullOrEmpty(claimId))
            {
                if (pending is not null)
                {
                    yield return pending.Finish();
                    pending = null;
                }

                var orphan = new ClaimElements(line);
                orphan.Error("claimId", null, "The row has no claimId, so it belongs to no claim.");
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
                    pending.Elements.Error("claimId", null, $"The rows of claim '{claimId}' are not contiguous: it appeared earlier in the file. Keep each claim's rows together.");
                }
            }

            if (quotingWasBad)
            {
                pending.Elements.SourceLine = line;
                pending.Elements.Error(ElementPath.Line(pending.LineCount + 1), pending.LineCount + 1, "The row's quoting is malformed: a quote inside an unquoted cell, or a quoted cell never closed.");
            }

            if (record.Length != columns.Length)
            {
                pending.Elements.SourceLine = line;
                pending.Elements.Error(ElementPath.Line(pending.LineCount + 1), pending.LineCount + 1,
                    string.Create(CultureInfo.InvariantCulture, $"The row has {record.Length} cells; the header has {columns.Length}."));
            }

            pending.Add(row);
        }

        if (pending is not null)
        {
            yield return pending.Finish();
        }
    }

    /// <summary>Maps each header cell to its column id; an unknown or repeated name stops the file, since its cells would be lost.</summary>
    private static int[] MapHeader(string[] header, string? inputName)
    {
        var ids = new int[header.Length];
        var seen = new HashSet<int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (!ColumnIds.TryGetValue(header[i].Trim(), out var id))
            {
                throw new ClaimReadException(inputName, 1, null,
                    $"The header names the column '{header[i]}', which the claims CSV does not have. Columns: {string.Join(", ", ClaimColumns.Concat(LineColumns))}.");
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

        public Row(string[] record, int[] columns, int line)
        {
            Line = line;
            cells = new string?[ColumnIds.Count];
            for (var i = 0; i < columns.Length && i < record.Length; i++)
            {
                cells[columns[i]] = record[i];
            }
        }

        public int Line { get; }

        public string? Cell(int column) => cells[column];
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

        public void Add(Row row)
        {
            var e = Elements;
            e.SourceLine = row.Line;
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
                    e.Error(ClaimPaths[c], null, string.Create(CultureInfo.InvariantCulture,
                        $"The {ClaimColumns[c]} column differs from line {claimCellLines[c]}; claim-level columns must hold the same value on every row of a claim."));
                }
            }

            var n = ++LineCount;
            var col = ClaimColumns.Length;
            var procedure = e.Procedure(row.Cell(col), ElementPath.LineMember(n, "procedureCode"), n);
            var modifierTexts = SplitList(row.Cell(col + 1));
            var modifiers = ImmutableArray.CreateBuilder<ModifierCode>();
            if (e.WithinLimit(modifierTexts.Length, "modifiers", m => ElementPath.LineModifier(n, m), n))
            {
                for (var m = 0; m < modifierTexts.Length; m++)
                {
                    if (e.Modifier(modifierTexts[m], ElementPath.LineModifier(n, m + 1), n) is { } modifier)
                    {
                        modifiers.Add(modifier);
                    }
                }
            }

            var units = e.Decimal(row.Cell(col + 2), ElementPath.LineMember(n, "units"), n) ?? 1m;
            var charge = e.Decimal(row.Cell(col + 3), ElementPath.LineMember(n, "charge"), n) ?? 0m;
            var from = e.Date(row.Cell(col + 4), ElementPath.LineMember(n, "serviceDate"), n);
            var to = e.Date(row.Cell(col + 5), ElementPath.LineMember(n, "serviceDateTo"), n);
            var pos = e.PlaceOfService(row.Cell(col + 6), ElementPath.LineMember(n, "placeOfService"), n);
            var pointerTexts = SplitList(row.Cell(col + 7));
            var pointers = ImmutableArray.CreateBuilder<int>();
            if (e.WithinLimit(pointerTexts.Length, "diagnosis pointers", p => ElementPath.LinePointer(n, p), n))
            {
                for (var p = 0; p < pointerTexts.Length; p++)
                {
                    if (e.Pointer(pointerTexts[p], ElementPath.LinePointer(n, p + 1), n) is { } pointer)
                    {
                        pointers.Add(pointer);
                    }
                }
            }

            var rendering = e.NpiOf(row.Cell(col + 8), ElementPath.LineMember(n, "renderingNpi"), n);
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
            SourceLineOf(1);
            var setting = e.Setting(claimCells[1], ClaimPaths[1]);
            SourceLineOf(2);
            var birthDate = e.Date(claimCells[2], ClaimPaths[2], null);
            SourceLineOf(3);
            var sex = e.SexOf(claimCells[3], ClaimPaths[3]);
            SourceLineOf(4);
            var billing = e.NpiOf(claimCells[4], ClaimPaths[4], null);
            SourceLineOf(5);
            var rendering = e.NpiOf(claimCells[5], ClaimPaths[5], null);
            SourceLineOf(6);
            var pos = e.PlaceOfService(claimCells[6], ClaimPaths[6], null);
            SourceLineOf(8);
            var discharge = e.Date(claimCells[8], ClaimPaths[8], null);
            SourceLineOf(9);
            var diagnoses = ImmutableArray.CreateBuilder<IcdCode>();
            var dxTexts = SplitList(claimCells[9]);
            for (var i = 0; i < dxTexts.Length; i++)
            {
                if (e.Diagnosis(dxTexts[i], ElementPath.Diagnosis(i + 1)) is { } code)
                {
                    diagnoses.Add(code);
                }
            }

            return e.Result(ordinal, firstLine, ClaimId, false, () => new Claim
            {
                ClaimId = ClaimId,
                Setting = setting,
                Patient = new Patient { BirthDate = birthDate, Sex = sex },
                BillingNpi = billing,
                RenderingNpi = rendering,
                PlaceOfService = pos,
                FrequencyCode = claimCells[7],
                DischargeDate = discharge,
                Diagnoses = diagnoses.ToImmutable(),
                Lines = lines.ToImmutable(),
            });
        }

        private void SourceLineOf(int column) => Elements.SourceLine = claimCellLines[column] == 0 ? firstLine : claimCellLines[column];
    }
}
