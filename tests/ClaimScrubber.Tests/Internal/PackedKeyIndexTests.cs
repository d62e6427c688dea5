using ClaimScrubber.Internal;
using CsCheck;

namespace ClaimScrubber.Tests.Internal;

public class PackedKeyIndexTests
{
    [Fact]
    public void IndexOf_FindsEveryKeyAtItsFirstPosition_AndNoOtherKey()
    {
        Gen.ULong[1, 1UL << 42].Array[0, 600].Sample(keys =>
        {
            var index = PackedKeyIndex.Create(keys);
            for (var i = 0; i < keys.Length; i++)
            {
                index.IndexOf(keys[i]).Should().Be(Array.IndexOf(keys, keys[i]));
            }

            index.Count.Should().Be(keys.Distinct().Count());
            foreach (var absent in new[] { 0UL, (1UL << 42) + 1, ulong.MaxValue })
            {
                index.IndexOf(absent).Should().Be(-1);
            }
        });
    }

    [Fact]
    public void IndexOf_OnKeysThatCollide_ProbesPastThem()
    {
        // Multiples of a large power of two share their low bits, the worst case for a hash that kept only those.
        ulong[] keys = [.. Enumerable.Range(1, 1000).Select(i => (ulong)i << 40)];
        var index = PackedKeyIndex.Create(keys);
        keys.Select(index.IndexOf).Should().Equal(Enumerable.Range(0, 1000));
        index.IndexOf(1001UL << 40).Should().Be(-1);
    }

    [Fact]
    public void Create_OfNoKeys_FindsNothing() => PackedKeyIndex.Create(ReadOnlySpan<ulong>.Empty).IndexOf(42).Should().Be(-1);

    [Fact]
    public void Create_WithTheZeroKey_Throws()
    {
        var act = () => PackedKeyIndex.Create([5UL, 0UL]);
        act.Should().Throw<ArgumentException>().WithMessage("A packed key of 0 cannot be indexed.*");
    }

    [Fact]
    public void Create_OfThirtyTwoBitKeys_IndexesThemAsTheirWideValues()
    {
        uint[] keys = [7, 3, 7, 99];
        var index = PackedKeyIndex.Create(keys);
        index.IndexOf(7).Should().Be(0);
        index.IndexOf(99).Should().Be(3);
        index.IndexOf(8).Should().Be(-1);
    }
}

public class SegmentedKeyFilterTests
{
    [Fact]
    public void MightContain_IsTrueForEveryKeyOfItsSegment_AndRarelyForOthers()
    {
        var random = new Random(6);
        var keys = Enumerable.Range(0, 200_000).Select(_ => (ulong)random.NextInt64(1, 1L << 50)).Order().ToArray();
        int[] starts = [0, 1, 5_000, 5_002, 120_000, 200_000];
        var filter = SegmentedKeyFilter.Create(keys, starts);
        for (var s = 0; s < starts.Length - 1; s++)
        {
            keys[starts[s]..starts[s + 1]].Should().OnlyContain(k => filter.MightContain(s, k), $"segment {s} holds them");
        }

        // The big segment (115,000 keys in 32,768 words: about 18 bits per key) against keys of no segment.
        var present = keys.ToHashSet();
        var others = Enumerable.Range(0, 100_000).Select(_ => (ulong)random.NextInt64(1, 1L << 50)).Where(k => !present.Contains(k)).ToArray();
        (others.Count(k => filter.MightContain(3, k)) / (double)others.Length).Should().BeLessThan(0.03);

        // A one-key segment takes one word: three bits of 64.
        (others.Count(k => filter.MightContain(0, k)) / (double)others.Length).Should().BeLessThan(0.001);
    }

    [Fact]
    public void MightContain_OnPairsThatDifferInOneCode_StillSpreadsThem()
    {
        // NCCI pairs: one column-1 code with thousands of column-2 codes, which differ only in the low bits.
        var keys = Enumerable.Range(1, 5000).Select(i => (99213UL << 32) | (uint)i).ToArray();
        var filter = SegmentedKeyFilter.Create(keys, [0, keys.Length]);
        keys.Should().OnlyContain(k => filter.MightContain(0, k));
        Enumerable.Range(5001, 10_000).Count(i => filter.MightContain(0, (99213UL << 32) | (uint)i)).Should().BeLessThan(500);
    }
}
