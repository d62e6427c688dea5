using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Rules.Modifiers;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;

namespace ClaimScrubber.Rules.Ncci;

/// <summary>How a pair of lines fares under a PTP edit, in rising order of seriousness: a line reports its most serious pair.</summary>
internal enum PtpVerdict : byte
{
    None = 0,

    /// <summary>A modifier that applies to the pair bypasses the edit (NCCI003).</summary>
    Bypassed,

    /// <summary>An anatomic modifier on one line only: bypassed, if the other line's service was on another site (NCCI005).</summary>
    OneSidedAnatomic,

    /// <summary>No NCCI-associated modifier: the column-2 code is denied (NCCI002).</summary>
    ModifierMissing,

    /// <summary>Only modifiers that cannot apply to the pair: the column-2 code is denied (NCCI004).</summary>
    ModifierMisused,

    /// <summary>Modifier indicator 0: no modifier bypasses the edit (NCCI001).</summary>
    NoModifierAllowed,
}

/// <summary>Why a pair fares as it does, for the finding's text.</summary>
internal enum PtpReason : byte
{
    None = 0,

    // Bypasses.
    SignificantEm,
    DecisionForSurgery,
    DistinctService,
    DifferentSites,
    RepeatLab,
    HospitalEncounter,
    Postoperative,
    EmSeparateFromProcedure,

    // Misuses.
    DistinctServiceOnEm,
    SameSite,
    RepeatLabNotLab,
    HospitalEncounterOnProfessional,
    PostoperativeWithoutGlobal,
    EmModifierOnProcedure,
    SignificantEmWithMajorSurgery,
    DecisionWithoutMajorSurgery,
    PostoperativeEmSameDay,

    // Missing.
    EmNeedsItsModifier,
}

/// <summary>The facts of one line a PTP judgement reads: its modifiers and whether its code is an E/M service, a lab test, and its global period.</summary>
/// <param name="Line">The 0-based line.</param>
/// <param name="Value">The line.</param>
/// <param name="Class">The code's class.</param>
/// <param name="Global">The code's global period, <see cref="GlobalPeriod.None"/> when the fee schedule does not say.</param>
internal readonly record struct PtpLine(int Line, ServiceLine Value, ProcedureClass Class, GlobalPeriod Global)
{
    public bool IsEm => (Class & ProcedureClass.EvaluationAndManagement) != 0;

    public bool IsLab => (Class & ProcedureClass.LaboratoryTest) != 0;
}

/// <summary>A pair's verdict, why, and where the modifier that decided it sits (-1 for none).</summary>
internal readonly record struct PtpJudgement(PtpVerdict Verdict, PtpReason Reason, int ModifierLine, int ModifierIndex)
{
    public static PtpJudgement Of(PtpVerdict verdict, PtpReason reason = PtpReason.None) => new(verdict, reason, -1, -1);
}

/// <summary>
/// What the modifiers of two lines make of a PTP edit with modifier indicator 1, as the NCCI Policy Manual for Medicare
/// Services (chapter I, §E, and the E/M policy of chapter XI) and CMS's fact sheet on 59 and X{EPSU} (MLN1783722) state it:
/// <list type="bullet">
/// <item><description>A column-2 E/M service is bypassed only by 25 on the E/M line, or 57 when the column-1 code is a
/// major surgery (global days 090) and the visit was the decision for it; 25 with a major surgery, 57 without one and 24
/// on the day of a procedure do not fit. 59 and X{EPSU} are never used on an E/M service.</description></item>
/// <item><description>Anatomic modifiers bypass only when the lines carry different ones of one kind (RT/LT, F1/F2,
/// E1/E3, LC/RC…); the same one on both lines names one site; one on a single line bypasses only if the other line's
/// service was on another site, which the record must show.</description></item>
/// <item><description>59 and X{EPSU} bypass on a line that is not an E/M service; 91 on a clinical lab test; 27 on an
/// outpatient hospital claim; 58, 78 and 79 on a code with a global period; 25 or 57 on a column-1 E/M separate the
/// visit from the column-2 procedure. Elsewhere they cannot apply.</description></item>
/// </list>
/// </summary>
internal static class PtpModifierPolicy
{
    /// <summary>Judges a pair whose edit has modifier indicator 1.</summary>
    public static PtpJudgement Judge(in PtpLine column1, in PtpLine column2, bool outpatientHospital) =>
        column2.IsEm ? JudgeEmColumnTwo(column1, column2, outpatientHospital) : JudgeProcedureColumnTwo(column1, column2, outpatientHospital);

