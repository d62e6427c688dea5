using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeScheduleModifiers;

namespace ClaimScrubber.Rules.Modifiers;

/// <summary>
/// Modifiers checked against the code's physician fee schedule indicators (RVU25D meanings), and modifier
/// combinations that contradict each other. Lines whose code the RVU file does not list are left to the
/// code-validity rules.
/// </summary>
internal sealed class FeeScheduleModifierRules : IClaimRule
{
    // Presence bits for the combination checks, gathered in one pass over a line's modifiers.
    private const int Has26 = 1 << 0;
    private const int HasTc = 1 << 1;
    private const int Has50 = 1 << 2;
    private const int HasLt = 1 << 3;
    private const int HasRt = 1 << 4;
    private const int Has59 = 1 << 5;
    private const int HasX = 1 << 6;
    private const int HasLeftSite = 1 << 7;
    private const int HasRightSite = 1 << 8;
    private const int Has25Or57 = 1 << 9;

    private readonly FeeScheduleTable table;

    public FeeScheduleModifierRules(FeeScheduleTable table) => this.table = table;

    /// <summary>Gets the rules of the fee-schedule modifier family but the global surgery ones (<see cref="GlobalSurgeryRules"/>).</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        [.. R.All.Except([R.EmSameDayWithoutModifier, R.EmDayBeforeMajorSurgery, R.EmInPostoperativePeriod, R.ProcedureInPostoperativePeriod])];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        var fees = context.Facts.Fees;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // A code may be listed only with its component (a lab interpretation with only a 26 row).
            if (line.ProcedureCode is not { } code || !fees[i].TryGetListed(out var entry))
            {
                continue;
            }

            var number = i + 1;
            var present = CheckEachModifier(context, line, number, code, entry);
            if (present != 0)
            {
                CheckCombinations(context, line, number, code, present);
            }

