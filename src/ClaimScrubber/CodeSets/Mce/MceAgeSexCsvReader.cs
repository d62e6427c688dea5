using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// Reads the MCE age, sex and manifestation lists published as CSV (<c>mce_v41.1_fy2024_age_sex_manifestation.csv</c>:
/// <c>icd_code</c> dotted, <c>icd_description</c>, <c>icd_conflict_group</c> Age/Sex/Other, <c>icd_conflict_rule</c>).
/// The release and fiscal year come from the file name; the lists stand for that fiscal year.
/// </summary>
/// <remarks>
/// These are the last lists that carry the sex-conflict edit: CMS deactivated it from 2024-10-01 (MCE v42), so the sex
/// lists are switched off from that date even when no definitions manual is loaded to say so.
/// </remarks>
internal sealed partial class MceAgeSexCsvReader : ICmsFileReader
{
    /// <summary>The first date the MCE no longer applies the sex-conflict edit (MCE v42, FY2025).</summary>
    public static readonly DateOnly SexEditDeactivated = new(2024, 10, 1);

    public string Id => "mce-age-sex-csv";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        var name = FileNamePattern().Match(file.FileName);
        var fiscalYear = int.Parse(name.Groups["fy"].ValueSpan, CultureInfo.InvariantCulture);
        var lists = new Dictionary<MceList, List<IcdCode>>();
        int? codeColumn = null;
        int groupColumn = 0, ruleColumn = 0, width = 0;
        var rows = 0;
        foreach (var row in TabularReader.ReadCsv(file, CmsFile.Windows1252))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (codeColumn is null)
            {
                if (Column(row, "icd_code") is not { } c || Column(row, "icd_conflict_group") is not { } g || Column(row, "icd_conflict_rule") is not { } r)
                {
                    throw new InvalidDataException("The first row is not the header icd_code, icd_description, icd_conflict_group, icd_conflict_rule.");
                }

                (codeColumn, groupColumn, ruleColumn, width) = (c, g, r, row.Cells.Length);

                continue;
            }

            if (row.IsWiderThan(width))
            {
                file.Error(row.Line, row.WiderThanMessage(width));
                continue;
            }

            var text = row[codeColumn.Value];
            if (!IcdCode.TryParse(text, out var code))
            {
                file.Error(row.Line, $"'{text}' is not an ICD-10-CM code; the row was skipped.");
                continue;
            }

            if (ListOf(row[groupColumn], row[ruleColumn]) is not { } list)
            {
                file.Error(row.Line, $"The group '{row[groupColumn]}' and rule '{row[ruleColumn]}' name no MCE age, sex or manifestation list; the row was skipped.");
                continue;
            }

            if (!lists.TryGetValue(list, out var codes))
            {
                codes = [];
                lists[list] = codes;
            }

            codes.Add(code);
            rows++;
        }

        if (!file.CheckSize(TableMinimum.MceAgeSexLists, rows))
        {
            return;
        }

        var release = new TableRelease(MceTable.TableName, "MCE v" + name.Groups["version"].Value, file.FileName,
            Icd10Cm.IcdCodeSet.FiscalYearStart(fiscalYear), Icd10Cm.IcdCodeSet.FiscalYearEnd(fiscalYear), rows);
        var inactive = new Dictionary<MceList, DateOnly> { [MceList.FemaleOnly] = SexEditDeactivated, [MceList.MaleOnly] = SexEditDeactivated };
        var part = new MceReleasePart(release, fiscalYear, lists, new Dictionary<MceList, List<IcdCode>>(), new Dictionary<MceList, List<IcdCode>>(), inactive);
        file.AddTo(b =>
        {
            MceTableParts.Of(b).Add(part);
            b.AddRelease(release);
        });
    }

    private static MceList? ListOf(string group, string rule)
    {
        bool Has(string word) => rule.Contains(word, StringComparison.OrdinalIgnoreCase);
        return group.ToUpperInvariant() switch
        {
            "AGE" when Has("Newborn") || Has("Perinatal") => MceList.Newborn,
            "AGE" when Has("Pediatric") => MceList.Pediatric,
            "AGE" when Has("Maternity") => MceList.Maternity,
            "AGE" when Has("Adult") => MceList.Adult,
            "SEX" when Has("Female") => MceList.FemaleOnly,
            "SEX" when Has("Male") => MceList.MaleOnly,
            "OTHER" when Has("Manifestation") => MceList.Manifestation,
            _ => null,
        };
    }

    private static int? Column(TabularRow row, string name)
    {
        for (var i = 0; i < row.Cells.Length; i++)
        {
            if (string.Equals(row[i].Trim('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^mce_v(?<version>\d+\.\d+)_fy(?<fy>\d{4})_.*\.csv$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
