using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.FeeSchedule;

/// <summary>
/// The physician fee schedule RVU file's payment-policy indicators, one row per code and per code with modifier
/// (26, TC, 53), keyed by the packed code and modifier in one sorted array. No description text is kept (CPT
/// descriptors are AMA text).
/// </summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class FeeScheduleTable : IProcedureCodeSource
{
    private readonly ulong[] keys;
    private readonly FeeScheduleEntry[] entries;
    private readonly PackedKeyIndex positions;

    /// <summary>Creates the table from rows in any order; a repeated code+modifier keeps the first row.</summary>
    public FeeScheduleTable(IEnumerable<(ProcedureCode Code, ModifierCode Modifier, FeeScheduleEntry Entry)> rows, TableRelease release)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.Select(r => (Key: KeyOf(r.Code, r.Modifier), r.Entry)).ToList();

        // A stable sort keeps the first of any duplicates in front, where DistinctBy keeps it.
        list = [.. list.OrderBy(r => r.Key).DistinctBy(r => r.Key)];
        keys = [.. list.Select(r => r.Key)];
        entries = [.. list.Select(r => r.Entry)];
        positions = PackedKeyIndex.Create(keys);
        Release = release;
    }

    /// <summary>Gets the release the table was read from.</summary>
    public TableRelease Release { get; }

    /// <summary>Gets how many rows (code and code+modifier) the table holds.</summary>
    public int Count => keys.Length;

    /// <inheritdoc/>
    public IEnumerable<ProcedureCode> ProcedureCodes
    {
        get
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (i == 0 || keys[i] >> 16 != keys[i - 1] >> 16)
                {
                    yield return ProcedureCode.FromValue((uint)(keys[i] >> 16));
                }
            }
        }
    }

    /// <summary>Finds the row of the code billed without a payment modifier (the global service).</summary>
    public bool TryGet(ProcedureCode code, out FeeScheduleEntry entry) => TryGet(code, default, out entry);

    /// <summary>Finds the row of a code with modifier 26, TC or 53 (default modifier: the code's own row).</summary>
    public bool TryGet(ProcedureCode code, ModifierCode modifier, out FeeScheduleEntry entry)
    {
        var at = positions.IndexOf(KeyOf(code, modifier));
        if (at < 0)
        {
            entry = default;
            return false;
        }

        entry = entries[at];
        return true;
    }

    /// <summary>
    /// Finds the row that prices a line billing <paramref name="code"/> with <paramref name="component"/> (26, TC or 53
    /// from <c>PaymentModifiers.ComponentOf</c>, or none): the component's own row when the file has one, since it
    /// carries its own indicators, else the code's row.
    /// </summary>
    public bool TryGetBilled(ProcedureCode code, ModifierCode component, out FeeScheduleEntry entry) =>
        (!component.IsDefault && TryGet(code, component, out entry)) || TryGet(code, out entry);

    /// <summary>Tells whether the file has a row for the code with <paramref name="modifier"/>.</summary>
    public bool HasRow(ProcedureCode code, ModifierCode modifier) => positions.IndexOf(KeyOf(code, modifier)) >= 0;

    private static ulong KeyOf(ProcedureCode code, ModifierCode modifier) => ((ulong)code.Value << 16) | modifier.Value;
}
