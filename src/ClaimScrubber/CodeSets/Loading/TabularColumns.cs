namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// The columns of a CMS table found by header name, so a reader survives CMS reordering or adding columns between
/// releases. Names match ignoring case, spaces and underscores (<c>ADD DT</c> matches <c>add_dt</c>).
/// </summary>
internal sealed class TabularColumns
{
    private readonly Dictionary<string, int> byName;

    private TabularColumns(Dictionary<string, int> byName, int headerLine, int width)
    {
        this.byName = byName;
        HeaderLine = headerLine;
        Width = width;
    }

    /// <summary>Gets how many columns the header has.</summary>
    public int Width { get; }

    /// <summary>Gets the line of the header row.</summary>
    public int HeaderLine { get; }

    /// <summary>Gets the index of a column the header was required to have.</summary>
    public int this[string name] => byName[Normalize(name)];

    /// <summary>Reads <paramref name="row"/> as a header when it names every one of <paramref name="required"/>.</summary>
    public static bool TryRead(TabularRow row, IReadOnlyList<string> required, out TabularColumns columns)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < row.Cells.Length; i++)
        {
            var name = Normalize(row.Cells[i]);
            if (name.Length > 0)
            {
                // The first of two same-named columns wins, as a person reading the sheet would take it.
                map.TryAdd(name, i);
            }
        }

        columns = new TabularColumns(map, row.Line, row.Cells.Length);
        foreach (var name in required)
        {
            if (!map.ContainsKey(Normalize(name)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Finds the header row among <paramref name="rows"/> (CMS sometimes puts notices above it) and yields the data
    /// rows after it; a row holding values beyond the header's columns is refused to <paramref name="file"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">No row names every required column.</exception>
    public static IEnumerable<TabularRow> DataRows(CmsFile file, IEnumerable<TabularRow> rows, IReadOnlyList<string> required, Action<TabularColumns> found)
    {
        TabularColumns? columns = null;
        foreach (var row in rows)
        {
            if (columns is null)
            {
                if (TryRead(row, required, out var header))
                {
                    columns = header;
                    found(header);
                }

                continue;
            }

            if (row.IsWiderThan(columns.Width))
            {
                file.Error(row.Line, row.WiderThanMessage(columns.Width));
            }
            else if (!row.IsBlank)
            {
                yield return row;
            }
        }

        if (columns is null)
        {
            throw new InvalidDataException($"no header row names the columns {string.Join(", ", required)}");
        }
    }

    /// <summary>Gets the index of an optional column; when the header lacks it, an index past every row's end, which reads empty.</summary>
    public int Optional(string name) => byName.TryGetValue(Normalize(name), out var index) ? index : int.MaxValue;

    private static string Normalize(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c != '_')).ToUpperInvariant();
}
