using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>
/// Reads the Excludes1 notes of the ICD-10-CM tabular list XML (<c>icd10cm_tabular_YYYY.xml</c>, or gzipped), streaming:
/// each <c>diag</c>'s <c>excludes1</c> notes, with the codes, prefixes (<c>A05.-</c>) and ranges (<c>A04.0-A04.4</c>)
/// they name. Chapter and section notes are not read: they exclude whole blocks and belong to no single code.
/// </summary>
internal sealed partial class Excludes1Reader : ICmsFileReader
{
    public string Id => "icd10cm-tabular-excludes1";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        using var input = file.OpenContent();
        using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true });
        var lineInfo = (IXmlLineInfo)reader;
        var entries = new List<Excludes1Entry>(16_000);
        var notes = new List<string>(8_000);
        var codes = new Stack<IcdCode?>();
        var version = "(unknown)";
        var inExcludes1 = false;
        var withoutCode = 0;
        try
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.Name)
                    {
                        case "version" when codes.Count == 0:
                            version = reader.ReadElementContentAsString().Trim();
                            continue;
                        case "diag":
                            codes.Push(null);
                            break;
                        case "name" when codes.Count > 0 && codes.Peek() is null:
                            var line = lineInfo.LineNumber;
                            var text = reader.ReadElementContentAsString();
                            codes.Pop();
                            if (IcdCode.TryParse(text, out var code))
                            {
                                codes.Push(code);
                            }
                            else
                            {
                                file.Error(line, $"The diag name '{text}' is not an ICD-10-CM code; its notes were skipped.");
                                codes.Push(default(IcdCode));
                            }

                            continue;
                        case "excludes1" when codes.Count > 0:
                            inExcludes1 = !reader.IsEmptyElement;
                            break;
                        case "note" when inExcludes1:
                            var owner = codes.Peek() ?? default;
                            var note = reader.ReadElementContentAsString().Trim();
                            if (!owner.IsDefault && !AddNote(owner, note, entries, notes))
                            {
                                withoutCode++;
                            }

                            continue;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (reader.Name == "diag")
                    {
                        codes.Pop();
                    }
                    else if (reader.Name == "excludes1")
                    {
                        inExcludes1 = false;
                    }
                }

                reader.Read();
            }

            // Read to the end, so that a gzip file is checked against its trailer.
            input.CopyTo(Stream.Null);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"The tabular XML is malformed or truncated at line {ex.LineNumber}: {ex.Message}", ex);
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException("The tabular XML holds no Excludes1 note under a code: it is not the ICD-10-CM tabular list, or it is truncated.");
        }

        file.CheckSize(TableMinimum.Excludes1, entries.Count);

        if (withoutCode > 0)
        {
            file.Warning(null, string.Create(CultureInfo.InvariantCulture, $"{withoutCode} Excludes1 notes name no code (a lead-in such as 'angiostrongyliasis due to:', or prose); they cannot be checked and were not loaded."));
        }

        file.Warning(null, $"The tabular list is the {version} edition: codes added to ICD-10-CM since have no Excludes1 notes in it, so pairs involving them are not checked.");
        var year = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var release = new TableRelease(Excludes1Table.TableName, year is { } fy ? $"FY{fy}" : version, file.FileName,
            year is { } from ? FiscalYears.Start(from) : null, null, entries.Count);
        var table = new Excludes1Table(entries, [.. notes], release);
        file.AddTo(b =>
        {
            b.SetTable(table);
            b.AddRelease(release);
        });
    }

    /// <summary>Adds the code references of one note; returns <see langword="false"/> when it names none.</summary>
    private static bool AddNote(IcdCode owner, string note, List<Excludes1Entry> entries, List<string> notes)
    {
        var index = notes.Count;
        var any = false;
        foreach (Match match in Reference().Matches(note))
        {
            if (!IcdCode.TryParse(match.Groups["from"].Value, out var from))
            {
                continue;
            }

            var to = from;
            if (match.Groups["to"].Success && IcdCode.TryParse(match.Groups["to"].Value, out var end) && end >= from)
            {
                to = end;
            }

            entries.Add(new Excludes1Entry(owner, from, to, index));
            any = true;
        }

        if (any)
        {
            notes.Add(note);
        }

        return any;
    }

    [GeneratedRegex(@"^icd10cm_tabular_\d{4}\.xml(\.gz)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"\b(?<from>[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\s*-\s*(?<to>[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
