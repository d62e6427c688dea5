namespace ClaimScrubber.CodeSets.PlaceOfService;

/// <summary>
/// One place-of-service code: whether CMS has assigned it, whether the physician fee schedule pays the facility or
/// the non-facility rate there, and its name.
/// </summary>
internal readonly record struct PlaceOfServiceInfo(bool IsAssigned, bool IsFacility, string Name, string Description);

/// <summary>
/// CMS's place-of-service codes 01–99, indexed directly by <see cref="PlaceOfServiceCode.Value"/>. Codes the file
/// lists as unassigned, and codes it omits, are not assigned.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class PlaceOfServiceTable
{
    private readonly PlaceOfServiceInfo?[] entries;

    /// <summary>Creates the table from entries indexed by code (index 0 unused), 100 long.</summary>
    public PlaceOfServiceTable(PlaceOfServiceInfo?[] entries, TableRelease release)
    {
        if (entries.Length != 100)
        {
            throw new ArgumentException("The table has one slot per code from 00 to 99.", nameof(entries));
        }

        this.entries = entries;
        Release = release;
        foreach (var entry in entries)
        {
            Count += entry is null ? 0 : 1;
            AssignedCount += entry is { IsAssigned: true } ? 1 : 0;
        }
    }

    /// <summary>Gets the release the table was read from.</summary>
    public TableRelease Release { get; }

    /// <summary>Gets the number of codes the file lists, unassigned ones included.</summary>
    public int Count { get; }

    /// <summary>Gets the number of assigned codes.</summary>
    public int AssignedCount { get; }

    /// <summary>Looks a code up; <see langword="false"/> when the file does not list it.</summary>
    public bool TryGet(PlaceOfServiceCode code, out PlaceOfServiceInfo info)
    {
        if (entries[code.Value] is { } entry)
        {
            info = entry;
            return true;
        }

        info = default;
        return false;
    }

    /// <summary>Tells whether CMS has assigned <paramref name="code"/>.</summary>
    public bool IsAssigned(PlaceOfServiceCode code) => entries[code.Value] is { IsAssigned: true };
}