    /// <summary>The modifier a biller would append to the column-2 line to bypass the edit when the services are distinct, or default when it depends on why.</summary>
    public static ModifierCode FittingEmModifier(in PtpLine column1) => column1.Global == GlobalPeriod.Days90 ? M.DecisionForSurgery : M.SignificantEm;

    private static PtpJudgement JudgeEmColumnTwo(in PtpLine column1, in PtpLine column2, bool outpatientHospital)
    {
        var modifiers = column2.Value.Modifiers;
        var at25 = IndexOf(modifiers, M.SignificantEm);
        var at57 = IndexOf(modifiers, M.DecisionForSurgery);
        var known = column1.Global != GlobalPeriod.None;
        var major = column1.Global == GlobalPeriod.Days90;
        if (at57 >= 0 && (major || !known))
        {
            return new(PtpVerdict.Bypassed, PtpReason.DecisionForSurgery, column2.Line, at57);
        }

        if (at25 >= 0 && !major)
        {
            return new(PtpVerdict.Bypassed, PtpReason.SignificantEm, column2.Line, at25);
        }

        var at27 = IndexOf(modifiers, M.HospitalOutpatientEncounter);
        if (at27 >= 0 && outpatientHospital && column1.IsEm)
        {
            return new(PtpVerdict.Bypassed, PtpReason.HospitalEncounter, column2.Line, at27);
        }

        // Nothing that fits: the first modifier that tried, or none.
        if (at25 >= 0)
        {
            return new(PtpVerdict.ModifierMisused, PtpReason.SignificantEmWithMajorSurgery, column2.Line, at25);
        }

        if (at57 >= 0)
        {
            return new(PtpVerdict.ModifierMisused, PtpReason.DecisionWithoutMajorSurgery, column2.Line, at57);
        }

        for (var m = 0; m < modifiers.Length; m++)
        {
            var modifier = modifiers[m];
            var reason = M.IsDistinctService(modifier) ? PtpReason.DistinctServiceOnEm
                : modifier == M.UnrelatedEmPostoperative ? PtpReason.PostoperativeEmSameDay
                : modifier == M.HospitalOutpatientEncounter ? PtpReason.HospitalEncounterOnProfessional
                : PtpReason.None;
            if (reason != PtpReason.None)
            {
                return new(PtpVerdict.ModifierMisused, reason, column2.Line, m);
            }
        }

        return PtpJudgement.Of(PtpVerdict.ModifierMissing, PtpReason.EmNeedsItsModifier);
    }

    private static PtpJudgement JudgeProcedureColumnTwo(in PtpLine column1, in PtpLine column2, bool outpatientHospital)
    {
        // Anatomic modifiers speak for the pair; the others for the line they are on. The column-2 line is looked at first.
        var anatomic = JudgeAnatomic(column1, column2);
        if (anatomic.Verdict == PtpVerdict.Bypassed)
        {
            return anatomic;
        }

        var misuse = anatomic.Verdict == PtpVerdict.ModifierMisused ? anatomic : default;
        foreach (var line in (ReadOnlySpan<PtpLine>)[column2, column1])
        {
            var modifiers = line.Value.Modifiers;
            for (var m = 0; m < modifiers.Length; m++)
            {
                var (fits, reason) = Applies(modifiers[m], line, column1, line.Line == column2.Line, outpatientHospital);
                if (fits)
                {
                    return new(PtpVerdict.Bypassed, reason, line.Line, m);
                }

                if (reason != PtpReason.None && misuse.Verdict == PtpVerdict.None)
                {
                    misuse = new(PtpVerdict.ModifierMisused, reason, line.Line, m);
                }
            }
        }

        return anatomic.Verdict == PtpVerdict.OneSidedAnatomic ? anatomic
            : misuse.Verdict != PtpVerdict.None ? misuse
            : PtpJudgement.Of(PtpVerdict.ModifierMissing);
    }

