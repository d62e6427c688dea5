namespace ClaimScrubber.Rules.Modifiers;

/// <summary>The modifiers the fee-schedule rules test, packed once so that rules compare integers.</summary>
internal static class PaymentModifiers
{
    public static readonly ModifierCode Professional = ModifierCode.Parse("26");
    public static readonly ModifierCode Technical = ModifierCode.Parse("TC");
    public static readonly ModifierCode Bilateral = ModifierCode.Parse("50");
    public static readonly ModifierCode Left = ModifierCode.Parse("LT");
    public static readonly ModifierCode Right = ModifierCode.Parse("RT");
    public static readonly ModifierCode Assistant80 = ModifierCode.Parse("80");
    public static readonly ModifierCode Assistant81 = ModifierCode.Parse("81");
    public static readonly ModifierCode Assistant82 = ModifierCode.Parse("82");
    public static readonly ModifierCode AssistantNonPhysician = ModifierCode.Parse("AS");
    public static readonly ModifierCode CoSurgeons = ModifierCode.Parse("62");
    public static readonly ModifierCode Team = ModifierCode.Parse("66");
    public static readonly ModifierCode SignificantEm = ModifierCode.Parse("25");
    public static readonly ModifierCode DecisionForSurgery = ModifierCode.Parse("57");
    public static readonly ModifierCode UnrelatedEmPostoperative = ModifierCode.Parse("24");
    public static readonly ModifierCode Staged = ModifierCode.Parse("58");
    public static readonly ModifierCode ReturnToOperatingRoom = ModifierCode.Parse("78");
    public static readonly ModifierCode UnrelatedProcedurePostoperative = ModifierCode.Parse("79");
    public static readonly ModifierCode Distinct = ModifierCode.Parse("59");
    public static readonly ModifierCode SeparateEncounter = ModifierCode.Parse("XE");
    public static readonly ModifierCode SeparateStructure = ModifierCode.Parse("XS");
    public static readonly ModifierCode SeparatePractitioner = ModifierCode.Parse("XP");
    public static readonly ModifierCode UnusualNonOverlapping = ModifierCode.Parse("XU");
    public static readonly ModifierCode RepeatLab = ModifierCode.Parse("91");
    public static readonly ModifierCode MultipleProcedures = ModifierCode.Parse("51");
    public static readonly ModifierCode Discontinued = ModifierCode.Parse("53");
    public static readonly ModifierCode WaiverOnFile = ModifierCode.Parse("GA");
    public static readonly ModifierCode StatutorilyExcluded = ModifierCode.Parse("GY");
    public static readonly ModifierCode NotReasonableNoWaiver = ModifierCode.Parse("GZ");
    public static readonly ModifierCode VoluntaryWaiver = ModifierCode.Parse("GX");

    public static readonly ModifierCode HospitalOutpatientEncounter = ModifierCode.Parse("27");
    public static readonly ModifierCode KnownRequirementsMet = ModifierCode.Parse("KX");

    private static readonly ModifierCode[] HandDigits = [.. "FA F1 F2 F3 F4 F5 F6 F7 F8 F9".Split(' ').Select(ModifierCode.Parse)];
    private static readonly ModifierCode[] FootDigits = [.. "TA T1 T2 T3 T4 T5 T6 T7 T8 T9".Split(' ').Select(ModifierCode.Parse)];
    private static readonly ModifierCode[] Eyelids = [.. "E1 E2 E3 E4".Split(' ').Select(ModifierCode.Parse)];
    private static readonly ModifierCode[] CoronaryArteries = [.. "LC LD LM RC RI".Split(' ').Select(ModifierCode.Parse)];
    private static readonly ModifierCode[] LeftSites = [.. "FA F1 F2 F3 F4 TA T1 T2 T3 T4 E1 E2".Split(' ').Select(ModifierCode.Parse)];
    private static readonly ModifierCode[] RightSites = [.. "F5 F6 F7 F8 F9 T5 T6 T7 T8 T9 E3 E4".Split(' ').Select(ModifierCode.Parse)];

