using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>
/// Reads the CMS ICD-10-CM order file <c>icd10cm_order_YYYY.txt</c> of fiscal year YYYY, loose or inside the zip CMS
/// distributes it in (<c>cms_YYYY_dx.zip</c>, <c>YYYY-code-descriptions-tabular-order.zip</c>, or any zip a manifest
/// assigns to this reader). Fixed width, Latin-1, CRLF: 1–5 order number, 7–13 code without dot, 15 billable flag
/// (<c>1</c>) or header (<c>0</c>), 17–76 short description, 78+ long description.
/// </summary>
/// <remarks>The zip's other entries (the codes file, that year's addenda, the PDFs) are not read.</remarks>
internal sealed partial class IcdOrderFileReader : ICmsFileReader
{
    public string Id => "icd10cm-order";

    public bool Recognizes(string fileName) => OrderFileName().IsMatch(fileName) || ZipName().IsMatch(fileName);

    public void Read(CmsFile file) => OrderFiles.ReadEach(file, OrderFileName(), "ICD-10-CM order file (icd10cm_order_YYYY.txt)", (stream, year, source, entry) =>
    {
        var records = OrderFiles.ReadRecords<IcdOrderRecord>(file, stream, entry, ParseLine, r => r.Code.Value, r => r.Code.ToDottedString());
        file.CheckSize(TableMinimum.IcdOrderFile, records.Count, records.Exists(r => r.Code[0] == 'Z'), entry is null ? null : source);
        var part = new IcdYearPart(year, file.Name, source, entry is not null, records);
        file.AddTo(b => IcdCodeSetParts.Of(b).AddYear(part));
    });

    private static bool ParseLine(string line, out IcdOrderRecord record, out string? error) => IcdOrderRecord.TryParse(line, IcdOrderRecord.OrderFile, out record, out error);

    [GeneratedRegex(@"^icd10cm_order_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderFileName();

    [GeneratedRegex(@"^(cms_\d{4}_dx|icd10cm_order_\d{4}|\d{4}[-_]code[-_]descriptions[-_a-z0-9]*)\.zip$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZipName();
}
