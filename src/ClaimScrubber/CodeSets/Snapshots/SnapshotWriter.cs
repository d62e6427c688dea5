using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>
/// Writes the little-endian binary form of an index snapshot into one growing buffer. Arrays of unmanaged values are
/// written as a count and their raw bytes, so that <see cref="SnapshotReader"/> can copy them back in bulk.
/// </summary>
/// <remarks>Write only arrays of primitives or of enums of them: a struct's padding bytes are not deterministic.</remarks>
internal sealed class SnapshotWriter
{
    private byte[] buffer;
    private int length;

    public SnapshotWriter(int capacity = 1 << 16)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Index snapshots are written in little-endian order and need a little-endian machine.");
        }

        buffer = new byte[capacity];
    }

    /// <summary>Gets the bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    /// <summary>Gets the bytes written so far, writable, so that the trailer can be filled in last.</summary>
    public Span<byte> WrittenSpanForSealing => buffer.AsSpan(0, length);

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    public void WriteByte(byte value) => Grow(1)[0] = value;

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Grow(2), value);

    public void WriteChar(char value) => WriteUInt16(value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Grow(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Grow(8), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Grow(8), value);

    public void WriteNullableInt32(int? value)
    {
        WriteBool(value.HasValue);
        if (value is { } v)
        {
            WriteInt32(v);
        }
    }

    /// <summary>Writes a string as its UTF-8 byte length and bytes.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var count = Encoding.UTF8.GetByteCount(value);
        WriteInt32(count);
        Encoding.UTF8.GetBytes(value, Grow(count));
    }

    public void WriteStrings(IReadOnlyCollection<string> values)
    {
        WriteInt32(values.Count);
        foreach (var value in values)
        {
            WriteString(value);
        }
    }

    /// <summary>Writes a date that may be null as a flag and its day number.</summary>
    public void WriteNullableDate(DateOnly? value) => WriteNullableInt32(value?.DayNumber);

    /// <summary>Writes a count and the raw bytes of <paramref name="values"/>.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        WriteInt32(values.Length);
        WriteBytes(MemoryMarshal.AsBytes(values));
    }

    public void WriteRelease(TableRelease release)
    {
        WriteString(release.Table);
        WriteString(release.Release);
        WriteString(release.SourceFile);
        WriteNullableDate(release.EffectiveFrom);
        WriteNullableDate(release.EffectiveTo);
        WriteInt32(release.RowCount);
    }

    public void WriteNullableRelease(TableRelease? release)
    {
        WriteBool(release is not null);
        if (release is not null)
        {
            WriteRelease(release);
        }
    }

    public void WriteReleases(IReadOnlyCollection<TableRelease> releases) => WriteList(releases, static (w, release) => w.WriteRelease(release));

    /// <summary>Writes a count, then each item with <paramref name="write"/> (read back with <see cref="SnapshotReader.ReadList{T}"/>).</summary>
    public void WriteList<T>(IReadOnlyCollection<T> items, Action<SnapshotWriter, T> write)
    {
        WriteInt32(items.Count);
        foreach (var item in items)
        {
            write(this, item);
        }
    }

    /// <summary>Writes a placeholder length and returns where it is, for <see cref="EndLength"/>.</summary>
    public int BeginLength()
    {
        WriteInt32(0);
        return length;
    }

    /// <summary>Patches the placeholder written by <see cref="BeginLength"/> with the bytes written since.</summary>
    public void EndLength(int start) => BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(start - 4, 4), length - start);

    private Span<byte> Grow(int count)
    {
        if (buffer.Length - length < count)
        {
            var size = Math.Max((long)buffer.Length * 2, (long)length + count);
            if (size > Array.MaxLength)
            {
                size = Math.Max(Array.MaxLength, length + count);
            }

            Array.Resize(ref buffer, (int)size);
        }

        var span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }
}
