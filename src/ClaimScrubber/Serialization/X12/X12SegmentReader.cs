using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Splits an X12 byte stream into segments and elements, taking the delimiters from each interchange's ISA segment.
/// One segment is held at a time, in a buffer that grows only to <see cref="MaxSegmentLength"/>: a file of any size
/// is read in constant memory. Line breaks (and other white space) between segments are skipped, so files with one
/// segment per line read the same as files without line breaks.
/// </summary>
/// <remarks>
/// Spans returned by <see cref="Element"/> are valid until the next call to <see cref="Next"/>. A stream whose
/// segments cannot be delimited (no ISA at the start, an ISA that does not declare usable delimiters, a segment with
/// no terminator within <see cref="MaxSegmentLength"/> bytes) throws a <see cref="ClaimReadException"/>.
/// </remarks>
internal sealed class X12SegmentReader
{
    /// <summary>The longest segment read; real 837 segments are a few hundred bytes at most.</summary>
    public const int MaxSegmentLength = 64 * 1024;

    /// <summary>The most elements after the segment id that are kept; an 837 segment has at most 21 (SV1).</summary>
    public const int MaxElements = 64;

    // The ISA's 16 elements are fixed width, 106 bytes with the terminator; a sloppy writer may pad differently.
    private const int IsaScanLength = 256;

    private readonly Stream stream;
    private readonly string? inputName;
    private readonly int[] starts = new int[MaxElements + 1];
    private readonly int[] ends = new int[MaxElements + 1];

    // What each byte is to the segment scan: 0 data, or one of the kinds below; set from each ISA.
    private const byte ElementKind = 1;
    private const byte TerminatorKind = 2;
    private const byte LineFeedKind = 3;
    private readonly byte[] delimiterKinds = new byte[256];
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool eof;
    private int nextLine = 1;
    private int segmentStart;
    private int segmentEnd;

    public X12SegmentReader(Stream stream, string? inputName)
    {
        this.stream = stream;
        this.inputName = inputName;
    }

    /// <summary>Gets the delimiters of the current interchange.</summary>
    public X12Delimiters Delimiters { get; private set; }

    /// <summary>Gets the 1-based file line the current segment starts on.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Gets the 1-based number of the current segment in the file.</summary>
    public long SegmentNumber { get; private set; }

    /// <summary>Gets the number of elements after the segment id (at most <see cref="MaxElements"/>).</summary>
    public int ElementCount { get; private set; }

    /// <summary>Gets a value indicating whether the segment had more than <see cref="MaxElements"/> elements.</summary>
    public bool TooManyElements { get; private set; }

    /// <summary>Gets a value indicating whether the segment is the end of the input, without a terminator.</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Gets a value indicating whether the current segment is an ISA, which declared <see cref="Delimiters"/>.</summary>
    public bool IsInterchangeHeader { get; private set; }

    /// <summary>Gets the segment id.</summary>
    public ReadOnlySpan<byte> Id => buffer.AsSpan(starts[0], ends[0] - starts[0]);

    /// <summary>Gets the segment's bytes without its terminator.</summary>
    public ReadOnlySpan<byte> Raw => buffer.AsSpan(segmentStart, segmentEnd - segmentStart);

    /// <summary>Gets element <paramref name="index"/> (1-based; 0 is the id), or an empty span when the segment has fewer.</summary>
    public ReadOnlySpan<byte> Element(int index) =>
        (uint)index <= (uint)ElementCount ? buffer.AsSpan(starts[index], ends[index] - starts[index]) : default;

