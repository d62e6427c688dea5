using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Rules.Facts;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.Ncci;

namespace ClaimScrubber.Rules.Ncci;

/// <summary>
/// NCCI procedure-to-procedure edits: each line is looked up as column 2 against every other line with the same date of
/// service (and, on a professional claim, the same rendering provider) in the setting's PTP table, and the modifiers of
/// each pair judged as <see cref="PtpModifierPolicy"/> states. A line gets at most one finding, for the most serious of its
/// pairs, naming every column-one line of that kind: a claim repeating a pair a thousand times gets a finding per denied
/// line, not one per pair.
/// </summary>
/// <remarks>
/// Sources: NCCI PTP edits (column 1, column 2, modifier indicator, effective and deletion dates); NCCI Policy Manual for
/// Medicare Services, chapter I, §E; CMS MLN1783722 (59 and X{EPSU}); global days from the PFS RVU file when loaded.
/// </remarks>
internal sealed class PtpRule : IClaimRule
{
    private readonly PtpTables tables;
    private readonly FeeScheduleTable? fees;

    public PtpRule(PtpTables tables, FeeScheduleTable? fees)
    {
        this.tables = tables;
        this.fees = fees;
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        [R.PtpNoModifierAllowed, R.PtpModifierMissing, R.PtpBypassedByModifier, R.PtpModifierCannotBypass, R.PtpOneSidedAnatomicModifier];

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

        // Each line's run of pairs as column 1 (the claim's facts), found once for all the lines it is paired with.
        var n = lines.Length;
        var facts = context.Facts.Ncci;
        var anyRun = false;
        foreach (var line in facts)
        {
            anyRun |= line.PtpRun.Length > 0;
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
        Span<Judged> worstOf = small ? stackalloc Judged[n] : new Judged[n];
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

            FindEdges(table, claim, facts, keys[bucket..end], edgeStart, edgeCount, worstOf, ref edges);
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
            if (column2 < 0 || edgeCount[column2] == 0 || worstOf[column2].Judgement.Verdict == PtpVerdict.None)
            {
                continue;
            }

            var worst = worstOf[column2];
            if (!context.IsEnabled(RuleOf(worst.Judgement.Verdict)) || IsToldElsewhere(lines, worst.Judgement))
            {
                continue;
            }

            if (worst.Judgement.ModifierLine == column2)
            {
                // The group's lines carry the same modifiers: the one on this line is the one to name.
                worst = worst with { Judgement = worst.Judgement with { ModifierLine = j } };
            }

            Report(context, table, edges.GetRange(edgeStart[column2], edgeCount[column2]), groups, j, column2, worst);
        }
    }

    private static RuleDescriptor RuleOf(PtpVerdict verdict) => verdict switch
    {
        PtpVerdict.NoModifierAllowed => R.PtpNoModifierAllowed,
        PtpVerdict.ModifierMisused => R.PtpModifierCannotBypass,
        PtpVerdict.ModifierMissing => R.PtpModifierMissing,
        PtpVerdict.OneSidedAnatomic => R.PtpOneSidedAnatomicModifier,
        _ => R.PtpBypassedByModifier,
    };

    /// <summary>
    /// A bypass by 59 or an X modifier on a line that carries both is left to MOD030, which says the line misuses them:
    /// a line another finding says misuses its modifier gets no bypass note.
    /// </summary>
    private static bool IsToldElsewhere(ImmutableArray<ServiceLine> lines, in PtpJudgement judgement)
    {
        if (judgement.Verdict != PtpVerdict.Bypassed || judgement.Reason != PtpReason.DistinctService)
        {
            return false;
        }

        var line = lines[judgement.ModifierLine];
        return line.HasModifier(M.Distinct) && (line.HasModifier(M.SeparateEncounter) || line.HasModifier(M.SeparateStructure)
            || line.HasModifier(M.SeparatePractitioner) || line.HasModifier(M.UnusualNonOverlapping));
    }

