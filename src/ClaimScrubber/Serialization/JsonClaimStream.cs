using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ClaimScrubber.Serialization;

/// <summary>
/// A forward-only byte window over a claims stream that delimits its claims (array elements, NDJSON lines, or the
/// objects of a file of pretty-printed claims) and hands each to the <see cref="ClaimJsonParser"/>, keeping the line
/// and column of its start so that errors name them in file terms. Memory is bounded by
/// <see cref="ClaimJsonReader.MaxClaimBytes"/>: a larger claim is skipped unread, not buffered.
/// </summary>
internal sealed class JsonClaimStream
{
    /// <summary>The deepest nesting read (System.Text.Json's default); deeper JSON is taken as not well formed.</summary>
    public const int MaxDepth = 64;

    private const int InitialBuffer = 256 * 1024;
    private const int SmallestBuffer = 4 * 1024;
    private const int RefillBelow = 64 * 1024;

    private static readonly JsonReaderState FreshState = new(new JsonReaderOptions { MaxDepth = MaxDepth });

    private readonly Stream stream;
    private readonly string? name;
    private readonly ClaimJsonParser parser = new();
    private byte[] buffer;
    private int start;
    private int end;
    private bool eof;

    // Position of buffer[start] in the whole input, and where its line began, so columns survive refills.
    private long offset;
    private long lineStartOffset;
    private int line = 1;

    public JsonClaimStream(Stream stream, string? name)
    {
        this.stream = stream;
        this.name = name;
        var size = InitialBuffer;
        if (stream.CanSeek)
        {
            // A small input gets a small window, so that reading one short file costs little.
            size = (int)Math.Clamp(stream.Length - stream.Position + 1, SmallestBuffer, InitialBuffer);
        }

        buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    private enum Layout
    {
        /// <summary>One claim per line (NDJSON): a line that is not a claim is one unreadable claim.</summary>
        Lines,

        /// <summary>Claim objects delimited by JSON alone (one pretty-printed claim, or several): a syntax error stops the input.</summary>
        Objects,
    }

    public IEnumerable<ClaimReadResult> ReadAll()
    {
        try
        {
            SkipByteOrderMark();
            var first = SkipWhitespace();
            var claims = first switch
            {
                '[' => ReadArray(),
                '{' => DetectLayout() == Layout.Lines ? ReadLines() : ReadObjects(),
                < 0 => [],
                _ => throw Error(line, Column(), NotClaimsProblem()),
            };
            foreach (var claim in claims)
            {
                yield return claim;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    /// <summary>Reads a single claim held in <paramref name="json"/> entirely: one JSON value and nothing after it.</summary>
    /// <exception cref="JsonException">The JSON is not well formed.</exception>
    public static ClaimReadResult ReadOne(ReadOnlySpan<byte> json, int ordinal, int sourceLine, ClaimJsonParser parser)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, FreshState);
        var result = parser.Parse(ref reader, ordinal, sourceLine);

        // A final block throws on anything but white space after the claim.
        reader.Read();
        return result;
    }

    private IEnumerable<ClaimReadResult> ReadArray()
    {
        Advance(1);
        var ordinal = 0;
        var next = SkipWhitespace();
        if (next == ']')
        {
            Advance(1);
        }
        else
        {
            while (true)
            {
                yield return ReadElement(++ordinal);
                next = SkipWhitespace();
                if (next == ',')
                {
                    Advance(1);
                    if (SkipWhitespace() == ']')
                    {
                        throw Error(line, Column(), "The array has a trailing comma after its last claim.");
                    }

                    continue;
                }

                if (next == ']')
                {
                    Advance(1);
                    break;
                }

                throw next < 0
                    ? Error(line, Column(), "The input ends inside the array of claims: the file is truncated.")
                    : Error(line, Column(), "Expected ',' or ']' after a claim.");
            }
        }

        if (SkipWhitespace() >= 0)
        {
            throw Error(line, Column(), "Unexpected content after the end of the array of claims.");
        }
    }

    private IEnumerable<ClaimReadResult> ReadObjects()
    {
        var ordinal = 0;
        while (SkipWhitespace() >= 0)
        {
            yield return ReadElement(++ordinal);
        }
    }

    /// <summary>Reads the claim that starts at the window's start, delimited by JSON syntax alone.</summary>
    private ClaimReadResult ReadElement(int ordinal)
    {
        var claimLine = line;
        if (end - start < RefillBelow && !eof)
        {
            // Read ahead while the window is short, so that a claim rarely straddles its end and has to be parsed again.
            Fill();
        }

        while (true)
        {
            // Never a final block: an array element is always followed by ',' or ']', so a claim the reader cannot
            // finish at the end of the input is a truncated file, not a syntax error.
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), isFinalBlock: false, FreshState);
            try
            {
                var result = parser.Parse(ref reader, ordinal, claimLine);
                Advance((int)reader.BytesConsumed);
                return result;
            }
            catch (IncompleteJsonException)
            {
                // The window ends inside the claim: read on and parse it again.
            }
            catch (JsonException ex)
            {
                var relativeLine = (int)(ex.LineNumber ?? 0);
                var column = (int)(ex.BytePositionInLine ?? 0) + 1 + (relativeLine == 0 ? Column() - 1 : 0);
                throw Error(line + relativeLine, column, ClaimJsonParser.SyntaxProblem(ex), ex);
            }

            if (eof)
            {
                throw Error(line, Column(), "The input ends inside a claim: the file is truncated.");
            }

            if (end - start >= ClaimJsonReader.MaxClaimBytes)
            {
                return SkipOversizedElement(ordinal, claimLine);
            }

            Fill();
        }
    }

