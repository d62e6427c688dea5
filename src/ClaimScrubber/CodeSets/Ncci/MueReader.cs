using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>
/// Reads a CMS MUE table, <c>MCR_MUE_{PractitionerServices|OutpatientHospitalServices|DMESupplierServices}_Eff_MM-DD-YYYY</c>
/// as <c>.csv</c> or <c>.xlsx</c>. The CSV opens with the AMA notice as one quoted multi-line record; the header's
/// first cell (<c>HCPCS/␤CPT Code</c>) holds a line break; the indicator cell is the digit followed by its meaning
/// (<c>2 Date of Service Edit: Policy</c>); the text is Latin-1.
/// </summary>
internal sealed partial class MueReader : ICmsFileReader
{
    public string Id => "ncci-mue";

    public bool Recognizes(string fileName) => FileName().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var match = FileName().Match(file.FileName);
        var setting = match.Groups[1].Value.ToUpperInvariant() switch
        {
            "PRACTITIONERSERVICES" => NcciSetting.Practitioner,
            "OUTPATIENTHOSPITALSERVICES" => NcciSetting.OutpatientHospital,
            _ => NcciSetting.DmeSupplier,
        };
        var effective = DateOnly.ParseExact(match.Groups[2].Value, "MM-dd-yyyy", CultureInfo.InvariantCulture);
        var rows = new SortedDictionary<uint, (int Value, MueIndicator Indicator, string Rationale, int Line)>();
        var headerSeen = false;
        foreach (var row in TabularReader.ReadRows(file))
        {
            if (!headerSeen)
            {
                headerSeen = row[0].StartsWith("HCPCS", StringComparison.OrdinalIgnoreCase);

                // Code, value, indicator, rationale: a header without all four lost a column, which would load blank.
                if (headerSeen && (row.Cells.Length < 4 || !row[3].Contains("Rationale", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new InvalidDataException($"the MUE header has {row.Cells.Length} column(s), not code, MUE value, adjudication indicator and rationale; a column is missing");
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (row.IsWiderThan(4))
            {
                file.Error(row.Line, row.WiderThanMessage(4));
                continue;
            }

            if (row.Cells.Length < 4)
            {
                file.Error(row.Line, string.Create(CultureInfo.InvariantCulture, $"MUE row refused: {row.Cells.Length} cell(s) where the layout has 4 (code, value, indicator, rationale)."));
                continue;
            }

            if (!ProcedureCode.TryParse(row[0], out var code))
            {
                file.Error(row.Line, $"MUE row refused: '{row[0]}' is not a procedure code.");
                continue;
            }

            if (!int.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                file.Error(row.Line, $"MUE row refused: the MUE value '{row[1]}' of {code} is not a whole number of units.");
                continue;
            }

            var indicatorText = row[2];
            if (indicatorText.Length == 0 || indicatorText[0] is < '1' or > '3' || (indicatorText.Length > 1 && indicatorText[1] != ' '))
            {
                file.Error(row.Line, $"MUE row refused: the adjudication indicator '{indicatorText}' of {code} does not start with 1, 2 or 3.");
                continue;
            }

            if (rows.TryGetValue(code.Value, out var first))
            {
                file.Error(row.Line, string.Create(CultureInfo.InvariantCulture, $"MUE row refused: {code} is listed again (first on line {first.Line}, which is kept)."));
                continue;
            }

            rows.Add(code.Value, (value, (MueIndicator)(indicatorText[0] - '0'), row[3], row.Line));
        }

        if (!headerSeen)
        {
            throw new InvalidDataException("no MUE header (HCPCS/CPT Code, MUE Values, MUE Adjudication Indicator, MUE Rationale) was found; this is not an MUE table");
        }

        var minimum = setting == NcciSetting.DmeSupplier ? TableMinimum.MueDme : TableMinimum.Mue;
        if (!file.CheckSize(minimum, rows.Count, rows.Keys.Any(k => ProcedureCode.FromValue(k).ToString()[0] == 'V')))
        {
            return;
        }

        var rationales = rows.Values.Select(r => r.Rationale).Distinct(StringComparer.Ordinal).ToArray();
        if (rationales.Length > byte.MaxValue + 1)
        {
            throw new InvalidDataException("the file holds more than 256 distinct MUE rationales");
        }

        var rationaleIndex = rationales.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => (byte)p.i, StringComparer.Ordinal);
        var release = new TableRelease($"NCCI MUE {NcciSettingNames.Of(setting)}", effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), file.FileName, effective, null, rows.Count);
        var table = new MueTable(
            setting,
            release,
            [.. rows.Keys],
            [.. rows.Values.Select(r => r.Value)],
            [.. rows.Values.Select(r => r.Indicator)],
            [.. rows.Values.Select(r => rationaleIndex[r.Rationale])],
            rationales);
        file.AddTo(b =>
        {
            b.Part(() => new List<MueTable>(), parts => b.SetTable(new MueTables(parts))).Add(table);
            b.AddRelease(release);
        });
    }

    [GeneratedRegex(@"^MCR_MUE_(PractitionerServices|OutpatientHospitalServices|DMESupplierServices)_Eff_(\d{2}-\d{2}-\d{4})\.(csv|xlsx)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
