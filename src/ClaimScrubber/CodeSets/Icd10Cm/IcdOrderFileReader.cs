using System.Globalization;
using System.IO.Compression;
using System.Text;
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

    public bool Recognizes(string fileName) => LooseName().IsMatch(fileName) || ZipName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        if (!file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var year = YearOf(LooseName(), file.FileName)
                ?? throw new InvalidDataException($"The file name '{file.FileName}' does not say its fiscal year as icd10cm_order_YYYY.txt does.");
            using var stream = file.OpenRead();
            ReadYear(file, stream, year, file.FileName, fromZip: false);
            return;
        }

        using var archive = new ZipArchive(file.OpenRead(), ZipArchiveMode.Read);
        var found = 0;
        foreach (var entry in archive.Entries)
        {
            if (YearOf(LooseName(), entry.Name) is { } entryYear)
            {
                found++;
                using var stream = entry.Open();
                ReadYear(file, stream, entryYear, $"{file.FileName}/{entry.FullName}", fromZip: true);
            }
        }

        if (found == 0)
        {
            throw new InvalidDataException($"The zip holds no ICD-10-CM order file (icd10cm_order_YYYY.txt); it holds: {string.Join(", ", archive.Entries.Select(e => e.FullName))}.");
        }
    }

    /// <summary>Reads the records of one order file, reporting refused lines to <paramref name="file"/>.</summary>
    internal static List<IcdOrderRecord> ReadRecords(CmsFile file, Stream stream, int lineOffset = 0)
    {
        var records = new List<IcdOrderRecord>(100_000);
        var seen = new HashSet<ulong>();
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var number = lineOffset;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!IcdOrderRecord.TryParse(line, IcdOrderRecord.OrderFile, out var record, out var error))
            {
                file.Error(number, error!);
            }
            else if (!seen.Add(record.Code.Value))
            {
                file.Error(number, $"{record.Code.ToDottedString()} is listed twice; the first record was kept.");
            }
            else
            {
                records.Add(record);
            }
        }

        return records;
    }

    private static void ReadYear(CmsFile file, Stream stream, int fiscalYear, string source, bool fromZip)
    {
        var records = ReadRecords(file, stream);
        var part = new IcdYearPart(fiscalYear, file.Name, source, fromZip, records);
        file.AddTo(b => IcdCodeSetParts.Of(b).AddYear(part));
    }

    private static int? YearOf(Regex pattern, string name) =>
        pattern.Match(name) is { Success: true } match ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^icd10cm_order_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooseName();

    [GeneratedRegex(@"^(cms_\d{4}_dx|icd10cm_order_\d{4}|\d{4}[-_]code[-_]descriptions[-_a-z0-9]*)\.zip$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZipName();
}
