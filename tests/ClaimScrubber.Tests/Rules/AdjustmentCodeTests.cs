using System.Globalization;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Rules;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The CARC and RARC a finding suggests must be real X12 codes that are still in use, or the suggestion misleads.</summary>
public class AdjustmentCodeTests
{
    [CmsFact]
    public void EveryCatalogueCarcAndRarc_IsAnActiveX12Code()
    {
        var path = CmsData.File("x12-codes", "carc_rarc_group_codes_2024-06.csv");
        using var reader = new StreamReader(path);
        var all = TabularReader.ReadCsv(reader).Where(r => !r.IsBlank).ToList();
        var header = all[0].Cells;
        var rows = all.Skip(1);
        var endColumn = Array.IndexOf(header, "adj_end_date");
        endColumn.Should().BeGreaterThan(0);
        var active = rows
            .Where(r => string.IsNullOrEmpty(r[endColumn]) || DateOnly.ParseExact(r[endColumn], "yyyy-MM-dd", CultureInfo.InvariantCulture) > new DateOnly(2024, 6, 1))
            .Select(r => (Type: r[1], Code: r[0]))
            .ToHashSet();
        active.Count(c => c.Type == "CARC").Should().BeGreaterThan(200);

        var problems = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.Carc is { } carc && !active.Contains(("CARC", carc)))
            {
                problems.Add($"{rule.Id} suggests CARC {carc}, which is not an active CARC");
            }

            if (rule.Rarc is { } rarc && !active.Contains(("RARC", rarc)))
            {
                problems.Add($"{rule.Id} suggests RARC {rarc}, which is not an active RARC");
            }
        }

        problems.Should().BeEmpty();
    }
}
