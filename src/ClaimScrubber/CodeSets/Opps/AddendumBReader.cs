using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Opps;

/// <summary>
/// Reads CMS's quarterly OPPS Addendum B ("OPPS Payment by HCPCS Code"), as CMS posts it on the OPPS quarterly addenda
/// page: a workbook (<c>.xlsx</c>) or its CSV, named for the quarter and the posting date
/// (<c>2026_january_web_addendum_b.12312025.csv</c>, <c>April_2021_OPPS_Web_Addendum_B.03222021.xlsx</c>,
/// <c>January 2020 Addendum B CORRECTION.02042020.xlsx</c>). A title block (the AMA notice, "Addendum B.-- OPPS Payment
/// by HCPCS Code for CY 2026") precedes the header row <c>HCPCS Code, Short Descriptor, SI, APC, Relative Weight,
/// Payment Rate, National Unadjusted Copayment, Minimum Unadjusted Copayment, …</c>.
/// </summary>
/// <remarks>
/// Only the code, status indicator and APC are kept: short descriptors of CPT codes are the AMA's, and the index loads no
/// CPT text. The quarter (January, April, July or October and the year) comes from the file name; the quarter's first day
/// is the release's effective date. When two files give the same quarter (a correction), the later posting is used.
/// </remarks>
internal sealed partial class AddendumBReader : ICmsFileReader
{
    private static readonly string[] Required = ["HCPCS Code", "SI", "APC"];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public string Id => "opps-addendum-b";