    /// <summary>
    /// Within one date and provider (a bucket of the sorted keys), finds each group's edges as column 2 — the groups whose
    /// code is column 1 to its code in an edit in force — stored together, and judges the most serious of them.
    /// </summary>
    private void FindEdges(PtpTable table, Claim claim, ReadOnlySpan<NcciFacts> facts, ReadOnlySpan<LineKey> bucket,
        Span<int> edgeStart, Span<int> edgeCount, Span<Judged> worstOf, ref List<(int Column1, int Row)>? edges)
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
            var worst = default(Judged);
            var row = -1;
            for (var first = 0; first < bucket.Length; first++)
            {
                var column1 = bucket[first].Index;
                if ((first > 0 && bucket[first - 1].SameGroup(bucket[first])) || bucket[first].Code == bucket[second].Code || facts[column1].PtpRun.Length == 0)
                {
                    continue;
                }

                // Groups of one code with other modifiers follow each other: the row found for the first serves the rest.
                if (first == 0 || bucket[first - 1].Code != bucket[first].Code || !bucket[first - 1].SameBucket(bucket[first]))
                {
                    row = table.Find(facts[column1].PtpRun, ProcedureCode.FromValue(bucket[first].Code), column2Code, day);
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
                    var judgement = Judge(table, row, claim, column1, column2);
                    if (judgement.Verdict > worst.Judgement.Verdict)
                    {
                        worst = new Judged(judgement, row, column1);
                    }
                }
            }

