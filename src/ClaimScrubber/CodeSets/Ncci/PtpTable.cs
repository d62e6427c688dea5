using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>The PTP modifier indicator of a code pair.</summary>
internal enum PtpModifierIndicator : byte
{
    /// <summary>0: no modifier allows the column 2 code with the column 1 code.</summary>
    NotAllowed = 0,

    /// <summary>1: an NCCI-associated modifier allows both codes when the services are distinct.</summary>
    Allowed = 1,

    /// <summary>9: the edit does not apply (it was deleted back to its effective date).</summary>
    NotApplicable = 9,
}

/// <summary>
/// The NCCI procedure-to-procedure edits of one setting, from one or more quarterly releases. A row is a pair key
/// (<c>column1 &lt;&lt; 32 | column2</c>, packed codes) in a sorted array with a parallel payload word holding the
/// effective and deletion days, the modifier indicator, the rationale (index into a small string table) and the
/// release (file) it came from: 16 bytes a pair, and about 2 more for the look-up structures built from the keys (a
/// hash index of the column-1 codes' runs, and a Bloom filter per run).
/// </summary>
/// <remarks>
/// Which release applies is decided by the date of service: the newest release published on or before it (before
/// the first, the first). Within that release, the row in force on the date applies.
/// <para>This type is immutable and thread-safe; look-ups allocate nothing.</para>
/// </remarks>
internal sealed partial class PtpTable
{
    private readonly ulong[] keys;
    private readonly ulong[] payloads;
    private readonly string[] rationales;
    private readonly TableRelease[] sources;
    private readonly ushort[] sourceDays;
    private readonly ushort[] releaseDays;
    private readonly uint[] codes;
    private readonly PackedKeyIndex column1Runs;
    private readonly int[] runStarts;
    private readonly SegmentedKeyFilter pairs;
    private uint[][]? codesInForce;

    internal PtpTable(NcciSetting setting, ulong[] keys, ulong[] payloads, string[] rationales, TableRelease[] sources, ushort[] sourceDays, uint[] codes)
    {
        Setting = setting;
        this.keys = keys;
        this.payloads = payloads;
        this.rationales = rationales;
        this.sources = sources;
        this.sourceDays = sourceDays;
        this.codes = codes;
        releaseDays = [.. sourceDays.Distinct().Order()];
        (column1Runs, runStarts) = IndexColumn1Runs(keys);
        pairs = SegmentedKeyFilter.Create(keys, runStarts);
    }

    public NcciSetting Setting { get; }

    /// <summary>Gets how many rows (pairs, over every loaded release) the table holds.</summary>
    public int Count => keys.Length;

    /// <summary>Gets the files the table was read from, in slot order.</summary>
    public IReadOnlyList<TableRelease> Sources => sources;

    /// <summary>Gets every code that appears in a pair, sorted, each once.</summary>
    public ReadOnlySpan<uint> Codes => codes;

    public static ulong KeyOf(uint column1, uint column2) => ((ulong)column1 << 32) | column2;

    internal static ulong Pack(ushort effective, ushort deleted, PtpModifierIndicator indicator, byte rationale, byte source) =>
        effective | ((ulong)deleted << 16) | ((ulong)indicator << 32) | ((ulong)rationale << 40) | ((ulong)source << 48);

    /// <summary>
    /// Finds the rows whose column 1 is <paramref name="column1"/>: a claim line's run is found once (by hash) and then
    /// searched for each other line, where a binary search over all 2.5 million pairs took a cache miss per step.
    /// </summary>
    /// <param name="column1">The column-1 code.</param>
    /// <returns>The run; empty when the code is column 1 of no pair.</returns>
    public PtpRun RunOf(ProcedureCode column1)
    {
        var run = column1Runs.IndexOf(column1.Value);
        return run < 0 ? default : new PtpRun(run, runStarts[run], runStarts[run + 1] - runStarts[run]);
    }

    /// <summary>
    /// Finds the edit with <paramref name="column1"/> in column 1 and <paramref name="column2"/> in column 2 in force on
    /// <paramref name="day"/> (see <see cref="NcciDay"/>), in the release that applies to that day.
    /// </summary>
    /// <returns>The row, or -1 when no edit is in force.</returns>
    public int Find(ProcedureCode column1, ProcedureCode column2, ushort day) => Find(RunOf(column1), column1, column2, day);