    /// <summary>
    /// Tells whether the modifier names a site on the left (FA, F1–F4 left-hand digits; TA, T1–T4 left-foot digits;
    /// E1/E2 left eyelids), per the HCPCS Level II anatomic modifier definitions.
    /// </summary>
    public static bool IsLeftSite(ModifierCode modifier) => Array.IndexOf(LeftSites, modifier) >= 0;

    /// <summary>Tells whether the modifier names a site on the right (F5–F9, T5–T9, E3/E4).</summary>
    public static bool IsRightSite(ModifierCode modifier) => Array.IndexOf(RightSites, modifier) >= 0;

    /// <summary>
    /// Gets the kind of anatomic site an NCCI anatomic modifier names (NCCI Policy Manual, chapter I, §E): a side (LT, RT),
    /// a hand digit (FA, F1–F9), a foot digit (TA, T1–T9), an eyelid (E1–E4) or a coronary artery (LC, LD, LM, RC, RI).
    /// Two lines name different sites when they carry different modifiers of one kind.
    /// </summary>
    public static AnatomicKind KindOf(ModifierCode modifier)
    {
        var text = modifier.Value;
        if (text == Left.Value || text == Right.Value)
        {
            return AnatomicKind.Side;
        }

        return Array.IndexOf(HandDigits, modifier) >= 0 ? AnatomicKind.HandDigit
            : Array.IndexOf(FootDigits, modifier) >= 0 ? AnatomicKind.FootDigit
            : Array.IndexOf(Eyelids, modifier) >= 0 ? AnatomicKind.Eyelid
            : Array.IndexOf(CoronaryArteries, modifier) >= 0 ? AnatomicKind.CoronaryArtery
            : AnatomicKind.None;
    }

    /// <summary>
    /// Tells whether the line carries GA, GY or GZ, with which the biller declares that Medicare is expected to deny it
    /// (MCPM Pub. 100-04, ch. 1, §60.4.2; ch. 30, §50): the table's own denial is then intended, not an error to fix.
    /// </summary>
    public static bool IntendsDenial(ServiceLine line) =>
        line.HasModifier(WaiverOnFile) || line.HasModifier(StatutorilyExcluded) || line.HasModifier(NotReasonableNoWaiver);

    /// <summary>Tells whether the modifier is 59 or one of XE, XS, XP, XU.</summary>
    public static bool IsDistinctService(ModifierCode modifier) =>
        modifier == Distinct || modifier == SeparateEncounter || modifier == SeparateStructure || modifier == SeparatePractitioner || modifier == UnusualNonOverlapping;

    /// <summary>Tells whether the modifier is 58, 78 or 79 (a procedure in another's postoperative period).</summary>
    public static bool IsPostoperativeProcedure(ModifierCode modifier) =>
        modifier == Staged || modifier == ReturnToOperatingRoom || modifier == UnrelatedProcedurePostoperative;

    /// <summary>Gets the 26 or TC modifier on the line (whichever comes first), or default when it has neither.</summary>
    public static ModifierCode ComponentOf(ServiceLine line)
    {
        foreach (var m in line.Modifiers)
        {
            if (m == Professional || m == Technical)
            {
                return m;
            }
        }

        return default;
    }
}

/// <summary>The kinds of anatomic site the NCCI anatomic modifiers name.</summary>
internal enum AnatomicKind : byte
{
    /// <summary>Not an anatomic modifier.</summary>
    None = 0,

    /// <summary>LT, RT.</summary>
    Side,

    /// <summary>FA, F1–F9.</summary>
    HandDigit,

    /// <summary>TA, T1–T9.</summary>
    FootDigit,

    /// <summary>E1–E4.</summary>
    Eyelid,

    /// <summary>LC, LD, LM, RC, RI.</summary>
    CoronaryArtery,
}
