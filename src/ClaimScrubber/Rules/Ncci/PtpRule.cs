using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Ncci;

namespace ClaimScrubber.Rules.Ncci;

/// <summary>
/// NCCI procedure-to-procedure edits: each line is looked up as column 2 against every other line with the same date of
/// service (and, on a professional claim, the same rendering provider) in the setting's PTP table. A line gets at most one
/// finding, for the most serious of its pairs, naming every column-one line of that kind: a claim repeating a pair a
/// thousand times gets a finding per denied line, not one per pair.
/// </summary>
internal sealed class PtpRule : IClaimRule
{
    /// <summary>
    /// The NCCI PTP-associated modifiers (NCCI Policy Manual, chapter I): anatomic, global surgery, and 27, 59, 91, X{EPSU}.
    /// Sorted, searched as packed values.
    /// </summary>
    private static readonly ushort[] BypassModifiers = [.. new[]
    {
        "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
        "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
        "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU",
    }.Select(m => ModifierCode.Parse(m).Value).Order()];

    private readonly PtpTables tables;

    public PtpRule(PtpTables tables) => this.tables = tables;

    /// <summary>How a pair of lines fares, in rising order of seriousness: a line's finding reports its most serious pair.</summary>
    private enum Verdict : byte
    {
        None = 0,
        Bypassed = 1,
        ModifierMissing = 2,
        NoModifierAllowed = 3,
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.PtpNoModifierAllowed, R.PtpModifierMissing, R.PtpBypassedByModifier];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var table = claim.Setting switch
        {
            ClaimSetting.Professional => tables.Practitioner,
            ClaimSetting.OutpatientHospital => tables.OutpatientHospital,
            _ => null,
        };
        var lines = claim.Lines;
        if (table is null || lines.Length < 2)
        {
            return;
        }

        // Each line's run of pairs as column 1, found once for all the lines it is paired with.
        var n = lines.Length;
        Span<PtpRun> runs = n <= 64 ? stackalloc PtpRun[n] : new PtpRun[n];
        var anyRun = false;
        for (var i = 0; i < n; i++)
        {
            runs[i] = lines[i].ProcedureCode is { } code ? table.RunOf(code) : default;
            anyRun |= runs[i].Length > 0;
        }

        if (!anyRun)
        {
            return;
        }

        // Lines of one code, modifiers, date and provider fare alike in every pair: the table is asked once per pair of such
        // groups and each pair judged once, so a claim repeating its lines costs their distinct kinds, not their pairs.
        var small = n <= 64;
        var groups = context.LineGroups(claim.Setting == ClaimSetting.Professional, byModifiers: true);
        Span<int> edgeStart = small ? stackalloc int[n] : new int[n];
        Span<int> edgeCount = small ? stackalloc int[n] : new int[n];
        Span<Pair> worstOf = small ? stackalloc Pair[n] : new Pair[n];
        edgeCount.Clear();
        var keys = groups.Sorted;
        List<(int Column1, int Row)>? edges = null;
        for (var bucket = 0; bucket < keys.Length;)
        {
            var end = bucket + 1;
            while (end < keys.Length && keys[end].SameBucket(keys[bucket]))
            {
                end++;
            }

            FindEdges(table, lines, runs, keys[bucket..end], edgeStart, edgeCount, worstOf, ref edges);
            bucket = end;
        }

        if (edges is null)
        {
            return;
        }

