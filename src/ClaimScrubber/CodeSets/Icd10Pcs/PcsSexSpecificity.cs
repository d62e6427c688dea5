namespace ClaimScrubber.CodeSets.Icd10Pcs;

/// <summary>
/// Which sex an ICD-10-PCS procedure can only be performed on, read from the code's own axes: a body system, body part
/// or body region the PCS tables name for one sex (Female or Male Reproductive System, Female or Male Perineum, the
/// Products of Conception, the uterine or prostatic arteries, the female genital tract) or the Obstetrics section.
/// </summary>
/// <remarks>
/// The MCE's sex-conflict edit (5) read lists of procedures for females and for males only. CMS deactivated it from
/// 2024-10-01, and no file here prints its procedure lists (the v43.1 manual prints none; the v41.1 CSV holds diagnoses
/// only), so they are derived from the PCS axes the lists were made of:
/// <list type="bullet">
/// <item><description>female: section 0 body system U; section 0 body system W body part N (Perineum, Female); section 1
/// (Obstetrics); placement 2Y with body region 4 (Female Genital Tract); transfusion 302 into body part 7 (Products of
/// Conception, Circulatory); administration 3E with body part E (Products of Conception) or P (Female Reproductive);
/// measurement and monitoring 4A with body system H or J (Products of Conception); other procedures 8E0U (Female
/// Reproductive System); imaging, nuclear medicine and radiation therapy of body system U, and imaging of body system Y
/// (Fetus and Obstetrical); occlusion of the uterine arteries (04LE/04LF with qualifier T or U).</description></item>
/// <item><description>male: section 0 body system V; body system W body part M (Perineum, Male); administration 3E with body
/// part N (Male Reproductive); other procedures 8E0V (prostate); imaging, nuclear medicine and radiation therapy of body
/// system V; occlusion of the prostatic arteries (04LE/04LF with qualifier V or W).</description></item>
/// </list>
/// <para>This type is thread-safe and allocates nothing.</para>
/// </remarks>
internal static class PcsSexSpecificity
{
    /// <summary>Returns the only sex <paramref name="code"/> can be performed on, or <see cref="Sex.Unknown"/> when it is either's.</summary>
    public static Sex Of(PcsCode code)
    {
        Span<char> c = stackalloc char[PcsCode.Length];
        code.TryFormat(c, out _, default, null);
        return (c[0], c[1]) switch
        {
            ('0', 'U') => Sex.Female,
            ('0', 'V') => Sex.Male,
            ('0', 'W') => c[3] switch { 'N' => Sex.Female, 'M' => Sex.Male, _ => Sex.Unknown },
            ('0', '4') when c[2] == 'L' && c[3] is 'E' or 'F' => c[6] switch { 'T' or 'U' => Sex.Female, 'V' or 'W' => Sex.Male, _ => Sex.Unknown },
            ('1', _) => Sex.Female,
            ('2', 'Y') when c[3] == '4' => Sex.Female,
            ('3', '0') when c[2] == '2' && c[3] == '7' => Sex.Female,
            ('3', 'E') => c[3] switch { 'E' or 'P' => Sex.Female, 'N' => Sex.Male, _ => Sex.Unknown },
            ('4', 'A') when c[3] is 'H' or 'J' => Sex.Female,
            ('8', 'E') when c[2] == '0' => c[3] switch { 'U' => Sex.Female, 'V' => Sex.Male, _ => Sex.Unknown },
            ('B', 'Y') => Sex.Female,
            ('B' or 'C' or 'D', 'U') => Sex.Female,
            ('B' or 'C' or 'D', 'V') => Sex.Male,
            _ => Sex.Unknown,
        };
    }
}