    /// <summary>Finds the pair in force on <paramref name="day"/> within <paramref name="run"/> (from <see cref="RunOf"/> of <paramref name="column1"/>); -1 when none.</summary>
    public int Find(PtpRun run, ProcedureCode column1, ProcedureCode column2, ushort day)
    {
        if (run.Length == 0)
        {
            return -1;
        }

        // Most pairs of a claim are in no edit: the run's filter settles those in one read, without searching the run.
        var key = KeyOf(column1.Value, column2.Value);
        if (!pairs.MightContain(run.Index, key))
        {
            return -1;
        }

        var at = LastAtOrBelow(keys, run, key);
        if (keys[at] != key)
        {
            return -1;
        }

        // Several releases (and, in the dated layout, a pair deleted and added again) give one key several rows.
        while (at > 0 && keys[at - 1] == key)
        {
            at--;
        }

        // The CSV form repeats a pair deleted and added again with no effective dates to tell them apart; on a date both
        // cover, the one deleted first is the edit that was in force then (the other began after it ended).
        var releaseDay = releaseDays.Length == 1 ? releaseDays[0] : releaseDays[NcciSettingNames.ReleaseFor(releaseDays, day)];
        var found = -1;
        var foundDeleted = 0;
        for (; at < keys.Length && keys[at] == key; at++)
        {
            var p = payloads[at];
            var deleted = (ushort)(p >> 16);
            if (sourceDays[(byte)(p >> 48)] == releaseDay && NcciDay.InForce((ushort)p, deleted, day) && (found < 0 || deleted < foundDeleted))
            {
                found = at;
                foundDeleted = deleted;
            }
        }

        return found;
    }

    /// <summary>
    /// Returns the last row of <paramref name="run"/> whose key is at most <paramref name="key"/> (its first row when
    /// none is). Branch-free: the comparison's 0 or 1 scales the step, where the JIT turned a conditional into a branch
    /// that mispredicts half the time; the key is in the run only when the filter let it through.
    /// </summary>
    private static int LastAtOrBelow(ulong[] keys, PtpRun run, ulong key)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(keys);
        var low = run.Start;
        var length = run.Length;
        while (length > 1)
        {
            var half = length >> 1;
            low += half * Unsafe.BitCast<bool, byte>(Unsafe.Add(ref first, low + half) <= key);
            length -= half;
        }

        return low;
    }

    private static (PackedKeyIndex Runs, int[] Starts) IndexColumn1Runs(ulong[] keys)
    {
        var column1s = new List<ulong>();
        var starts = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            var column1 = keys[i] >> 32;
            if (i == 0 || column1 != keys[i - 1] >> 32)
            {
                column1s.Add(column1);
                starts.Add(i);
            }
        }

        starts.Add(keys.Length);
        return (PackedKeyIndex.Create(CollectionsMarshal.AsSpan(column1s)), [.. starts]);
    }

    /// <summary>
    /// Gets, for each release (file slot), the codes of the edits it holds in force on its own release date (sorted), the
    /// codes that release knew as current. Worked out on first use (one pass over the rows) and kept.
    /// </summary>
    public IReadOnlyList<uint[]> CodesInForceAtRelease
    {
        get
        {
            if (Volatile.Read(ref codesInForce) is { } known)
            {
                return known;
            }

            var bySlot = sources.Select(_ => new HashSet<uint>()).ToArray();
            for (var row = 0; row < keys.Length; row++)
            {
                var p = payloads[row];
                var slot = (byte)(p >> 48);
                if ((PtpModifierIndicator)(byte)(p >> 32) != PtpModifierIndicator.NotApplicable && NcciDay.InForce((ushort)p, (ushort)(p >> 16), sourceDays[slot]))
                {
                    bySlot[slot].Add((uint)(keys[row] >> 32));
                    bySlot[slot].Add((uint)keys[row]);
                }
            }

            uint[][] computed = [.. bySlot.Select(codes => codes.Order().ToArray())];
            return Interlocked.CompareExchange(ref codesInForce, computed, null) ?? computed;
        }
    }

    public ProcedureCode Column1(int row) => ProcedureCode.FromValue((uint)(keys[row] >> 32));

    public ProcedureCode Column2(int row) => ProcedureCode.FromValue((uint)keys[row]);

    public PtpModifierIndicator Indicator(int row) => (PtpModifierIndicator)(byte)(payloads[row] >> 32);

    public string Rationale(int row) => rationales[(byte)(payloads[row] >> 40)];

    public DateOnly? Effective(int row) => (ushort)payloads[row] is var d && d != NcciDay.Start ? NcciDay.ToDate(d) : null;

    public DateOnly? Deleted(int row) => (ushort)(payloads[row] >> 16) is var d && d != NcciDay.Open ? NcciDay.ToDate(d) : null;

    public TableRelease Source(int row) => sources[(byte)(payloads[row] >> 48)];

    /// <summary>Tells whether the rationale says the codes are mutually exclusive (rather than column 2 being a component of column 1).</summary>
    public bool IsMutuallyExclusive(int row) => Rationale(row).StartsWith("Mutually exclusive", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The rows of a PTP table that share a column-1 code: <paramref name="Length"/> rows from <paramref name="Start"/>.</summary>
/// <param name="Index">The run's number, in column-1 code order.</param>
/// <param name="Start">The first row.</param>
/// <param name="Length">How many rows; 0 when the code is column 1 of no pair.</param>
internal readonly record struct PtpRun(int Index, int Start, int Length);
