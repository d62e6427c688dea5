using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.FeeSchedule;

/// <summary>
/// Reads the national physician fee schedule RVU file (<c>PPRRVU2025_Oct.csv</c> or its fixed-width <c>.txt</c>
/// twin; the loader picks one form per release). Only the payment-policy indicators are kept; RVU amounts and the
/// AMA description are not.
/// </summary>
/// <remarks>
/// The CSV opens with title lines and a header wrapped over several rows (<c>STATUS</c> / <c>CODE</c>,
/// <c>PCTC</c> / <c>IND</c>…), so each column's label is the join of its cells down to the row that starts
/// <c>HCPCS,MOD</c>, and columns are found by label, not position. The text form follows the COBOL record layout
/// of RVU25D: <c>HDR</c> lines, then 1-based positions 1–5 code, 6–7 modifier, 58 status, 59 not-used flag,
/// 73–74 and 82–83 NA indicators, 103 PC/TC, 104–106 global, 116–120 multiple/bilateral/assistant/co-surgeon/team,
/// 128–132 endoscopic base.
/// </remarks>
internal sealed partial class RvuFileReader : ICmsFileReader
{
    internal const string TableName = "PFS RVU";

    private static readonly string[] MonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public string Id => "pfs-rvu";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var rows = new List<(ProcedureCode, ModifierCode, FeeScheduleEntry)>(20_000);
        string? titleRelease;
        if (file.FullPath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            titleRelease = null;
            ReadFixedWidth(file, rows);
        }
        else
        {
            titleRelease = ReadCsv(file, rows);
        }

        file.CheckSize(TableMinimum.FeeSchedule, rows.Count, rows.Exists(r => r.Item1.ToString()[0] == 'V'));

        var (release, from, to) = ReleaseOf(titleRelease, file.FileName);
        var table = new FeeScheduleTable(rows, new TableRelease(TableName, release, file.FileName, from, to, rows.Count));
        if (table.Count != rows.Count)
        {
            file.Warning(null, string.Create(CultureInfo.InvariantCulture, $"{rows.Count - table.Count} repeated code+modifier row(s); the first of each was kept"));
        }

