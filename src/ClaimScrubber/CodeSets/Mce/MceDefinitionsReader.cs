using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// Reads CMS's "Definitions of Medicare Code Edits" manual as text (<c>Definitions of Medicare Code Edits_v_43_1.txt</c>,
/// Windows-1252): chapter 1 has one numbered section per edit (<c>4. Age conflict</c>), lettered or captioned lists
/// under it, and list rows <c>CODE&lt;TAB&gt;description</c> with undotted codes; chapter 2 lists the codes the release
/// added to or removed from each list.
/// </summary>
/// <remarks>
/// The table of contents and the chapter's own list of edits repeat the headings; both are skipped (contents lines end
/// in a tab and a page number, and a heading followed directly by the next heading is a listing, not a section).
/// Headings carry date notes — "(deactivated as of 10/01/2024)", "(discontinued as of 04/01/2022)" — which switch the
/// list's edit off from that date. The sections of the procedure and claim edits (8B, 11, 14–17, 19) are kept as an
/// <see cref="MceProcedureRelease"/>, each with the condition its text states (see the <c>.Procedures</c> part).
/// </remarks>
internal sealed partial class MceDefinitionsReader : ICmsFileReader
{
    public string Id => "mce-definitions";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        string[] lines;
        using (var stream = file.OpenRead())
        using (var reader = new StreamReader(stream, CmsFile.Windows1252, detectEncodingFromByteOrderMarks: true))
        {
            lines = reader.ReadToEnd().Split('\n');
            file.CheckLineEnd(stream, reader.CurrentEncoding, lines.Length, string.IsNullOrWhiteSpace(lines[^1]));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        var version = VersionOf(file.FileName, lines);
        var effectiveFrom = ReleaseDate(lines);
        var codeYear = effectiveFrom is { } d ? Icd10Cm.IcdCodeSet.FiscalYearOf(d) : 0;
        var state = new ParseState(file);
        var chapter1 = FindBodyLine(lines, "Chapter 1:", 0)
            ?? throw new InvalidDataException("The file has no 'Chapter 1: Edit code lists' after its table of contents: it is not the MCE definitions manual, or it is truncated.");
        var chapter2 = FindBodyLine(lines, "Chapter 2:", chapter1 + 1);
        var chapter2End = chapter2 is { } c2 ? FindBodyLine(lines, "Index", c2 + 1) ?? lines.Length : lines.Length;
        ReadChapter1(lines, chapter1 + 1, chapter2 ?? lines.Length, state);
        if (chapter2 is { } start)
        {
            ReadChapter2(lines, start + 1, chapter2End, state);
        }

        if (state.Lists.Count == 0)
        {
            throw new InvalidDataException("The manual's chapter 1 holds no diagnosis list under a known edit heading: the file is truncated or not the MCE definitions manual.");
        }

        var rows = state.Lists.Values.Sum(l => l.Count);
        file.CheckSize(TableMinimum.MceDefinitions, rows);
        var provisional = new TableRelease(MceTable.TableName, "MCE " + version, file.FileName, effectiveFrom, null, rows);
        var procedures = ReadProcedureSections(state, provisional);
        var release = procedures is null ? provisional : provisional with { RowCount = rows + procedures.CodeCount };
        if (procedures is not null)
        {
            procedures = procedures.WithRelease(release);
        }

        var part = new MceReleasePart(release, codeYear, state.Lists, state.Removed, state.Added, state.InactiveFrom, procedures);
        file.AddTo(b =>
        {
            MceTableParts.Of(b).Add(part);
            b.AddRelease(release);
        });
    }

