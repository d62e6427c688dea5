namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// One release's version of one MCE diagnosis list: its codes (sorted packed values), the dates the release stands
/// for, the fiscal year whose code set it is written in, codes the release's change chapter dates, and the date the
/// edit was deactivated when the manual says so.
/// </summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class MceListVersion
{
    private readonly ulong[] codes;
    private readonly ulong[] removedCodes;
    private readonly ulong[] addedCodes;

    public MceListVersion(MceList list, TableRelease release, int codeYear, IEnumerable<IcdCode> codes, IEnumerable<IcdCode>? removedOnRelease = null, IEnumerable<IcdCode>? addedOnRelease = null, DateOnly? inactiveFrom = null)
    {
        List = list;
        Release = release;
        CodeYear = codeYear;
        this.codes = Sorted(codes);
        removedCodes = Sorted(removedOnRelease ?? []);
        addedCodes = Sorted(addedOnRelease ?? []);
        InactiveFrom = inactiveFrom;
    }

    public MceList List { get; }

    /// <summary>Gets the release the list was read from; its effective dates are the dates this version stands for.</summary>
    public TableRelease Release { get; }

    /// <summary>Gets the fiscal year whose ICD-10-CM code set the list is written in.</summary>
    public int CodeYear { get; }

    /// <summary>Gets the first date the edit no longer applies (the manual's "deactivated as of"), or <see langword="null"/>.</summary>
    public DateOnly? InactiveFrom { get; }

    /// <summary>Gets how many codes the list holds.</summary>
    public int Count => codes.Length;

    /// <summary>Gets the codes in code order (allocates; for tests and reports).</summary>
    public IEnumerable<IcdCode> Codes => codes.Select(IcdCode.FromValue);

    /// <summary>Gets the codes the release removed, which the list held before its effective date.</summary>
    public IEnumerable<IcdCode> RemovedCodes => removedCodes.Select(IcdCode.FromValue);

    /// <summary>Tells whether the list's edit is still active on <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateOnly date) => InactiveFrom is not { } off || date < off;

    /// <summary>
    /// Tells whether the list holds <paramref name="code"/> on <paramref name="date"/>: codes the release removed count
    /// before its effective date, codes it added only from then.
    /// </summary>
    public bool Contains(IcdCode code, DateOnly date) => MceCodes.ListedOn(codes, addedCodes, removedCodes, Release.EffectiveFrom, code.Value, date);

    /// <summary>Tells whether the list holds a code that extends <paramref name="prefix"/> (a longer code starting with it).</summary>
    public bool ContainsDescendantOf(IcdCode prefix)
    {
        var index = Array.BinarySearch(codes, prefix.Value);

        // Descendants sort right after their prefix (absent characters pack as 0).
        var next = index >= 0 ? index + 1 : ~index;
        return next < codes.Length && IcdCode.FromValue(codes[next]).StartsWith(prefix);
    }

    private static ulong[] Sorted(IEnumerable<IcdCode> source) => MceCodes.Sorted(source.Select(c => c.Value));
}