        // Readers run in parallel, so when a folder holds several quarterly releases the latest is chosen at Build.
        file.AddTo(b => b.Part(() => new List<FeeScheduleTable>(), tables => UseLatest(b, tables)).Add(table));
    }

    private static void UseLatest(CodeSetIndexBuilder builder, List<FeeScheduleTable> tables)
    {
        var ordered = tables.OrderByDescending(t => t.Release.EffectiveFrom).ThenBy(t => t.Release.SourceFile, StringComparer.Ordinal).ToList();
        var latest = ordered[0];
        builder.SetTable(latest);
        builder.AddRelease(latest.Release);
        foreach (var other in ordered.Skip(1))
        {
            builder.AddProblem(new LoadProblem(other.Release.SourceFile, null, $"RVU release {other.Release.Release} is not used: the folder also holds the later release {latest.Release.Release} ({latest.Release.SourceFile}).", IsError: false));
        }
    }

    /// <summary>Reads the CSV form; returns the release named in the title lines, if any.</summary>
    private static string? ReadCsv(CmsFile file, List<(ProcedureCode, ModifierCode, FeeScheduleEntry)> rows)
    {
        string? title = null;
        var labels = new List<StringBuilder>();
        Columns? columns = null;
        foreach (var row in TabularReader.ReadRows(file))
        {
            if (columns is null)
            {
                for (var i = 0; i < row.Cells.Length; i++)
                {
                    if (labels.Count <= i)
                    {
                        labels.Add(new StringBuilder());
                    }

                    labels[i].Append(row[i]);
                    title ??= TitlePattern().Match(row[i]) is { Success: true } m ? m.Value : null;
                }

                if (row[0].Equals("HCPCS", StringComparison.OrdinalIgnoreCase))
                {
                    columns = Columns.Find(labels.Select(l => Normalize(l.ToString())).ToList());
                }
                else if (row.Line > 50)
                {
                    throw new InvalidDataException("no header row starting with HCPCS in the first 50 lines; this is not an RVU file");
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (row.IsWiderThan(labels.Count))
            {
                file.Error(row.Line, row.WiderThanMessage(labels.Count));
                continue;
            }

            var c = columns.Value;
            Add(file, row.Line, rows, row[c.Code], row[c.Modifier], row[c.Status], row[c.NotUsed], row[c.PcTc], row[c.Global],
                row[c.Multiple], row[c.Bilateral], row[c.Assistant], row[c.CoSurgeons], row[c.Team], row[c.NonFacilityNa], row[c.FacilityNa], row[c.EndoBase]);
        }

        return columns is null ? throw new InvalidDataException("the file ended before a header row starting with HCPCS; it is empty or truncated") : title;
    }

    private static void ReadFixedWidth(CmsFile file, List<(ProcedureCode, ModifierCode, FeeScheduleEntry)> rows)
    {
        using var stream = file.OpenRead();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var number = 0;
        var blank = false;
        while (reader.ReadLine() is { } line)
        {
            number++;
            blank = line.Trim().Length == 0;
            if (line.StartsWith("HDR", StringComparison.Ordinal) || blank)
            {
                continue;
            }

            // Through the team-surgery indicator (position 120) everything a rule reads is present; the endoscopic base may be cut.
            if (line.Length < 120)
            {
                file.Error(number, string.Create(CultureInfo.InvariantCulture, $"record is {line.Length} characters; the RVU layout needs at least 120 (truncated line?)"));
                continue;
            }

            Add(file, number, rows, Field(line, 1, 5), Field(line, 6, 7), Field(line, 58, 58), Field(line, 59, 59), Field(line, 103, 103), Field(line, 104, 106),
                Field(line, 116, 116), Field(line, 117, 117), Field(line, 118, 118), Field(line, 119, 119), Field(line, 120, 120),
                Field(line, 73, 74), Field(line, 82, 83), Field(line, 128, 132));
        }

        file.CheckLineEnd(stream, Encoding.Latin1, number, blank);
    }

    /// <summary>Gets the 1-based inclusive positions of the COBOL layout, trimmed, or what is left of them.</summary>
    private static string Field(string line, int from, int to) =>
        from > line.Length ? string.Empty : line.Substring(from - 1, Math.Min(to, line.Length) - from + 1).Trim();

    private static void Add(CmsFile file, int line, List<(ProcedureCode, ModifierCode, FeeScheduleEntry)> rows, string code, string modifier, string status, string notUsed,
        string pcTc, string global, string multiple, string bilateral, string assistant, string coSurgeons, string team, string nonFacilityNa, string facilityNa, string endoBase)
    {
        if (!ProcedureCode.TryParse(code, out var procedure))
        {
            file.Error(line, $"'{code}' is not a HCPCS/CPT code");
            return;
        }

        var mod = default(ModifierCode);
        if (modifier.Length > 0 && !ModifierCode.TryParse(modifier, out mod))
        {
            file.Error(line, $"{code}: '{modifier}' is not a modifier");
            return;
        }

        if (status.Length != 1 || !"ABCDEFGHIJMNPRTX".Contains(status[0], StringComparison.Ordinal))
        {
            file.Error(line, $"{code}: status code '{status}' is not one RVU25D defines (A B C D E F G H I J M N P R T X)");
            return;
        }

        var endo = default(ProcedureCode);
        if (endoBase.Length > 0 && !ProcedureCode.TryParse(endoBase, out endo))
        {
            file.Error(line, $"{code}: endoscopic base '{endoBase}' is not a HCPCS/CPT code");
            return;
        }

        if (!TryDigit(pcTc, "0123456789", out var pctcValue) || !TryDigit(multiple, "012345679", out var multipleValue)
            || !TryDigit(bilateral, "01239", out var bilateralValue) || !TryDigit(assistant, "0129", out var assistantValue)
            || !TryDigit(coSurgeons, "0129", out var coValue) || !TryDigit(team, "0129", out var teamValue))
        {
            file.Error(line, $"{code}: an indicator is outside its documented values (PC/TC '{pcTc}', mult '{multiple}', bilat '{bilateral}', asst '{assistant}', co '{coSurgeons}', team '{team}')");
            return;
        }

        var period = global switch
        {
            "000" => GlobalPeriod.Days0,
            "010" => GlobalPeriod.Days10,
            "090" => GlobalPeriod.Days90,
            "MMM" => GlobalPeriod.Maternity,
            "XXX" => GlobalPeriod.NotApplicable,
            "YYY" => GlobalPeriod.ContractorDetermined,
            "ZZZ" => GlobalPeriod.AddOn,
            _ => GlobalPeriod.None,
        };
        if (period == GlobalPeriod.None)
        {
            file.Error(line, $"{code}: global days '{global}' is not 000, 010, 090, MMM, XXX, YYY or ZZZ");
            return;
        }

        if (!IsNa(nonFacilityNa) || !IsNa(facilityNa))
        {
            file.Error(line, $"{code}: an NA indicator holds '{nonFacilityNa}'/'{facilityNa}'; only NA or blank is defined");
            return;
        }

        var entry = new FeeScheduleEntry(status[0], pctcValue, period, multipleValue, bilateralValue, assistantValue, coValue, teamValue,
            nonFacilityNa.Length > 0, facilityNa.Length > 0, notUsed == "+", endo, Classify(code));
        rows.Add((procedure, mod, entry));
    }

    private static bool IsNa(string value) => value.Length == 0 || value.Equals("NA", StringComparison.OrdinalIgnoreCase);

    private static bool TryDigit(string value, string allowed, out byte digit)
    {
        digit = 0;
        if (value.Length != 1 || !allowed.Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }

        digit = (byte)(value[0] - '0');
        return true;
    }

    /// <summary>Classifies a code by its CPT section; see <see cref="ProcedureClass"/> for the ranges and why.</summary>
    internal static ProcedureClass Classify(string code)
    {
        if (code.Length != 5)
        {
            return ProcedureClass.None;
        }

        if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number switch
            {
                >= 99202 and <= 99499 => ProcedureClass.EvaluationAndManagement,
                >= 80047 and <= 89398 => ProcedureClass.LaboratoryTest,
                _ => ProcedureClass.None,
            };
        }

        return char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2]) && char.IsAsciiDigit(code[3]) && code[4] is 'U' or 'u'
            ? ProcedureClass.LaboratoryTest
            : ProcedureClass.None;
    }

    /// <summary>Names the release "2025 October" from the title line, else from the file name (PPRRVU2025_Oct, PPRRVU25_JAN).</summary>
    private static (string Release, DateOnly? From, DateOnly? To) ReleaseOf(string? title, string fileName)
    {
        int year;
        int month;
        if (title is not null && TitlePattern().Match(title) is { Success: true } t)
        {
            year = int.Parse(t.Groups["year"].Value, CultureInfo.InvariantCulture);
            month = Array.FindIndex(MonthNames, m => m.Equals(t.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        }
        else if (FileNamePattern().Match(fileName) is { Success: true } f && f.Groups["month"].Success)
        {
            year = int.Parse(f.Groups["year"].Value, CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            month = Array.FindIndex(MonthNames, m => m.StartsWith(f.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        }
        else
        {
            return (Path.GetFileNameWithoutExtension(fileName), null, null);
        }

        if (month <= 0)
        {
            return (year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        // A quarterly release applies from its month to the year's end, unless a later release replaces it.
        return (string.Create(CultureInfo.InvariantCulture, $"{year} {MonthNames[month - 1]}"), new DateOnly(year, month, 1), new DateOnly(year, 12, 31));
    }

    private static string Normalize(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^PPRRVU(?<year>\d{4}|\d{2})(_(?<month>[A-Za-z]{3}))?.*\.(csv|txt)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"(?<year>\d{4}) National Physician Fee Schedule Relative Value File (?<month>[A-Za-z]+) Release", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitlePattern();

    /// <summary>The columns a rule needs, found by their joined, normalised header labels.</summary>
    private readonly record struct Columns(int Code, int Modifier, int Status, int NotUsed, int PcTc, int Global, int Multiple, int Bilateral, int Assistant,
        int CoSurgeons, int Team, int NonFacilityNa, int FacilityNa, int EndoBase)
    {
        public static Columns Find(List<string> labels)
        {
            var missing = new List<string>();
            int Required(string label)
            {
                // The label is the end of the joined cells: title lines above the header may sit in the same column.
                var at = labels.FindIndex(l => l.EndsWith(label, StringComparison.Ordinal) && !l.EndsWith("NON" + label, StringComparison.Ordinal));
                if (at < 0)
                {
                    missing.Add(label);
                }

                return at;
            }

            var columns = new Columns(
                Required("HCPCS"), Required("MOD"), Required("STATUSCODE"), Required("NOTUSEDFORMEDICAREPAYMENT"),
                Required("PCTCIND"), Required("GLOBDAYS"), Required("MULTPROC"), Required("BILATSURG"), Required("ASSTSURG"), Required("COSURG"), Required("TEAMSURG"),
                Required("NONFACNAINDICATOR"), Required("FACILITYNAINDICATOR"), Required("ENDOBASE"));
            return missing.Count == 0
                ? columns
                : throw new InvalidDataException($"the RVU header lacks column(s) {string.Join(", ", missing)}; the layout changed or this is not an RVU file");
        }
    }
}
