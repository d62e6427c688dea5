using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClaimScrubber.Internal;

/// <summary>
/// Bloom filters over the segments of a sorted key array (for the NCCI tables, the run of pairs of each column-1 code),
/// one 64-bit word per probe: says in one read that a key is certainly not in its segment, or possibly is.
/// </summary>
/// <remarks>
/// Most of a claim's procedure pairs are in no edit. A single filter over all 2.5 million pairs answered in one read,
/// but a read of a random cache line in megabytes; a segment's filter sits in a few lines that stay cached while the
/// same column-1 codes recur from claim to claim, where a binary search of the segment cost a cache access per step.
/// Register-blocked: a key sets three bits of one word; at least 10 bits per key, each segment a power-of-two number of
/// words.
/// <para>This type is immutable and thread-safe; look-ups allocate nothing.</para>
/// </remarks>
internal sealed class SegmentedKeyFilter
{
    private const int BitsPerKey = 10;

    private readonly ulong[] words;
    private readonly int[] wordStarts;

    private SegmentedKeyFilter(ulong[] words, int[] wordStarts)
    {
        this.words = words;
        this.wordStarts = wordStarts;
    }

    /// <summary>Builds one filter per segment of <paramref name="keys"/>.</summary>
    /// <param name="keys">The keys (repeats are harmless).</param>
    /// <param name="segmentStarts">Where each segment starts, then the end of the last: segment <c>s</c> is <c>keys[segmentStarts[s]..segmentStarts[s + 1]]</c>.</param>
    /// <returns>The filters.</returns>
    public static SegmentedKeyFilter Create(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> segmentStarts)
    {
        var segments = segmentStarts.Length - 1;
        var wordStarts = new int[segments + 1];
        for (var s = 0; s < segments; s++)
        {
            var wanted = Math.Max(1, ((segmentStarts[s + 1] - segmentStarts[s]) * BitsPerKey) / 64);
            wordStarts[s + 1] = wordStarts[s] + (int)BitOperations.RoundUpToPowerOf2((uint)wanted);
        }

        var words = new ulong[wordStarts[segments]];
        for (var s = 0; s < segments; s++)
        {
            var start = wordStarts[s];
            var mask = wordStarts[s + 1] - start - 1;
            for (var k = segmentStarts[s]; k < segmentStarts[s + 1]; k++)
            {
                var hash = Mix(keys[k]);
                words[start + WordOf(hash, mask)] |= BitsOf(hash);
            }
        }

        return new SegmentedKeyFilter(words, wordStarts);
    }

    /// <summary>Tells whether <paramref name="key"/> may be in <paramref name="segment"/>: <see langword="false"/> is certain.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="key">The key.</param>
    /// <returns><see langword="false"/> when the key is certainly not in the segment.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MightContain(int segment, ulong key)
    {
        ref var starts = ref MemoryMarshal.GetArrayDataReference(wordStarts);
        var start = Unsafe.Add(ref starts, segment);
        var mask = Unsafe.Add(ref starts, segment + 1) - start - 1;
        var hash = Mix(key);
        var bits = BitsOf(hash);
        return (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), start + WordOf(hash, mask)) & bits) == bits;
    }

    // The splitmix64 finaliser: packed keys differ in few, clustered bits, and every output bit must depend on all of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong key)
    {
        key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9UL;
        key = (key ^ (key >> 27)) * 0x94D049BB133111EBUL;
        return key ^ (key >> 31);
    }

    // The word comes from the high bits and the three bits from the low 18, so the two are independent.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WordOf(ulong hash, int mask) => (int)(hash >> 40) & mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitsOf(ulong hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63)) | (1UL << (int)((hash >> 12) & 63));
}
