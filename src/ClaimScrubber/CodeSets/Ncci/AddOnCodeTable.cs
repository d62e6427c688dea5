using System.Text;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>The add-on code edit type.</summary>
internal enum AddOnType : byte
{
    /// <summary>1: only the listed primary codes qualify.</summary>
    ListedPrimaries = 1,

    /// <summary>2: no primaries are listed; each contractor defines them (<c>CCCCC</c> in the file).</summary>
    ContractorDefined = 2,

    /// <summary>3: some primaries are listed; a contractor may accept others.</summary>
    SomeListed = 3,
}

/// <summary>
/// One quarter's add-on code edits: rows of (add-on, primary, type, effective day, last day) sorted by add-on then
/// primary. A primary of 0 stands for <c>CCCCC</c>, contractor-defined primaries.
/// </summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class AddOnCodeTable
{
    private readonly ulong[] keys;
    private readonly AddOnType[] types;
    private readonly ushort[] effective;
    private readonly ushort[] ends;
    private readonly PackedKeyIndex addOnRuns;

    public AddOnCodeTable(TableRelease release, ulong[] keys, AddOnType[] types, ushort[] effective, ushort[] ends)
    {
        Release = release;
        this.keys = keys;
        this.types = types;
        this.effective = effective;
        this.ends = ends;
        addOnRuns = PackedKeyIndex.Create([.. keys.Select(k => k >> 32)]);
    }

    public TableRelease Release { get; }

    public int Count => keys.Length;

    /// <summary>Gets every add-on and listed primary code (with repeats).</summary>
    public IEnumerable<ProcedureCode> Codes
    {
        get
        {
            foreach (var key in keys)
            {
                yield return ProcedureCode.FromValue((uint)(key >> 32));
                if ((uint)key != 0)
                {
                    yield return ProcedureCode.FromValue((uint)key);
                }
            }
        }
    }

    /// <summary>Gets the type of <paramref name="code"/> as an add-on code in force on <paramref name="day"/>, or <see langword="null"/> when it is not one.</summary>
    /// <remarks>When rows disagree, the strictest type (1, then 3, then 2) is taken.</remarks>
    public AddOnType? TypeOf(ProcedureCode code, ushort day)
    {
        AddOnType? type = null;
        for (var i = First(code); i < keys.Length && (uint)(keys[i] >> 32) == code.Value; i++)
        {
            if (NcciDay.InForce(effective[i], ends[i], day) && (type is null || Rank(types[i]) < Rank(type.Value)))
            {
                type = types[i];
            }
        }

        return type;
    }

    /// <summary>Tells whether the file lists <paramref name="primary"/> as a primary of <paramref name="addOn"/> on <paramref name="day"/>.</summary>
    public bool IsListedPrimary(ProcedureCode addOn, ProcedureCode primary, ushort day)
    {
        var key = ((ulong)addOn.Value << 32) | primary.Value;
        var at = Array.BinarySearch(keys, key);
        if (at < 0)
        {
            return false;
        }

        while (at > 0 && keys[at - 1] == key)
        {
            at--;
        }

        for (; at < keys.Length && keys[at] == key; at++)
        {
            if (NcciDay.InForce(effective[at], ends[at], day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tells whether any primary is listed for <paramref name="addOn"/> on <paramref name="day"/>.</summary>
    public bool HasListedPrimaries(ProcedureCode addOn, ushort day)
    {
        for (var i = First(addOn); i < keys.Length && (uint)(keys[i] >> 32) == addOn.Value; i++)
        {
            if ((uint)keys[i] != 0 && NcciDay.InForce(effective[i], ends[i], day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lists the primaries of <paramref name="addOn"/> on <paramref name="day"/> for a message (allocates; call only when reporting).</summary>
    public string DescribePrimaries(ProcedureCode addOn, ushort day, int max = 8)
    {
        var text = new StringBuilder();
        var listed = 0;
        for (var i = First(addOn); i < keys.Length && (uint)(keys[i] >> 32) == addOn.Value; i++)
        {
            if ((uint)keys[i] == 0 || !NcciDay.InForce(effective[i], ends[i], day))
            {
                continue;
            }

            if (listed++ < max)
            {
                text.Append(listed == 1 ? string.Empty : ", ").Append(ProcedureCode.FromValue((uint)keys[i]).ToString());
            }
        }

        if (listed > max)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $" and {listed - max} more");
        }

        return text.ToString();
    }

    private static int Rank(AddOnType type) => type switch
    {
        AddOnType.ListedPrimaries => 0,
        AddOnType.SomeListed => 1,
        _ => 2,
    };

    private int First(ProcedureCode addOn)
    {
        var at = addOnRuns.IndexOf(addOn.Value);
        return at < 0 ? keys.Length : at;
    }
}

/// <summary>The add-on code tables, possibly several quarters; the quarter in force on the date of service applies.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class AddOnCodeTables : IProcedureCodeSource
{
    private readonly AddOnCodeTable[] tables;
    private readonly ushort[] releaseDays;

    public AddOnCodeTables(IEnumerable<AddOnCodeTable> tables)
    {
        this.tables = [.. tables.OrderBy(t => t.Release.EffectiveFrom)];
        releaseDays = [.. this.tables.Select(t => NcciDay.Of(t.Release.EffectiveFrom!.Value))];
    }

    public IReadOnlyList<AddOnCodeTable> All => tables;

    public AddOnCodeTable For(ushort day) => tables.Length == 1 ? tables[0] : tables[NcciSettingNames.ReleaseFor(releaseDays, day)];

    public IEnumerable<ProcedureCode> ProcedureCodes => tables.SelectMany(t => t.Codes);
}