    private static void ReadChapter1(string[] lines, int start, int end, ParseState state)
    {
        var section = 0;
        string sectionTitle = string.Empty;
        string subTitle = string.Empty;
        string caption = string.Empty;
        var subKey = "0";
        var block = state.Block(subKey, 0, string.Empty, 0);
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (Heading().Match(line) is { Success: true } heading)
            {
                if (IsListing(lines, i, end))
                {
                    continue;
                }

                var number = int.Parse(heading.Groups["n"].ValueSpan, CultureInfo.InvariantCulture);
                var title = heading.Groups["title"].Value.Trim();
                if (number > section)
                {
                    section = number;
                    sectionTitle = title;
                    subTitle = string.Empty;
                    RecordOff(state, sectionTitle, subTitle, OffDate(title, i + 1, state));
                    subKey = number.ToString(CultureInfo.InvariantCulture);
                    block = state.Block(subKey, section, title, i + 1);
                }
                else
                {
                    // A numbered list inside a section (8B's cesarean, vaginal delivery and outcome-of-delivery lists).
                    subTitle = title;
                    RecordOff(state, sectionTitle, subTitle, OffDate(title, i + 1, state));
                    block = state.Block(string.Create(CultureInfo.InvariantCulture, $"{subKey}.{number}"), section, title, i + 1);
                }

                caption = string.Empty;
                continue;
            }

            if (SubHeading().Match(line) is { Success: true } sub)
            {
                subTitle = sub.Groups["title"].Value.Trim();
                RecordOff(state, sectionTitle, subTitle, OffDate(subTitle, i + 1, state));
                caption = string.Empty;
                subKey = string.Create(CultureInfo.InvariantCulture, $"{section}{sub.Groups["letter"].Value}");
                block = state.Block(subKey, section, subTitle, i + 1);
                continue;
            }

            if (!IsWholeRow(line, i + 1, state))
            {
                continue;
            }

            if (CodeRow().Match(line) is not { Success: true } row)
            {
                if (IsCaption(line))
                {
                    caption = line.Trim();
                }

                block.Text.Add((i + 1, line.Trim()));
                continue;
            }

            var starred = row.Groups["star"].Length > 0;
            var text = row.Groups["code"].Value;
            var target = Classify(sectionTitle, subTitle, caption, starred);
            if (target is not { } list)
            {
                // A procedure list, or diagnoses that qualify one: the procedure part of the reader interprets them.
                block.Rows.Add((i + 1, text, caption));
                continue;
            }

            if (!IcdCode.TryParse(text, out var code))
            {
                state.File.Error(i + 1, $"'{text}' in the list '{MceLists.Title(list)}' is not an ICD-10-CM code; the row was skipped.");
                continue;
            }

            Add(state.Lists, list, code);
        }
    }

    private static void ReadChapter2(string[] lines, int start, int end, ParseState state)
    {
        MceList? list = null;
        List<IcdCode>? into = null;
        string? procedureKey = null;
        List<(int Line, string Code)>? procedureInto = null;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (ChangeHeading().Match(line) is { Success: true } heading)
            {
                list = Classify(heading.Groups["title"].Value, heading.Groups["letter"].Value, "changes", starred: false);
                procedureKey = list is null ? heading.Groups["n"].Value + heading.Groups["letter"].Value : null;
                into = null;
                procedureInto = null;
                continue;
            }

            if (line.Contains("were removed", StringComparison.OrdinalIgnoreCase) || line.Contains("were deleted", StringComparison.OrdinalIgnoreCase))
            {
                into = list is { } l ? Get(state.Removed, l) : null;
                procedureInto = procedureKey is { } key ? state.Changes(key).Removed : null;
                continue;
            }

            if (line.Contains("were added", StringComparison.OrdinalIgnoreCase))
            {
                into = list is { } l ? Get(state.Added, l) : null;
                procedureInto = procedureKey is { } key ? state.Changes(key).Added : null;
                continue;
            }

            if (procedureInto is not null && CodeRow().Match(line) is { Success: true } procedureRow)
            {
                procedureInto.Add((i + 1, procedureRow.Groups["code"].Value));
                continue;
            }

            if (into is null || !IsWholeRow(line, i + 1, state) || CodeRow().Match(line) is not { Success: true } row)
            {
                continue;
            }

            if (IcdCode.TryParse(row.Groups["code"].ValueSpan, out var code))
            {
                into.Add(code);
            }
            else
            {
                state.File.Error(i + 1, $"'{row.Groups["code"].Value}' in the code list changes is not an ICD-10-CM code; the row was skipped.");
            }
        }
    }

    /// <summary>
    /// Refuses a line that is a damaged list row rather than prose: two rows run together (a tab after the
    /// description began: a line break lost), or a diagnosis code not followed by its tab. Either would drop a code
    /// from its list in silence.
    /// </summary>
    private static bool IsWholeRow(string line, int number, ParseState state)
    {
        if (CodeRow().Match(line) is { Success: true } row)
        {
            var description = line.AsSpan(row.Length).TrimStart('\t');
            if (description.Contains('\t'))
            {
                state.File.Error(number, "Two list rows run together on this line (a tab inside the description): a line break is lost; the row was skipped.");
                return false;
            }

            return true;
        }

        if (DamagedRow().IsMatch(line) || (TabbedToken().Match(line) is { Success: true } token && !IsPageNumber(line.AsSpan(token.Length))))
        {
            state.File.Error(number, $"'{line.Trim()}' starts as a list row, but its code is not followed by a tab; the row was skipped.");
            return false;
        }

        return true;
    }

    /// <summary>Tells whether the text after a tab is a page number, as the table of contents has (<c>Index&lt;TAB&gt;269</c>).</summary>
    private static bool IsPageNumber(ReadOnlySpan<char> rest)
    {
        var text = rest.Trim();
        return !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Maps a list to the MCE diagnosis list it is, or <see langword="null"/> for procedure lists and lists no diagnosis edit reads.</summary>
    private static MceList? Classify(string sectionTitle, string subTitle, string caption, bool starred)
    {
        bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Has(sectionTitle, "Age conflict"))
        {
            return Has(subTitle, "Newborn") || Has(subTitle, "Perinatal") ? MceList.Newborn
                : Has(subTitle, "Pediatric") ? MceList.Pediatric
                : Has(subTitle, "Maternity") ? MceList.Maternity
                : Has(subTitle, "Adult") ? MceList.Adult
                : null;
        }

        if (Has(sectionTitle, "Sex conflict"))
        {
            return Has(subTitle, "Male") && !Has(subTitle, "Female") ? MceList.MaleOnly : Has(subTitle, "Female") ? MceList.FemaleOnly : null;
        }

        if (Has(sectionTitle, "Manifestation"))
        {
            return MceList.Manifestation;
        }

        if (Has(sectionTitle, "Questionable admission"))
        {
            // 8B's lists (delivery procedures and outcome-of-delivery diagnoses) belong to a procedure edit.
            return Has(subTitle, "procedure") || Has(subTitle, "delivery") ? null : MceList.QuestionableAdmission;
        }

        if (Has(sectionTitle, "Unacceptable principal"))
        {
            // The code acceptable with a secondary diagnosis is named before the list's caption, and asterisked inside it.
            return starred || caption.Length == 0 ? MceList.RequiresSecondary : MceList.UnacceptablePrincipal;
        }

        if (Has(sectionTitle, "Wrong procedure"))
        {
            return MceList.WrongProcedure;
        }

        if (Has(sectionTitle, "Unspecified code"))
        {
            return MceList.Unspecified;
        }

        return null;
    }

    /// <summary>Records a heading's deactivation date against the lists it heads (the sex section heads both sex lists, which v43 no longer prints).</summary>
    private static void RecordOff(ParseState state, string sectionTitle, string subTitle, DateOnly? off)
    {
        if (off is not { } date)
        {
            return;
        }

        if (subTitle.Length == 0 && sectionTitle.Contains("Sex conflict", StringComparison.OrdinalIgnoreCase))
        {
            state.InactiveFrom[MceList.FemaleOnly] = date;
            state.InactiveFrom[MceList.MaleOnly] = date;
        }
        else if (Classify(sectionTitle, subTitle, "heading", starred: false) is { } list)
        {
            state.InactiveFrom[list] = date;
        }
    }

    private static DateOnly? OffDate(string title, int line, ParseState state)
    {
        if (OffNote().Match(title) is not { Success: true } note)
        {
            return null;
        }

        if (note.Groups["date"].Value is { Length: > 0 } text)
        {
            if (DateOnly.TryParseExact(text, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            state.File.Error(line, $"The heading's date note '{note.Value}' has no MM/DD/YYYY date; the edit was kept active.");
            return null;
        }

        // "as of ICD-10 implementation": the edit never applied to ICD-10 codes.
        return new DateOnly(2015, 10, 1);
    }

    /// <summary>Tells whether the heading at <paramref name="index"/> is an item of a listing of headings (the next non-blank line is a heading too).</summary>
    private static bool IsListing(string[] lines, int index, int end)
    {
        for (var i = index + 1; i < end; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            return Heading().IsMatch(lines[i]) && !CodeRow().IsMatch(lines[i]);
        }

        return true;
    }

    private static bool IsCaption(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length is > 0 and <= 80 && !trimmed.EndsWith('.') && !trimmed.EndsWith(':') && !trimmed.StartsWith("Note", StringComparison.Ordinal);
    }

    private static int? FindBodyLine(string[] lines, string prefix, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            // Contents lines repeat the titles with a tab and a page number.
            if (lines[i].StartsWith(prefix, StringComparison.Ordinal) && !lines[i].Contains('\t', StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    private static string VersionOf(string fileName, string[] lines)
    {
        if (FileNamePattern().Match(fileName) is { Success: true } match && match.Groups["major"].Success)
        {
            return $"v{match.Groups["major"].Value}.{match.Groups["minor"].Value}";
        }

        foreach (var line in lines.Take(20))
        {
            if (VersionLine().Match(line) is { Success: true } v)
            {
                return "v" + v.Groups["version"].Value;
            }
        }

        return "(unknown version)";
    }

    /// <summary>Reads the release month from the title page (<c>v43.1 April 2026</c>): the release applies from its first day.</summary>
    private static DateOnly? ReleaseDate(string[] lines)
    {
        foreach (var line in lines.Take(20))
        {
            if (VersionLine().Match(line) is { Success: true } v
                && DateOnly.TryParseExact("1 " + v.Groups["month"].Value.Trim(), "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    private static void Add(Dictionary<MceList, List<IcdCode>> lists, MceList list, IcdCode code) => Get(lists, list).Add(code);

    private static List<IcdCode> Get(Dictionary<MceList, List<IcdCode>> lists, MceList list)
    {
        if (!lists.TryGetValue(list, out var codes))
        {
            codes = [];
            lists[list] = codes;
        }

        return codes;
    }

    [GeneratedRegex(@"^Definitions of Medicare Code Edits(_v_(?<major>\d+)_(?<minor>\d+))?.*\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^v(?<version>\d+\.\d+)\s+(?<month>[A-Za-z]+\s+\d{4})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^(?<n>\d{1,2})\.\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<n>\d{1,2})(?<letter>[A-Z]?)\.\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeHeading();

    [GeneratedRegex(@"^(?<letter>[A-Z])\.\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SubHeading();

    [GeneratedRegex(@"^(?<star>\*?)(?<code>[A-Z0-9]{3,7})[ ]*\t", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRow();

    /// <summary>A diagnosis code at the start of a line followed by neither a tab, a blank nor another code character: no line of the manual's prose starts so.</summary>
    [GeneratedRegex(@"^\*?[A-Z][0-9][0-9A-Z]{1,5}[^\t0-9A-Z ]", RegexOptions.CultureInvariant)]
    private static partial Regex DamagedRow();

    /// <summary>One token of 3 to 8 characters then a tab: the shape of a list row, whichever character of its code was damaged.</summary>
    [GeneratedRegex(@"^[^\t ]{3,8} *\t", RegexOptions.CultureInvariant)]
    private static partial Regex TabbedToken();

    [GeneratedRegex(@"\((?:deactivated|discontinued) as of (?:(?<date>\d{1,2}/\d{1,2}/\d{4})|[^)]*)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffNote();

    private sealed class ParseState(CmsFile file)
    {
        public CmsFile File { get; } = file;

        public Dictionary<MceList, List<IcdCode>> Lists { get; } = [];

        public Dictionary<MceList, List<IcdCode>> Removed { get; } = [];

        public Dictionary<MceList, List<IcdCode>> Added { get; } = [];

        public Dictionary<MceList, DateOnly> InactiveFrom { get; } = [];

        /// <summary>Gets every heading's text and unclassified rows, in manual order, keyed as <c>11D</c> or <c>8B1</c>.</summary>
        public List<SectionBlock> Blocks { get; } = [];

        /// <summary>Gets the procedure codes chapter 2 says a release removed from or added to a procedure section.</summary>
        public Dictionary<string, SectionChanges> ProcedureChanges { get; } = new(StringComparer.Ordinal);

        public SectionBlock Block(string key, int section, string title, int line)
        {
            var block = new SectionBlock(key, section, title, line);
            Blocks.Add(block);
            return block;
        }

        public SectionChanges Changes(string key)
        {
            if (!ProcedureChanges.TryGetValue(key, out var changes))
            {
                changes = new SectionChanges();
                ProcedureChanges[key] = changes;
            }

            return changes;
        }
    }
}
