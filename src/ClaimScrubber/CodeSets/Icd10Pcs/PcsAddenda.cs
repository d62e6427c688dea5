using System.Globalization;
using System.Text;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Pcs;

/// <summary>
/// CMS's ICD-10-PCS order-file addenda of one fiscal year (<c>order_addenda_2026.txt</c> in <c>cms_2026_pcs.zip</c>):
/// <c>Add:</c>, <c>Delete:</c> and <c>Revise from:</c>/<c>Revise to:</c> records, each a 13-character tag then the
/// order-file record without order number or flag (14–20 code, 22–81 short, 83+ long), and a closing summary of the
/// header and code counts of the year before and of the year.
/// </summary>
internal sealed class PcsAddenda
{
    private const int TagLength = 13;

    private static readonly string[] Tags = ["Add:", "Delete:", "Revise from:", "Revise to:"];

    private readonly List<(int Line, PcsOrderRecord Record)> added = [];
    private readonly List<(int Line, PcsOrderRecord Record)> deleted = [];
    private readonly List<PcsOrderRecord> revisedFrom = [];
    private int? priorCodes;
    private int? priorHeaders;

    private PcsAddenda(int fiscalYear, string file, string source)
    {
        FiscalYear = fiscalYear;
        File = file;
        Source = source;
    }

    /// <summary>Gets the fiscal year the addenda lead to.</summary>
    public int FiscalYear { get; }

    /// <summary>Gets the loaded file (the zip, or the loose addenda), as problems name it.</summary>
    public string File { get; }

    /// <summary>Gets the addenda's own name (<c>cms_2026_pcs.zip/order_addenda_2026.txt</c>), as the derived year's release names it.</summary>
    public string Source { get; }

    /// <summary>Parses the addenda, reporting every line it refuses to <paramref name="file"/>.</summary>
    public static PcsAddenda Parse(CmsFile file, CheckedStream stream, int fiscalYear, string source, string? entry)
    {
        var addenda = new PcsAddenda(fiscalYear, file.Name, source);
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        var number = 0;
        var blank = false;
        (int Line, PcsOrderRecord Record)? reviseFrom = null;
        while (reader.ReadLine() is { } line)
        {
            number++;
            blank = string.IsNullOrWhiteSpace(line);
            var tag = Array.Find(Tags, t => line.StartsWith(t, StringComparison.Ordinal));
            if (tag is null)
            {
                OrderFiles.ReadAddendaSummaryLine(file, number, line, fiscalYear - 1, ref addenda.priorCodes, ref addenda.priorHeaders);
                continue;
            }

            if (!TryParse(line, tag, out var record, out var error))
            {
                file.Error(number, error);
                continue;
            }

            switch (tag)
            {
                case "Add:":
                    addenda.added.Add((number, record));
                    break;
                case "Delete:":
                    addenda.deleted.Add((number, record));
                    break;
                case "Revise from:":
                    reviseFrom = (number, record);
                    continue;
                default:
                    if (reviseFrom is not { } from || from.Record.Key != record.Key)
                    {
                        file.Error(number, $"'Revise to:' {record.Text} does not follow a 'Revise from:' line of the same code.");
                    }
                    else
                    {
                        addenda.revisedFrom.Add(from.Record);
                    }

                    break;
            }

            reviseFrom = null;
        }

        file.CheckLineEnd(stream, Encoding.Latin1, number, blank, entry is null ? null : source);

        // Every addenda file CMS publishes closes with the header and code totals of both years; without them it was cut short.
        if (addenda.priorCodes is null || addenda.priorHeaders is null)
        {
            file.Error(null, string.Create(CultureInfo.InvariantCulture,
                $"{(entry is null ? string.Empty : entry + ": ")}The closing summary ('NNNNN headers in icd10pcs_order_{fiscalYear - 1}.txt' and 'NNNNN codes in icd10pcs_order_{fiscalYear - 1}.txt') is missing: the file is cut short or not CMS's addenda."));
        }

        return addenda;
    }

    /// <summary>
    /// Derives the year before from <paramref name="current"/> (this year's records): less the records added, plus those
    /// deleted, with the titles before revision. Returns <see langword="null"/>, with the reasons as errors, when the
    /// addenda do not describe <paramref name="current"/> or the result does not have the counts the summary gives.
    /// </summary>
    public List<PcsOrderRecord>? DerivePriorYear(IReadOnlyList<PcsOrderRecord> current, CodeSetIndexBuilder builder)
    {
        var records = current.ToDictionary(r => r.Key);
        var faults = 0;
        foreach (var (line, record) in added)
        {
            if (!records.Remove(record.Key))
            {
                faults++;
                builder.AddProblem(new LoadProblem(File, line, $"'Add:' {record.Text} is not in the FY{FiscalYear} order file, so the addenda do not describe it.", IsError: true));
            }
        }

        foreach (var (line, record) in deleted)
        {
            if (!records.TryAdd(record.Key, record))
            {
                faults++;
                builder.AddProblem(new LoadProblem(File, line, $"'Delete:' {record.Text} is still in the FY{FiscalYear} order file, so the addenda do not describe it.", IsError: true));
            }
        }

        foreach (var record in revisedFrom.Where(r => records.ContainsKey(r.Key)))
        {
            records[record.Key] = record;
        }

        var codes = records.Values.Count(r => r.IsCode);
        var headers = records.Count - codes;
        if (faults == 0 && ((priorCodes is { } c && c != codes) || (priorHeaders is { } h && h != headers)))
        {
            faults++;
            builder.AddProblem(new LoadProblem(File, null, string.Create(CultureInfo.InvariantCulture, $"The FY{FiscalYear} order file less its addenda has {codes} codes and {headers} headers; the addenda's summary gives FY{FiscalYear - 1} {Count(priorCodes)} codes and {Count(priorHeaders)} headers."), IsError: true));
        }

        if (faults > 0)
        {
            builder.AddProblem(new LoadProblem(File, null, $"The FY{FiscalYear - 1} ICD-10-PCS code set was not derived from the FY{FiscalYear} addenda; FY{FiscalYear - 1} dates are checked against the nearest loaded year.", IsError: true));
            return null;
        }

        return [.. records.Values.OrderBy(r => r.Key)];
    }

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "(not given)";

    private static bool TryParse(string line, string tag, out PcsOrderRecord record, out string error)
    {
        record = default;
        if (line.Length < TagLength || line.AsSpan(tag.Length, TagLength - tag.Length).ContainsAnyExcept(' '))
        {
            error = $"The tag '{tag}' is not followed by spaces up to column {TagLength}.";
            return false;
        }

        if (!IcdOrderRecord.TryParseFields<(ulong Key, int Length)>(line, IcdOrderRecord.PcsAddenda, PcsCode.Length, PcsOrderFileReader.TryParseKey, out var key, out _, out var shortText, out var longText, out var fieldError))
        {
            error = fieldError!;
            return false;
        }

        record = new PcsOrderRecord(key.Key, key.Length, shortText, longText);
        error = string.Empty;
        return true;
    }
}
