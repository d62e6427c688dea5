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
    /// <summary>Reads every row of <paramref name="file"/>, by its extension.</summary>
    public static IEnumerable<TabularRow> ReadRows(CmsFile file, Encoding? csvEncoding = null) =>
        file.FullPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ReadWorksheet(file)
            : ReadCsv(file, csvEncoding ?? Encoding.Latin1);

    /// <summary>Reads CSV rows; the line is where the record starts, so a problem in a multi-line record names its first line.</summary>
    public static IEnumerable<TabularRow> ReadCsv(CmsFile file, Encoding encoding)
    {
        using var stream = file.OpenRead();
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        foreach (var row in ReadCsv(text))
        {
            yield return row;
        }
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

    /// <summary>Reads the first worksheet with the streaming (SAX) reader, resolving shared strings; the line is the sheet row number.</summary>
    public static IEnumerable<TabularRow> ReadWorksheet(CmsFile file)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file.FullPath, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException)
        {
            throw new OpenXmlReadException($"not a readable .xlsx workbook ({ex.Message})", ex);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new OpenXmlReadException("the workbook has no workbook part");
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new OpenXmlReadException("the workbook has no worksheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    yield return new TabularRow((int)(row.RowIndex?.Value ?? 0), CellsOf(row, shared));
                }
            }
        }
    }

    private static string[] CellsOf(Row row, string[] shared)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(ValueOf(cell, shared));
        }

        return [.. cells];
    }

    private static string ValueOf(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return (uint)index < (uint)shared.Length ? shared[index] : throw new OpenXmlReadException($"cell {cell.CellReference} refers to shared string {index}, which does not exist");
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
        }

        return column - 1;
    }
}
