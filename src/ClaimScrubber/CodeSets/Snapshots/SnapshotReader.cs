using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote, from one part (the header or a table section) of a snapshot held in
/// memory. Every read is bounds-checked: running past the part's end throws an <see cref="IndexSnapshotException"/>
/// naming the part and offset, never an index-out-of-range.
/// </summary>
internal sealed class SnapshotReader
{
    private readonly byte[] data;
    private readonly int end;
    private readonly string snapshot;
    private readonly bool overrunMeansTruncated;
    private int position;

    /// <param name="data">The whole snapshot.</param>
    /// <param name="start">Where the part starts.</param>
    /// <param name="end">Where the part ends (exclusive).</param>
    /// <param name="snapshot">The snapshot's name, for messages.</param>
    /// <param name="part">The part's name, for messages: <c>header</c> or a section tag.</param>
    /// <param name="overrunMeansTruncated">
    /// <see langword="true"/> while the structure is walked before the checksum is checked, when running past the end
    /// means the file was cut short; afterwards it means the contents are inconsistent.
    /// </param>
    public SnapshotReader(byte[] data, int start, int end, string snapshot, string part, bool overrunMeansTruncated)
    {
        this.data = data;
        this.end = end;
        this.snapshot = snapshot;
        this.overrunMeansTruncated = overrunMeansTruncated;
        Part = part;
        position = start;
    }

    /// <summary>Gets the name of the part read: <c>header</c> or a section tag.</summary>
    public string Part { get; }

    /// <summary>Gets the offset of the next read from the start of the snapshot.</summary>
    public int Position => position;

    public byte ReadByte(string what = "a byte") => Take(1, what)[0];

    public bool ReadBool(string what = "a flag") => ReadByte(what) switch
    {
        0 => false,
        1 => true,
        var other => throw Corrupt($"{what} at offset {position - 1} is {other}, not 0 or 1"),
    };

    public ushort ReadUInt16(string what = "a 16-bit value") => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));

    public char ReadChar(string what = "a character") => (char)ReadUInt16(what);

    public int ReadInt32(string what = "a 32-bit value") => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

    public uint ReadUInt32(string what = "a 32-bit value") => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));

    public long ReadInt64(string what = "a 64-bit value") => BinaryPrimitives.ReadInt64LittleEndian(Take(8, what));

    public ulong ReadUInt64(string what = "a 64-bit value") => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

    public int? ReadNullableInt32(string what = "a 32-bit value") => ReadBool(what) ? ReadInt32(what) : null;

    /// <summary>Reads a count and checks that at least <paramref name="minimumSize"/> bytes per item remain.</summary>
    public int ReadCount(string what, int minimumSize = 1)
    {
        var at = position;
        var count = ReadInt32(what);
        if (count < 0)
        {
            throw Corrupt($"{what} at offset {at} is {count}");
        }

        Need((long)count * minimumSize, what);
        return count;
    }

    /// <summary>Reads a string written as its UTF-8 byte length and bytes.</summary>
    public string ReadString(string what = "a text")
    {
        var at = position;
        var count = ReadInt32(what);
        if (count < 0)
        {
            throw Corrupt($"the length of {what} at offset {at} is {count}");
        }

        return Encoding.UTF8.GetString(Take(count, what));
    }

    public ImmutableArray<string> ReadStrings(string what = "texts")
    {
        var count = ReadCount(what, 4);
        var builder = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            builder.Add(ReadString(what));
        }

        return builder.MoveToImmutable();
    }

    public DateOnly? ReadNullableDate(string what = "a date") => ReadNullableInt32(what) is { } day ? ToDate(day, what) : null;

    /// <summary>Reads a count and copies that many values' raw bytes into a new array in one go.</summary>
    public T[] ReadArray<T>(string what = "an array")
        where T : unmanaged
    {
        var count = ReadCount(what, 0);
        var size = (long)count * Unsafe.SizeOf<T>();
        Need(size, what);
        var bytes = Take((int)size, what);
        var values = GC.AllocateUninitializedArray<T>(count);
        bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public TableRelease ReadRelease() => new(
        ReadString("a release's table"),
        ReadString("a release's name"),
        ReadString("a release's file"),
        ReadNullableDate("a release's first date"),
        ReadNullableDate("a release's last date"),
        ReadInt32("a release's row count"));

    public TableRelease? ReadNullableRelease() => ReadBool("a release flag") ? ReadRelease() : null;

    public ImmutableArray<TableRelease> ReadReleases() => [.. ReadList("releases", static r => r.ReadRelease(), 16)];

    /// <summary>Reads what <see cref="SnapshotWriter.WriteList{T}"/> wrote: a count (checked against the bytes left, at <paramref name="minimumSize"/> bytes an item), then the items.</summary>
    public T[] ReadList<T>(string what, Func<SnapshotReader, T> read, int minimumSize = 1)
    {
        var items = new T[ReadCount("the number of " + what, minimumSize)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(this);
        }

        return items;
    }

    /// <summary>Skips <paramref name="count"/> bytes and returns where they start.</summary>
    public int Skip(int count, string what)
    {
        var at = position;
        Take(count, what);
        return at;
    }

    /// <summary>Fails unless every byte of the part was read: a reader and writer that disagree must not pass unnoticed.</summary>
    public void ExpectEnd()
    {
        if (position != end)
        {
            throw Corrupt($"{end - position} byte(s) at offset {position} were left unread");
        }
    }

    /// <summary>Fails unless <paramref name="consistent"/>: what a table's constructor relies on must hold before it runs.</summary>
    public void Check(bool consistent, string detail)
    {
        if (!consistent)
        {
            throw Corrupt(detail);
        }
    }

    /// <summary>Builds the exception for data that is present but inconsistent.</summary>
    public IndexSnapshotException Corrupt(string detail) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"The index snapshot '{snapshot}' is corrupt: in its {PartName}, {detail}."));

    private string PartName => Part == "header" ? "header" : $"section '{Part}'";

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        Need(count, what);
        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }

    private void Need(long count, string what)
    {
        if (count > end - position)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"{what} at offset {position} needs {count} byte(s), but only {end - position} remain");
            throw overrunMeansTruncated
                ? new IndexSnapshotException($"The index snapshot '{snapshot}' is truncated: {detail}; rebuild it with 'index build'.")
                : Corrupt(detail);
        }
    }

    private DateOnly ToDate(int day, string what) =>
        (uint)day <= (uint)DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : throw Corrupt($"{what} has day number {day}, which is no date");
}
