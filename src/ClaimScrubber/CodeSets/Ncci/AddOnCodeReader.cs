using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>
/// Reads the CMS add-on code edit table, <c>AOC_VYYYYQn-MCR.xlsx</c> (as distributed) or its CSV form. Row 1 is the
/// AMA notice; the header names AOC_Edit_Type, Add-On_Code, AOC_DelDT, Primary_Code, Primary_Code_DelDT,
/// AOC_Edit_EffDT, AOC_Edit_DelDT; dates are Julian <c>YYYYDDD</c>; primary <c>CCCCC</c> means contractor-defined.
/// An edit applies from its effective date to the earliest of its own, its add-on code's and its primary code's
/// deletion dates.
/// </summary>
internal sealed partial class AddOnCodeReader : ICmsFileReader
{
    private static readonly string[] Columns = ["AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code", "Primary_Code_DelDT", "AOC_Edit_EffDT", "AOC_Edit_DelDT"];

    public string Id => "ncci-aoc";

    public bool Recognizes(string fileName) => FileName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var match = FileName().Match(file.FileName);
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var quarter = match.Groups[2].Value[0] - '0';
        var released = new DateOnly(year, 1 + (3 * (quarter - 1)), 1);
        int[]? at = null;
        var width = 0;
        var rows = new List<(ulong Key, AddOnType Type, ushort Effective, ushort End)>(10_000);
        foreach (var row in TabularReader.ReadRows(file))
        {
            if (at is null)
            {
                if (string.Equals(row[0], Columns[0], StringComparison.OrdinalIgnoreCase))
                {
                    at = [.. Columns.Select(c => Array.FindIndex(row.Cells, h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)))];
                    width = row.Cells.Length;
                    var missing = Columns.Where((c, i) => at[i] < 0).ToList();
                    if (missing.Count > 0)
                    {
                        throw new InvalidDataException($"the add-on code header lacks {string.Join(", ", missing)}");
                    }
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (row.IsWiderThan(width))
            {
                file.Error(row.Line, row.WiderThanMessage(width));
                continue;
            }

            var typeText = row[at[0]];
            if (typeText is not ("1" or "2" or "3"))
            {
                file.Error(row.Line, $"Add-on code row refused: edit type '{typeText}' is not 1, 2 or 3.");
                continue;
            }

            if (!ProcedureCode.TryParse(row[at[1]], out var addOn))
            {
                file.Error(row.Line, $"Add-on code row refused: '{row[at[1]]}' is not a procedure code.");
                continue;
            }

            var primaryText = row[at[3]];
            var primary = default(ProcedureCode);
            if (!string.Equals(primaryText, "CCCCC", StringComparison.OrdinalIgnoreCase) && !ProcedureCode.TryParse(primaryText, out primary))
            {
                file.Error(row.Line, $"Add-on code row refused: primary '{primaryText}' of {addOn} is neither a procedure code nor CCCCC.");
                continue;
            }

            if (!NcciDay.TryParseJulian(row[at[5]], NcciDay.Start, out var effective)
                || !NcciDay.TryParseJulian(row[at[6]], NcciDay.Open, out var editEnd)
                || !NcciDay.TryParseJulian(row[at[2]], NcciDay.Open, out var addOnEnd)
                || !NcciDay.TryParseJulian(row[at[4]], NcciDay.Open, out var primaryEnd))
            {
                file.Error(row.Line, $"Add-on code row refused: a date of {addOn} / {primaryText} is not a Julian YYYYDDD date (effective '{row[at[5]]}', deletions '{row[at[6]]}', '{row[at[2]]}', '{row[at[4]]}').");
                continue;
            }

            rows.Add((((ulong)addOn.Value << 32) | primary.Value, (AddOnType)(typeText[0] - '0'), effective, Math.Min(editEnd, Math.Min(addOnEnd, primaryEnd))));
        }

        if (at is null)
        {
            throw new InvalidDataException("no add-on code header (AOC_Edit_Type, Add-On_Code, …) was found; this is not an add-on code table");
        }

        if (!file.CheckSize(TableMinimum.AddOnCodes, rows.Count))
        {
            return;
        }

        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        var release = new TableRelease("NCCI add-on codes", string.Create(CultureInfo.InvariantCulture, $"{year} Q{quarter}"), file.FileName, released, null, rows.Count);
        var table = new AddOnCodeTable(release, [.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Type)], [.. rows.Select(r => r.Effective)], [.. rows.Select(r => r.End)]);
        file.AddTo(b =>
        {
            b.Part(() => new List<AddOnCodeTable>(), parts => b.SetTable(new AddOnCodeTables(parts))).Add(table);
            b.AddRelease(release);
        });
    }

    [GeneratedRegex(@"^AOC_V(\d{4})Q([1-4])-MCR\.(csv|xlsx)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
