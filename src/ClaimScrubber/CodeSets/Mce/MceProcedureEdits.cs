namespace ClaimScrubber.CodeSets.Mce;

/// <summary>The procedure edits of CMS's Medicare Code Editor, as flags so that one procedure's edits fit in one value.</summary>
[Flags]
internal enum MceProcedureEdits
{
    /// <summary>The procedure passed every edit.</summary>
    None = 0,

    /// <summary>MCE edit 1: not a valid ICD-10-PCS code in the discharge date's fiscal year.</summary>
    InvalidCode = 1 << 0,

    /// <summary>MCE edit 11: Medicare does not pay for the procedure (always, or in the circumstances the list's section states).</summary>
    NonCovered = 1 << 1,

    /// <summary>MCE edit 17: Medicare limits its coverage of the procedure to a portion of the cost.</summary>
    LimitedCoverage = 1 << 2,

    /// <summary>MCE edit 8B: a cesarean or vaginal delivery procedure without a secondary outcome-of-delivery diagnosis.</summary>
    QuestionableObstetricAdmission = 1 << 3,

    /// <summary>MCE edit 5: the procedure is for the other sex (deactivated from 2024-10-01).</summary>
    SexConflict = 1 << 4,

    /// <summary>MCE edit 19: the procedure needs a longer stay than the admission and discharge dates allow.</summary>
    InconsistentWithLengthOfStay = 1 << 5,
}

/// <summary>The claim-level edits of CMS's Medicare Code Editor (edits 14–16), which check the claim's demographics.</summary>
[Flags]
internal enum MceClaimEdits
{
    /// <summary>The claim's age, sex and discharge status are valid.</summary>
    None = 0,

    /// <summary>MCE edit 14: the age is outside the range the MCE accepts (0–124 years).</summary>
    InvalidAge = 1 << 0,

    /// <summary>MCE edit 15: the sex is not one of the MCE's codes (0 unknown, 1 male, 2 female).</summary>
    InvalidSex = 1 << 1,

    /// <summary>MCE edit 16: the discharge status is not a UB-04 patient discharge status valid on the discharge date.</summary>
    InvalidDischargeStatus = 1 << 2,
}

/// <summary>The MCE's own names for <see cref="MceProcedureEdits"/> and <see cref="MceClaimEdits"/>, as its output spells them.</summary>
internal static class MceProcedureEditNames
{
    /// <summary>Every procedure edit with its MCE name, ordered by name (the order MCE-compatible output lists them in).</summary>
    public static readonly (MceProcedureEdits Edit, string Name)[] ByName =
    [
        (MceProcedureEdits.InconsistentWithLengthOfStay, "INCONSISTENT_WITH_LENGTH_OF_STAY"),
        (MceProcedureEdits.InvalidCode, "INVALID_CODE"),
        (MceProcedureEdits.LimitedCoverage, "LIMITED_COVERAGE"),
        (MceProcedureEdits.NonCovered, "NON_COVERED"),
        (MceProcedureEdits.QuestionableObstetricAdmission, "QUESTIONABLE_OBSTETRIC_ADMISSION"),
        (MceProcedureEdits.SexConflict, "SEX_CONFLICT"),
    ];

    /// <summary>Every claim-level edit with its MCE name, ordered by name.</summary>
    public static readonly (MceClaimEdits Edit, string Name)[] ClaimByName =
    [
        (MceClaimEdits.InvalidAge, "INVALID_AGE"),
        (MceClaimEdits.InvalidDischargeStatus, "INVALID_DISCHARGE_STATUS"),
        (MceClaimEdits.InvalidSex, "INVALID_SEX"),
    ];

    /// <summary>Returns the MCE names of the edits in <paramref name="edits"/>, ordered by name.</summary>
    public static string[] Names(MceProcedureEdits edits) => [.. ByName.Where(e => (edits & e.Edit) != 0).Select(e => e.Name)];

    /// <summary>Returns the MCE names of the claim-level edits in <paramref name="edits"/>, ordered by name.</summary>
    public static string[] Names(MceClaimEdits edits) => [.. ClaimByName.Where(e => (edits & e.Edit) != 0).Select(e => e.Name)];
}