            CheckAgainstOtherLines(context, lines, i, code, entry, present);
        }
    }

    private int CheckEachModifier(ScrubContext context, ServiceLine line, int number, ProcedureCode code, in FeeScheduleEntry entry)
    {
        var present = 0;
        var modifiers = line.Modifiers;
        for (var p = 0; p < modifiers.Length; p++)
        {
            var m = modifiers[p];
            var position = p + 1;
            if (m == M.Professional)
            {
                present |= Has26;

                // Indicator 1 splits both ways; 6 (lab physician interpretation) forbids only TC. A priced 26 row allows it too:
                // lab codes paid under the lab fee schedule (PC/TC 9) have 26 rows with indicator 6 for the interpretation.
                if (entry.PcTc is not (1 or 6) && !table.HasRow(code, m))
                {
                    Report(context, R.ComponentNotSplittable, number, position, code, m,
                        $"Modifier 26 is not allowed on {code}: its PC/TC indicator is {entry.PcTc} ({PcTcMeaning(entry.PcTc)}).",
                        "Remove 26; bill the code as it is, or the separate professional-component code if one exists.");
                }
            }
            else if (m == M.Technical)
            {
                present |= HasTc;
                if (entry.PcTc != 1 && !table.HasRow(code, m))
                {
                    Report(context, R.ComponentNotSplittable, number, position, code, m,
                        $"Modifier TC is not allowed on {code}: its PC/TC indicator is {entry.PcTc} ({PcTcMeaning(entry.PcTc)}).",
                        "Remove TC; bill the code as it is, or the separate technical-component code if one exists.");
                }
            }
            else if (m == M.Bilateral)
            {
                present |= Has50;
                CheckBilateral(context, line, number, position, code, entry);
            }
            else if (m == M.Left)
            {
                present |= HasLt;
            }
            else if (m == M.Right)
            {
                present |= HasRt;
            }
            else if (m == M.Assistant80 || m == M.Assistant81 || m == M.Assistant82 || m == M.AssistantNonPhysician)
            {
                CheckSurgicalTeam(context, number, position, code, m, entry.Assistant, R.AssistantNotPaid, R.AssistantNeedsDocumentation, "assistant-at-surgery");
            }
            else if (m == M.CoSurgeons)
            {
                CheckSurgicalTeam(context, number, position, code, m, entry.CoSurgeons, R.CoSurgeonsNotPermitted, R.CoSurgeonsNeedDocumentation, "co-surgeon");
            }
            else if (m == M.Team)
            {
                CheckSurgicalTeam(context, number, position, code, m, entry.Team, R.TeamNotPermitted, R.TeamNeedsDocumentation, "team-surgery");
            }
            else if (m == M.SignificantEm || m == M.DecisionForSurgery || m == M.UnrelatedEmPostoperative)
            {
                present |= m == M.UnrelatedEmPostoperative ? 0 : Has25Or57;
                if (!entry.IsEvaluationAndManagement)
                {
                    var rule = m == M.SignificantEm ? R.Modifier25NotOnEm : m == M.DecisionForSurgery ? R.Modifier57NotOnEm : R.Modifier24NotOnEm;
                    Report(context, rule, number, position, code, m,
                        $"Modifier {m} applies only to an evaluation and management service (CPT 99202–99499); {code} is not one.",
                        $"Remove {m} from {code}; put it on the E/M line it describes.");
                }
            }
            else if (m == M.Staged || m == M.ReturnToOperatingRoom || m == M.UnrelatedProcedurePostoperative)
            {
                if (entry.Global == GlobalPeriod.NotApplicable)
                {
                    Report(context, R.PostoperativeModifierWithoutGlobal, number, position, code, m,
                        $"Modifier {m} describes a procedure in another procedure's postoperative period, but {code} has global days XXX (the global concept does not apply to it).",
                        $"Remove {m}: {code} is paid on its own whenever it is billed.");
                }
            }
            else if (m == M.Distinct)
            {
                present |= Has59;
            }
            else if (m == M.SeparateEncounter || m == M.SeparateStructure || m == M.SeparatePractitioner || m == M.UnusualNonOverlapping)
            {
                present |= HasX;
            }
            else if (m == M.RepeatLab)
            {
                if (!entry.IsLaboratoryTest)
                {
                    Report(context, R.RepeatLabNotLab, number, position, code, m,
                        $"Modifier 91 (repeat clinical laboratory test) is on {code}, which is not a laboratory test (CPT 80047–89398 or a ####U PLA code).",
                        "Remove 91; for a repeated non-lab service use 76/77 or the payer's distinct-service modifier.");
                }
            }
            else if (m == M.MultipleProcedures)
            {
                if (entry.Global == GlobalPeriod.AddOn)
                {
                    Report(context, R.MultipleOnAddOn, number, position, code, m,
                        $"Modifier 51 is on {code}, an add-on code (global days ZZZ) that is exempt from the multiple procedure reduction.",
                        "Remove 51 from the add-on line.");
                }
            }
            else if (m == M.Discontinued)
            {
                if (!table.HasRow(code, M.Discontinued))
                {
                    Report(context, R.DiscontinuedNotPriced, number, position, code, m,
                        $"{code} has no discontinued-procedure (53) pricing in the fee schedule; the line goes to medical review and individual pricing.",
                        "Send the operative report with the claim, or use a reduced-services modifier (52/73/74) if it fits.");
                }
            }
            else if (M.IsLeftSite(m))
            {
                present |= HasLeftSite;
            }
            else if (M.IsRightSite(m))
            {
                present |= HasRightSite;
            }
        }

        return present;
    }

    private void CheckBilateral(ScrubContext context, ServiceLine line, int number, int position, ProcedureCode code, in FeeScheduleEntry entry)
    {
        if (entry.Bilateral is 0 or 9)
        {
            Report(context, R.BilateralNotAllowed, number, position, code, M.Bilateral,
                entry.Bilateral == 0
                    ? $"Modifier 50 is on {code}, whose bilateral indicator is 0: the bilateral adjustment is inappropriate for it (anatomy, or a separate bilateral code exists)."
                    : $"Modifier 50 is on {code}, whose bilateral indicator is 9: the bilateral concept does not apply to it.",
                "Remove 50; if the code was performed on both sides and a bilateral code exists, bill that code.");
        }
        else if (entry.Bilateral == 2)
        {
            Report(context, R.BilateralByDefinition, number, position, code, M.Bilateral,
                $"Modifier 50 is on {code}, whose bilateral indicator is 2: its RVUs already describe a bilateral procedure, so 50 adds no payment.",
                "Remove 50 and bill the code once.");
        }

        if (line.Units > 1 && context.IsEnabled(R.BilateralUnits))
        {
            context.Report(R.BilateralUnits, number, ElementPath.LineMember(number, "units"),
                string.Create(CultureInfo.InvariantCulture, $"{code}-50 is billed with {line.Units} units; a bilateral procedure is one line with one unit."),
                "Bill one unit with modifier 50 (the payer applies the bilateral adjustment).", [code.ToString(), "50"], table.Release);
        }
    }

    private void CheckSurgicalTeam(ScrubContext context, int number, int position, ProcedureCode code, ModifierCode modifier, byte indicator,
        RuleDescriptor notPaid, RuleDescriptor needsDocumentation, string concept)
    {
        // The assistant indicator reads 1 = "may not be paid", 0 = "needs documentation"; co-surgeon and team read
        // 0 = "not permitted", 1 = "needs documentation". 9 is "concept does not apply" for all three; 2 is payable.
        var isAssistant = notPaid == R.AssistantNotPaid;
        var barred = indicator == 9 || indicator == (isAssistant ? 1 : 0);
        var documented = indicator == (isAssistant ? 0 : 1);
        if (barred)
        {
            Report(context, notPaid, number, position, code, modifier,
                string.Create(CultureInfo.InvariantCulture, $"Modifier {modifier} is on {code}, whose {concept} indicator is {indicator}: {(indicator == 9 ? "the concept does not apply to this code" : "it may not be paid")}."),
                $"Remove {modifier}; only the primary surgeon's line is payable for {code}.");
        }
        else if (documented)
        {
            Report(context, needsDocumentation, number, position, code, modifier,
                string.Create(CultureInfo.InvariantCulture, $"Modifier {modifier} is on {code}, whose {concept} indicator is {indicator}: payable only with documentation of medical necessity."),
                "Attach the operative report showing why the additional surgeon was necessary.");
        }
    }

    private void CheckCombinations(ScrubContext context, ServiceLine line, int number, ProcedureCode code, int present)
    {
        if ((present & (Has26 | HasTc)) == (Has26 | HasTc))
        {
            ReportLine(context, R.BothComponents, number, code, "26", "TC",
                $"{code} carries both 26 and TC; together they are the global service.", "Remove both modifiers to bill the global service, or bill each component on its own line where that is allowed.");
        }

        if ((present & Has50) != 0 && (present & (HasLt | HasRt)) != 0)
        {
            var side = (present & HasLt) != 0 ? "LT" : "RT";
            ReportLine(context, R.BilateralWithSide, number, code, "50", side,
                $"{code} carries 50 and {side}; bilateral already means both sides.", $"Remove {side} (bilateral) or 50 (one side only).");
        }

        if ((present & (HasLt | HasRt)) == (HasLt | HasRt))
        {
            ReportLine(context, R.LeftAndRight, number, code, "LT", "RT",
                $"{code} carries both LT and RT on one line.", "Bill one line with 50 when the code allows bilateral payment, otherwise one line per side (LT, RT).");
        }

        if ((present & (Has59 | HasX)) == (Has59 | HasX))
        {
            var x = FirstXModifier(line);
            ReportLine(context, R.DistinctAndX, number, code, "59", x.ToString(),
                $"{code} carries 59 and {x}; {x} is a more specific form of 59 and replaces it.", "Keep the X modifier that describes why the service is distinct, and remove 59.");
        }

        if ((present & HasLt) != 0 && (present & HasRightSite) != 0 || (present & HasRt) != 0 && (present & HasLeftSite) != 0)
        {
            var side = (present & HasLt) != 0 && (present & HasRightSite) != 0 ? "LT" : "RT";
            var site = SiteModifierOf(line, side == "LT");
            ReportLine(context, R.ContradictoryAnatomy, number, code, side, site.ToString(),
                $"{code} carries {side} and {site}, which name opposite sides.", "Correct the side or the digit/eyelid modifier so both name the same side.");
        }
    }

    private void CheckAgainstOtherLines(ScrubContext context, ImmutableArray<ServiceLine> lines, int index, ProcedureCode code, in FeeScheduleEntry entry, int present)
    {
        var line = lines[index];
        if (line.ServiceDate is not { } date)
        {
            return;
        }

        var number = index + 1;
        var checkComponent = entry.PcTc == 1 && (present & (Has26 | HasTc)) != 0 && (present & (Has26 | HasTc)) != (Has26 | HasTc);
        var checkSides = entry.Bilateral == 1 && context.Options.ReportSidesInsteadOfBilateral && (present & (HasRt | HasLt | Has50)) == HasRt;
        if (!checkComponent && !checkSides)
        {
            return;
        }

        for (var j = 0; j < lines.Length; j++)
        {
            var other = lines[j];
            if (j == index || other.ServiceDate != date || other.ProcedureCode is not { } otherCode)
            {
                continue;
            }

            if (otherCode == code)
            {
                if (checkComponent && M.ComponentOf(other).IsDefault)
                {
                    var component = M.ComponentOf(line);
                    ReportLine(context, R.GlobalWithComponent, number, code, component.ToString(), string.Empty,
                        string.Create(CultureInfo.InvariantCulture, $"{code}-{component} is billed on the same date as the global {code} (line {j + 1}), which already includes it."),
                        $"Bill either the global {code} or its components, not both.");
                    checkComponent = false;
                }

                if (checkSides && other.HasModifier(M.Left) && !other.HasModifier(M.Right) && !other.HasModifier(M.Bilateral))
                {
                    ReportLine(context, R.SidesInsteadOfBilateral, number, code, "LT", "RT",
                        string.Create(CultureInfo.InvariantCulture, $"{code} is billed LT (line {j + 1}) and RT (line {number}) on the same date; its bilateral indicator is 1, which Medicare bills as one line with 50."),
                        $"Bill {code} once with modifier 50 and one unit, unless this payer asks for LT/RT lines.");
                    checkSides = false;
                }
            }
        }
    }

    private static ModifierCode FirstXModifier(ServiceLine line)
    {
        foreach (var m in line.Modifiers)
        {
            if (m == M.SeparateEncounter || m == M.SeparateStructure || m == M.SeparatePractitioner || m == M.UnusualNonOverlapping)
            {
                return m;
            }
        }

        return default;
    }

    private static ModifierCode SiteModifierOf(ServiceLine line, bool right)
    {
        foreach (var m in line.Modifiers)
        {
            if (right ? M.IsRightSite(m) : M.IsLeftSite(m))
            {
                return m;
            }
        }

        return default;
    }

    private static string PcTcMeaning(byte indicator) => indicator switch
    {
        0 => "physician service; cannot be split into components",
        2 => "professional-component-only code",
        3 => "technical-component-only code",
        4 => "global-test-only code",
        5 => "incident-to service",
        6 => "laboratory physician interpretation; TC cannot be used",
        7 => "physical therapy service",
        8 => "physician interpretation of a laboratory test",
        _ => "the PC/TC concept does not apply",
    };

    // Messages are built by the caller only on the path of a finding, so a clean line never formats one.
    private void Report(ScrubContext context, RuleDescriptor rule, int line, int position, ProcedureCode code, ModifierCode modifier, string message, string fixHint)
    {
        if (context.IsEnabled(rule))
        {
            context.Report(rule, line, ElementPath.LineModifier(line, position), message, fixHint, [code.ToString(), modifier.ToString()], table.Release);
        }
    }

    private void ReportLine(ScrubContext context, RuleDescriptor rule, int line, ProcedureCode code, string first, string second, string message, string fixHint)
    {
        if (context.IsEnabled(rule))
        {
            ImmutableArray<string> codes = second.Length == 0 ? [code.ToString(), first] : [code.ToString(), first, second];
            context.Report(rule, line, ElementPath.LineMember(line, "modifiers"), message, fixHint, codes, table.Release);
        }
    }
}
