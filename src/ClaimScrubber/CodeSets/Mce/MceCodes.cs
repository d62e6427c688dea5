namespace ClaimScrubber.CodeSets.Mce;

/// <summary>The MCE lists keep their codes as sorted packed values, so that a look-up is one binary search and allocates nothing.</summary>
internal static class MceCodes
{
    /// <summary>Returns the distinct <paramref name="values"/>, sorted.</summary>
    public static ulong[] Sorted(IEnumerable<ulong> values)
    {
        var array = values.Distinct().ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>Tells whether the sorted <paramref name="values"/> hold <paramref name="value"/>.</summary>
    public static bool Has(ulong[] values, ulong value) => Array.BinarySearch(values, value) >= 0;

    /// <summary>
    /// Tells whether a list of a release effective from <paramref name="effectiveFrom"/> holds <paramref name="value"/> on
    /// <paramref name="date"/>: codes the release's change chapter says it removed count before its effective date,
    /// codes it added only from then.
    /// </summary>
    public static bool ListedOn(ulong[] codes, ulong[] added, ulong[] removed, DateOnly? effectiveFrom, ulong value, DateOnly date)
    {
        if (Has(codes, value))
        {
            return effectiveFrom is not { } from || date >= from || !Has(added, value);
        }

        return effectiveFrom is { } since && date < since && Has(removed, value);
    }
}
