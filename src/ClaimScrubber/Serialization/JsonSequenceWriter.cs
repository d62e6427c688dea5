using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ClaimScrubber.Serialization;

/// <summary>Writes objects one at a time as a JSON array or as NDJSON, flushing as it goes so that memory stays flat.</summary>
internal sealed class JsonSequenceWriter<T> : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly JsonOutputFormat format;
    private readonly JsonTypeInfo<T> typeInfo;
    private readonly Utf8JsonWriter writer;
    private bool started;
    private bool completed;

    public JsonSequenceWriter(Stream stream, JsonOutputFormat format, bool indented, bool leaveOpen, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format));
        }

        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.format = format;
        this.typeInfo = typeInfo;
        writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented && format == JsonOutputFormat.Array, Encoder = CompactJson.Encoder });
    }

    public void Write(T value)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        if (format == JsonOutputFormat.Array)
        {
            if (!started)
            {
                writer.WriteStartArray();
                started = true;
            }

            JsonSerializer.Serialize(writer, value, typeInfo);
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }

            return;
        }

        JsonSerializer.Serialize(writer, value, typeInfo);
        writer.Flush();
        stream.WriteByte((byte)'\n');
        writer.Reset();
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
            stream.WriteByte((byte)'\n');
        }

        writer.Flush();
        writer.Dispose();
        stream.Flush();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}

/// <summary>One object as compact JSON text, with the same escaping as the sequence writer.</summary>
internal static class CompactJson
{
    // Messages quote codes ('E11.9'); the default encoder would write those quotes as \u0027. The output is JSON
    // for files and pipes, never embedded in HTML, so the relaxed encoder is safe here.
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
