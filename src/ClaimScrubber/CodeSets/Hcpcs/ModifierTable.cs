namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>Which modifier list a modifier belongs to; P1–P6 belong to both.</summary>
[Flags]
internal enum ModifierLevels : byte
{
    None = 0,

    /// <summary>A CPT (Level I) modifier, such as <c>25</c> or <c>59</c>.</summary>
    LevelOne = 1,

    /// <summary>A HCPCS Level II modifier, such as <c>LT</c>, <c>GA</c> or <c>XS</c>.</summary>
    LevelTwo = 2,
}

/// <summary>One known modifier: its lists, its category in CMS's modifier list, and its HCPCS Level II record when the quarterly file has one.</summary>
internal readonly record struct ModifierInfo(ModifierLevels Levels, string Category, HcpcsCodeInfo? LevelTwo)
{
    /// <summary>
    /// Tells whether the modifier may be billed on <paramref name="date"/>. Only Level II modifiers carry dates;
    /// a CPT modifier is taken as valid on any date.
    /// </summary>
    public bool IsActiveOn(DateOnly date) => (Levels & ModifierLevels.LevelOne) != 0 || LevelTwo is not { } record || record.IsActiveOn(date);
}

/// <summary>
/// The known modifiers: the union of CMS's list of CPT and HCPCS modifiers and the Level II modifiers of the HCPCS
/// quarterly file (RECID 7), which add effective and termination dates. Sorted by <see cref="ModifierCode.Value"/>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class ModifierTable
{
    private readonly ushort[] codes;
    private readonly ModifierInfo[] entries;

    /// <summary>Creates the table from modifiers sorted by value, without duplicates, and their entries in the same order.</summary>
    public ModifierTable(ushort[] codes, ModifierInfo[] entries, TableRelease? listRelease, TableRelease? levelTwoRelease)
    {
        if (codes.Length != entries.Length)
        {
            throw new ArgumentException("Each modifier needs one entry.", nameof(entries));
        }

        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i - 1] >= codes[i])
            {
                throw new ArgumentException("Modifiers must be sorted and distinct.", nameof(codes));
            }
        }

        this.codes = codes;
        this.entries = entries;
        ListRelease = listRelease;
        LevelTwoRelease = levelTwoRelease;
        foreach (var entry in entries)
        {
            LevelOneCount += (entry.Levels & ModifierLevels.LevelOne) != 0 ? 1 : 0;
            LevelTwoCount += (entry.Levels & ModifierLevels.LevelTwo) != 0 ? 1 : 0;
        }
    }

    /// <summary>Gets the release of CMS's CPT and HCPCS modifier list, or <see langword="null"/> when only the HCPCS file was loaded.</summary>
    public TableRelease? ListRelease { get; }

    /// <summary>Gets the HCPCS quarterly release the Level II dates come from, or <see langword="null"/> when it was not loaded.</summary>
    public TableRelease? LevelTwoRelease { get; }

    /// <summary>Gets the number of distinct modifiers.</summary>
    public int Count => codes.Length;

    /// <summary>Gets the number of CPT (Level I) modifiers.</summary>
    public int LevelOneCount { get; }

    /// <summary>Gets the number of HCPCS Level II modifiers.</summary>
    public int LevelTwoCount { get; }

    /// <summary>
    /// Gets a value indicating whether the table knows the CPT modifiers, so that a modifier it does not list can be
    /// called unknown; the HCPCS file alone lists only Level II modifiers.
    /// </summary>
    public bool IsComplete => LevelOneCount > 0 && LevelTwoCount > 0;

    /// <summary>Gets the release that decides whether a modifier exists.</summary>
    public TableRelease? Release => ListRelease ?? LevelTwoRelease;

    /// <summary>Gets every modifier, in value order.</summary>
    public IEnumerable<ModifierCode> Modifiers => codes.Select(ModifierCode.FromValue);

    /// <summary>Looks a modifier up.</summary>
    public bool TryGet(ModifierCode modifier, out ModifierInfo info)
    {
        var index = codes.AsSpan().BinarySearch(modifier.Value);
        if (index < 0)
        {
            info = default;
            return false;
        }

        info = entries[index];
        return true;
    }
}
