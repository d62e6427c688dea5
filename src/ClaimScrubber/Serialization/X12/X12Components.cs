namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// The components of a composite element, split in one pass (<c>HC:99213:25</c> → <c>HC</c>, <c>99213</c>, <c>25</c>),
/// so that reading component n does not scan the element again. Components beyond the ranges given stay in the last.
/// </summary>
internal readonly ref struct X12Components
{
    private readonly ReadOnlySpan<byte> element;
    private readonly Span<Range> ranges;

    public X12Components(ReadOnlySpan<byte> element, byte separator, Span<Range> ranges)
    {
        this.element = element;
        this.ranges = ranges;
        if (element.IsEmpty)
        {
            return;
        }

        var count = 0;
        var from = 0;
        for (var i = 0; i < element.Length && count < ranges.Length - 1; i++)
        {
            if (element[i] == separator)
            {
                ranges[count++] = new Range(from, i);
                from = i + 1;
            }
        }

        ranges[count++] = new Range(from, element.Length);
        Count = count;
    }

    /// <summary>Gets the number of components split out.</summary>
    public int Count { get; }

    /// <summary>Gets component <paramref name="index"/> (1-based), or an empty span when the element has fewer.</summary>
    public ReadOnlySpan<byte> this[int index] => (uint)(index - 1) < (uint)Count ? element[ranges[index - 1]] : default;
}
