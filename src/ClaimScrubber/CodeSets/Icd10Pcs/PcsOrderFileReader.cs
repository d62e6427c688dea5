using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Codes;

namespace ClaimScrubber.CodeSets.Icd10Pcs;

/// <summary>
/// Reads the CMS ICD-10-PCS order file <c>icd10pcs_order_YYYY.txt</c>, loose or inside <c>cms_YYYY_pcs.zip</c> (or
/// <c>YYYY-icd-10-pcs-order-file*.zip</c>): the ICD-10-CM order-file layout, with 7-character codes (flag 1) and
/// 3-character table headers (flag 0). The zip's addenda and PDF are not read.
/// </summary>
internal sealed partial class PcsOrderFileReader : ICmsFileReader
{
    public string Id => "icd10pcs-order";

    public bool Recognizes(string fileName) => OrderFileName().IsMatch(fileName) || ZipName().IsMatch(fileName);

    public void Read(CmsFile file) => OrderFiles.ReadEach(file, OrderFileName(), "ICD-10-PCS order file (icd10pcs_order_YYYY.txt)", (stream, year, source, entry) =>
    {
        var records = OrderFiles.ReadRecords<PcsOrderRecord>(file, stream, entry, ParseLine, r => r.Key, r => r.Text);
        file.CheckSize(TableMinimum.PcsOrderFile, records.Count, records.Exists(r => r.Text[0] == 'X'), entry is null ? null : source);
        var part = new PcsYearPart(year, file.Name, source, entry is not null, records);
        file.AddTo(b => b.Part(() => new List<PcsYearPart>(), parts => Finish(b, parts)).Add(part));
    });

    private static void Finish(CodeSetIndexBuilder builder, List<PcsYearPart> parts)
    {
        var years = OrderFiles.ChooseOnePerYear(parts, p => p.FiscalYear, p => p.FromZip, p => p.Name, builder, "ICD-10-PCS order file")
            .Select(y => (y.Key, new TableRelease(PcsCodeSet.TableName, $"FY{y.Key}", y.Value.SourceFile, FiscalYears.Start(y.Key), FiscalYears.End(y.Key), y.Value.Records.Count), (IReadOnlyList<PcsOrderRecord>)y.Value.Records))
            .ToList();
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

    private static bool TryParseKey(ReadOnlySpan<char> text, out (ulong Key, int Length) key)
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

    /// <summary>One fiscal year's PCS order file as read.</summary>
    private sealed record PcsYearPart(int FiscalYear, string Name, string SourceFile, bool FromZip, List<PcsOrderRecord> Records);
}
