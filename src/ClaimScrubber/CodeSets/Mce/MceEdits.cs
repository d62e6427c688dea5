namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The diagnosis edits of CMS's Medicare Code Editor that ClaimScrubber mirrors, as flags so that one diagnosis's
/// edits fit in one value without allocating.
/// </summary>
[Flags]
internal enum MceEdits
{
    /// <summary>The diagnosis passed every edit.</summary>
    None = 0,

    /// <summary>MCE edit 1: the code is not a valid (billable) ICD-10-CM code on the discharge date.</summary>
    InvalidCode = 1 << 0,

    /// <summary>MCE edit 2: an external-cause code (V00–Y99) is the principal diagnosis.</summary>
    ECodeAsPdx = 1 << 1,

    /// <summary>MCE edit 3: a secondary diagnosis repeats the principal diagnosis.</summary>
    DuplicateOfPdx = 1 << 2,

    /// <summary>MCE edit 4: the code is on an age list whose range excludes the patient's age.</summary>
    AgeConflict = 1 << 3,

    /// <summary>MCE edit 5: the code is for the other sex (deactivated from 2024-10-01).</summary>
    SexConflict = 1 << 4,

    /// <summary>MCE edit 6: a manifestation code is the principal diagnosis.</summary>
    ManifestationAsPdx = 1 << 5,

    /// <summary>MCE edit 8: the principal diagnosis is not usually sufficient reason for an inpatient admission.</summary>
    QuestionableAdmission = 1 << 6,

    /// <summary>MCE edit 9: the code is unacceptable as principal diagnosis.</summary>
    UnacceptablePdx = 1 << 7,

    /// <summary>MCE edit 9 (asterisked code): the principal diagnosis is acceptable only with a secondary diagnosis, and there is none.</summary>
    RequiresSdx = 1 << 8,

    /// <summary>MCE edit 18: an external-cause code says the wrong procedure was performed.</summary>
    WrongProcedurePerformed = 1 << 9,

    /// <summary>MCE edit 20: an unspecified-laterality code where the code family has right, left or bilateral codes.</summary>
    Unspecified = 1 << 10,
}

/// <summary>The MCE's own names for <see cref="MceEdits"/>, as its output and the golden vectors spell them.</summary>
internal static class MceEditNames
{
    /// <summary>Every single edit with its MCE name, ordered by name (the order MCE-compatible output lists them in).</summary>
    public static readonly (MceEdits Edit, string Name)[] ByName =
    [
        (MceEdits.AgeConflict, "AGE_CONFLICT"),
        (MceEdits.DuplicateOfPdx, "DUPLICATE_OF_PDX"),
        (MceEdits.ECodeAsPdx, "E_CODE_AS_PDX"),
        (MceEdits.InvalidCode, "INVALID_CODE"),
        (MceEdits.ManifestationAsPdx, "MANIFESTATION_AS_PDX"),
        (MceEdits.QuestionableAdmission, "QUESTIONABLE_ADMISSION"),
        (MceEdits.RequiresSdx, "REQUIRES_SDX"),
        (MceEdits.SexConflict, "SEX_CONFLICT"),
        (MceEdits.UnacceptablePdx, "UNACCEPTABLE_PDX"),
        (MceEdits.Unspecified, "UNSPECIFIED"),
        (MceEdits.WrongProcedurePerformed, "WRONG_PROCEDURE_PERFORMED"),
    ];

    /// <summary>Returns the MCE names of the edits in <paramref name="edits"/>, ordered by name.</summary>
    public static string[] Names(MceEdits edits)
    {
        var names = new List<string>(2);
        foreach (var (edit, name) in ByName)
        {
            if ((edits & edit) != 0)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }
}
