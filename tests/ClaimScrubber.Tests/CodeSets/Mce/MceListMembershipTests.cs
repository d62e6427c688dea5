using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>
/// The precomputed list membership gives, for every code and date, what the list test itself gives: on the dates around
/// every release boundary, for every code on a list, their ancestors (listed through a subcode) and codes on none.
/// </summary>
public class MceListMembershipTests(ITestOutputHelper output)
{
    [CmsFact]
    public void InList_AgreesWithTheDefinition_ForEveryListedCodeAroundEveryReleaseDate()
    {
        var index = MceCmsData.Index;
        var editor = new MceEditor(index.Mce!, index.Icd10Cm);
        var dates = BoundaryDates(index.Mce!).ToArray();
        var codes = index.Mce!.Versions.SelectMany(v => v.Codes.Concat(v.RemovedCodes))
            .SelectMany(c => Enumerable.Range(IcdCode.MinLength, c.Length - IcdCode.MinLength + 1).Select(c.Truncate))
            .Concat(new[] { "E11.9", "I10", "Z00.00", "W19.XXXA", "A00", "O80" }.Select(IcdCode.Parse))
            .Distinct().ToArray();
        var compared = 0;
        var listed = 0;
        foreach (var date in dates)
        {
            foreach (var code in codes)
            {
                for (var list = 0; list < MceLists.Count; list++)
                {
                    var expected = editor.IsListedOnByDefinition((MceList)list, code, date);
                    if (editor.InList((MceList)list, code, date) != expected)
                    {
                        Assert.Fail($"{code} on {(MceList)list} on {date:yyyy-MM-dd}: the membership says {!expected}, the definition {expected}.");
                    }

                    compared++;
                    listed += expected ? 1 : 0;
                }
            }
        }

        output.WriteLine($"{dates.Length} dates × {codes.Length} codes × {MceLists.Count} lists: {compared:N0} compared, {listed:N0} listed.");
        dates.Length.Should().BeGreaterThan(10);
        listed.Should().BeGreaterThan(100_000);
    }

    private static IEnumerable<DateOnly> BoundaryDates(MceTable table)
    {
        var edges = table.Versions.SelectMany(v => new[] { v.Release.EffectiveFrom, v.Release.EffectiveTo, v.InactiveFrom })
            .OfType<DateOnly>()
            .Concat([new DateOnly(2023, 10, 1), new DateOnly(2025, 10, 1), new DateOnly(2026, 10, 1)]);
        return edges.SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) }).Append(DateOnly.MinValue).Append(DateOnly.MaxValue).Distinct().Order();
    }
}
