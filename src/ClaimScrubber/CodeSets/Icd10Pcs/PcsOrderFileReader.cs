using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Pcs;

/// <summary>
/// Reads the CMS ICD-10-PCS order file <c>icd10pcs_order_YYYY.txt</c>, loose or inside <c>cms_YYYY_pcs.zip</c> (or
/// <c>YYYY-icd-10-pcs-order-file*.zip</c>): the ICD-10-CM order-file layout, with 7-character codes (flag 1) and
/// 3-character table headers (flag 0). The zip's PDF is not read.
/// </summary>
/// <remarks>
/// The zip also holds the year's addenda (<c>order_addenda_YYYY.txt</c>: what changed from the year before). When the
/// year before has no order file of its own, it is derived from them — this year's records less those added, plus those
/// deleted, with the titles before revision — and checked against the counts the addenda's summary gives for it, so that
/// discharges of the year before are edited against the code set of their own year.
/// </remarks>
internal sealed partial class PcsOrderFileReader : ICmsFileReader
{
    public string Id => "icd10pcs-order";

    public bool Recognizes(string fileName) => OrderFileName().IsMatch(fileName) || ZipName().IsMatch(fileName) || LooseAddendaName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        if (LooseAddendaName().Match(file.FileName) is { Success: true } loose)
        {
            using var stream = file.OpenRead();
            AddAddenda(file, stream, int.Parse(loose.Groups["year"].ValueSpan, CultureInfo.InvariantCulture), file.FileName, null);
            return;
        }

        OrderFiles.ReadEach(file, OrderFileName(), "ICD-10-PCS order file (icd10pcs_order_YYYY.txt)", (stream, year, source, entry) =>
        {
            var records = OrderFiles.ReadRecords<PcsOrderRecord>(file, stream, entry, ParseLine, r => r.Key, r => r.Text);
            file.CheckSize(TableMinimum.PcsOrderFile, records.Count, records.Exists(r => r.Text[0] == 'X'), entry is null ? null : source);
            var part = new PcsYearPart(year, file.Name, source, entry is not null, records);
            file.AddTo(b => Parts(b).Years.Add(part));
        }, ZippedAddendaName(), (stream, year, source, entry) => AddAddenda(file, stream, year, source, entry));
    }

    private static void AddAddenda(CmsFile file, CheckedStream stream, int year, string source, string? entry)
    {
        var addenda = PcsAddenda.Parse(file, stream, year, source, entry);
        file.AddTo(b => Parts(b).Addenda.Add(addenda));
    }

    private static PcsParts Parts(CodeSetIndexBuilder builder) => builder.Part(() => new PcsParts(), parts => Finish(builder, parts));

    private static void Finish(CodeSetIndexBuilder builder, PcsParts parts)
    {
        if (parts.Years.Count == 0)
        {
            foreach (var addenda in parts.Addenda)
            {
                builder.AddProblem(new LoadProblem(addenda.File, null, $"The FY{addenda.FiscalYear} ICD-10-PCS addenda describe changes to order files that were not loaded; they were not applied.", IsError: false));
            }

            return;
        }

        var chosen = OrderFiles.ChooseOnePerYear(parts.Years, p => p.FiscalYear, p => p.FromZip, p => p.Name, builder, "ICD-10-PCS order file").ToList();
        var years = chosen
            .Select(y => (y.Key, new TableRelease(PcsCodeSet.TableName, $"FY{y.Key}", y.Value.SourceFile, FiscalYears.Start(y.Key), FiscalYears.End(y.Key), y.Value.Records.Count), (IReadOnlyList<PcsOrderRecord>)y.Value.Records))
            .ToList();
        foreach (var addenda in parts.Addenda.OrderBy(a => a.FiscalYear))
        {
            var year = years.FindIndex(y => y.Key == addenda.FiscalYear);
            if (year < 0)
            {
                builder.AddProblem(new LoadProblem(addenda.File, null, $"The FY{addenda.FiscalYear} ICD-10-PCS addenda describe changes to the FY{addenda.FiscalYear} order file, which was not loaded; they were not applied.", IsError: false));
            }
            else if (!years.Exists(y => y.Key == addenda.FiscalYear - 1) && addenda.DerivePriorYear(years[year].Item3, builder) is { } prior)
            {
                var release = new TableRelease(PcsCodeSet.TableName, $"FY{addenda.FiscalYear - 1} (FY{addenda.FiscalYear} order file less its addenda)", addenda.Source, FiscalYears.Start(addenda.FiscalYear - 1), FiscalYears.End(addenda.FiscalYear - 1), prior.Count);
                years.Add((addenda.FiscalYear - 1, release, prior));
            }
        }

        // CMS ships every year's addenda in the zip beside its order file; a zip without them was repacked or cut down, and
        // the year before cannot be derived from it. Said, not refused: the order file itself is whole.
        foreach (var (year, part) in chosen)
        {
            if (part.FromZip && !parts.Addenda.Exists(a => a.FiscalYear == year) && !years.Exists(y => y.Key == year - 1))
            {
                builder.AddProblem(new LoadProblem(part.Name, null, string.Create(CultureInfo.InvariantCulture,
                    $"{part.SourceFile} has no addenda (order_addenda_{year}.txt) beside it, as CMS's zips have: FY{year - 1} was not derived from them, so FY{year - 1} dates are checked against the nearest loaded year."), IsError: false));
            }
        }

        foreach (var year in years)
        {
            builder.AddRelease(year.Item2);
        }

        builder.SetTable(PcsCodeSet.Create(years));
    }

    private static bool ParseLine(string line, out PcsOrderRecord record, out string? error)
    {
        record = default;
        if (!IcdOrderRecord.TryParseFields<(ulong Key, int Length)>(line, IcdOrderRecord.OrderFile, PcsCode.Length, TryParseKey, out var key, out var billable, out var shortText, out var longText, out error))
        {
            return false;
        }

        if (billable != (key.Length == PcsCode.Length))
        {
            error = billable
                ? $"'{line.AsSpan(6, PcsCode.Length).Trim()}' is flagged 1 (valid code) but a PCS code has 7 characters."
                : $"'{line.AsSpan(6, PcsCode.Length).Trim()}' is flagged 0 (header) but a PCS header is a 3-character table.";
            return false;
        }

        record = new PcsOrderRecord(key.Key, key.Length, shortText, longText);
        return true;
    }

    internal static bool TryParseKey(ReadOnlySpan<char> text, out (ulong Key, int Length) key)
    {
        key = default;
        if ((text.Length == 3 || text.Length == PcsCode.Length) && PcsCode.TryPack(text, text.Length, out var value))
        {
            key = (value, text.Length);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^icd10pcs_order_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderFileName();

    [GeneratedRegex(@"^(cms_\d{4}_pcs|icd10pcs_order_\d{4}|\d{4}[-_]icd[-_]10[-_]pcs[-_]order[-_a-z0-9]*)\.zip$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZipName();

    [GeneratedRegex(@"^(icd10pcs_)?order_addenda_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZippedAddendaName();

    [GeneratedRegex(@"^icd10pcs_order_addenda_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooseAddendaName();

    /// <summary>One fiscal year's PCS order file as read.</summary>
    private sealed record PcsYearPart(int FiscalYear, string Name, string SourceFile, bool FromZip, List<PcsOrderRecord> Records);

    /// <summary>The order files and addenda of one load.</summary>
    private sealed class PcsParts
    {
        public List<PcsYearPart> Years { get; } = [];

        public List<PcsAddenda> Addenda { get; } = [];
    }
}
