using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>
/// The HCPCS Level II procedure codes of one quarterly file (RECID 3), terminated ones included, with their dates,
/// action, coverage and classification. Sorted by <see cref="ProcedureCode.Value"/>; look-ups are a binary search.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class HcpcsTable : IProcedureCodeSource
{
    private readonly uint[] codes;
    private readonly HcpcsCodeInfo[] entries;
    private readonly PackedKeyIndex positions;

    /// <summary>Creates the table from codes sorted by value, without duplicates, and their entries in the same order.</summary>
    public HcpcsTable(uint[] codes, HcpcsCodeInfo[] entries, TableRelease release)
    {
        if (codes.Length != entries.Length)
        {
            throw new ArgumentException("Each code needs one entry.", nameof(entries));
        }

        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i - 1] >= codes[i])
            {
                throw new ArgumentException("Codes must be sorted and distinct.", nameof(codes));
            }
        }

        this.codes = codes;
        this.entries = entries;
        positions = PackedKeyIndex.Create(codes);
        Release = release;
    }

    /// <summary>Gets the quarterly release the table was read from.</summary>
    public TableRelease Release { get; }

    /// <summary>Gets the number of procedure codes, terminated ones included.</summary>
    public int Count => codes.Length;

    /// <inheritdoc/>
    public IEnumerable<ProcedureCode> ProcedureCodes => codes.Select(ProcedureCode.FromValue);

    /// <summary>Looks a code up.</summary>
    public bool TryGet(ProcedureCode code, out HcpcsCodeInfo info)
    {
        var row = RowOf(code);
        info = row < 0 ? default : entries[row];
        return row >= 0;
    }

    /// <summary>Finds the row of <paramref name="code"/> (see <see cref="Info"/>), or -1 when the file does not list it.</summary>
    public int RowOf(ProcedureCode code) => positions.IndexOf(code.Value);

    /// <summary>Gets the entry of a row found by <see cref="RowOf"/>.</summary>
    public ref readonly HcpcsCodeInfo Info(int row) => ref entries[row];

    /// <summary>Tells whether the file lists <paramref name="code"/> (even terminated).</summary>
    public bool Contains(ProcedureCode code) => positions.IndexOf(code.Value) >= 0;
}
