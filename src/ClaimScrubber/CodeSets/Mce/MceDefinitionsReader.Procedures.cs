using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The procedure and claim sections of the definitions manual: each is read for its codes and for the condition its text
/// states, so that a later manual wording the same conditions loads the same way, and a condition the reader does not
/// understand is refused by name rather than guessed.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>8B: the cesarean (8B.1) and vaginal delivery (8B.2) procedures and the outcome-of-delivery diagnoses (8B.3).</description></item>
/// <item><description>11 (non-covered) and 17 (limited coverage), one rule per lettered section: "always", "only when" a listed
/// diagnosis (in a list or named in the text) is present, "except when combined with" a diagnosis, "alone [without
/// …(companion procedures)]… except … combined with" a listed diagnosis, or "over age N".</description></item>
/// <item><description>14: "not between N years and M years"; 15: the codes in "0 (unknown), 1 (male), or 2 (female)"; 16: the
/// status lines <c>NN = text (added MM/DD/YY)</c>, <c>(valid until …)</c>, <c>(… – … only)</c>.</description></item>
/// <item><description>19: the procedures and "greater than N consecutive days", the stay they need.</description></item>
/// </list>
/// </remarks>
internal sealed partial class MceDefinitionsReader
{
    private static readonly string[] ConditionWords = ["when", "except", "only", "unless", " age"];

