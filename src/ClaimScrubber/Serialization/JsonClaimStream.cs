using System.Text.Json;

namespace ClaimScrubber.Serialization;

/// <summary>
/// A forward-only byte window over a claims stream that hands out one JSON value (an array element or an NDJSON
/// line) at a time, and keeps the line and column of its start so that errors name them in file terms.
/// </summary>
internal sealed class JsonClaimStream
{
    private const int InitialBuffer = 64 * 1024;

    private readonly Stream stream;
    private readonly string? name;
    private byte[] buffer = new byte[InitialBuffer];
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
    }

    /// <summary>Words a reader exception without the reader's own zero-based, value-relative location.</summary>
    public static string SyntaxProblem(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "The JSON is not well formed: " + (cut >= 0 ? message[..cut] : message);
    }

    public IEnumerable<ClaimReadResult> ReadAll()
    {
        SkipByteOrderMark();
        var first = SkipWhitespace();
        if (first == '[')
        {
            return ReadArray();
        }

        if (first == '{')
        {
            return ReadLines();
        }

        if (first < 0)
        {
            return [];
        }

        throw Error(line, Column(), "Expected a JSON array of claims ('[') or one claim object per line ('{').");
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
                var claimLine = line;
                yield return ReadArrayElement(++ordinal, claimLine);
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

    private ClaimReadResult ReadArrayElement(int ordinal, int claimLine)
    {
        using var document = ParseValue();
        return ClaimJsonMapper.Map(document.RootElement, ordinal, claimLine);
    }

    private JsonDocument ParseValue()
    {
        while (true)
        {
            // Never a final block: an array element is always followed by ',' or ']', so a value the reader cannot
            // finish at the end of the input is a truncated file, not a syntax error.
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), isFinalBlock: false, state: default);
            try
            {
                if (JsonDocument.TryParseValue(ref reader, out var document))
                {
                    Advance((int)reader.BytesConsumed);
                    return document;
                }
            }
            catch (JsonException ex)
            {
                var relativeLine = (int)(ex.LineNumber ?? 0);
                var column = (int)(ex.BytePositionInLine ?? 0) + 1 + (relativeLine == 0 ? Column() - 1 : 0);
                throw Error(line + relativeLine, column, SyntaxProblem(ex), ex);
            }

            if (eof)
            {
                throw Error(line, Column(), "The input ends inside a claim: the file is truncated.");
            }

            Fill();
        }
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

            var result = ReadLine(text.ToArray(), ++ordinal, line);
            Advance(newline < 0 ? length : length + 1);
            yield return result;
        }
    }

    private static ClaimReadResult ReadLine(byte[] text, int ordinal, int sourceLine)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return ClaimJsonMapper.Map(document.RootElement, ordinal, sourceLine);
        }
        catch (JsonException ex)
        {
            var e = new ClaimElements(sourceLine);
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            e.Error(Scrubbing.ElementPath.Claim, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SyntaxProblem(ex)} (position {column})"));
            return e.Unreadable(ordinal, sourceLine, null);
        }
    }

    private void SkipByteOrderMark()
    {
        if (end - start < 3 && !eof)
        {
            Fill();
            if (end - start < 3 && !eof)
            {
                Fill();
            }
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

    private int Column() => (int)(offset - lineStartOffset) + 1;

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
            if (buffer.Length >= ClaimJsonReader.MaxClaimBytes)
            {
                throw Error(line, Column(), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A single claim is larger than {ClaimJsonReader.MaxClaimBytes / (1024 * 1024)} MB; the input is probably corrupt."));
            }

            Array.Resize(ref buffer, buffer.Length * 2);
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
}
