namespace ClaimScrubber.CodeSets.Loading;

/// <summary>One row of a CSV file or worksheet, with the 1-based line (CSV) or row (worksheet) problems name.</summary>
internal readonly struct TabularRow
{
    public TabularRow(int line, string[] cells)
    {
        Line = line;
        Cells = cells;
    }

    public int Line { get; }

    public string[] Cells { get; }

    /// <summary>Gets the cell at <paramref name="index"/>, trimmed, or an empty string past the row's end.</summary>
    public string this[int index] => index < Cells.Length ? Cells[index].Trim() : string.Empty;

    /// <summary>Gets a value indicating whether every cell is blank.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// Tells whether the row holds a value beyond the <paramref name="width"/> columns of its header: two rows run
    /// together (a line break lost) or a shifted row, either of which would silently lose or misread a row.
    /// </summary>
    public bool IsWiderThan(int width)
    {
        for (var i = width; i < Cells.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(Cells[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message for a row wider than its header.</summary>
    public string WiderThanMessage(int width) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The row holds {Cells.Length} cells, more than the {width} columns of the header (rows run together, or a shifted row); the row was refused.");
}