    /// <summary>
    /// Skips a claim larger than <see cref="ClaimJsonReader.MaxClaimBytes"/> by its brackets and strings alone, a window
    /// at a time, and reports it unread: its end can be found without holding it.
    /// </summary>
    private ClaimReadResult SkipOversizedElement(int ordinal, int claimLine)
    {
        var scan = default(ValueScan);
        while (true)
        {
            var ended = scan.Advance(buffer.AsSpan(start, end - start), out var consumed);
            Advance(consumed);
            if (ended)
            {
                break;
            }

            if (!Fill())
            {
                throw Error(line, Column(), "The input ends inside a claim: the file is truncated.");
            }
        }

        return TooLarge(ordinal, claimLine, string.Create(CultureInfo.InvariantCulture,
            $"The claim is larger than {ClaimJsonReader.MaxClaimBytes / (1024 * 1024)} MB, the most one claim may take; it was skipped unread."));
    }

    private IEnumerable<ClaimReadResult> ReadLines()
    {
        var ordinal = 0;
        var scanned = 0;
        while (start < end || !eof)
        {
            var newline = buffer.AsSpan(start + scanned, end - start - scanned).IndexOf((byte)'\n');
            if (newline < 0 && !eof)
            {
                if (end - start >= ClaimJsonReader.MaxClaimBytes)
                {
                    scanned = 0;
                    yield return SkipLongLine(++ordinal);
                    continue;
                }

                scanned = end - start;
                Fill();
                continue;
            }

            var length = newline < 0 ? end - start : scanned + newline;
            scanned = 0;
            var text = buffer.AsSpan(start, length).TrimEnd((byte)'\r');
            if (text.Trim(" \t"u8).IsEmpty)
            {
                Advance(newline < 0 ? length : length + 1);
                continue;
            }

            var result = ReadLine(text, ++ordinal, line);
            Advance(newline < 0 ? length : length + 1);
            yield return result;
        }
    }

    private ClaimReadResult ReadLine(ReadOnlySpan<byte> text, int ordinal, int sourceLine)
    {
        try
        {
            return ReadOne(text, ordinal, sourceLine, parser);
        }
        catch (JsonException ex)
        {
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var problem = string.Create(CultureInfo.InvariantCulture, $"{ClaimJsonParser.SyntaxProblem(ex)} (position {column})");
            return Unreadable(ordinal, sourceLine, problem);
        }
    }

    /// <summary>Skips an NDJSON line longer than <see cref="ClaimJsonReader.MaxClaimBytes"/> to its end, a window at a time, and reports it unread.</summary>
    private ClaimReadResult SkipLongLine(int ordinal)
    {
        var claimLine = line;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Advance(newline + 1);
                break;
            }

