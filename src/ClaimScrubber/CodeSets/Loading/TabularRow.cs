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
}
