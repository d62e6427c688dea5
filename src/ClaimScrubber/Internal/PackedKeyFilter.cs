using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClaimScrubber.Internal;

/// <summary>
/// A Bloom filter over packed keys, one 64-bit word per probe: says in one memory read that a key is certainly absent,
/// or possibly present (a few absent keys in a hundred at the sizes used). Most of a claim's procedure pairs are in no NCCI edit, and
/// this settles them without searching millions of pairs.
/// </summary>
/// <remarks>
/// Register-blocked: each key sets three bits of one word, so a look-up is one read and a mask test. At least 10 bits
/// per key (a power-of-two number of words; the NCCI practitioner table's 2.5 million pairs take 4 MB).
/// <para>This type is immutable and thread-safe; look-ups allocate nothing.</para>
/// </remarks>
internal sealed class PackedKeyFilter
{
    private const int BitsPerKey = 10;

    private readonly ulong[] words;
    private readonly int shift;

    private PackedKeyFilter(ulong[] words, int shift)
    {
        this.words = words;
        this.shift = shift;
    }

    /// <summary>Gets the filter's size in bytes.</summary>
    public long SizeInBytes => words.LongLength * sizeof(ulong);

    /// <summary>Builds the filter of <paramref name="keys"/> (repeats are harmless).</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The filter.</returns>
    public static PackedKeyFilter Create(ReadOnlySpan<ulong> keys)
    {
        var wanted = Math.Max(64UL, (ulong)keys.Length * BitsPerKey / 64);
        var bits = 64 - BitOperations.LeadingZeroCount(wanted - 1);
        var words = new ulong[1UL << bits];
        var shift = 64 - bits;
        foreach (var key in keys)
        {
            var hash = Mix(key);
            words[(int)(hash >> shift)] |= MaskOf(hash);
        }

        return new PackedKeyFilter(words, shift);
    }

    /// <summary>Tells whether <paramref name="key"/> may be among the keys: <see langword="false"/> is certain.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="false"/> when the key is certainly absent.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MightContain(ulong key)
    {
        var hash = Mix(key);
        var mask = MaskOf(hash);
        return (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), (nint)(hash >> shift)) & mask) == mask;
    }

    // The splitmix64 finaliser: packed keys differ in few, clustered bits, and every output bit must depend on all of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong key)
    {
        key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9UL;
        key = (key ^ (key >> 27)) * 0x94D049BB133111EBUL;
        return key ^ (key >> 31);
    }

    // The low 18 bits choose the three bits; the word comes from the high bits, so the two are independent.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MaskOf(ulong hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63)) | (1UL << (int)((hash >> 12) & 63));
}
