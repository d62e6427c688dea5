using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>
/// Reads the HCPCS Level II quarterly file, <c>HCPCYYYY_MON_ANWEB</c>, as the workbook or its CSV: RECID 3 rows are
/// procedure codes, RECID 7 rows Level II modifiers (left-padded, <c>"   A1"</c>), RECID 4 and 8 continue the long
/// description of the row before, which this library does not keep.
/// </summary>
internal sealed partial class HcpcsQuarterlyReader : ICmsFileReader
{
    public const string ProcedureTableName = "HCPCS Level II procedure codes";
    public const string ModifierTableName = "HCPCS Level II modifiers";

    private static readonly string[] TypeOfServiceColumns = ["TOS1", "TOS2", "TOS3", "TOS4", "TOS5"];
    private static readonly string[] CrossReferenceColumns = ["XREF1", "XREF2", "XREF3", "XREF4", "XREF5"];

    // Every column the table keeps is required: a file missing one would load with that field blank in every row.
    private static readonly string[] Required = ["HCPC", "RECID", "SHORT DESCRIPTION", "COV", "BETOS", "ADD DT", "ACT EFF DT", "TERM DT", "ACTION CD", .. TypeOfServiceColumns, .. CrossReferenceColumns];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public string Id => "hcpcs-quarterly";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var (release, from, to) = ReleaseOf(file);
        Columns columns = null!;
        var procedures = new List<(uint Code, HcpcsCodeInfo Info, int Line)>(9000);
        var modifiers = new List<(ushort Code, HcpcsCodeInfo Info, int Line)>(400);
        string? previousCode = null;
        var previousRecord = string.Empty;
        foreach (var row in TabularColumns.DataRows(file, TabularReader.ReadRows(file), Required, c => columns = new Columns(c)))
        {
            var text = row[columns.Code];
            var recordId = row[columns.RecordId];
            switch (recordId)
            {
                case "3":
                    if (!ProcedureCode.TryParse(text, out var procedure) || !procedure.IsLevelTwo)
                    {
                        file.Error(row.Line, $"RECID 3 row: '{text}' is not a HCPCS Level II code (a letter and four digits); the row was refused.");
                    }
                    else if (TryReadInfo(file, row, columns, text, out var info))
                    {
                        procedures.Add((procedure.Value, info, row.Line));
                    }

                    break;
                case "7":
                    if (!ModifierCode.TryParse(text, out var modifier))
                    {
                        file.Error(row.Line, $"RECID 7 row: '{text}' is not a modifier (two letters or digits); the row was refused.");
                    }
                    else if (TryReadInfo(file, row, columns, text, out var info))
                    {
                        modifiers.Add((modifier.Value, info, row.Line));
                    }

                    break;
                case "4" or "8":
                    // A continuation belongs to the code of the row before it: 4 continues a 3, 8 continues a 7.
                    var parent = recordId == "4" ? "3" : "7";
                    if (previousRecord is not ("3" or "4" or "7" or "8") || (previousRecord != parent && previousRecord != recordId) || !string.Equals(previousCode, text, StringComparison.Ordinal))
                    {
                        file.Error(row.Line, $"RECID {recordId} row for '{text}' continues a description but does not follow a RECID {parent} row of the same code; the row was refused.");
                    }

                    break;
                default:
                    file.Error(row.Line, $"RECID '{recordId}' is not a HCPCS record type (3 procedure, 4 procedure continuation, 7 modifier, 8 modifier continuation); the row was refused.");
                    break;
            }

            previousCode = text;
            previousRecord = recordId;
        }