            Advance(end - start);
            if (eof || !Fill())
            {
                break;
            }
        }

        return TooLarge(ordinal, claimLine, string.Create(CultureInfo.InvariantCulture,
            $"The line is longer than {ClaimJsonReader.MaxClaimBytes / (1024 * 1024)} MB, the most one claim may take; it was skipped unread."));
    }

    /// <summary>
    /// Tells NDJSON from pretty-printed claims, for an input that starts with an object: it is NDJSON when the first
    /// object ends on its first line; when the first object is not well formed, when the line after it (if any) holds
    /// one whole object. Anything else is claim objects delimited by JSON alone.
    /// </summary>
    private Layout DetectLayout()
    {
        while (true)
        {
            var window = buffer.AsSpan(start, end - start);
            var reader = new Utf8JsonReader(window, isFinalBlock: eof, FreshState);
            try
            {
                if (reader.Read() && reader.TrySkip())
                {
                    return window[..(int)reader.BytesConsumed].Contains((byte)'\n') ? Layout.Objects : Layout.Lines;
                }
            }
            catch (JsonException)
            {
                return SecondLineHoldsAnObject() ? Layout.Lines : Layout.Objects;
            }

            if (end - start >= ClaimJsonReader.MaxClaimBytes)
            {
                // The first claim alone fills the window: one line is an over-long NDJSON line, several are one big claim.
                return window.Contains((byte)'\n') ? Layout.Objects : Layout.Lines;
            }

            Fill();
        }
    }

    /// <summary>Tells whether the first non-blank line after the first holds exactly one JSON object, or there is no such line.</summary>
    private bool SecondLineHoldsAnObject()
    {
        while (true)
        {
            var window = buffer.AsSpan(start, end - start);
            var firstEnd = window.IndexOf((byte)'\n');
            var rest = firstEnd < 0 ? [] : window[(firstEnd + 1)..];
            while (firstEnd >= 0)
            {
                var lineEnd = rest.IndexOf((byte)'\n');
                if (lineEnd < 0 && !eof && end - start < ClaimJsonReader.MaxClaimBytes)
                {
                    break;
                }

                var text = (lineEnd < 0 ? rest : rest[..lineEnd]).Trim(" \t\r"u8);
                if (!text.IsEmpty)
                {
                    return IsOneObject(text);
                }

                if (lineEnd < 0)
                {
                    return true;
                }

                rest = rest[(lineEnd + 1)..];
            }

            if (eof && firstEnd < 0)
            {
                return true;
            }

            if (end - start >= ClaimJsonReader.MaxClaimBytes)
            {
                return firstEnd < 0;
            }

            Fill();
        }
    }

    private static bool IsOneObject(ReadOnlySpan<byte> text)
    {
        if (text[0] != '{')
        {
            return false;
        }

        var reader = new Utf8JsonReader(text, isFinalBlock: true, FreshState);
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ClaimReadResult Unreadable(int ordinal, int sourceLine, string problem) =>
        new(ordinal, sourceLine, ClaimReadResult.Placeholder(ordinal), null, [new ClaimElementError(Scrubbing.ElementPath.Claim, problem, null, sourceLine)]);

    private static ClaimReadResult TooLarge(int ordinal, int sourceLine, string problem) => Unreadable(ordinal, sourceLine, problem);

    private string NotClaimsProblem()
    {
        var window = buffer.AsSpan(start, end - start);
        return window.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || window.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? "The input is UTF-16 (it starts with a UTF-16 byte-order mark); claims are read as UTF-8."
            : "Expected a JSON array of claims ('[') or one claim object per line ('{').";
    }

    private void SkipByteOrderMark()
    {
        while (end - start < 3 && !eof)
        {
            Fill();
        }

        if (buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8))
        {
            Advance(3);
            lineStartOffset = offset;
        }
    }

    /// <summary>Skips white space and returns the next byte, or -1 at the end of the input.</summary>
    private int SkipWhitespace()
    {
        while (true)
        {
            var span = buffer.AsSpan(start, end - start);
            var skip = span.IndexOfAnyExcept(" \t\r\n"u8);
            if (skip >= 0)
            {
                Advance(skip);
                return buffer[start];
            }

            Advance(span.Length);
            if (eof || !Fill())
            {
                return -1;
            }
        }
    }

    private void Advance(int count)
    {
        var span = buffer.AsSpan(start, count);
        var lastNewline = span.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            line += span.Count((byte)'\n');
            lineStartOffset = offset + lastNewline + 1;
        }

        start += count;
        offset += count;
    }

    private int Column() => (int)Math.Min(offset - lineStartOffset + 1, int.MaxValue);

    /// <summary>Moves the unread bytes to the window's start and reads more, growing the window up to the claim limit.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
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
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, ClaimJsonReader.MaxClaimBytes));
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            eof = true;
            return false;
        }

        end += read;
        return true;
    }

    private ClaimReadException Error(int atLine, int column, string problem, Exception? inner = null) => new(name, atLine, column, problem, inner);

    /// <summary>
    /// Finds the end of one JSON value by its brackets and strings alone, across windows, holding only a depth: used to
    /// pass over a claim too large to parse. It does not check the syntax; a claim skipped this way is unread anyway.
    /// </summary>
    private struct ValueScan
    {
        private long depth;
        private bool started;
        private bool inString;
        private bool escaped;
        private bool literal;

        /// <summary>Scans <paramref name="window"/>; returns whether the value ended, and how many of its bytes it took.</summary>
        public bool Advance(ReadOnlySpan<byte> window, out int consumed)
        {
            for (var i = 0; i < window.Length; i++)
            {
                var b = window[i];
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (b == '\\')
                    {
                        escaped = true;
                    }
                    else if (b == '"')
                    {
                        inString = false;
                        if (depth == 0)
                        {
                            consumed = i + 1;
                            return true;
                        }
                    }
                    else
                    {
                        // Jump to the next quote or backslash: the rest of a string is never structure.
                        var next = window[(i + 1)..].IndexOfAny((byte)'"', (byte)'\\');
                        i = next < 0 ? window.Length - 1 : i + next;
                    }

                    continue;
                }

                if (literal)
                {
                    if (b is (byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                    {
                        consumed = i;
                        return true;
                    }

                    continue;
                }

                switch (b)
                {
                    case (byte)'"':
                        inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        depth++;
                        break;
                    case (byte)'}' or (byte)']':
                        if (--depth <= 0)
                        {
                            consumed = i + 1;
                            return true;
                        }

                        break;
                    default:
                        if (!started && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                        {
                            literal = true;
                        }

                        break;
                }

                started = true;
            }

            consumed = window.Length;
            return false;
        }
    }
}
