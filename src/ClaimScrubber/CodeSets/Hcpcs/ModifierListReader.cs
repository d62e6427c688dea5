using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>
/// Reads CMS's list of modifiers, <c>modifier_codes_cpt_and_hcpcs_YYYY-MM.csv</c>: code, type (<c>CPT</c> or
/// <c>HCPCS</c>) and category. A code may be listed under both types (P1–P6) or twice with two categories (KX);
/// both are merged, not refused.
/// </summary>
internal sealed partial class ModifierListReader : ICmsFileReader
{
    public const string TableName = "CPT and HCPCS modifier list";

    private static readonly string[] Required = ["mod_code", "mod_type", "mod_category"];

    public string Id => "modifier-list";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        TabularColumns columns = null!;
        var modifiers = new SortedDictionary<ushort, (ModifierLevels Levels, string Category)>();
        foreach (var row in TabularColumns.DataRows(file, TabularReader.ReadRows(file), Required, c => columns = c))
        {
            var text = row[columns["mod_code"]];
            var type = row[columns["mod_type"]];
            var category = row[columns["mod_category"]];
            if (!ModifierCode.TryParse(text, out var modifier))
            {
                file.Error(row.Line, $"'{text}' is not a modifier (two letters or digits); the row was refused.");
                continue;
            }

            ModifierLevels level;
            if (string.Equals(type, "CPT", StringComparison.OrdinalIgnoreCase))
            {
                level = ModifierLevels.LevelOne;
            }
            else if (string.Equals(type, "HCPCS", StringComparison.OrdinalIgnoreCase))
            {
                level = ModifierLevels.LevelTwo;
            }
            else
            {
                file.Error(row.Line, $"The type of modifier '{text}' is '{type}', not CPT or HCPCS; the row was refused.");
                continue;
            }

            if (modifiers.TryGetValue(modifier.Value, out var known))
            {
                var categories = MergeCategory(known.Category, category);
                if ((known.Levels & level) != 0 && string.Equals(categories, known.Category, StringComparison.Ordinal))
                {
                    // CMS lists a code twice only to give it a second type or category; a row repeated outright is damage.
                    file.Error(row.Line, $"Modifier '{text}' ({type}) is listed again with nothing new; the repeated row was refused.");
                    continue;
                }

                modifiers[modifier.Value] = (known.Levels | level, categories);
            }
            else
            {
                modifiers[modifier.Value] = (level, category);
            }
        }

        file.CheckSize(TableMinimum.ModifierList, modifiers.Count);
        var release = ReleaseOf(file, modifiers.Count);
        var list = new ModifierList(file.Name, release, modifiers);
        file.AddTo(b => HcpcsParts.Of(b).Add(list));
    }

    private static string MergeCategory(string known, string added) =>
        added.Length == 0 || known.Split("; ").Contains(added, StringComparer.Ordinal) ? known
        : known.Length == 0 ? added
        : string.Concat(known, "; ", added);

    private static TableRelease ReleaseOf(CmsFile file, int count)
    {
        var match = FileNamePattern().Match(file.FileName);
        if (match.Success && match.Groups["year"].Success
            && DateOnly.TryParseExact($"{match.Groups["year"].Value}-{match.Groups["month"].Value}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return new TableRelease(TableName, from.ToString("yyyy-MM", CultureInfo.InvariantCulture), file.FileName, from, null, count);
        }

        file.Warning(null, "The file name does not give the release as modifier_codes_cpt_and_hcpcs_YYYY-MM; the list is loaded without a release date.");
        return new TableRelease(TableName, Path.GetFileNameWithoutExtension(file.FileName), file.FileName, null, null, count);
    }

    [GeneratedRegex(@"^modifier_codes_cpt_and_hcpcs(_(?<year>\d{4})-(?<month>\d{2}))?.*\.(csv|xlsx)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