            worstOf[column2] = worst;
        }
    }

    private PtpJudgement Judge(PtpTable table, int row, Claim claim, int column1Line, int column2Line) =>
        table.Indicator(row) == PtpModifierIndicator.NotAllowed
            ? PtpJudgement.Of(PtpVerdict.NoModifierAllowed)
            : PtpModifierPolicy.Judge(Facts(claim.Lines, column1Line), Facts(claim.Lines, column2Line), claim.Setting == ClaimSetting.OutpatientHospital);

    private PtpLine Facts(ImmutableArray<ServiceLine> lines, int index)
    {
        var code = lines[index].ProcedureCode!.Value;
        var global = fees is not null && fees.TryGet(code, out var entry) ? entry.Global : GlobalPeriod.None;
        return new PtpLine(index, lines[index], ProcedureClasses.Of(code), global);
    }

    private void Report(ScrubContext context, PtpTable table, List<(int Column1, int Row)> edges, in LineGroups groups, int column2Line, int column2Group, Judged worst)
    {
        var claim = context.Claim;
        var lines = claim.Lines;

        // The column-one lines of the same verdict, grouped by code (groups of one code with other modifiers merged): the
        // first few line numbers and how many in all.
        var byCode = new List<(ProcedureCode Code, int Row, List<int> Shown, int Total)>();
        foreach (var (column1, row) in edges)
        {
            if (Judge(table, row, claim, column1, column2Group).Verdict != worst.Judgement.Verdict)
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
        var culture = CultureInfo.InvariantCulture;
        var judgement = worst.Judgement;
        var rule = RuleOf(judgement.Verdict);
        var c2 = lines[column2Line].ProcedureCode!.Value.ToString();
        var c1 = byCode[0].Code.ToString();
        var text = context.TextBuilder().Append(culture, $"NCCI {NcciSettingNames.Of(table.Setting)} PTP edit");
        if (byCode.Count == 1)
        {
            text.Append(culture, $" ({Kind(table, byCode[0].Row)}, rationale \"{table.Rationale(byCode[0].Row)}\"): {c2} (line {column2Line + 1}) is column 2 to {c1} (");
            AppendLines(text, byCode[0].Shown, byCode[0].Total);
            text.Append(')');
        }
        else
        {
            text.Append(culture, $"s: {c2} (line {column2Line + 1}) is column 2 to ");
            const int MaxCodesShown = 5;
            for (var g = 0; g < byCode.Count && g < MaxCodesShown; g++)
            {
                text.Append(g == 0 ? string.Empty : g == byCode.Count - 1 ? " and to " : ", to ").Append(byCode[g].Code.ToString()).Append(" (");
                AppendLines(text, byCode[g].Shown, byCode[g].Total);
                text.Append(culture, $"; {Kind(table, byCode[g].Row)}, rationale \"{table.Rationale(byCode[g].Row)}\")");
            }

            if (byCode.Count > MaxCodesShown)
            {
                text.Append(culture, $" and to {byCode.Count - MaxCodesShown} other codes");
            }
        }

        text.Append(" on the same date of service; ");
        var others = byCode.Count == 1 ? c1 : string.Join(", ", byCode.Take(5).Select(g => g.Code.ToString()));
        var first = Facts(lines, worst.Column1Line);
        var second = Facts(lines, column2Line);
        var modifier = judgement.ModifierLine >= 0 ? lines[judgement.ModifierLine].Modifiers[judgement.ModifierIndex].ToString() : null;
        var fitting = FittingHint(first, second, c1, c2, column2Line, claim.Setting == ClaimSetting.OutpatientHospital);
        string hint;
        switch (judgement.Verdict)
        {
            case PtpVerdict.NoModifierAllowed:
                text.Append(culture, $"modifier indicator 0: no modifier allows both codes to be paid, so {c2} is denied.");
                hint = string.Create(culture, $"Remove {c2} from line {column2Line + 1}: it is not separately payable with {others} on the same day; if {others} was billed in error, correct that line instead.");
                break;
            case PtpVerdict.ModifierMissing when judgement.Reason == PtpReason.EmNeedsItsModifier:
                text.Append(culture, $"modifier indicator 1: {c2} is an E/M service, denied unless its line carries {PtpModifierPolicy.FittingEmModifier(first)} ({(first.Global == GlobalPeriod.Days90 ? "the decision for this major surgery" : "a significant, separately identifiable visit")}); a modifier on the other line does not bypass an edit whose column 2 is an E/M service.");
                hint = fitting;
                break;
            case PtpVerdict.ModifierMissing:
                text.Append(culture, $"modifier indicator 1: {c2} is denied unless an NCCI-associated modifier shows a separate and distinct service.");
                hint = fitting;
                break;
            case PtpVerdict.ModifierMisused:
                text.Append(culture, $"modifier indicator 1: {c2} is denied: modifier {modifier} on line {judgement.ModifierLine + 1} cannot bypass this edit, since {Why(judgement.Reason, modifier!, lines[judgement.ModifierLine].ProcedureCode!.Value.ToString(), c1)}.");
                hint = string.Create(culture, $"Remove {modifier} from line {judgement.ModifierLine + 1}. ") + fitting;
                break;
            case PtpVerdict.OneSidedAnatomic:
                var other = judgement.ModifierLine == column2Line ? worst.Column1Line : column2Line;
                text.Append(culture, $"modifier indicator 1, bypassed by modifier {modifier} on line {judgement.ModifierLine + 1} only: an anatomic modifier bypasses the edit when the two codes were done on different sites, and line {other + 1} names no site.");
                hint = string.Create(culture, $"Check the record: if {lines[other].ProcedureCode} (line {other + 1}) was done on another site, report that site on line {other + 1} ({OtherSite(modifier!)}); if both were on the same site, remove {c2}.");
                break;
            default:
                text.Append(culture, $"modifier indicator 1, bypassed by modifier {modifier} on line {judgement.ModifierLine + 1} ({Meaning(judgement.Reason, modifier!)}).");
                hint = string.Create(culture, $"Make sure the record documents {Meaning(judgement.Reason, modifier!)}, which modifier {modifier} asserts; auditors review 59 and X{{EPSU}} use.");
                break;
        }

        var element = modifier is null
            ? ElementPath.LineMember(column2Line + 1, "procedureCode")
            : ElementPath.LineModifier(judgement.ModifierLine + 1, judgement.ModifierIndex + 1);

        // The column-one codes (the first ten), the column-two code and the modifier the finding names, if any.
        var codesShown = Math.Min(byCode.Count, 10);
        var codes = new string[codesShown + (modifier is null ? 1 : 2)];
        for (var g = 0; g < codesShown; g++)
        {
            codes[g] = g == 0 ? c1 : byCode[g].Code.ToString();
        }

        codes[codesShown] = c2;
        if (modifier is not null)
        {
            codes[codesShown + 1] = modifier;
        }

        context.Report(rule, column2Line + 1, element, text.ToString(), hint, ImmutableCollectionsMarshal.AsImmutableArray(codes), table.Source(byCode[0].Row));
    }

    /// <summary>The fix hint of a denied column-2 line, naming the modifier that fits the pair.</summary>
    private static string FittingHint(in PtpLine column1, in PtpLine column2, string c1, string c2, int column2Line, bool outpatientHospital)
    {
        var culture = CultureInfo.InvariantCulture;
        var line = column2Line + 1;
        if (column2.IsEm)
        {
            if (outpatientHospital && column1.IsEm)
            {
                return string.Create(culture, $"If {c2} (line {line}) was a separate hospital outpatient encounter, append 27; if it was a significant, separately identifiable visit, append 25; otherwise remove {c2}.");
            }

            return column1.Global == GlobalPeriod.Days90
                ? string.Create(culture, $"If the visit {c2} (line {line}) was the decision to perform the major surgery {c1}, append 57; otherwise remove it: a visit the day of a major surgery is part of its global package.")
                : string.Create(culture, $"If the visit {c2} (line {line}) was significant and separately identifiable from {c1}, append 25 and keep the documentation; otherwise remove it. 59 and X{{EPSU}} are not used on an E/M service.");
        }

        if (column2.IsLab && column1.IsLab)
        {
            return string.Create(culture, $"If {c2} (line {line}) was run on a separate specimen or at a separate encounter, append XE (or XU; 59 only when no X modifier fits); append 91 only to a repeat of the same test; otherwise remove {c2}.");
        }

        if (HasAnatomic(column1.Value) || HasAnatomic(column2.Value))
        {
            return string.Create(culture, $"If {c2} (line {line}) was done on another site than {c1}, report each line's site (LT/RT, or the digit or eyelid modifier), or XS for another organ or structure; otherwise remove {c2}.");
        }

        return string.Create(culture, $"If {c2} (line {line}) was a separate and distinct service, append the X modifier that says why: XE (separate encounter), XS (separate organ or structure), XP (separate practitioner) or XU (unusual non-overlapping service), 59 only when none fits, or LT/RT or a digit modifier for another site; otherwise remove {c2}.");
    }

    private static bool HasAnatomic(ServiceLine line)
    {
        foreach (var m in line.Modifiers)
        {
            if (M.KindOf(m) != Modifiers.AnatomicKind.None)
            {
                return true;
            }
        }

        return false;
    }

    private static string Why(PtpReason reason, string modifier, string code, string column1) => reason switch
    {
        PtpReason.DistinctServiceOnEm => "59 and X{EPSU} are not used on an E/M service (CMS MLN1783722); the visit takes 25 or 57",
        PtpReason.SameSite => string.Create(CultureInfo.InvariantCulture, $"both lines carry {modifier}, which names one and the same site"),
        PtpReason.RepeatLabNotLab => string.Create(CultureInfo.InvariantCulture, $"91 marks a repeated clinical laboratory test and {code} is not one"),
        PtpReason.HospitalEncounterOnProfessional => "27 marks a separate hospital outpatient encounter and applies only to an outpatient hospital claim",
        PtpReason.PostoperativeWithoutGlobal => string.Create(CultureInfo.InvariantCulture, $"{modifier} marks a procedure in a postoperative period and {code} has no global period (global days XXX)"),
        PtpReason.EmModifierOnProcedure => string.Create(CultureInfo.InvariantCulture, $"{modifier} applies to an E/M service and {code} is not one"),
        PtpReason.SignificantEmWithMajorSurgery => string.Create(CultureInfo.InvariantCulture, $"{column1} is a major surgery (global days 090): a visit on its day is part of its global package unless it was the decision for surgery, which 57 says"),
        PtpReason.DecisionWithoutMajorSurgery => string.Create(CultureInfo.InvariantCulture, $"57 marks the decision for a major surgery (global days 090) and {column1} is not one; a separately identifiable visit takes 25"),
        PtpReason.PostoperativeEmSameDay => string.Create(CultureInfo.InvariantCulture, $"24 marks an unrelated visit in an earlier surgery's postoperative period, not a visit on the day of {column1}"),
        _ => "it does not apply to this pair",
    };

    private static string Meaning(PtpReason reason, string modifier) => reason switch
    {
        PtpReason.SignificantEm => "a significant, separately identifiable E/M service",
        PtpReason.DecisionForSurgery => "the visit that decided the surgery",
        PtpReason.DifferentSites => "procedures on different anatomic sites",
        PtpReason.RepeatLab => "a repeated clinical laboratory test",
        PtpReason.HospitalEncounter => "a separate hospital outpatient encounter",
        PtpReason.Postoperative => "a procedure in another's postoperative period",
        PtpReason.EmSeparateFromProcedure => "a visit separately identifiable from the procedure",
        _ => modifier switch
        {
            "XE" => "a separate encounter",
            "XS" => "a separate organ or structure",
            "XP" => "a separate practitioner",
            "XU" => "an unusual, non-overlapping service",
            _ => "a distinct procedural service",
        },
    };

    private static string OtherSite(string modifier) => modifier switch
    {
        "RT" => "LT",
        "LT" => "RT",
        _ => "its own side, digit or eyelid modifier",
    };

    private static void AppendLines(StringBuilder text, List<int> shown, int total) =>
        LineList.Append(text, CollectionsMarshal.AsSpan(shown)[..Math.Min(shown.Count, LineList.MaxShown)], total);

    private static string Kind(PtpTable table, int row) => table.IsMutuallyExclusive(row) ? "mutually exclusive" : "comprehensive/component";

    /// <summary>The most serious judgement of a column-2 group, the row and the column-one line it came from.</summary>
    private readonly record struct Judged(PtpJudgement Judgement, int Row, int Column1Line);
}