    /// <summary>Advances to the next segment.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="ClaimReadException">The input cannot be delimited into segments here.</exception>
    public bool Next()
    {
        if (SegmentNumber == 0 && Available(3) >= 3 && buffer.AsSpan(start, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // A UTF-8 byte-order mark some editors add; X12 itself has none.
            start += 3;
        }

        if (!SkipWhiteSpace())
        {
            return false;
        }

        Line = nextLine;
        SegmentNumber++;
        IsInterchangeHeader = false;
        Unterminated = false;
        if (Available(4) >= 4 && IsIsaAt(start))
        {
            ReadInterchangeHeader();
            Split();
        }
        else if (Delimiters.Element == 0)
        {
            throw Fault("the input does not start with an ISA interchange header, so its delimiters are unknown.");
        }
        else
        {
            Scan();
        }

        return true;
    }

    /// <summary>Builds the exception for an input that cannot be delimited, naming the current segment.</summary>
    public ClaimReadException Fault(string problem) =>
        new(inputName, Line, null, string.Create(CultureInfo.InvariantCulture, $"segment {SegmentNumber}: {problem}"));

    private bool IsIsaAt(int at) => buffer[at] == (byte)'I' && buffer[at + 1] == (byte)'S' && buffer[at + 2] == (byte)'A' && !IsAlphanumeric(buffer[at + 3]);

    private static bool IsAlphanumeric(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private bool SkipWhiteSpace()
    {
        while (true)
        {
            while (start < end)
            {
                var b = buffer[start];
                if (b == (byte)'\n')
                {
                    nextLine++;
                }
                else if (b is not ((byte)'\r' or (byte)' ' or (byte)'\t'))
                {
                    return true;
                }

                start++;
            }

            if (eof || !Fill())
            {
                return false;
            }
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from <see cref="start"/> when the input has them.</summary>
    private int Available(int count)
    {
        while (end - start < count && !eof)
        {
            Fill();
        }

        return end - start;
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer when a segment needs it, and reads more.</summary>
    private bool Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read <= 0)
        {
            eof = true;
            return false;
        }

        end += read;
        return true;
    }

    /// <summary>
    /// Finds the segment's element separators and its terminator in one pass over its bytes, counting line feeds inside
    /// the segment so that file lines stay right. A byte-by-byte loop over a table beats a vectorized search here:
    /// elements are a few bytes long, shorter than a search's set-up.
    /// </summary>
    private void Scan()
    {
        var kinds = delimiterKinds;
        var count = 0;
        var at = start;
        starts[0] = start;
        segmentStart = start;
        TooManyElements = false;
        while (true)
        {
            var data = buffer.AsSpan(0, end);
            for (; at < data.Length; at++)
            {
                switch (kinds[data[at]])
                {
                    case 0:
                        continue;
                    case ElementKind:
                        if (count < MaxElements)
                        {
                            ends[count] = at;
                            starts[++count] = at + 1;
                        }
                        else
                        {
                            TooManyElements = true;
                        }

                        continue;
                    case TerminatorKind:
                        if (at - segmentStart > MaxSegmentLength)
                        {
                            throw TooLong();
                        }

                        Close(count, at);
                        start = at + 1;
                        if (Delimiters.Segment == (byte)'\n')
                        {
                            nextLine++;
                        }

                        return;
                    default:
                        // A line feed inside an element.
                        nextLine++;
                        continue;
                }
            }

            if (end - segmentStart > MaxSegmentLength)
            {
                throw TooLong();
            }

            // Fill moves the unread bytes to the front of the buffer, even when it then finds the input at its end.
            var before = start;
            var more = !eof && Fill();
            var shift = before - start;
            at -= shift;
            segmentStart -= shift;
            for (var i = 0; i <= count; i++)
            {
                starts[i] -= shift;
                ends[i] -= shift;
            }

            if (!more)
            {
                // The input ends inside a segment: hand it over so that the parser can say so.
                Close(count, end);
                Unterminated = true;
                start = end;
                return;
            }
        }
    }

    private void Close(int count, int segmentStop)
    {
        ends[count] = segmentStop;
        segmentEnd = segmentStop;
        ElementCount = count;
    }

    private ClaimReadException TooLong() => Fault(string.Create(CultureInfo.InvariantCulture,
        $"no segment terminator ({X12Delimiters.Show(Delimiters.Segment)}, declared by ISA) within {MaxSegmentLength:N0} bytes; the segments cannot be told apart."));

    private void Consume(int to)
    {
        // Line breaks inside a segment (a terminator that is itself a line feed, or one inside an element) move the line count.
        nextLine += buffer.AsSpan(start, to - start).Count((byte)'\n');
        start = to;
    }

    private void ReadInterchangeHeader()
    {
        var available = Available(IsaScanLength);
        var element = buffer[start + 3];
        var separators = 0;
        var isa11 = -1;
        var isa12 = -1;
        var at = start + 3;
        var limit = start + Math.Min(available, IsaScanLength);
        for (; at < limit && separators < 16; at++)
        {
            if (buffer[at] == element)
            {
                separators++;
                if (separators == 11)
                {
                    isa11 = at + 1;
                }
                else if (separators == 12)
                {
                    isa12 = at + 1;
                }
            }
        }

        // 'at' is now just past the 16th separator: ISA16 (the component separator), then the segment terminator.
        if (separators < 16 || at + 1 >= limit)
        {
            throw Fault("the ISA interchange header is cut short: it needs 16 elements, the component separator (ISA16) and the segment terminator.");
        }

        var component = buffer[at];
        var terminator = buffer[at + 1];
        var repetition = (byte)0;
        var versionSpan = buffer.AsSpan(isa12, Math.Min(5, at - isa12));
        var version5010OrLater = versionSpan.Length == 5 && versionSpan.SequenceCompareTo("00501"u8) >= 0;
        if (version5010OrLater && buffer[isa11 + 1] == element && !IsAlphanumeric(buffer[isa11]))
        {
            repetition = buffer[isa11];
        }

        if (IsAlphanumeric(element) || IsAlphanumeric(component) || IsAlphanumeric(terminator)
            || element == component || element == terminator || component == terminator
            || (repetition != 0 && (repetition == element || repetition == component || repetition == terminator)))
        {
            throw Fault($"the ISA interchange header declares unusable delimiters (element {X12Delimiters.Show(element)}, component {X12Delimiters.Show(component)}, repetition {(repetition == 0 ? "none" : X12Delimiters.Show(repetition))}, segment terminator {X12Delimiters.Show(terminator)}): each must be a distinct character other than a letter or digit.");
        }

        Delimiters = new X12Delimiters(element, component, repetition, terminator);
        Array.Clear(delimiterKinds);
        delimiterKinds['\n'] = LineFeedKind;
        delimiterKinds[element] = ElementKind;
        delimiterKinds[terminator] = TerminatorKind;
        IsInterchangeHeader = true;
        segmentStart = start;
        segmentEnd = at + 1;
        Consume(at + 2);
    }

    private void Split()
    {
        var separator = Delimiters.Element;
        var count = 0;
        var s = segmentStart;
        TooManyElements = false;
        while (true)
        {
            var rest = buffer.AsSpan(s, segmentEnd - s);
            var found = rest.IndexOf(separator);
            var stop = found < 0 ? segmentEnd : s + found;
            if (count <= MaxElements)
            {
                starts[count] = s;
                ends[count] = stop;
                count++;
            }
            else
            {
                TooManyElements = true;
            }

            if (found < 0)
            {
                break;
            }

            s = stop + 1;
        }

        ElementCount = count - 1;
    }
}
