using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>What ICD-10-CM and ICD-10-PCS order files share: how they are found (loose or zipped), read line by line, and kept one per year.</summary>
internal static partial class OrderFiles
{
    /// <summary>Parses one line into a record, or says why it cannot.</summary>
    public delegate bool TryParseLine<TRecord>(string line, out TRecord record, out string? error);

    /// <summary>
    /// Calls <paramref name="read"/> with each order file of <paramref name="file"/>: the file itself when it is
    /// loose, else every zip entry whose name matches <paramref name="entryName"/> (the fiscal year is the pattern's
    /// <c>year</c> group), checked against its CRC-32. A zip with no such entry is an error naming what was expected.
    /// The callback gets the content, the fiscal year, the release's source (<c>zip/entry</c> for an entry) and the
    /// entry's name for messages (<see langword="null"/> for a loose file). Zip entries matching
    /// <paramref name="companionName"/> (the addenda CMS ships beside the order file) go to <paramref name="readCompanion"/>.
    /// </summary>
    public static void ReadEach(CmsFile file, Regex entryName, string expected, Action<CheckedStream, int, string, string?> read, Regex? companionName = null, Action<CheckedStream, int, string, string>? readCompanion = null)
    {
        if (!file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var year = YearOf(entryName, file.FileName)
                ?? throw new InvalidDataException($"The file name '{file.FileName}' does not say its fiscal year as {expected} does.");
            using var stream = file.OpenRead();
            read(stream, year, file.FileName, null);
            return;
        }

        using var archive = file.OpenZip();
        var found = 0;
        foreach (var entry in archive.Entries)
        {
            if (YearOf(entryName, entry.Name) is { } entryYear)
            {
                found++;
                using var stream = file.OpenEntry(entry);
                read(stream, entryYear, $"{file.FileName}/{entry.FullName}", entry.FullName);
            }
            else if (companionName is not null && readCompanion is not null && YearOf(companionName, entry.Name) is { } companionYear)
            {
                using var stream = file.OpenEntry(entry);
                readCompanion(stream, companionYear, $"{file.FileName}/{entry.FullName}", entry.FullName);
            }
        }

        if (found == 0)
        {
            throw new InvalidDataException($"The zip holds no {expected}; it holds: {string.Join(", ", archive.Entries.Select(e => e.FullName))}.");
        }
    }

    /// <summary>
    /// Reads every record of an order file (Latin-1), reporting each refused line, each code listed twice, and a last
    /// line cut short to <paramref name="file"/>; a line of a zip entry names the entry (<paramref name="entry"/>).
    /// </summary>
    public static List<TRecord> ReadRecords<TRecord>(CmsFile file, CheckedStream stream, string? entry, TryParseLine<TRecord> parse, Func<TRecord, ulong> key, Func<TRecord, string> name)
    {
        var records = new List<TRecord>(100_000);
        var seen = new HashSet<ulong>();
        var where = entry is null ? string.Empty : $"{entry}: ";
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var number = 0;
        var blank = false;
        var order = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            blank = string.IsNullOrWhiteSpace(line);
            if (blank)
            {
                continue;
            }

            // Order numbers run 1, 2, 3…: a gap is a record lost (two lines run together, or a line dropped). A sample
            // is an excerpt, whose numbers only rise.
            if (line.Length >= 5 && int.TryParse(line.AsSpan(0, 5), NumberStyles.None, CultureInfo.InvariantCulture, out var current))
            {
                if (file.IsSample ? current <= order : current != order + 1)
                {
                    file.Error(number, string.Create(CultureInfo.InvariantCulture, $"{where}The order number {current:D5} follows {order:D5}: a record is missing or out of order."));
                }

                order = current;
            }

            if (!parse(line, out var record, out var error))
            {
                file.Error(number, where + error);
            }
            else if (!seen.Add(key(record)))
            {
                file.Error(number, $"{where}{name(record)} is listed twice; the first record was kept.");
            }
            else
            {
                records.Add(record);
            }
        }

        file.CheckLineEnd(stream, Encoding.Latin1, number, blank, entry is null ? null : $"{file.FileName}/{entry}");
        return records;
    }

    /// <summary>
    /// Keeps one part per fiscal year: a loose file before a zipped one, then by name; every other is reported as a
    /// warning (the loader only merges forms of one file name, and <c>cms_2026_dx.zip</c> holds
    /// <c>icd10cm_order_2026.txt</c> under another name).
    /// </summary>
    public static SortedDictionary<int, T> ChooseOnePerYear<T>(IEnumerable<T> parts, Func<T, int> year, Func<T, bool> fromZip, Func<T, string> name, CodeSetIndexBuilder builder, string what)
    {
        var chosen = new SortedDictionary<int, T>();
        foreach (var group in parts.GroupBy(year))
        {
            var ranked = group.OrderBy(fromZip).ThenBy(name, StringComparer.Ordinal).ToList();
            foreach (var other in ranked.Skip(1))
            {
                builder.AddProblem(new LoadProblem(name(other), null, $"Holds the FY{group.Key} {what}, as does '{name(ranked[0])}', which was used instead.", IsError: false));
            }

            chosen[group.Key] = ranked[0];
        }

        return chosen;
    }

    private static int? YearOf(Regex pattern, string name) =>
        pattern.Match(name) is { Success: true } match ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Reads one line of the closing summary of an ICD-10-CM or ICD-10-PCS order-file addenda (<c>78986 codes in
    /// icd10pcs_order_2025.txt</c>, <c>156 additions</c>…), recording the code and header counts it gives for
    /// <paramref name="year"/>; any other line is an error naming it.
    /// </summary>
    public static void ReadAddendaSummaryLine(CmsFile file, int number, string line, int year, ref int? codes, ref int? headers)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed is "Headers" or "Codes" or "of which")
        {
            return;
        }

        var match = AddendaSummaryLine().Match(line);
        if (!match.Success)
        {
            file.Error(number, $"'{trimmed}' is neither an addendum (Add:, Delete:, Revise from:/to:) nor a line of the closing summary.");
            return;
        }

        var count = int.Parse(match.Groups["count"].ValueSpan, CultureInfo.InvariantCulture);
        if (match.Groups["year"] is { Success: true } given && int.Parse(given.ValueSpan, CultureInfo.InvariantCulture) == year)
        {
            if (match.Groups["what"].ValueSpan.StartsWith("code", StringComparison.Ordinal))
            {
                codes = count;
            }
            else
            {
                headers = count;
            }
        }
    }

    [GeneratedRegex(@"^\s*(?<count>\d+) (?:(?<what>codes|headers) in icd10(?:cm|pcs)_order_(?<year>\d{4})\.txt|additions|deletions|revisions(?: to [a-z ]+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AddendaSummaryLine();
}
