using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// Reads the rows of a CMS table whichever form CMS ships it in: a CSV file (RFC 4180, quoted cells may hold line
/// breaks) or the first worksheet of an <c>.xlsx</c> workbook. Readers then find their header row and columns the
/// same way for both forms.
/// </summary>
internal static class TabularReader
{
    /// <summary>The last column a worksheet has (XFD), 0-based.</summary>
    private const int MaxColumn = 16_383;

    /// <summary>Reads every row of <paramref name="file"/>, by its extension.</summary>
    public static IEnumerable<TabularRow> ReadRows(CmsFile file, Encoding? csvEncoding = null) =>
        file.FullPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ReadWorksheet(file)
            : ReadCsv(file, csvEncoding ?? Encoding.Latin1);

    /// <summary>
    /// Reads CSV rows; the line is where the record starts, so a problem in a multi-line record names its first line.
    /// A file whose last line has no line break is reported (see <see cref="CmsFile.CheckLineEnd"/>) once read.
    /// </summary>
    public static IEnumerable<TabularRow> ReadCsv(CmsFile file, Encoding encoding)
    {
        using var stream = file.OpenRead();
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var last = new TabularRow(0, []);
        foreach (var row in ReadCsv(text))
        {
            last = row;
            yield return row;
        }

        file.CheckLineEnd(stream, text.CurrentEncoding, last.Line, last.IsBlank);
    }

    public static IEnumerable<TabularRow> ReadCsv(TextReader text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(text, configuration);
        var nextLine = 1;
        while (parser.Read())
        {
            var start = nextLine;

            // RawRow counts physical lines, so a record holding quoted line breaks advances it by more than one.
            nextLine = parser.RawRow + 1;
            yield return new TabularRow(start, parser.Record ?? []);
        }
    }

    /// <summary>
    /// Reads the first worksheet with the streaming (SAX) reader, resolving shared strings; the line is the sheet row
    /// number. Every part of the workbook is checked against its CRC-32 first (the workbook reader does not), and any
    /// failure of the workbook reader is reported naming the part it was reading.
    /// </summary>
    public static IEnumerable<TabularRow> ReadWorksheet(CmsFile file)
    {
        VerifyParts(file);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file.FullPath, isEditable: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new OpenXmlReadException($"not a readable .xlsx workbook ({ex.GetType().Name}: {ex.Message})", ex);
        }

        using (document)
        {
            var (part, shared) = FirstWorksheet(document);
            using var reader = Open(part);
            var partName = part.Uri.OriginalString;
            var lastRow = 0;
            while (NextRow(reader, partName, lastRow) is { } row)
            {
                lastRow = (int)(row.RowIndex?.Value ?? 0);
                yield return new TabularRow(lastRow, CellsOf(row, shared, partName));
            }
        }
    }

    /// <summary>Reads every part of a workbook through its CRC-32 check, so that a damaged part is refused before any row is used.</summary>
    private static void VerifyParts(CmsFile file)
    {
        using var archive = file.OpenZip();
        var buffer = new byte[1 << 16];
        foreach (var entry in archive.Entries)
        {
            using var stream = file.OpenEntry(entry);
            while (stream.Read(buffer) > 0)
            {
            }
        }
    }

    private static (WorksheetPart Part, string[] Shared) FirstWorksheet(SpreadsheetDocument document)
    {
        var partName = "xl/workbook.xml";
        try
        {
            var workbook = document.WorkbookPart ?? throw new OpenXmlReadException("the workbook has no workbook part");
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new OpenXmlReadException("the workbook has no worksheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            partName = "xl/sharedStrings.xml";
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            return (part, shared);
        }
        catch (Exception ex) when (ex is not (OpenXmlReadException or OutOfMemoryException))
        {
            throw new OpenXmlReadException($"the workbook part '{partName}' is damaged ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private static OpenXmlReader Open(WorksheetPart part)
    {
        try
        {
            return OpenXmlReader.Create(part);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new OpenXmlReadException($"the worksheet part '{part.Uri.OriginalString}' cannot be opened ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    /// <summary>Reads up to the next row, or returns <see langword="null"/> at the end; a damaged part is reported with the row it follows.</summary>
    private static Row? NextRow(OpenXmlReader reader, string partName, int lastRow)
    {
        try
        {
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    return (Row)reader.LoadCurrentElement()!;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new OpenXmlReadException(string.Create(CultureInfo.InvariantCulture,
                $"the worksheet part '{partName}' is damaged after sheet row {lastRow} ({ex.GetType().Name}: {ex.Message})"), ex);
        }
    }

    private static string[] CellsOf(Row row, string[] shared, string partName)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            if (column > MaxColumn)
            {
                throw new OpenXmlReadException($"cell {cell.CellReference} of the worksheet part '{partName}' lies beyond column XFD, the last a worksheet has");
            }

            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(ValueOf(cell, shared, partName));
        }

        return [.. cells];
    }

    private static string ValueOf(Cell cell, string[] shared, string partName)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return (uint)index < (uint)shared.Length ? shared[index] : throw new OpenXmlReadException($"cell {cell.CellReference} of the worksheet part '{partName}' refers to shared string {index}, which does not exist");
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        return raw ?? string.Empty;
    }

    /// <summary>Turns the letters of a cell reference such as <c>AB12</c> into a 0-based column index.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
            if (column > MaxColumn + 1)
            {
                return MaxColumn + 1;
            }
        }

        return column - 1;
    }
}
