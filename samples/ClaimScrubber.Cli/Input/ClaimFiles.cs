using System.Text;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Cli.Input;

/// <summary>The forms of claim file the harness reads.</summary>
public enum ClaimFileFormat
{
    /// <summary>A JSON array of claims, or NDJSON.</summary>
    Json,

    /// <summary>The flat CSV of service lines.</summary>
    Csv,

    /// <summary>An X12 837 (837P or 837I).</summary>
    X12,
}

/// <summary>
/// Which files are claim files and how to read them: an X12 837 is told by its content (it starts with an ISA),
/// whatever its extension; JSON and CSV by their extension.
/// </summary>
public static class ClaimFiles
{
    /// <summary>The extensions listed when a folder holds no claim file.</summary>
    public const string Kinds = ".json, .ndjson, .jsonl, .csv, or an X12 837 (any extension)";

    private static readonly string[] KnownExtensions = [".json", ".ndjson", ".jsonl", ".csv", ".837", ".x12", ".edi"];

    /// <summary>Tells whether a file is a claim file: by its extension, or by an 837's first bytes.</summary>
    public static bool IsClaimFile(string path) =>
        KnownExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) || StartsAsX12(path);

    /// <summary>
    /// Opens a claim file and tells how to read it: an 837 by its first bytes, whatever its extension; else CSV or JSON by
    /// the extension. The bytes looked at are read again by the reader: a file is rewound, a pipe replayed.
    /// </summary>
    public static (Stream Stream, ClaimFileFormat Format) Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var prefix = new byte[64];
            var read = file.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
            var format = X12ClaimReader.LooksLikeX12(prefix.AsSpan(0, read)) ? ClaimFileFormat.X12
                : Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ClaimFileFormat.Csv
                : ClaimFileFormat.Json;
            if (file.CanSeek)
            {
                file.Position = 0;
                return (file, format);
            }

            return (new PrefixedStream(prefix.AsMemory(0, read), file), format);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the claims of an open file; the stream is not disposed. Envelope faults of an 837 that leave its claims
    /// readable go to <paramref name="envelopeErrors"/>.
    /// </summary>
    public static IEnumerable<ClaimReadResult> Read(Stream stream, string file, ClaimFileFormat format, Action<X12EnvelopeError> envelopeErrors) => format switch
    {
        ClaimFileFormat.X12 => X12ClaimReader.Read(stream, file, envelopeErrors),
        ClaimFileFormat.Csv => ReadCsv(stream, file),
        _ => ClaimJsonReader.Read(stream, file),
    };

    /// <summary>Expands files and folders (a folder means each claim file in it, in ordinal name order); null after reporting a problem.</summary>
    public static List<string>? Expand(IEnumerable<string> inputs, UserMessages messages)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(messages);
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var inFolder = Directory.EnumerateFiles(input).Where(IsClaimFile).Order(StringComparer.Ordinal).ToList();
                if (inFolder.Count == 0)
                {
                    messages.Error($"the folder '{input}' holds no claim file ({Kinds}).");
                    return null;
                }

                files.AddRange(inFolder);
            }
            else if (File.Exists(input))
            {
                if (!IsClaimFile(input))
                {
                    messages.Error($"'{input}' is not a claim file: expected {Kinds}.");
                    return null;
                }

                files.Add(input);
            }
            else
            {
                messages.Error($"'{input}' does not exist.");
                return null;
            }
        }

        return files;
    }

    private static IEnumerable<ClaimReadResult> ReadCsv(Stream stream, string file)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        foreach (var result in ClaimCsvReader.Read(text, file))
        {
            yield return result;
        }
    }

    private static bool StartsAsX12(string path)
    {
        try
        {
            // Only a regular file with bytes is looked into: reading a pipe would take what its reader needs.
            if (new FileInfo(path).Length == 0)
            {
                return false;
            }

            Span<byte> start = stackalloc byte[64];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            return X12ClaimReader.LooksLikeX12(start[..read]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable file is reported when it is read, with its reason.
            return false;
        }
    }

    /// <summary>A forward-only stream that gives back the bytes already read from a pipe, then the rest of it.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> pending = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (pending.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var count = Math.Min(buffer.Length, pending.Length);
            pending.Span[..count].CopyTo(buffer);
            pending = pending[count..];
            return count;
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
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