        file.CheckSize(TableMinimum.HcpcsProcedures, procedures.Count, procedures.Exists(p => ProcedureCode.FromValue(p.Code).ToString()[0] == 'V'));
        file.CheckSize(TableMinimum.HcpcsModifiers, modifiers.Count);
        var procedureTable = BuildProcedures(file, procedures, new TableRelease(ProcedureTableName, release, file.FileName, from, to, 0));
        var modifierRecords = Distinct(file, modifiers, "modifier");
        var modifierRelease = new TableRelease(ModifierTableName, release, file.FileName, from, to, modifierRecords.Count);
        var quarter = new HcpcsQuarter(file.Name, procedureTable, modifierRelease, modifierRecords);
        file.AddTo(b => HcpcsParts.Of(b).Add(quarter));
    }

    /// <summary>Reads the release from the file name: <c>HCPC2025_OCT_ANWEB</c> is 2025 Q4 (October), effective from 2025-10-01 to the quarter's end.</summary>
    internal static (string Release, DateOnly? From, DateOnly? To) ReleaseOf(CmsFile file)
    {
        var match = FileNamePattern().Match(file.FileName);
        var month = match.Success ? Array.IndexOf(Months, match.Groups["month"].Value.ToUpperInvariant()) + 1 : 0;
        if (month == 0)
        {
            file.Warning(null, "The file name does not give the release as HCPCYYYY_MON_ANWEB; the table is loaded without release dates.");
            return (Path.GetFileNameWithoutExtension(file.FileName), null, null);
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var quarter = ((month - 1) / 3) + 1;
        var from = new DateOnly(year, month, 1);
        var to = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return (string.Create(CultureInfo.InvariantCulture, $"{year} Q{quarter} ({monthName})"), from, to);
    }

    private static HcpcsTable BuildProcedures(CmsFile file, List<(uint Code, HcpcsCodeInfo Info, int Line)> rows, TableRelease release)
    {
        var distinct = Distinct(file, rows, "procedure code");
        return new HcpcsTable([.. distinct.Select(p => p.Key)], [.. distinct.Select(p => p.Value)], release with { RowCount = distinct.Count });
    }

    private static List<KeyValuePair<T, HcpcsCodeInfo>> Distinct<T>(CmsFile file, List<(T Code, HcpcsCodeInfo Info, int Line)> rows, string what)
        where T : IComparable<T>
    {
        rows.Sort((a, b) => a.Code.CompareTo(b.Code) is var c && c != 0 ? c : a.Line.CompareTo(b.Line));
        var result = new List<KeyValuePair<T, HcpcsCodeInfo>>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && rows[i].Code.CompareTo(rows[i - 1].Code) == 0)
            {
                // The file has one row per code; a second one contradicts the first, and the first is kept.
                file.Error(rows[i].Line, $"The {what} appears again (first at line {rows[i - 1].Line}); the repeated row was refused.");
                rows[i] = rows[i - 1];
                continue;
            }

            result.Add(new(rows[i].Code, rows[i].Info));
        }

        return result;
    }

    private static bool TryReadInfo(CmsFile file, TabularRow row, Columns columns, string code, out HcpcsCodeInfo info)
    {
        info = default;
        if (!TryDate(file, row, columns.Added, "ADD DT", code, out var added)
            || !TryDate(file, row, columns.ActionEffective, "ACT EFF DT", code, out var actionEffective)
            || !TryDate(file, row, columns.Terminated, "TERM DT", code, out var terminated))
        {
            return false;
        }

        if (added is { } a && terminated is { } t && t < a)
        {
            file.Error(row.Line, $"'{code}' is terminated ({t:yyyy-MM-dd}) before it was added ({a:yyyy-MM-dd}); the row was refused.");
            return false;
        }

        var action = Letter(file, row, row[columns.Action], "ACTION CD", code, "ABCDFNPRST");
        var coverage = Letter(file, row, row[columns.Coverage], "COV", code, "CDIMS");
        info = new HcpcsCodeInfo(added, actionEffective, terminated, action, coverage, row[columns.Betos],
            Join(row, columns.TypesOfService, string.Empty), Join(row, columns.CrossReferences, " "), row[columns.ShortDescription]);
        return true;
    }

    private static bool TryDate(CmsFile file, TabularRow row, int index, string column, string code, out DateOnly? date)
    {
        var text = row[index];
        date = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        file.Error(row.Line, $"{column} of '{code}' is '{text}', not a date as YYYYMMDD; the row was refused.");
        return false;
    }

    /// <summary>Reads a one-letter code; a letter CMS has not documented is kept, with a warning, since it loses nothing.</summary>
    private static char Letter(CmsFile file, TabularRow row, string text, string column, string code, string documented)
    {
        if (text.Length == 0)
        {
            return ' ';
        }

        if (text.Length != 1 || !documented.Contains(text[0], StringComparison.Ordinal))
        {
            file.Warning(row.Line, $"{column} of '{code}' is '{text}', which the HCPCS record layout does not document (expected one of {documented}).");
        }

        return text[0];
    }

    private static string Join(TabularRow row, int[] indexes, string separator)
    {
        var values = new List<string>(indexes.Length);
        foreach (var index in indexes)
        {
            var value = row[index];
            if (value.Length > 0)
            {
                values.Add(value);
            }
        }

        return values.Count == 0 ? string.Empty : string.Intern(string.Join(separator, values));
    }

    /// <summary>The column indexes, resolved once from the header.</summary>
    private sealed class Columns(TabularColumns header)
    {
        public int Code { get; } = header["HCPC"];

        public int RecordId { get; } = header["RECID"];

        public int ShortDescription { get; } = header["SHORT DESCRIPTION"];

        public int Coverage { get; } = header["COV"];

        public int Betos { get; } = header["BETOS"];

        public int Added { get; } = header["ADD DT"];

        public int ActionEffective { get; } = header["ACT EFF DT"];

        public int Terminated { get; } = header["TERM DT"];

        public int Action { get; } = header["ACTION CD"];

        public int[] TypesOfService { get; } = [.. TypeOfServiceColumns.Select(c => header[c])];

        public int[] CrossReferences { get; } = [.. CrossReferenceColumns.Select(c => header[c])];
    }

    [GeneratedRegex(@"^HCPC(?<year>\d{4})_(?<month>[A-Za-z]{3})_ANWEB.*\.(xlsx|csv)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
