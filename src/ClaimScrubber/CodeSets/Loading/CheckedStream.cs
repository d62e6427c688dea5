using System.Globalization;
using System.IO.Hashing;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// A read-only view of a CMS file's content that checks, when it reaches its end, that the content is whole: the
/// CRC-32 and size a zip entry declares, or the size a gzip trailer declares; and that remembers the last byte, so
/// that a reader can tell a text file cut in the middle of its last line.
/// </summary>
/// <remarks>
/// .NET's zip reader does not check an entry's CRC-32, and its gzip reader returns what it could inflate from a
/// file cut short without a word; both would hand a reader part of a table as if it were all of it.
/// </remarks>
internal sealed class CheckedStream : Stream
{
    private readonly Stream inner;
    private readonly string what;
    private readonly uint? expectedCrc;
    private readonly long? expectedLength;
    private readonly bool lengthModulo32;
    private readonly Crc32? crc;
    private long read;
    private bool ended;

    private CheckedStream(Stream inner, string what, uint? expectedCrc, long? expectedLength, bool lengthModulo32)
    {
        this.inner = inner;
        this.what = what;
        this.expectedCrc = expectedCrc;
        this.expectedLength = expectedLength;
        this.lengthModulo32 = lengthModulo32;
        crc = expectedCrc is null ? null : new Crc32();
    }

    private readonly byte[] tail = new byte[4];
    private int tailLength;

    /// <summary>
    /// Tells whether the content read ends in the middle of a line: it is not empty and its last character, in
    /// <paramref name="encoding"/> (a text reader's <see cref="StreamReader.CurrentEncoding"/>), is no line break.
    /// </summary>
    public bool EndsMidLine(System.Text.Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        if (tailLength == 0)
        {
            return false;
        }

        var end = tail.AsSpan(0, tailLength);
        return !end.EndsWith(encoding.GetBytes("\n")) && !end.EndsWith(encoding.GetBytes("\r"));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    /// <summary>Wraps a plain file's stream: only the last byte is watched.</summary>
    public static CheckedStream Plain(Stream inner, string what) => new(inner, what, null, null, false);

    /// <summary>Wraps a zip entry's stream, checking its CRC-32 and size at the end.</summary>
    public static CheckedStream ZipEntry(Stream inner, string what, uint crc32, long length) => new(inner, what, crc32, length, false);

    /// <summary>
    /// Reads <paramref name="file"/> as gzip, checking at the end that the inflated size matches the trailer's
    /// (the size modulo 2³²), which a file cut short cannot match; the inflater itself checks the CRC-32 when the
    /// trailer is there. A gzip file of several members is refused (its trailer gives the last member's size only).
    /// </summary>
    public static CheckedStream Gzip(Stream file, string what)
    {
        if (!file.CanSeek || file.Length < 18)
        {
            file.Dispose();
            throw new InvalidDataException($"{what} is too short to be a gzip file (a header and a trailer take 18 bytes): it is empty or cut short");
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return new CheckedStream(new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress), what, null, size, true);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0)
        {
            crc?.Append(buffer[..n]);
            read += n;
            Remember(buffer[..n]);
        }
        else if (buffer.Length > 0 && !ended)
        {
            ended = true;
            Verify();
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Remember(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= tail.Length)
        {
            bytes[^tail.Length..].CopyTo(tail);
            tailLength = tail.Length;
            return;
        }

        var keep = Math.Min(tailLength, tail.Length - bytes.Length);
        tail.AsSpan(tailLength - keep, keep).CopyTo(tail);
        bytes.CopyTo(tail.AsSpan(keep));
        tailLength = keep + bytes.Length;
    }

    private void Verify()
    {
        if (expectedLength is { } length && (lengthModulo32 ? (uint)read != (uint)length : read != length))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{what} ends after {read:N0} bytes, but its {(lengthModulo32 ? "gzip trailer" : "zip directory")} gives {length:N0}: it is cut short or damaged"));
        }

        if (expectedCrc is { } expected && crc!.GetCurrentHashAsUInt32() != expected)
        {
            throw new InvalidDataException($"{what} is damaged: its CRC-32 does not match the one its zip directory records");
        }
    }
}
