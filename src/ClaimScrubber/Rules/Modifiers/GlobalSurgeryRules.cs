using System.Globalization;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeScheduleModifiers;

namespace ClaimScrubber.Rules.Modifiers;

/// <summary>
/// The global surgical package on one claim, across its dates, from the fee schedule's global days: an E/M on the day of a
/// 000 or 010 procedure needs 25 and on the day of or the day before a 090 procedure 57 (MOD029, MOD035); within a
/// procedure's postoperative period (10 days for 010, 90 for 090) the same provider's E/M needs 24 (MOD036) and another
/// procedure 58, 78 or 79 (MOD037). 99024, the postoperative visit included in the package, is no E/M service here.
/// </summary>
/// <remarks>
/// Sources: MCPM Pub. 100-04, chapter 12, §40.1 (what the global package holds) and §40.2.A (modifiers 24, 25, 57, 58,
/// 78, 79); CMS MLN907166 (Global Surgery booklet); PFS RVU file (RVU25D), global days. Surgeries billed on other claims
/// need the patient's history, which a claim does not carry.
/// </remarks>
internal sealed class GlobalSurgeryRules : IClaimRule
{
    private readonly FeeScheduleTable table;

    public GlobalSurgeryRules(FeeScheduleTable table) => this.table = table;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.EmSameDayWithoutModifier, R.EmDayBeforeMajorSurgery, R.EmInPostoperativePeriod, R.ProcedureInPostoperativePeriod];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        var n = lines.Length;
        if (n < 2)
        {
            return;
        }

        // The claim's surgeries (a global period of 000, 010 or 090), by date: usually none, and the rule stops there.
        Span<Surgery> found = n <= 64 ? stackalloc Surgery[n] : new Surgery[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (lines[i].ProcedureCode is { } code && lines[i].ServiceDate is { } date && table.TryGet(code, out var entry) && entry.HasSurgicalGlobal && !entry.IsEvaluationAndManagement)
            {
                found[count++] = new Surgery(date.DayNumber, i, entry.Global);
            }
        }

        if (count == 0)
        {
            return;
        }

        var surgeries = found[..count];
        surgeries.Sort(static (a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Line.CompareTo(b.Line));
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || line.ServiceDate is not { } date)
            {
                continue;
            }

            if (ProcedureClasses.IsEvaluationAndManagement(code))
            {
                CheckVisit(context, claim, surgeries, i, code, date.DayNumber);
            }
            else if (table.TryGet(code, out var entry) && entry.HasSurgicalGlobal)
            {
                CheckProcedure(context, claim, surgeries, i, code, date.DayNumber);
            }
        }
    }

    /// <summary>Days after the day of a procedure that its postoperative period lasts.</summary>
    private static int PostoperativeDays(GlobalPeriod global) => global switch
    {
        GlobalPeriod.Days10 => 10,
        GlobalPeriod.Days90 => 90,
        _ => 0,
    };

    private static string Days(GlobalPeriod global) => global switch
    {
        GlobalPeriod.Days0 => "000",
        GlobalPeriod.Days10 => "010",
        _ => "090",
    };

    /// <summary>The surgeries within <paramref name="day"/>'s reach: from 90 days before it to the day after.</summary>
    private static ReadOnlySpan<Surgery> Around(ReadOnlySpan<Surgery> surgeries, int day)
    {
        var low = 0;
        var high = surgeries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (surgeries[middle].Day < day - 90)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var end = low;
        while (end < surgeries.Length && surgeries[end].Day <= day + 1)
        {
            end++;
        }

        return surgeries[low..end];
    }

    private void CheckVisit(ScrubContext context, Claim claim, ReadOnlySpan<Surgery> surgeries, int index, ProcedureCode code, int day)
    {
        var line = claim.Lines[index];
        var provider = claim.RenderingNpiFor(line);
        int sameDay = -1, sameDayMajor = -1, dayBefore = -1, postoperative = -1;
        foreach (var surgery in Around(surgeries, day))
        {
            if (surgery.Line == index || claim.RenderingNpiFor(claim.Lines[surgery.Line]) != provider)
            {
                continue;
            }

            if (surgery.Day == day)
            {
                sameDay = sameDay < 0 ? surgery.Line : sameDay;
                sameDayMajor = sameDayMajor < 0 && surgery.Global == GlobalPeriod.Days90 ? surgery.Line : sameDayMajor;
            }
            else if (surgery.Day == day + 1 && surgery.Global == GlobalPeriod.Days90)
            {
                dayBefore = dayBefore < 0 ? surgery.Line : dayBefore;
            }
            else if (surgery.Day < day && day - surgery.Day <= PostoperativeDays(surgery.Global))
            {
                postoperative = postoperative < 0 ? surgery.Line : postoperative;
            }
        }

        var has25 = line.HasModifier(M.SignificantEm);
        var has57 = line.HasModifier(M.DecisionForSurgery);
        var number = index + 1;
        var culture = CultureInfo.InvariantCulture;
        if (sameDayMajor >= 0 && !has57 && context.IsEnabled(R.EmSameDayWithoutModifier))
        {
            var surgery = claim.Lines[sameDayMajor].ProcedureCode;
            Report(context, R.EmSameDayWithoutModifier, number, code, surgery!.Value,
                string.Create(culture, $"{code} is billed on the date of the major surgery {surgery} (line {sameDayMajor + 1}, global days 090) without modifier 57{(has25 ? "; 25 does not take a visit out of a major surgery's package" : string.Empty)}; the visit is part of the surgery's global package."),
                "If the visit was the decision for this major surgery, add 57; otherwise remove the visit.");
        }
        else if (sameDay >= 0 && sameDayMajor < 0 && !has25 && context.IsEnabled(R.EmSameDayWithoutModifier))
        {
            var surgery = claim.Lines[sameDay].ProcedureCode;
            var global = Days(GlobalOf(surgery!.Value));
            Report(context, R.EmSameDayWithoutModifier, number, code, surgery.Value,
                has57
                    ? string.Create(culture, $"{code} carries 57 on the date of {surgery} (line {sameDay + 1}, global days {global}), which is not a major surgery: 57 marks the decision for a major surgery (global days 090), and the visit without 25 is part of the procedure's global package.")
                    : string.Create(culture, $"{code} is billed on the date of {surgery} (line {sameDay + 1}, global days {global}) without modifier 25; the visit is part of the procedure's global package."),
                has57
                    ? "Replace 57 with 25 if the visit was significant and separately identifiable, with documentation; otherwise remove it."
                    : "If the visit was significant and separately identifiable, add 25 with documentation; otherwise remove it.");
        }

        if (dayBefore >= 0 && !has57 && context.IsEnabled(R.EmDayBeforeMajorSurgery))
        {
            var surgery = claim.Lines[dayBefore].ProcedureCode;
            Report(context, R.EmDayBeforeMajorSurgery, number, code, surgery!.Value,
                string.Create(culture, $"{code} is billed the day before the major surgery {surgery} (line {dayBefore + 1}, global days 090) without modifier 57; a visit the day before a major surgery is part of its global package."),
                "If the visit was the decision for this surgery, add 57; otherwise remove the visit.");
        }

        if (postoperative >= 0 && !line.HasModifier(M.UnrelatedEmPostoperative) && context.IsEnabled(R.EmInPostoperativePeriod))
        {
            var surgery = claim.Lines[postoperative].ProcedureCode;
            Report(context, R.EmInPostoperativePeriod, number, code, surgery!.Value,
                string.Create(culture, $"{code} is billed within the {PostoperativeDays(GlobalOf(surgery!.Value))}-day postoperative period of {surgery} (line {postoperative + 1}) by the same provider without modifier 24; postoperative visits are part of the surgery's global package."),
                "If the visit was for a problem unrelated to the surgery, add 24 and point the line to that diagnosis; if it was postoperative care, report 99024 (no charge) or remove it.");
        }
    }

    private void CheckProcedure(ScrubContext context, Claim claim, ReadOnlySpan<Surgery> surgeries, int index, ProcedureCode code, int day)
    {
        var line = claim.Lines[index];
        if (line.HasModifier(M.Staged) || line.HasModifier(M.ReturnToOperatingRoom) || line.HasModifier(M.UnrelatedProcedurePostoperative) || !context.IsEnabled(R.ProcedureInPostoperativePeriod))
        {
            return;
        }

        var provider = claim.RenderingNpiFor(line);
        foreach (var surgery in Around(surgeries, day))
        {
            if (surgery.Line != index && surgery.Day < day && day - surgery.Day <= PostoperativeDays(surgery.Global)
                && claim.RenderingNpiFor(claim.Lines[surgery.Line]) == provider)
            {
                var earlier = claim.Lines[surgery.Line].ProcedureCode!.Value;
                Report(context, R.ProcedureInPostoperativePeriod, index + 1, code, earlier,
                    string.Create(CultureInfo.InvariantCulture, $"{code} is billed within the {PostoperativeDays(surgery.Global)}-day postoperative period of {earlier} (line {surgery.Line + 1}) by the same provider without 58, 78 or 79; without one it is part of {earlier}'s global package."),
                    "Add the modifier that says why: 58 (staged or planned procedure), 78 (unplanned return to the operating room for a complication) or 79 (unrelated procedure); otherwise remove the line.");
                return;
            }
        }
    }

    private GlobalPeriod GlobalOf(ProcedureCode code) => table.TryGet(code, out var entry) ? entry.Global : GlobalPeriod.None;

    private void Report(ScrubContext context, RuleDescriptor rule, int line, ProcedureCode code, ProcedureCode surgery, string message, string fixHint) =>
        context.Report(rule, line, ElementPath.LineMember(line, "modifiers"), message, fixHint, [code.ToString(), surgery.ToString()], table.Release);

    /// <summary>A line billing a procedure with a surgical global period: its date (day number), position and period.</summary>
    private readonly record struct Surgery(int Day, int Line, GlobalPeriod Global);
}
