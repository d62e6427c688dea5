using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>
/// Reads the CMS order-file addenda <c>icd10cm_order_addenda_YYYY.txt</c>: <c>Add:</c>, <c>Delete:</c> and
/// <c>Revise from:</c>/<c>Revise to:</c> lines, each a 13-character tag then an order-file record without its order
/// number (14 flag, 16–22 code, 24–83 short, 85+ long), and a closing summary of header and code counts. The
/// addenda of year N are applied to year N−1 when the table is composed (see <see cref="IcdCodeSetParts"/>).
/// </summary>
internal sealed partial class IcdOrderAddendaReader : ICmsFileReader
{
    private const int TagLength = 13;

    private static readonly string[] Tags = ["Add:", "Delete:", "Revise from:", "Revise to:"];

    public string Id => "icd10cm-order-addenda";

    public bool Recognizes(string fileName) => FileName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var year = FileName().Match(file.FileName) is { Success: true } m
            ? int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"The file name '{file.FileName}' does not say its fiscal year as icd10cm_order_addenda_YYYY.txt does.");
        using var stream = file.OpenRead();
        var part = Parse(file, stream, year, file.Name, file.FileName);
        file.AddTo(b => IcdCodeSetParts.Of(b).AddAddenda(part));
    }

    /// <summary>Parses an addenda file, reporting every line it refuses to <paramref name="file"/>.</summary>
    internal static IcdAddendaPart Parse(CmsFile file, Stream stream, int fiscalYear, string name, string sourceFile)
    {
        var changes = new List<IcdAddendum>();
        int? codes = null;
        int? headers = null;
        (int Line, IcdOrderRecord Record)? reviseFrom = null;
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        var number = 0;
        var blank = false;
        while (reader.ReadLine() is { } line)
        {
            number++;
            blank = string.IsNullOrWhiteSpace(line);
            var tag = TagOf(line);
            if (tag is null)
            {
                // Only the totals of the year the addenda produce are checked; the other counts describe the changes.
                OrderFiles.ReadAddendaSummaryLine(file, number, line, fiscalYear, ref codes, ref headers);
                continue;
            }

            if (reviseFrom is { } pending && tag != "Revise to:")
            {
                file.Error(pending.Line, $"'Revise from:' {pending.Record.Code.ToDottedString()} is not followed by its 'Revise to:' line.");
                reviseFrom = null;
            }

            if (line.Length < TagLength || line.AsSpan(tag.Length, TagLength - tag.Length).ContainsAnyExcept(' '))
            {
                file.Error(number, $"The tag '{tag}' is not followed by spaces up to column {TagLength}.");
                continue;
            }

            if (!IcdOrderRecord.TryParse(line, IcdOrderRecord.Addenda, out var record, out var error))
            {
                file.Error(number, error!);
                continue;
            }

            switch (tag)
            {
                case "Add:":
                    changes.Add(new IcdAddendum(number, IcdAddendumAction.Add, record, null));
                    break;
                case "Delete:":
                    changes.Add(new IcdAddendum(number, IcdAddendumAction.Delete, record, null));
                    break;
                case "Revise from:":
                    reviseFrom = (number, record);
                    break;
                default:
                    if (reviseFrom is not { } from)
                    {
                        file.Error(number, $"'Revise to:' {record.Code.ToDottedString()} follows no 'Revise from:' line.");
                    }
                    else if (from.Record.Code != record.Code)
                    {
                        file.Error(number, $"'Revise to:' {record.Code.ToDottedString()} follows 'Revise from:' {from.Record.Code.ToDottedString()}; a revision keeps its code.");
                    }
                    else
                    {
                        changes.Add(new IcdAddendum(from.Line, IcdAddendumAction.Revise, record, from.Record));
                    }

                    reviseFrom = null;
                    break;
            }
        }

        if (reviseFrom is { } last)
        {
            file.Error(last.Line, $"'Revise from:' {last.Record.Code.ToDottedString()} is not followed by its 'Revise to:' line.");
        }

        if (stream is CheckedStream content)
        {
            file.CheckLineEnd(content, Encoding.Latin1, number, blank);
        }

        // Every addenda file CMS publishes closes with the year's header and code totals; without them it was cut short.
        if (codes is null || headers is null)
        {
            file.Error(null, string.Create(CultureInfo.InvariantCulture,
                $"The closing summary ('NNNNN headers in icd10cm_order_{fiscalYear}.txt' and 'NNNNN codes in icd10cm_order_{fiscalYear}.txt') is missing: the file is cut short or not CMS's addenda."));
        }

        return new IcdAddendaPart(fiscalYear, name, sourceFile, changes, codes, headers);
    }

    private static string? TagOf(string line)
    {
        foreach (var tag in Tags)
        {
            if (line.StartsWith(tag, StringComparison.Ordinal))
            {
                return tag;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^icd10cm_order_addenda_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
