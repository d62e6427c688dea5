namespace ClaimScrubber.CodeSets.Mce;

/// <summary>The diagnosis lists of the Medicare Code Editor that its diagnosis edits read.</summary>
internal enum MceList
{
    /// <summary>4A: perinatal/newborn diagnoses, age 0 only.</summary>
    Newborn,

    /// <summary>4B: pediatric diagnoses, ages 0 through 17.</summary>
    Pediatric,

    /// <summary>4C: maternity diagnoses, ages 9 through 64.</summary>
    Maternity,

    /// <summary>4D: adult diagnoses, ages 15 through 124.</summary>
    Adult,

    /// <summary>5: diagnoses for females only (from the v41.1 lists; the edit is deactivated from 2024-10-01).</summary>
    FemaleOnly,

    /// <summary>5: diagnoses for males only (from the v41.1 lists; the edit is deactivated from 2024-10-01).</summary>
    MaleOnly,

    /// <summary>6: manifestation codes not allowed as principal diagnosis.</summary>
    Manifestation,

    /// <summary>8A: questionable admission codes (as principal diagnosis).</summary>
    QuestionableAdmission,

    /// <summary>9: unacceptable principal diagnosis codes.</summary>
    UnacceptablePrincipal,

    /// <summary>9 (asterisked): unacceptable as principal diagnosis unless a secondary diagnosis is coded.</summary>
    RequiresSecondary,

    /// <summary>18: external-cause codes saying the wrong procedure was performed.</summary>
    WrongProcedure,

    /// <summary>20: unspecified-laterality codes whose family has right, left or bilateral codes.</summary>
    Unspecified,
}

/// <summary>Helpers over <see cref="MceList"/>.</summary>
internal static class MceLists
{
    /// <summary>The number of lists.</summary>
    public const int Count = (int)MceList.Unspecified + 1;

    /// <summary>Returns the name the definitions manual gives the list.</summary>
    public static string Title(MceList list) => list switch
    {
        MceList.Newborn => "Perinatal/Newborn diagnoses (age 0)",
        MceList.Pediatric => "Pediatric diagnoses (age 0 through 17)",
        MceList.Maternity => "Maternity diagnoses (age 9 through 64)",
        MceList.Adult => "Adult diagnoses (age 15 through 124)",
        MceList.FemaleOnly => "Female-only diagnoses",
        MceList.MaleOnly => "Male-only diagnoses",
        MceList.Manifestation => "Manifestation codes not allowed as principal diagnosis",
        MceList.QuestionableAdmission => "Questionable admission codes",
        MceList.UnacceptablePrincipal => "Unacceptable principal diagnosis codes",
        MceList.RequiresSecondary => "Unacceptable principal diagnosis unless a secondary diagnosis is coded",
        MceList.WrongProcedure => "Wrong procedure performed codes",
        _ => "Unspecified codes (laterality)",
    };
}
