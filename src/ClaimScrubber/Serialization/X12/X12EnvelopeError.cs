using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// A fault of an 837 file's envelopes that leaves its claims readable: control numbers of a trailer that do not match
/// its header (ISA13/IEA02, GS06/GE02, ST02/SE02), a trailer's count that does not match what it encloses (SE01, GE01,
/// IEA01), a missing trailer, a segment outside the envelope that should hold it.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class X12EnvelopeError
{
    internal X12EnvelopeError(string? inputName, int sourceLine, long segmentNumber, string segment, string message)
    {
        InputName = inputName;
        SourceLine = sourceLine;
        SegmentNumber = segmentNumber;
        Segment = segment;
        Message = message;
    }

    /// <summary>Gets the name of the input (a file name), or <see langword="null"/>.</summary>
    public string? InputName { get; }

    /// <summary>Gets the 1-based file line of the segment at fault.</summary>
    public int SourceLine { get; }

    /// <summary>Gets the 1-based number of the segment at fault in the file.</summary>
    public long SegmentNumber { get; }

    /// <summary>Gets the id of the segment at fault, such as <c>SE</c>.</summary>
    public string Segment { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{InputName ?? "input"}:{SourceLine}: segment {SegmentNumber} ({Segment}): {Message}");
}