    /// <summary>Interprets the procedure and claim sections, or returns <see langword="null"/> when the manual has none.</summary>
    private static MceProcedureRelease? ReadProcedureSections(ParseState state, TableRelease release)
    {
        var coverage = new List<MceCoverageRule>();
        var cesarean = new List<PcsCode>();
        var vaginal = new List<PcsCode>();
        var outcome = new List<IcdCode>();
        var lengthOfStay = new List<PcsCode>();
        DateOnly? obstetricOff = null;
        var minimumStay = 0;
        (int, int)? ages = null;
        List<int>? sexCodes = null;
        List<MceDischargeStatus>? statuses = null;
        foreach (var block in state.Blocks)
        {
            var interpreted = true;
            switch (block.Section)
            {
                case 8 when block.Key.StartsWith("8B.", StringComparison.Ordinal):
                    obstetricOff ??= state.Blocks.FirstOrDefault(b => b.Key == "8B") is { } parent ? OffDate(parent.Title, parent.Line, state) : null;
                    if (Has(block.Title, "Cesarean"))
                    {
                        cesarean.AddRange(Procedures(block, state));
                    }
                    else if (Has(block.Title, "Vaginal"))
                    {
                        vaginal.AddRange(Procedures(block, state));
                    }
                    else if (Has(block.Title, "Outcome of delivery"))
                    {
                        outcome.AddRange(Diagnoses(block, state));
                    }
                    else
                    {
                        interpreted = false;
                    }

                    break;
                case 11 or 17 when block.Key.Length > 2 && char.IsAsciiLetter(block.Key[^1]):
                    if (CoverageRule(block, state, release) is { } rule)
                    {
                        coverage.Add(rule);
                    }

                    break;
                case 14:
                    ages = block.Text.Select(t => AgeRange().Match(t.Text)).FirstOrDefault(m => m.Success) is { } age
                        ? (int.Parse(age.Groups["min"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(age.Groups["max"].ValueSpan, CultureInfo.InvariantCulture))
                        : Refuse(state, block, "does not say the ages it accepts ('not between N years and M years')");
                    break;
                case 15:
                    sexCodes = [.. block.Text.SelectMany(t => SexCode().Matches(t.Text)).Select(m => m.Groups["code"].Value[0] - '0')];
                    if (sexCodes.Count == 0)
                    {
                        sexCodes = null;
                        Refuse(state, block, "does not list the sex codes it accepts ('0 (unknown), 1 (male), or 2 (female)')");
                    }

                    break;
                case 16:
                    statuses = DischargeStatuses(block, state);
                    break;
                case 19:
                    (lengthOfStay, minimumStay) = StayProcedures(block, state);
                    break;
                default:
                    interpreted = block.Rows.Count == 0;
                    break;
            }

            if (!interpreted && block.Rows.Count > 0)
            {
                state.File.Warning(block.Line, $"The list '{block.Title}' ({block.Rows.Count} codes) belongs to no MCE edit this library knows; it was not loaded.");
            }
        }

        foreach (var key in state.ProcedureChanges.Keys.Where(k => !coverage.Any(c => c.Section == k)))
        {
            state.File.Warning(null, $"Chapter 2 changes the list '{key}', which is not a non-covered or limited-coverage section of chapter 1; the changes were not applied.");
        }

        var found = coverage.Count > 0 || cesarean.Count > 0 || vaginal.Count > 0 || outcome.Count > 0 || lengthOfStay.Count > 0 || ages is not null || sexCodes is not null || statuses is not null;
        return found
            ? new MceProcedureRelease(release, coverage, cesarean, vaginal, outcome, obstetricOff, lengthOfStay, minimumStay, ages, sexCodes, statuses)
            : null;
    }

    /// <summary>Reads one lettered section of edit 11 or 17 as a rule, or reports why it cannot be read.</summary>
    private static MceCoverageRule? CoverageRule(SectionBlock block, ParseState state, TableRelease release)
    {
        var edit = block.Section == 11 ? MceProcedureEdits.NonCovered : MceProcedureEdits.LimitedCoverage;
        var off = OffDate(block.Title, block.Line, state);
        var prose = string.Join(' ', block.Text.Select(t => t.Text));
        var procedures = Procedures(block, state).ToList();
        var diagnoses = Diagnoses(block, state).ToList();
        List<PcsCode> companions = [];
        MceCoverageCondition? condition;
        var age = 0;
        if (OverAge().Match(prose) is { Success: true } over)
        {
            condition = MceCoverageCondition.OverAge;
            age = int.Parse(over.Groups["age"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else if (Alone().Match(prose) is { Success: true } alone)
        {
            // "procedure codes for pancreas transplants (0FYG0Z0, 0FYG0Z1) alone [without kidney transplant codes (…)]".
            condition = MceCoverageCondition.UnlessDiagnosisOrProcedure;
            procedures.AddRange(PcsCodes(alone.Groups["codes"].Value));
            companions = PcsCodes(alone.Groups["without"].Value);
        }
        else if (prose.Contains("except when", StringComparison.OrdinalIgnoreCase))
        {
            // "non-covered procedures except when combined with diagnosis code Z006" (11C).
            condition = MceCoverageCondition.UnlessDiagnosis;
            diagnoses.AddRange(NamedDiagnoses(prose));
        }
        else if (prose.Contains("only when", StringComparison.OrdinalIgnoreCase) || prose.Contains("when combined with", StringComparison.OrdinalIgnoreCase))
        {
            // "only when any code from the diagnoses list … is present" (11D), "only when … diagnosis code Z302 … is listed" (11G),
            // "limited coverage procedures when combined with diagnosis code Z006" (17B).
            condition = MceCoverageCondition.WithDiagnosis;
            diagnoses.AddRange(NamedDiagnoses(prose));
        }
        else if (prose.Contains("always", StringComparison.OrdinalIgnoreCase) || !ConditionWords.Any(w => prose.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            condition = MceCoverageCondition.Always;
        }
        else
        {
            condition = null;
        }

        if (procedures.Count == 0)
        {
            // Discontinued sections (11C, 11E, 17B) keep their heading and text but no list.
            if (off is null)
            {
                state.File.Warning(block.Line, $"Section {block.Key} ('{Shorten(block.Title)}') lists no procedure; it was not loaded.");
            }

            return null;
        }

        if (condition is not { } understood)
        {
            Refuse(state, block, $"states a condition the reader does not understand ('{Shorten(prose)}'); its {procedures.Count} procedures were not loaded");
            return null;
        }

        if (understood is MceCoverageCondition.WithDiagnosis or MceCoverageCondition.UnlessDiagnosis or MceCoverageCondition.UnlessDiagnosisOrProcedure && diagnoses.Count == 0)
        {
            Refuse(state, block, "names no diagnosis for its condition");
            return null;
        }

        var changes = state.ProcedureChanges.GetValueOrDefault(block.Key);
        return new MceCoverageRule(block.Key, edit, understood, procedures, diagnoses, companions, age, release.EffectiveFrom, off,
            changes is null ? null : ChangedCodes(changes.Removed, state), changes is null ? null : ChangedCodes(changes.Added, state));
    }

    private static List<MceDischargeStatus> DischargeStatuses(SectionBlock block, ParseState state)
    {
        var statuses = new List<MceDischargeStatus>();
        foreach (var (line, text) in block.Text)
        {
            if (StatusLine().Match(text) is not { Success: true } status)
            {
                continue;
            }

            var code = status.Groups["code"].Value;
            var note = status.Groups["text"].Value;
            DateOnly? from = null;
            DateOnly? to = null;
            if (StatusAdded().Match(note) is { Success: true } added)
            {
                from = StatusDate(added.Groups["date"].Value, line, state);
            }

            if (StatusUntil().Match(note) is { Success: true } until)
            {
                to = StatusDate(until.Groups["date"].Value, line, state);
            }

            if (StatusOnly().Match(note) is { Success: true } only)
            {
                from = StatusDate(only.Groups["from"].Value, line, state);
                to = StatusDate(only.Groups["to"].Value, line, state);
            }

            statuses.Add(new MceDischargeStatus(code, from, to));
        }

        if (statuses.Count == 0)
        {
            Refuse(state, block, "lists no discharge status ('NN = description')");
            return [];
        }

        return statuses;
    }

    private static (List<PcsCode> Procedures, int Days) StayProcedures(SectionBlock block, ParseState state)
    {
        var procedures = Procedures(block, state).ToList();
        var prose = string.Join(' ', block.Text.Select(t => t.Text));
        if (StayDays().Match(prose) is not { Success: true } stay || NumberOf(stay.Groups["days"].Value) is not { } days)
        {
            Refuse(state, block, "does not say how long a stay its procedures need ('greater than N consecutive days'); edit 19 was not loaded");
            return ([], 0);
        }

        return (procedures, days);
    }

    private static IEnumerable<PcsCode> Procedures(SectionBlock block, ParseState state)
    {
        foreach (var (line, code, caption) in block.Rows)
        {
            if (IsDiagnosisRow(block, caption))
            {
                continue;
            }

            if (PcsCode.TryParse(code, out var procedure))
            {
                yield return procedure;
            }
            else
            {
                state.File.Error(line, $"'{code}' in section {block.Key} ('{block.Title}') is not an ICD-10-PCS code; the row was skipped.");
            }
        }
    }

    private static IEnumerable<IcdCode> Diagnoses(SectionBlock block, ParseState state)
    {
        foreach (var (line, code, caption) in block.Rows)
        {
            if (!IsDiagnosisRow(block, caption))
            {
                continue;
            }

            if (IcdCode.TryParse(code, out var diagnosis))
            {
                yield return diagnosis;
            }
            else
            {
                state.File.Error(line, $"'{code}' in section {block.Key} ('{block.Title}') is not an ICD-10-CM code; the row was skipped.");
            }
        }
    }

    /// <summary>Rows under a "Diagnoses" caption, or in a list whose title says it holds diagnoses, are diagnoses.</summary>
    private static bool IsDiagnosisRow(SectionBlock block, string caption) =>
        Has(caption, "Diagnos") || (caption.Length == 0 && block.Key.Contains('.', StringComparison.Ordinal) && Has(block.Title, "diagnos"));

    private static List<PcsCode> ChangedCodes(List<(int Line, string Code)> rows, ParseState state)
    {
        var codes = new List<PcsCode>();
        foreach (var (line, text) in rows)
        {
            if (PcsCode.TryParse(text, out var code))
            {
                codes.Add(code);
            }
            else
            {
                state.File.Error(line, $"'{text}' in the code list changes is not an ICD-10-PCS code; the row was skipped.");
            }
        }

        return codes;
    }

    private static List<PcsCode> PcsCodes(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => PcsCode.TryParse(c, out var code) ? code : default).Where(c => !c.IsDefault)];

    private static IEnumerable<IcdCode> NamedDiagnoses(string prose)
    {
        foreach (Match match in NamedDiagnosis().Matches(prose))
        {
            if (IcdCode.TryParse(match.Groups["code"].ValueSpan, out var code))
            {
                yield return code;
            }
        }
    }

    private static DateOnly? StatusDate(string text, int line, ParseState state)
    {
        if (DateOnly.TryParseExact(text, ["M/d/yy", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        state.File.Error(line, $"The discharge status note's date '{text}' is not M/D/YY or M/D/YYYY.");
        return null;
    }

    private static int? NumberOf(string word) => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        ? number
        : Array.IndexOf(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], word.ToLowerInvariant()) is var index and >= 0 ? index : null;

    private static (int, int)? Refuse(ParseState state, SectionBlock block, string what)
    {
        state.File.Error(block.Line, $"Section {block.Key} ('{Shorten(block.Title)}') {what}.");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"over (?:the )?age (?:of )?(?<age>\d{1,3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OverAge();

    [GeneratedRegex(@"\((?<codes>[A-Z0-9]{7}(?:\s*,\s*[A-Z0-9]{7})*)\)\s*alone\s*\[without[^(\]]*\((?<without>[A-Z0-9]{7}(?:\s*,\s*[A-Z0-9]{7})*)\)\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alone();

    [GeneratedRegex(@"diagnosis code (?<code>[A-Z][0-9][0-9A-Z]{1,5})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedDiagnosis();

    [GeneratedRegex(@"not between (?<min>\d{1,3}) years and (?<max>\d{1,3}) years", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeRange();

    [GeneratedRegex(@"(?<code>\d) \((?:unknown|male|female)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SexCode();

    [GeneratedRegex(@"^(?<code>\d{2}) = (?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\(added (?<date>\d{1,2}/\d{1,2}/\d{2,4})\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusAdded();

    [GeneratedRegex(@"\(valid until (?<date>\d{1,2}/\d{1,2}/\d{2,4})\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusUntil();

    [GeneratedRegex(@"\((?<from>\d{1,2}/\d{1,2}/\d{2,4})\s*[\u2013\u2014-]\s*(?<to>\d{1,2}/\d{1,2}/\d{2,4}) only\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusOnly();

    [GeneratedRegex(@"greater than (?<days>\w+) consecutive days", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StayDays();

    /// <summary>One heading of chapter 1 with the text lines and unclassified code rows under it.</summary>
    private sealed class SectionBlock(string key, int section, string title, int line)
    {
        /// <summary>Gets the key: the section number, then its letter (<c>11D</c>), then <c>.N</c> for a numbered list inside it (<c>8B.1</c>).</summary>
        public string Key { get; } = key;

        public int Section { get; } = section;

        public string Title { get; } = title;

        /// <summary>Gets the heading's 1-based line.</summary>
        public int Line { get; } = line;

        public List<(int Line, string Text)> Text { get; } = [];

        public List<(int Line, string Code, string Caption)> Rows { get; } = [];
    }

    /// <summary>The procedure codes chapter 2 says the release removed from or added to one section.</summary>
    private sealed class SectionChanges
    {
        public List<(int Line, string Code)> Removed { get; } = [];

        public List<(int Line, string Code)> Added { get; } = [];
    }
}
