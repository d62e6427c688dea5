using System.Globalization;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>One record of a CMS ICD-10-CM order file: the code, whether it is billable, and its two descriptions.</summary>
/// <param name="Code">The code.</param>
/// <param name="Billable"><see langword="true"/> for a billable code (flag <c>1</c>), <see langword="false"/> for a header (flag <c>0</c>).</param>
/// <param name="ShortDescription">The short description (at most 60 characters).</param>
/// <param name="LongDescription">The long description.</param>
internal readonly record struct IcdOrderRecord(IcdCode Code, bool Billable, string ShortDescription, string LongDescription)
{
    /// <summary>The layout of the order file: 1–5 order number, 7–13 code, 15 flag, 17–76 short, 78+ long (1-based).</summary>
    public static readonly RecordLayout OrderFile = new(OrderNumberLength: 5, FlagColumn: 14, CodeColumn: 6);

    /// <summary>
    /// The layout of an addenda record after its 13-character tag (<c>Add:</c>, <c>Revise from:</c>…): the flag at
    /// 14, then the code at 16–22, the short description at 24–83 and the long one from 85 (1-based).
    /// </summary>
    public static readonly RecordLayout Addenda = new(OrderNumberLength: 0, FlagColumn: 13, CodeColumn: 15);

    /// <summary>
    /// The layout of an ICD-10-PCS addenda record after its 13-character tag: no flag (a PCS record's length says whether
    /// it is a code or a table), the code at 14–20, the short description at 22–81 and the long one from 83 (1-based).
    /// </summary>
    public static readonly RecordLayout PcsAddenda = new(OrderNumberLength: 0, FlagColumn: NoFlag, CodeColumn: 13);

    /// <summary>The <see cref="RecordLayout.FlagColumn"/> of a layout without a billable flag.</summary>
    public const int NoFlag = -1;

    /// <summary>Parses one record, or says in <paramref name="error"/> why it cannot be read.</summary>
    /// <param name="line">The line without its line end.</param>
    /// <param name="layout">Where the fields are.</param>
    /// <param name="codeLength">The most characters a code may have (7 for ICD-10-CM).</param>
    /// <param name="parseCode">Turns the trimmed code field into a code, or returns <see langword="false"/>.</param>
    /// <param name="code">The code.</param>
    /// <param name="billable">The billable flag (<see langword="false"/> in a layout without one).</param>
    /// <param name="shortDescription">The short description.</param>
    /// <param name="longDescription">The long description.</param>
    /// <param name="error">Why the record was refused.</param>
    /// <returns><see langword="true"/> when the record is well formed.</returns>
    public static bool TryParseFields<TCode>(string line, RecordLayout layout, int codeLength, TryParseCode<TCode> parseCode, out TCode code, out bool billable, out string shortDescription, out string longDescription, out string? error)
        where TCode : struct
    {
        code = default;
        billable = false;
        shortDescription = string.Empty;
        longDescription = string.Empty;
        var span = line.AsSpan();
        var shortColumn = Math.Max(layout.FlagColumn, layout.CodeColumn) + (layout.FlagColumn > layout.CodeColumn ? 2 : codeLength + 1);
        var longColumn = shortColumn + ShortLength + 1;
        if (span.Length <= longColumn)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The record is {span.Length} characters long; the order-file layout needs at least {longColumn + 1} (a long description from column {longColumn + 1}).");
            return false;
        }

        if (layout.OrderNumberLength > 0 && !IsDigits(span[..layout.OrderNumberLength]))
        {
            error = $"The order number '{span[..layout.OrderNumberLength].ToString()}' in columns 1–{layout.OrderNumberLength} is not a number.";
            return false;
        }

        var flag = layout.FlagColumn == NoFlag ? '0' : span[layout.FlagColumn];
        if (flag is not ('0' or '1'))
        {
            error = $"The billable flag in column {layout.FlagColumn + 1} is '{flag}', not 1 (billable) or 0 (header).";
            return false;
        }

        var codeField = span.Slice(layout.CodeColumn, codeLength);
        if (codeField.Contains('.') || !parseCode(codeField.Trim(), out code) || span[layout.CodeColumn + codeLength] != ' ')
        {
            error = $"'{span.Slice(layout.CodeColumn, codeLength + 1).ToString().Trim()}' in columns {layout.CodeColumn + 1}–{layout.CodeColumn + codeLength} is not an undotted code.";
            return false;
        }

        // Fields are separated by single blanks; a character there means the record is shifted or not this layout.
        foreach (var blank in (ReadOnlySpan<int>)[layout.OrderNumberLength, layout.FlagColumn + 1, layout.CodeColumn + codeLength, longColumn - 1])
        {
            if (blank > 0 && span[blank] != ' ')
            {
                error = $"Column {blank + 1} holds '{span[blank]}' where the order-file layout has a blank between fields.";
                return false;
            }
        }

        billable = flag == '1';
        shortDescription = span.Slice(shortColumn, ShortLength).TrimEnd().ToString();
        longDescription = span[longColumn..].TrimEnd().ToString();
        if (shortDescription.Length == 0 || longDescription.Length == 0)
        {
            error = "The record has no description.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Parses one ICD-10-CM record, or says in <paramref name="error"/> why it cannot be read.</summary>
    /// <param name="line">The line without its line end.</param>
    /// <param name="layout">Where the fields are.</param>
    /// <param name="record">The record.</param>
    /// <param name="error">Why the record was refused.</param>
    /// <returns><see langword="true"/> when the record is well formed.</returns>
    public static bool TryParse(string line, RecordLayout layout, out IcdOrderRecord record, out string? error)
    {
        if (TryParseFields<IcdCode>(line, layout, IcdCode.MaxLength, IcdCode.TryParse, out var code, out var billable, out var shortText, out var longText, out error))
        {
            record = new IcdOrderRecord(code, billable, shortText, longText);
            return true;
        }

        record = default;
        return false;
    }

    private const int ShortLength = 60;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tries to turn a trimmed code field into a code.</summary>
    public delegate bool TryParseCode<TCode>(ReadOnlySpan<char> text, out TCode code);

    /// <summary>Where an order-file record's fields start (0-based columns).</summary>
    /// <param name="OrderNumberLength">The width of the leading order number, or 0 when there is none.</param>
    /// <param name="FlagColumn">The column of the billable flag.</param>
    /// <param name="CodeColumn">The first column of the code field.</param>
    internal readonly record struct RecordLayout(int OrderNumberLength, int FlagColumn, int CodeColumn);
}
