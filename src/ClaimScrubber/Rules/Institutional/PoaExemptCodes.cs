namespace ClaimScrubber.Rules.Institutional;

/// <summary>
/// The categories and codes exempt from present-on-admission reporting (ICD-10-CM Official Guidelines for Coding and
/// Reporting, Appendix I): a diagnosis starting with one of them needs no POA indicator on an inpatient bill.
/// </summary>
/// <remarks>
/// No CMS file here lists them, so they are kept as the prefixes Appendix I names. Where Appendix I excepts a few codes
/// inside an exempt category (V00.81-, V00.83-), the category is kept whole: a code is then counted as exempt and its
/// missing indicator goes unreported, never the reverse.
/// <para>This type is thread-safe; <see cref="IsExempt"/> allocates nothing.</para>
/// </remarks>
internal static class PoaExemptCodes
{
    private static readonly ulong[] Prefixes = Build(
        "B90", "B91", "B92", "B94", "E64", "I252", "I69", "O09", "O665", "O80", "O94", "P00",
        "Q00-Q99",
        "V00-V99",
        "W09", "W14", "W15", "W170", "W171", "W1801", "W21", "W30", "W31", "W32", "W33", "W34", "W35", "W36", "W37", "W38", "W39", "W40",
        "W52", "W56", "W58", "W61", "W62", "W89",
        "X02", "X03", "X04", "X52", "X71", "X72", "X73", "X74", "X75", "X76", "X77", "X81", "X82", "X83",
        "Y03", "Y07", "Y088", "Y21", "Y22", "Y23", "Y24", "Y30", "Y32", "Y36", "Y37", "Y92", "Y93", "Y99",
        "Z00", "Z01", "Z02", "Z03", "Z08", "Z09", "Z11", "Z12", "Z13", "Z14", "Z15", "Z17", "Z18", "Z22", "Z28", "Z30", "Z31", "Z34",
        "Z36", "Z37", "Z38", "Z39", "Z41", "Z42", "Z43", "Z44", "Z45", "Z46", "Z478", "Z49", "Z51", "Z52", "Z59", "Z63", "Z64", "Z65",
        "Z671", "Z672", "Z673", "Z674", "Z675", "Z676", "Z677", "Z678", "Z679", "Z68", "Z72", "Z73", "Z74", "Z75", "Z76", "Z77", "Z78",
        "Z79", "Z80", "Z81", "Z82", "Z83", "Z84", "Z85", "Z86", "Z87", "Z88", "Z89", "Z90", "Z910", "Z911", "Z914", "Z915", "Z918",
        "Z92", "Z93", "Z94", "Z95", "Z97", "Z98", "Z99");

    /// <summary>Tells whether <paramref name="code"/> is exempt from present-on-admission reporting.</summary>
    public static bool IsExempt(IcdCode code)
    {
        for (var length = IcdCode.MinLength; length <= code.Length; length++)
        {
            if (Array.BinarySearch(Prefixes, code.Truncate(length).Value) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ulong[] Build(params string[] entries)
    {
        var prefixes = new List<ulong>();
        foreach (var entry in entries)
        {
            if (entry.Split('-') is [var first, var last])
            {
                // A range of categories with one letter: Q00-Q99.
                for (var number = int.Parse(first[1..], System.Globalization.CultureInfo.InvariantCulture); number <= int.Parse(last[1..], System.Globalization.CultureInfo.InvariantCulture); number++)
                {
                    prefixes.Add(IcdCode.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first[0]}{number:D2}")).Value);
                }
            }
            else
            {
                prefixes.Add(IcdCode.Parse(entry).Value);
            }
        }

        prefixes.Sort();
        return [.. prefixes.Distinct()];
    }
}
