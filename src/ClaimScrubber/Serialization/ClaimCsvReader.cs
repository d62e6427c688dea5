using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

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
        ["claimId", "setting", "birthDate", "sex", "billingNpi", "renderingNpi", "placeOfService", "frequencyCode", "dischargeDate", "diagnoses",
            "typeOfBill", "admissionDate", "admissionHour", "admissionType", "admissionSource", "dischargeStatus", "statementFrom", "statementThrough",
            "presentOnAdmission", "admittingDiagnosis", "reasonForVisitDiagnoses", "externalCauseDiagnoses", "externalCausePresentOnAdmission",
            "conditionCodes", "attendingNpi", "operatingNpi", "referringNpi", "supervisingNpi", "serviceFacilityNpi", "serviceFacilityPostalCode",
            "priorAuthorization", "referralNumber", "payerClaimControlNumber", "cliaNumber", "responsibilitySequence", "patientRelationship",
            "claimFilingIndicator", "memberId", "payerId", "payerName"];

    /// <summary>The line-level columns, one service line per row.</summary>
    public static ImmutableArray<string> LineColumns { get; } =
        ["procedureCode", "modifiers", "units", "charge", "serviceDate", "serviceDateTo", "linePlaceOfService", "diagnosisPointers", "lineRenderingNpi", "revenueCode",
            "drugNdc", "drugQuantity", "drugUnit", "lineItemControlNumber", "anesthesiaMinutes", "lineReferringNpi", "lineOrderingNpi", "lineSupervisingNpi",
            "lineOperatingNpi"];

    private static readonly char[] ListSeparators = ['|', ';', ',', ' ', '\t', '\r', '\n'];

    // The first claim-level column of the claim model v2, and the first line-level one.
    private const int FirstExtendedClaimColumn = 10;
    private const int FirstExtendedLineColumn = 10;

    // The element path of each column whose name is not its path (claim-level) or its line member (line-level), as the
    // JSON readers name them; every other column is named as its element.
    private static readonly FrozenDictionary<string, string> RenamedColumns = new Dictionary<string, string>
    {
        ["birthDate"] = "patient.birthDate",
        ["sex"] = "patient.sex",
        ["serviceFacilityNpi"] = "serviceFacility.npi",
        ["serviceFacilityPostalCode"] = "serviceFacility.postalCode",
        ["responsibilitySequence"] = "coverage.responsibilitySequence",
        ["patientRelationship"] = "coverage.patientRelationship",
        ["claimFilingIndicator"] = "coverage.claimFilingIndicator",
        ["memberId"] = "coverage.memberId",
        ["payerId"] = "coverage.payerId",
        ["payerName"] = "coverage.payerName",
        ["linePlaceOfService"] = "placeOfService",
        ["lineRenderingNpi"] = "renderingNpi",
        ["drugNdc"] = "drug.ndc",
        ["drugQuantity"] = "drug.quantity",
        ["drugUnit"] = "drug.unit",
        ["lineReferringNpi"] = "referringNpi",
        ["lineOrderingNpi"] = "orderingNpi",
        ["lineSupervisingNpi"] = "supervisingNpi",
        ["lineOperatingNpi"] = "operatingNpi",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ClaimPaths = [.. ClaimColumns.Select(c => RenamedColumns.GetValueOrDefault(c, c))];

    private static readonly string[] LinePaths = [.. LineColumns.Select(c => RenamedColumns.GetValueOrDefault(c, c))];

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
            var x = col + FirstExtendedLineColumn;
            var drug = Drug(e, row.Cell(x), row.Cell(x + 1), row.Cell(x + 2), n);
            var minutesAt = ElementAt.LineMember(n, "anesthesiaMinutes");
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
                Drug = drug,
                LineItemControlNumber = Kept(row.Cell(x + 3)),
                AnesthesiaMinutes = e.Decimal(row.Cell(x + 4), minutesAt) is { } minutes ? e.WholeNumber(minutes, minutesAt, 0, 99_999_999, "anesthesia time in minutes") : null,
                ReferringNpi = e.NpiOf(row.Cell(x + 5), ElementAt.LineMember(n, "referringNpi")),
                OrderingNpi = e.NpiOf(row.Cell(x + 6), ElementAt.LineMember(n, "orderingNpi")),
                SupervisingNpi = e.NpiOf(row.Cell(x + 7), ElementAt.LineMember(n, "supervisingNpi")),
                OperatingNpi = e.NpiOf(row.Cell(x + 8), ElementAt.LineMember(n, "operatingNpi")),
            });
        }

        private static DrugIdentification? Drug(ClaimElements e, string? ndcText, string? quantityText, string? unitText, int n)
        {
            if (string.IsNullOrWhiteSpace(ndcText) && string.IsNullOrWhiteSpace(quantityText) && string.IsNullOrWhiteSpace(unitText))
            {
                return null;
            }

            var at = ElementAt.LineMember(n, "drug.ndc");
            if (string.IsNullOrWhiteSpace(ndcText))
            {
                e.Error(at, "The drug has no NDC; give the 11-digit NDC or leave the drug's columns blank.");
                return null;
            }

            var ndc = e.Code<NationalDrugCode>(ndcText, at, NationalDrugCode.TryParse, NationalDrugCode.FormatProblem);
            var quantityAt = ElementAt.LineMember(n, "drug.quantity");
            var quantity = e.Decimal(quantityText, quantityAt) is { } q ? e.DrugQuantity(q, quantityAt) : (decimal?)null;
            var unit = e.DrugUnitOf(unitText, ElementAt.LineMember(n, "drug.unit"));
            return ndc is { } code ? new DrugIdentification { Ndc = code, Quantity = quantity, Unit = unit } : null;
        }

        private static string? Kept(string? cell)
        {
            var trimmed = cell?.Trim();
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
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

            parts.Extension = ReadExtension(e);
            return e.Result(ordinal, firstLine, parts, diagnoses.ToImmutable(), lines.ToImmutable());
        }

        /// <summary>The claim model v2 columns, or <see langword="null"/> when the claim leaves them all blank.</summary>
        private ClaimExtension? ReadExtension(ClaimElements e)
        {
            var any = false;
            for (var c = FirstExtendedClaimColumn; c < claimCells.Length && !any; c++)
            {
                any = claimCells[c] is not null;
            }

            if (!any)
            {
                return null;
            }

            var x = new ClaimExtension();
            var c0 = FirstExtendedClaimColumn;
            ElementAt At(int column)
            {
                SourceLineOf(column);
                return ElementAt.Claim(ClaimPaths[column]);
            }

            x.TypeOfBill = e.Code<TypeOfBill>(claimCells[c0], At(c0), TypeOfBill.TryParse, TypeOfBill.FormatProblem);
            x.AdmissionDate = e.Date(claimCells[c0 + 1], At(c0 + 1));
            x.AdmissionHour = e.Decimal(claimCells[c0 + 2], At(c0 + 2)) is { } hour ? e.WholeNumber(hour, At(c0 + 2), 0, 23, "hour of admission") : null;
            x.AdmissionType = claimCells[c0 + 3];
            x.AdmissionSource = claimCells[c0 + 4];
            x.DischargeStatus = e.Code<DischargeStatus>(claimCells[c0 + 5], At(c0 + 5), DischargeStatus.TryParse, DischargeStatus.FormatProblem);
            x.StatementFrom = e.Date(claimCells[c0 + 6], At(c0 + 6));
            x.StatementThrough = e.Date(claimCells[c0 + 7], At(c0 + 7));
            At(c0 + 8);
            Indicators(e, claimCells[c0 + 8], "presentOnAdmission", x.PresentOnAdmission, ClaimLimits.MaxDiagnoses);
            x.AdmittingDiagnosis = claimCells[c0 + 9] is { } admitting ? e.Diagnosis(admitting, At(c0 + 9)) : null;
            At(c0 + 10);
            Diagnoses(e, claimCells[c0 + 10], "reasonForVisitDiagnoses", x.ReasonForVisitDiagnoses, ClaimLimits.MaxReasonForVisitDiagnoses);
            At(c0 + 11);
            Diagnoses(e, claimCells[c0 + 11], "externalCauseDiagnoses", x.ExternalCauseDiagnoses, ClaimLimits.MaxExternalCauseDiagnoses);
            At(c0 + 12);
            Indicators(e, claimCells[c0 + 12], "externalCausePresentOnAdmission", x.ExternalCausePresentOnAdmission, ClaimLimits.MaxExternalCauseDiagnoses);
            At(c0 + 13);
            var conditions = SplitList(claimCells[c0 + 13]);
            for (var i = 0; i < conditions.Length && i < ClaimLimits.MaxConditionCodes; i++)
            {
                if (e.Code<NubcCode>(conditions[i], ElementAt.Item("conditionCodes", i + 1), NubcCode.TryParse, NubcCode.FormatProblem) is { } code)
                {
                    x.ConditionCodes.Add(code);
                }
            }

            e.TooManyInList(conditions.Length, ClaimLimits.MaxConditionCodes, "conditionCodes", "condition codes");
            x.AttendingNpi = e.NpiOf(claimCells[c0 + 14], At(c0 + 14));
            x.OperatingNpi = e.NpiOf(claimCells[c0 + 15], At(c0 + 15));
            x.ReferringNpi = e.NpiOf(claimCells[c0 + 16], At(c0 + 16));
            x.SupervisingNpi = e.NpiOf(claimCells[c0 + 17], At(c0 + 17));
            if (claimCells[c0 + 18] is not null || claimCells[c0 + 19] is not null)
            {
                x.ServiceFacility = new ServiceFacility { Npi = e.NpiOf(claimCells[c0 + 18], At(c0 + 18)), PostalCode = claimCells[c0 + 19] };
            }

            x.PriorAuthorization = claimCells[c0 + 20];
            x.ReferralNumber = claimCells[c0 + 21];
            x.PayerClaimControlNumber = claimCells[c0 + 22];
            x.CliaNumber = claimCells[c0 + 23];
            var payer = c0 + 24;
            if (Enumerable.Range(payer, 6).Any(c => claimCells[c] is not null))
            {
                x.Coverage = new Coverage
                {
                    ResponsibilitySequence = claimCells[payer],
                    PatientRelationship = claimCells[payer + 1],
                    ClaimFilingIndicator = claimCells[payer + 2],
                    MemberId = claimCells[payer + 3],
                    PayerId = claimCells[payer + 4],
                    PayerName = claimCells[payer + 5],
                };
            }

            return x;
        }

        /// <summary>
        /// Present-on-admission indicators, one character per diagnosis in order (<c>-</c> for one not reported), such as
        /// <c>YN-W</c>; separators between them (<c>Y|N|-|W</c>) are passed over.
        /// </summary>
        private static void Indicators(ClaimElements e, string? cell, string list, List<PresentOnAdmission> indicators, int max)
        {
            if (cell is null)
            {
                return;
            }

            var count = 0;
            foreach (var c in cell)
            {
                if (Array.IndexOf(ListSeparators, c) >= 0)
                {
                    continue;
                }

                if (++count > max)
                {
                    continue;
                }

                indicators.Add(c == '-' ? PresentOnAdmission.NotReported : e.PresentOnAdmissionOf([c], ElementAt.Item(list, count)));
            }

            e.TooManyInList(count, max, list, "present-on-admission indicators");
        }

        private static void Diagnoses(ClaimElements e, string? cell, string list, List<IcdCode> codes, int max)
        {
            var texts = SplitList(cell);
            for (var i = 0; i < texts.Length && i < max; i++)
            {
                if (e.Diagnosis(texts[i], ElementAt.Item(list, i + 1)) is { } code)
                {
                    codes.Add(code);
                }
            }

            e.TooManyInList(texts.Length, max, list, "diagnoses");
        }

        private void SourceLineOf(int column) => Elements.SourceLine = claimCellLines[column] == 0 ? firstLine : claimCellLines[column];
    }
}
