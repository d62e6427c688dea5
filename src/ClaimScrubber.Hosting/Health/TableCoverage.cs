using System.Globalization;

namespace ClaimScrubber.Hosting.Health;

/// <summary>
/// Which loaded tables have no release in effect on a date: stale ones (every release ended before it) and early ones
/// (every release starts after it). Read from the releases' effective dates.
/// </summary>
internal static class TableCoverage
{
    /// <summary>Describes, one sentence per table, each dated table no release of which is in effect on <paramref name="date"/>.</summary>
    public static IEnumerable<string> Uncovered(IEnumerable<TableRelease> releases, DateOnly date)
    {
        foreach (var table in releases.GroupBy(r => r.Table, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (table.Any(r => (r.EffectiveFrom is null || r.EffectiveFrom <= date) && (r.EffectiveTo is null || date <= r.EffectiveTo)))
            {
                continue;
            }

            var on = Text(date);
            if (table.Where(r => r.EffectiveTo < date).MaxBy(r => r.EffectiveTo) is { } latest)
            {
                yield return $"{table.Key}: no release is in effect on {on}; the latest, {latest.Release}, ended {Text(latest.EffectiveTo!.Value)}.";
            }
            else if (table.MinBy(r => r.EffectiveFrom) is { EffectiveFrom: { } from } first)
            {
                yield return $"{table.Key}: no release is in effect on {on}; the first, {first.Release}, takes effect {Text(from)}.";
            }
        }
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
