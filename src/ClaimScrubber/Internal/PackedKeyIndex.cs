using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClaimScrubber.Internal;

/// <summary>
/// Finds a packed code (an <c>IcdCode</c>, <c>ProcedureCode</c> or <c>ModifierCode</c> value, or a pair of them) in a
/// table's key array in one or two cache misses, where a binary search over a large table takes one miss per step.
/// </summary>
/// <remarks>
/// An open-addressing hash table (Fibonacci hashing, linear probing, load factor at most one half) whose slots hold the
/// key beside its position, so a probe reads one cache line. Built once from the table's keys; the table keeps its
/// sorted arrays for ordered scans and uses this only to find a key.
/// <para>This type is immutable and thread-safe; <see cref="IndexOf"/> allocates nothing.</para>
/// </remarks>
internal sealed class PackedKeyIndex
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;

    private readonly Slot[] slots;
    private readonly int shift;
    private readonly int mask;

    private PackedKeyIndex(Slot[] slots, int shift)
    {
        this.slots = slots;
        this.shift = shift;
        mask = slots.Length - 1;
    }

    /// <summary>Gets how many distinct keys the index holds.</summary>
    public int Count { get; private init; }

    /// <summary>Indexes <paramref name="keys"/>: each distinct key maps to the position of its first occurrence.</summary>
    /// <param name="keys">The table's keys, in any order; 0 is not a valid key (no packed code is 0).</param>
    /// <returns>The index.</returns>
    public static PackedKeyIndex Create(ReadOnlySpan<ulong> keys)
    {
        var bits = Math.Max(4, 64 - ulong.LeadingZeroCount((ulong)Math.Max(1, keys.Length * 2) - 1));
        var slots = new Slot[1 << (int)bits];
        var shift = 64 - (int)bits;
        var mask = slots.Length - 1;
        var count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key == 0)
            {
                throw new ArgumentException("A packed key of 0 cannot be indexed.", nameof(keys));
            }

            var at = (int)((key * Fibonacci) >> shift);
            while (slots[at].Key != 0 && slots[at].Key != key)
            {
                at = (at + 1) & mask;
            }

            if (slots[at].Key == 0)
            {
                slots[at] = new Slot(key, i);
                count++;
            }
        }

        return new PackedKeyIndex(slots, shift) { Count = count };
    }

    /// <summary>Indexes 32-bit keys (procedure codes); see <see cref="Create(ReadOnlySpan{ulong})"/>.</summary>
    /// <param name="keys">The table's keys.</param>
    /// <returns>The index.</returns>
    public static PackedKeyIndex Create(ReadOnlySpan<uint> keys)
    {
        var wide = new ulong[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            wide[i] = keys[i];
        }

        return Create(wide);
    }

    /// <summary>Returns the position of <paramref name="key"/>'s first occurrence in the keys indexed, or -1.</summary>
    /// <param name="key">The packed key.</param>
    /// <returns>The position, or -1 when absent.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ulong key)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(slots);
        var at = (int)((key * Fibonacci) >> shift);
        while (true)
        {
            var slot = Unsafe.Add(ref first, at);
            if (slot.Key == key)
            {
                return key == 0 ? -1 : slot.Position;
            }

            if (slot.Key == 0)
            {
                return -1;
            }

            at = (at + 1) & mask;
        }
    }

    private readonly record struct Slot(ulong Key, int Position);
}