    public bool Recognizes(string fileName) => FileName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var (quarterStart, posted) = QuarterOf(file.FileName);
        var rows = new List<(uint Code, OppsStatusIndicator Indicator, ushort Apc)>(20_000);
        var seen = new HashSet<uint>();
        TabularColumns? columns = null;
        int code = 0, indicator = 0, apc = 0;
        foreach (var row in TabularReader.ReadRows(file, CmsFile.Windows1252))
        {
            if (columns is null)
            {
                if (TabularColumns.TryRead(row, Required, out var header))
                {
                    columns = header;
                    (code, indicator, apc) = (header["HCPCS Code"], header["SI"], header["APC"]);
                }
                else if (TitleYear().Match(string.Join(' ', row.Cells)) is { Success: true } title
                    && int.Parse(title.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) != quarterStart.Year)
                {
                    file.Warning(row.Line, string.Create(CultureInfo.InvariantCulture, $"The title names CY {title.Groups["year"].Value}, but the file name names {quarterStart:MMMM yyyy}; the file name's quarter was used."));
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            var codeText = row[code];
            var indicatorText = row[indicator];
            if (!ProcedureCode.TryParse(codeText, out var procedure))
            {
                if (indicatorText.Length == 0)
                {
                    file.Warning(row.Line, $"'{Shorten(codeText)}' is not a HCPCS code and the row has no status indicator: it was read as a note and skipped.");
                }
                else
                {
                    file.Error(row.Line, $"'{Shorten(codeText)}' is not a HCPCS code; the row was skipped.");
                }

                continue;
            }

            var status = OppsStatusIndicators.Parse(indicatorText);
            if (status == OppsStatusIndicator.None)
            {
                file.Error(row.Line, $"{procedure}: the status indicator '{indicatorText}' is not one OPPS Addendum D1 defines; the row was skipped.");
                continue;
            }

            var apcText = row[apc];
            ushort apcValue = 0;
            if (apcText.Length > 0 && !ushort.TryParse(apcText, NumberStyles.None, CultureInfo.InvariantCulture, out apcValue) || apcValue > 9999)
            {
                file.Error(row.Line, $"{procedure}: the APC '{apcText}' is not a number of up to four digits; the row was skipped.");
                continue;
            }

            if (!seen.Add(procedure.Value))
            {
                file.Error(row.Line, $"{procedure} is listed twice; the first row was kept.");
                continue;
            }

            rows.Add((procedure.Value, status, apcValue));
        }

        if (columns is null)
        {
            throw new InvalidDataException($"no header row names the columns {string.Join(", ", Required)}: this is not an OPPS Addendum B, or its header is damaged");
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException("the file holds no code rows after its header: it is empty or truncated");
        }

        if (!file.CheckSize(TableMinimum.OppsAddendumB, rows.Count))
        {
            return;
        }

        rows.Sort((a, b) => a.Code.CompareTo(b.Code));
        var quarter = (quarterStart.Month + 2) / 3;
        var label = string.Create(CultureInfo.InvariantCulture, $"{quarterStart.Year} Q{quarter} ({quarterStart:MMMM})") + (posted is { } on ? string.Create(CultureInfo.InvariantCulture, $", posted {on:yyyy-MM-dd}") : string.Empty);
        var release = new TableRelease(OppsTable.TableName, label, file.FileName, quarterStart, quarterStart.AddMonths(3).AddDays(-1), rows.Count);
        var part = new OppsQuarter(release, [.. rows.Select(r => r.Code)], [.. rows.Select(r => r.Indicator)], [.. rows.Select(r => r.Apc)]);
        file.AddTo(b => b.Part(() => new List<(OppsQuarter Quarter, DateOnly? Posted, string Name)>(), parts => Finish(b, parts)).Add((part, posted, file.Name)));
    }

    /// <summary>Keeps one file per quarter (the latest posting: a correction replaces the file it corrects) and composes the table.</summary>
    private static void Finish(CodeSetIndexBuilder builder, List<(OppsQuarter Quarter, DateOnly? Posted, string Name)> parts)
    {
        var kept = new List<OppsQuarter>();
        foreach (var group in parts.GroupBy(p => p.Quarter.Release.EffectiveFrom))
        {
            var ranked = group.OrderByDescending(p => p.Posted ?? DateOnly.MinValue).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            kept.Add(ranked[0].Quarter);
            builder.AddRelease(ranked[0].Quarter.Release);
            foreach (var other in ranked.Skip(1))
            {
                builder.AddProblem(new LoadProblem(other.Name, null, $"Holds the same quarter's Addendum B as '{ranked[0].Name}', posted later, which was used instead.", IsError: false));
            }
        }

        builder.SetTable(new OppsTable(kept));
    }

    /// <summary>Reads the quarter (its first day) and the posting date from the file name.</summary>
    private static (DateOnly QuarterStart, DateOnly? Posted) QuarterOf(string fileName)
    {
        var stem = fileName[..fileName.IndexOf('.', StringComparison.Ordinal)];
        var month = MonthName().Match(stem);
        var year = Year().Match(stem);
        if (!month.Success || !year.Success)
        {
            throw new InvalidDataException($"the file name '{fileName}' does not name the quarter's month and year as CMS names Addendum B (2026_january_web_addendum_b.12312025.csv)");
        }

        var monthNumber = Array.FindIndex(Months, m => m.Equals(month.Value, StringComparison.OrdinalIgnoreCase)) + 1;
        if (monthNumber is not (1 or 4 or 7 or 10))
        {
            throw new InvalidDataException($"the file name '{fileName}' names {month.Value}, but Addendum B is quarterly: January, April, July or October");
        }

        var start = new DateOnly(int.Parse(year.ValueSpan, CultureInfo.InvariantCulture), monthNumber, 1);

        var postedText = PostedDate().Match(fileName[stem.Length..]) is { Success: true } p ? p.Groups["date"].Value.Replace(".", string.Empty, StringComparison.Ordinal) : string.Empty;
        DateOnly? posted = DateOnly.TryParseExact(postedText, ["MMddyyyy", "MMddyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return (start, posted);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    [GeneratedRegex(@"addendum[ _-]?b\b.*\.(csv|xlsx)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"(january|february|march|april|may|june|july|august|september|october|november|december)(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"(?<![0-9])20[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"^\.(?<date>\d{2}\.?\d{2}\.?\d{2}(?:\d{2})?)", RegexOptions.CultureInvariant)]
    private static partial Regex PostedDate();

    [GeneratedRegex(@"\bCY\s*(?<year>20[0-9]{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleYear();
}
