using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>Where a claim element is in an 837 file: its loop, segment and element, and the segment's position in the transaction set.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class X12Location
{
    internal X12Location(string loop, string element, int? segmentPosition)
    {
        Loop = loop;
        Element = element;
        SegmentPosition = segmentPosition;
    }

    /// <summary>Gets the loop, such as <c>2400</c> or <c>2010BA</c>.</summary>
    public string Loop { get; }

    /// <summary>Gets the segment and element as the implementation guides name them, such as <c>SV1-01-2</c> (segment, element, component) or <c>CLM</c>.</summary>
    public string Element { get; }

    /// <summary>
    /// Gets the 1-based position of the segment in its transaction set, counting ST as 1 (as a 999 acknowledgment
    /// counts), or <see langword="null"/> when the claim does not carry the segment.
    /// </summary>
    public int? SegmentPosition { get; }

    /// <summary>Returns the location, such as <c>2400 SV1-01-2 (segment 25)</c>, or <c>2300 REF-02 (absent)</c>.</summary>
    /// <returns>The location.</returns>
    public override string ToString() => SegmentPosition is { } position
        ? string.Create(CultureInfo.InvariantCulture, $"{Loop} {Element} (segment {position})")
        : $"{Loop} {Element} (absent)";
}