    /// <summary>Whether a (non-anatomic) modifier bypasses the edit from the line it is on, and why (a misuse reason when it cannot; None when it is no NCCI modifier).</summary>
    private static (bool Fits, PtpReason Reason) Applies(ModifierCode modifier, in PtpLine line, in PtpLine column1, bool onColumnTwo, bool outpatientHospital)
    {
        if (M.IsDistinctService(modifier))
        {
            return line.IsEm ? (false, PtpReason.DistinctServiceOnEm) : (true, PtpReason.DistinctService);
        }

        if (modifier == M.RepeatLab)
        {
            return line.IsLab ? (true, PtpReason.RepeatLab) : (false, PtpReason.RepeatLabNotLab);
        }

        if (modifier == M.HospitalOutpatientEncounter)
        {
            return outpatientHospital ? (true, PtpReason.HospitalEncounter) : (false, PtpReason.HospitalEncounterOnProfessional);
        }

        if (M.IsPostoperativeProcedure(modifier))
        {
            return line.Global == GlobalPeriod.NotApplicable ? (false, PtpReason.PostoperativeWithoutGlobal) : (true, PtpReason.Postoperative);
        }

        if (modifier == M.SignificantEm || modifier == M.DecisionForSurgery || modifier == M.UnrelatedEmPostoperative)
        {
            // On a column-1 E/M, 25 (or 57) says the visit was separate from the column-2 procedure.
            return !onColumnTwo && column1.IsEm && modifier != M.UnrelatedEmPostoperative ? (true, PtpReason.EmSeparateFromProcedure)
                : line.IsEm ? (false, PtpReason.None) : (false, PtpReason.EmModifierOnProcedure);
        }

        return (false, PtpReason.None);
    }

    /// <summary>
    /// Different anatomic modifiers of one kind bypass; the same one on both lines is one site (a misuse); one on a
    /// single line is a one-sided bypass. A side modifier against a digit or eyelid of the other side also names two sites.
    /// </summary>
    private static PtpJudgement JudgeAnatomic(in PtpLine column1, in PtpLine column2)
    {
        var first = column1.Value.Modifiers;
        var second = column2.Value.Modifiers;
        int firstAnatomic = -1, secondAnatomic = -1, same = -1;
        for (var b = 0; b < second.Length; b++)
        {
            var kind = M.KindOf(second[b]);
            if (kind == AnatomicKind.None)
            {
                continue;
            }

            secondAnatomic = secondAnatomic < 0 ? b : secondAnatomic;
            for (var a = 0; a < first.Length; a++)
            {
                if (M.KindOf(first[a]) == kind)
                {
                    if (first[a] != second[b])
                    {
                        return new(PtpVerdict.Bypassed, PtpReason.DifferentSites, column2.Line, b);
                    }

                    same = same < 0 ? b : same;
                }
                else if (OppositeSides(first[a], second[b]))
                {
                    return new(PtpVerdict.Bypassed, PtpReason.DifferentSites, column2.Line, b);
                }
            }
        }

        for (var a = 0; a < first.Length && firstAnatomic < 0; a++)
        {
            firstAnatomic = M.KindOf(first[a]) != AnatomicKind.None ? a : -1;
        }

        if (same >= 0)
        {
            return new(PtpVerdict.ModifierMisused, PtpReason.SameSite, column2.Line, same);
        }

        return (firstAnatomic >= 0, secondAnatomic >= 0) switch
        {
            (true, false) => new(PtpVerdict.OneSidedAnatomic, PtpReason.DifferentSites, column1.Line, firstAnatomic),
            (false, true) => new(PtpVerdict.OneSidedAnatomic, PtpReason.DifferentSites, column2.Line, secondAnatomic),
            _ => default,
        };
    }

    private static bool OppositeSides(ModifierCode a, ModifierCode b) =>
        (a == M.Left && M.IsRightSite(b)) || (a == M.Right && M.IsLeftSite(b)) || (b == M.Left && M.IsRightSite(a)) || (b == M.Right && M.IsLeftSite(a));

    private static int IndexOf(System.Collections.Immutable.ImmutableArray<ModifierCode> modifiers, ModifierCode modifier)
    {
        for (var m = 0; m < modifiers.Length; m++)
        {
            if (modifiers[m] == modifier)
            {
                return m;
            }
        }

        return -1;
    }
}
