using System.Buffers;
using System.Text.Json;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Frames objects one at a time as a JSON array or as NDJSON, writing them into one reused buffer: an NDJSON line goes
/// to the stream as soon as it is complete, an array in blocks of about 64 KB, so that memory stays flat.
/// </summary>
/// <remarks>Call <see cref="Begin"/>, write one object with the writer it returns, then <see cref="End"/>.</remarks>
internal sealed class JsonSequenceWriter : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly JsonOutputFormat format;
    private readonly ArrayBufferWriter<byte> buffer = new(FlushThreshold + (FlushThreshold / 2));
    private readonly Utf8JsonWriter writer;
    private bool started;
    private bool completed;

    public JsonSequenceWriter(Stream stream, JsonOutputFormat format, bool indented, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format));
        }

        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.format = format;
        writer = new Utf8JsonWriter(buffer, ContractJson.Options(indented && format == JsonOutputFormat.Array));
    }

    /// <summary>Starts the next object; the array's opening bracket is written before the first.</summary>
    public Utf8JsonWriter Begin()
    {
        ObjectDisposedException.ThrowIf(completed, this);
        if (format == JsonOutputFormat.Array && !started)
        {
            writer.WriteStartArray();
            started = true;
        }

        return writer;
    }

    /// <summary>
    /// Ends the object written since <see cref="Begin"/>. An NDJSON line goes to the stream at once, whole, so that a
    /// reader of the stream sees each result as it is written; an array goes in blocks of about 64 KB.
    /// </summary>
    public void End()
    {
        if (format == JsonOutputFormat.Ndjson)
        {
            // Each line is a JSON text of its own: the writer starts afresh after it.
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset(buffer);
            FlushToStream();
            return;
        }

        if (buffer.WrittenCount + writer.BytesPending > FlushThreshold)
        {
            FlushToStream();
        }
    }

    public void Dispose()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        if (format == JsonOutputFormat.Array)
        {
            if (!started)
            {
                writer.WriteStartArray();
            }

            writer.WriteEndArray();
            writer.Flush();
            buffer.Write("\n"u8);
        }

        FlushToStream();
        writer.Dispose();
        stream.Flush();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private void FlushToStream()
    {
        writer.Flush();
        stream.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }
}
