using System.Buffers;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Splits CSV text (RFC 4180: comma-separated, double quotes around a cell that holds commas, quotes or line breaks,
/// <c>""</c> for a quote inside one) into records, one at a time, with the file line each starts on. It is total: a
/// quote out of place is flagged on its record, a record longer than <see cref="MaxRecordLength"/> keeps only its cell
/// count (its text is not held), and only a quoted cell still open at the end of the input, after a line break, stops
/// the input, since the records after its opening quote can no longer be told apart.
/// </summary>
/// <remarks>Cells are trimmed of spaces and tabs around them (inside quotes too, as claim values never start or end with them).</remarks>
internal sealed class CsvRecordReader
{
    /// <summary>The longest record kept, in characters; no row of a claim comes near it.</summary>
    public const int MaxRecordLength = 1024 * 1024;

    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly TextReader text;
    private readonly string? inputName;
    private readonly char[] buffer = new char[16 * 1024];
    private readonly char[] record = new char[1024];
    private readonly List<string> cells = [];
    private char[] recordChars;
    private int length;
    private int cellStart;
    private int position;
    private int filled;
    private int line = 1;
    private bool ended;

    public CsvRecordReader(TextReader text, string? inputName)
    {
        this.text = text;
        this.inputName = inputName;
        recordChars = record;
    }

    /// <summary>Gets the cells of the record read last; when it was <see cref="TooLong"/>, only those that ended within the limit.</summary>
    public IReadOnlyList<string> Cells => cells;

    /// <summary>Gets how many cells the record read last has, all of them counted even when it was <see cref="TooLong"/>.</summary>
    public int CellCount { get; private set; }

    /// <summary>Gets the file line the record read last starts on.</summary>
    public int Line { get; private set; }

    /// <summary>Gets a value indicating whether the record read last has a quote out of place: inside an unquoted cell, or after a closing quote.</summary>
    public bool BadQuoting { get; private set; }

    /// <summary>Gets a value indicating whether the record read last was longer than <see cref="MaxRecordLength"/>; its cells are then empty.</summary>
    public bool TooLong { get; private set; }

    /// <summary>Reads the next record.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="ClaimReadException">A quoted cell that spans lines is never closed.</exception>
    public bool Read()
    {
        cells.Clear();
        CellCount = 0;
        length = 0;
        cellStart = 0;
        BadQuoting = false;
        TooLong = false;
        Line = line;
        if (Peek() < 0)
        {
            return false;
        }

        while (true)
        {
            SkipBlanks();
            var c = Peek();
            if (c == '"')
            {
                Take();
                ReadQuoted();
                SkipBlanks();
                c = Peek();
                if (c is >= 0 and not (',' or '\r' or '\n'))
                {
                    // Text after the closing quote: keep it in the cell, as a lenient reader would, but flag it.
                    BadQuoting = true;
                    ReadUnquoted();
                    c = Peek();
                }
            }
            else
            {
                ReadUnquoted();
                c = Peek();
            }

            EndCell();
            if (c == ',')
            {
                Take();
                Append(",");
                cellStart = length;
                continue;
            }

            EndOfLine();
            return true;
        }
    }

    private void ReadUnquoted()
    {
        while (position < filled || Refill())
        {
            // Runs of plain characters are copied at once; only the characters that end or break a cell are looked at.
            var window = buffer.AsSpan(position, filled - position);
            var stop = window.IndexOfAny(UnquotedStops);
            var run = stop < 0 ? window : window[..stop];
            Append(run);
            position += run.Length;
            if (stop < 0)
            {
                continue;
            }

            if (window[stop] != '"')
            {
                return;
            }

            BadQuoting = true;
            Append("\"");
            position++;
        }
    }

    private void ReadQuoted()
    {
        var openedOn = line;
        while (true)
        {
            if (position == filled && !Refill())
            {
                if (line > openedOn)
                {
                    throw new ClaimReadException(inputName, openedOn, null,
                        "A quoted cell opened on this line is never closed, so the rows after it cannot be told apart; close the quote or remove it.");
                }

                // The last line of the input: only this record is damaged.
                BadQuoting = true;
                return;
            }

            var window = buffer.AsSpan(position, filled - position);
            var stop = window.IndexOfAny(QuotedStops);
            var run = stop < 0 ? window : window[..stop];
            Append(run);
            position += run.Length;
            if (stop < 0)
            {
                continue;
            }

            var c = Take();
            if (c != '"')
            {
                // A line break inside the cell: CR LF, LF or CR alone each count one line.
                if (c == '\r' && Peek() == '\n')
                {
                    Take();
                    Append("\r\n");
                }
                else
                {
                    Append(c == '\r' ? "\r" : "\n");
                }

                line++;
                continue;
            }

            if (Peek() != '"')
            {
                return;
            }

            Take();
            Append("\"");
        }
    }

    private void EndOfLine()
    {
        var c = Take();
        if (c == '\r' && Peek() == '\n')
        {
            Take();
        }

        if (c >= 0)
        {
            line++;
        }
    }

    /// <summary>Passes over spaces and tabs around a cell; they are not kept, so a row of blanks takes no memory.</summary>
    private void SkipBlanks()
    {
        while (Peek() is ' ' or '\t')
        {
            Take();
        }
    }

    private void EndCell()
    {
        CellCount++;
        if (!TooLong)
        {
            cells.Add(recordChars.AsSpan(cellStart, length - cellStart).Trim(" \t").ToString());
        }
    }

    /// <summary>Keeps characters of the record, until the record grows past <see cref="MaxRecordLength"/>.</summary>
    private void Append(ReadOnlySpan<char> chars)
    {
        if (TooLong || chars.IsEmpty)
        {
            return;
        }

        if (length + chars.Length > MaxRecordLength)
        {
            TooLong = true;
            return;
        }

        if (length + chars.Length > recordChars.Length)
        {
            Array.Resize(ref recordChars, Math.Min(Math.Max(recordChars.Length * 2, length + chars.Length), MaxRecordLength));
        }

        chars.CopyTo(recordChars.AsSpan(length));
        length += chars.Length;
    }

    private int Peek()
    {
        if (position == filled && !Refill())
        {
            return -1;
        }

        return buffer[position];
    }

    private int Take()
    {
        if (position == filled && !Refill())
        {
            return -1;
        }

        return buffer[position++];
    }

    private bool Refill()
    {
        if (ended)
        {
            return false;
        }

        filled = text.Read(buffer, 0, buffer.Length);
        position = 0;
        ended = filled == 0;
        return !ended;
    }
}
