namespace ClaimScrubber.CodeSets;

/// <summary>
/// The federal fiscal year that ICD-10-CM and ICD-10-PCS releases follow: FY N runs from October 1 of N−1 to
/// September 30 of N.
/// </summary>
internal static class FiscalYears
{
    /// <summary>Returns the fiscal year <paramref name="date"/> falls in: October 1 starts the next year's.</summary>
    public static int Of(DateOnly date)
    {
        // One decomposition of the day number, where Month and Year would each do their own (every diagnosis of every claim asks).
        date.Deconstruct(out var year, out var month, out _);
        return month >= 10 ? year + 1 : year;
    }

    /// <summary>
    /// Returns the first day of <paramref name="fiscalYear"/> (October 1 of the year before); FY1, which starts before the
    /// calendar does, starts on its first day.
    /// </summary>
    public static DateOnly Start(int fiscalYear) => fiscalYear <= 1 ? DateOnly.MinValue : fiscalYear > 10000 ? DateOnly.MaxValue : new(fiscalYear - 1, 10, 1);

    /// <summary>
    /// Returns the last day of <paramref name="fiscalYear"/> (September 30); FY10000, which ends after the calendar does
    /// (9999-12-31 falls in it), ends on its last day.
    /// </summary>
    public static DateOnly End(int fiscalYear) => fiscalYear >= 10000 ? DateOnly.MaxValue : fiscalYear < 1 ? DateOnly.MinValue : new(fiscalYear, 9, 30);

    /// <summary>Returns <paramref name="fiscalYear"/> when in <paramref name="loaded"/>, else the nearest one (the later on a tie).</summary>
    public static int Nearest(ReadOnlySpan<int> loaded, int fiscalYear)
    {
        var best = loaded[0];
        foreach (var year in loaded)
        {
            if (Math.Abs(year - fiscalYear) <= Math.Abs(best - fiscalYear))
            {
                best = year;
            }
        }

        return best;
    }
}
