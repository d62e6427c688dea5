using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

/// <summary>Writes hand-made ICD-10-CM order files, zips and addenda in the CMS layouts, in a temporary folder.</summary>
internal sealed class IcdFixtures : IDisposable
{
    public IcdFixtures() => Folder = Directory.CreateTempSubdirectory("icd-fixture-").FullName;

    public string Folder { get; }

    /// <summary>An order-file record: 1–5 order number, 7–13 code, 15 flag, 17–76 short, 78+ long.</summary>
    public static string Row(int order, string code, char flag, string shortText, string? longText = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{order:D5} {code,-7} {flag} {shortText,-60} {longText ?? shortText}");

    /// <summary>An addenda record: the 13-character tag, 14 flag, 16–22 code, 24–83 short, 85+ long.</summary>
    public static string Addendum(string tag, string code, char flag, string shortText, string? longText = null) =>
        $"{tag,-13}{flag} {code,-7} {shortText,-60} {longText ?? shortText}";

    /// <summary>A small FY order file: Z59.86 billable (FY2025 style) or a header with children (FY2026 style).</summary>
    public static string[] Year(bool z5986IsHeader) => z5986IsHeader
        ? [Row(1, "E11", '0', "Type 2 diabetes mellitus"), Row(2, "E119", '1', "Type 2 diabetes mellitus without complications"), Row(3, "Z5986", '0', "Financial insecurity"), Row(4, "Z59861", '1', "Financial insecurity, difficulty paying for utilities"), Row(5, "Z59869", '1', "Financial insecurity, unspecified")]
        : [Row(1, "E11", '0', "Type 2 diabetes mellitus"), Row(2, "E119", '1', "Type 2 diabetes mellitus without complications"), Row(3, "Z5986", '1', "Financial insecurity")];

    /// <summary>The closing summary every CMS addenda file ends with: the year's header and code totals.</summary>
    public static string[] Summary(int year, int headers, int codes) =>
    [
        string.Empty,
        "Headers",
        string.Create(CultureInfo.InvariantCulture, $"  {headers,5} headers in icd10cm_order_{year}.txt"),
        "Codes",
        string.Create(CultureInfo.InvariantCulture, $"  {codes,5} codes in icd10cm_order_{year}.txt"),
    ];

    public string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\r\n")), Encoding.Latin1);
        return path;
    }

    public string Zip(string name, params (string Entry, string[] Lines)[] entries)
    {
        var path = Path.Combine(Folder, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, lines) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open(), Encoding.Latin1);
            writer.Write(string.Concat(lines.Select(l => l + "\r\n")));
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