        // One finding per line, in claim order, for the most serious of its pairs.
        for (var j = 0; j < n; j++)
        {
            var column2 = groups.GroupOf(j);
            if (column2 < 0 || edgeCount[column2] == 0 || worstOf[column2].Verdict == Verdict.None || !context.IsEnabled(RuleOf(worstOf[column2].Verdict)))
            {
                continue;
            }

            var worst = worstOf[column2];
            if (worst.ModifierLine == column2)
            {
                // The group's lines carry the same modifiers: the one on this line is the one to name.
                worst = worst with { ModifierLine = j };
            }

            Report(context, table, edges.GetRange(edgeStart[column2], edgeCount[column2]), groups, j, column2, worst);
        }
    }

    /// <summary>
    /// Within one date and provider (a bucket of the sorted keys), finds each group's edges as column 2 — the groups whose
    /// code is column 1 to its code in an edit in force — stored together, and judges the most serious of them.
    /// </summary>
    private static void FindEdges(PtpTable table, ImmutableArray<ServiceLine> lines, ReadOnlySpan<PtpRun> runs, ReadOnlySpan<LineKey> bucket,
        Span<int> edgeStart, Span<int> edgeCount, Span<Pair> worstOf, ref List<(int Column1, int Row)>? edges)
    {
        var day = NcciDay.Of(DateOnly.FromDayNumber(bucket[0].Day));
        for (var second = 0; second < bucket.Length; second++)
        {
            if (second > 0 && bucket[second - 1].SameGroup(bucket[second]))
            {
                continue;
            }

            var column2 = bucket[second].Index;
            var column2Code = ProcedureCode.FromValue(bucket[second].Code);
            var worst = Pair.None;
            var row = -1;
            for (var first = 0; first < bucket.Length; first++)
            {
                var column1 = bucket[first].Index;
                if ((first > 0 && bucket[first - 1].SameGroup(bucket[first])) || bucket[first].Code == bucket[second].Code || runs[column1].Length == 0)
                {
                    continue;
                }

                // Groups of one code with other modifiers follow each other: the row found for the first serves the rest.
                if (first == 0 || bucket[first - 1].Code != bucket[first].Code || !bucket[first - 1].SameBucket(bucket[first]))
                {
                    row = table.Find(runs[column1], ProcedureCode.FromValue(bucket[first].Code), column2Code, day);
                    row = row >= 0 && table.Indicator(row) != PtpModifierIndicator.NotApplicable ? row : -1;
                }

                if (row >= 0)
                {
                    edges ??= [];
                    if (edgeCount[column2] == 0)
                    {
                        edgeStart[column2] = edges.Count;
                    }

                    edges.Add((column1, row));
                    edgeCount[column2]++;
                    var pair = Judge(table, row, lines, column1, column2);
                    if (pair.Verdict > worst.Verdict)
                    {
                        worst = pair;
                    }
                }
            }

            worstOf[column2] = worst;
        }
    }

    /// <summary>Finds the index of the first NCCI-associated modifier on <paramref name="line"/>, or -1.</summary>
    internal static int BypassModifierAt(ServiceLine line)
    {
        var modifiers = line.Modifiers;
        for (var m = 0; m < modifiers.Length; m++)
        {
            if (Array.BinarySearch(BypassModifiers, modifiers[m].Value) >= 0)
            {
                return m;
            }
        }

        return -1;
    }

    private static RuleDescriptor RuleOf(Verdict verdict) => verdict switch
    {
        Verdict.NoModifierAllowed => R.PtpNoModifierAllowed,
        Verdict.ModifierMissing => R.PtpModifierMissing,
        _ => R.PtpBypassedByModifier,
    };

    private static Pair Judge(PtpTable table, int row, ImmutableArray<ServiceLine> lines, int column1Line, int column2Line)
    {
        if (table.Indicator(row) == PtpModifierIndicator.NotAllowed)
        {
            return new Pair(Verdict.NoModifierAllowed, row, column1Line, -1, -1);
        }

        // The modifier may sit on either line; the column 2 line is where payers expect it, so it is looked at first.
        var onLine = column2Line;
        var at = BypassModifierAt(lines[column2Line]);
        if (at < 0)
        {
            onLine = column1Line;
            at = BypassModifierAt(lines[column1Line]);
        }

        return at < 0 ? new Pair(Verdict.ModifierMissing, row, column1Line, -1, -1) : new Pair(Verdict.Bypassed, row, column1Line, onLine, at);
    }

    private static void Report(ScrubContext context, PtpTable table, List<(int Column1, int Row)> edges, in LineGroups groups, int column2Line, int column2Group, Pair worst)
    {
        var lines = context.Claim.Lines;

        // The column-one lines of the same verdict, grouped by code (groups of one code with other modifiers merged): the
        // first few line numbers and how many in all.
        var byCode = new List<(ProcedureCode Code, int Row, List<int> Shown, int Total)>();
        foreach (var (column1, row) in edges)
        {
            if (Judge(table, row, lines, column1, column2Group).Verdict != worst.Verdict)
            {
                continue;
            }

            // Edges come in code order (the bucket's sort), so groups of one code with other modifiers follow each other.
            var code = lines[column1].ProcedureCode!.Value;
            var at = byCode.Count > 0 && byCode[^1].Code == code ? byCode.Count - 1 : -1;
            if (at < 0)
            {
                byCode.Add((code, row, [], 0));
                at = byCode.Count - 1;
            }

            // Each group's lines are in claim order: its first few are all the merged list can need from it.
            var shown = byCode[at].Shown;
            var taken = 0;
            for (var i = column1; i >= 0 && taken < LineList.MaxShown; i = groups.Next(i), taken++)
            {
                shown.Add(i + 1);
            }

            byCode[at] = byCode[at] with { Total = byCode[at].Total + groups.SizeOf(column1) };
        }

        foreach (var (_, _, shown, _) in byCode)
        {
            shown.Sort();
        }

        byCode.Sort((a, b) => a.Shown[0].CompareTo(b.Shown[0]));
        var rule = RuleOf(worst.Verdict);
        var c2 = lines[column2Line].ProcedureCode!.Value.ToString();
        var c1 = byCode[0].Code.ToString();
        var culture = CultureInfo.InvariantCulture;
        var head = new StringBuilder().Append(culture, $"NCCI {NcciSettingNames.Of(table.Setting)} PTP edit");
        if (byCode.Count == 1)
        {
            head.Append(culture, $" ({Kind(table, byCode[0].Row)}, rationale \"{table.Rationale(byCode[0].Row)}\"): {c2} (line {column2Line + 1}) is column 2 to {c1} (");
            AppendLines(head, byCode[0].Shown, byCode[0].Total);
            head.Append(')');
        }
        else
        {
            head.Append(culture, $"s: {c2} (line {column2Line + 1}) is column 2 to ");
            const int MaxCodesShown = 5;
            for (var g = 0; g < byCode.Count && g < MaxCodesShown; g++)
            {
                head.Append(g == 0 ? string.Empty : g == byCode.Count - 1 ? " and to " : ", to ").Append(byCode[g].Code.ToString()).Append(" (");
                AppendLines(head, byCode[g].Shown, byCode[g].Total);
                head.Append(culture, $"; {Kind(table, byCode[g].Row)}, rationale \"{table.Rationale(byCode[g].Row)}\")");
            }

            if (byCode.Count > MaxCodesShown)
            {
                head.Append(culture, $" and to {byCode.Count - MaxCodesShown} other codes");
            }
        }

        head.Append(" on the same date of service; ");
        var others = byCode.Count == 1 ? c1 : string.Join(", ", byCode.Take(5).Select(g => g.Code.ToString()));
        string hint;
        string? modifier = null;
        if (rule == R.PtpNoModifierAllowed)
        {
            head.Append(culture, $"modifier indicator 0: no modifier allows both codes to be paid, so {c2} is denied.");
            hint = string.Create(culture, $"Remove {c2} from line {column2Line + 1}: it is not separately payable with {others} on the same day; if {others} was billed in error, correct that line instead.");
        }
        else if (rule == R.PtpModifierMissing)
        {
            head.Append(culture, $"modifier indicator 1: {c2} is denied unless an NCCI-associated modifier shows a separate and distinct service.");
            hint = string.Create(culture, $"If {c2} was a separate and distinct service (other session, site, organ, incision or lesion; other side), append the modifier that documents it (XE, XS, XP, XU or 59; LT/RT or another anatomic modifier); otherwise remove {c2}.");
        }
        else
        {
            modifier = lines[worst.ModifierLine].Modifiers[worst.ModifierIndex].ToString();
            head.Append(culture, $"modifier indicator 1, bypassed by modifier {modifier} on line {worst.ModifierLine + 1}.");
            hint = string.Create(culture, $"Make sure the record documents the separate and distinct service that modifier {modifier} asserts; auditors review 59 and X{{EPSU}} use.");
        }

        var element = modifier is null
            ? ElementPath.LineMember(column2Line + 1, "procedureCode")
            : ElementPath.LineModifier(worst.ModifierLine + 1, worst.ModifierIndex + 1);
        ImmutableArray<string> codes = [.. byCode.Take(10).Select(g => g.Code.ToString()), c2, .. modifier is null ? [] : new[] { modifier }];
        context.Report(rule, column2Line + 1, element, head.ToString(), hint, codes, table.Source(byCode[0].Row));
    }

    private static void AppendLines(StringBuilder text, List<int> shown, int total) =>
        LineList.Append(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shown)[..Math.Min(shown.Count, LineList.MaxShown)], total);

    private static string Kind(PtpTable table, int row) => table.IsMutuallyExclusive(row) ? "mutually exclusive" : "comprehensive/component";

    /// <summary>One pair's verdict: the row, the column-one line and, when a modifier bypassed the edit, where it sits.</summary>
    private readonly record struct Pair(Verdict Verdict, int Row, int Column1Line, int ModifierLine, int ModifierIndex)
    {
        public static Pair None => default;
    }
}
