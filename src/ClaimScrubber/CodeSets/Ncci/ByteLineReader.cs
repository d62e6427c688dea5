namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>
/// Reads lines of a single-byte-encoded stream (ASCII/Latin-1) as byte spans over a reused buffer, so that a file of
/// millions of rows is parsed without a string per row. A line ends at LF; a CR before it is dropped.
/// </summary>
internal sealed class ByteLineReader
{
    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool eof;

    public ByteLineReader(Stream stream) => this.stream = stream;

    /// <summary>Gets the 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Gets a value indicating whether the line last read is empty or blanks only.</summary>
    public bool LastLineBlank { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Trim(buffer.AsSpan(start, newline));
                start += newline + 1;
                LineNumber++;
                LastLineBlank = line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;
                return true;
            }

            if (eof)
            {
                if (start < end)
                {
                    line = Trim(buffer.AsSpan(start, end - start));
                    start = end;
                    LineNumber++;
                    LastLineBlank = line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            // A line longer than the buffer: grow rather than split it.
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
        }

        end += read;
    }
}
