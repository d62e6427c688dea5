using System.Globalization;
using ClaimScrubber.Cli.Commands;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Rules;

namespace ClaimScrubber.Cli;

/// <summary>Running totals of a scrub: claims, clean claims, findings by severity and by rule, and what was loaded.</summary>
public sealed class ScrubSummary(LoadReport load, PartialData? partial)
{
    private readonly Dictionary<string, (RuleDescriptor Rule, int Count)> byRule = new(StringComparer.Ordinal);
    private readonly int[] bySeverity = new int[3];

    public LoadReport Load { get; } = load;

    /// <summary>Gets the marker of a scrub on partial data (<c>--allow-partial-data</c>), or <see langword="null"/>.</summary>
    public PartialData? Partial { get; } = partial;

    public int Claims { get; private set; }

    public int Clean { get; private set; }

    public int Unreadable { get; private set; }

    public int Findings { get; private set; }

    public double CleanRate => Claims == 0 ? 0 : (double)Clean / Claims;

    public int CountOf(Severity severity) => bySeverity[(int)severity];

    public void Add(ScrubbedClaim item)
    {
        var (read, result) = item;
        Claims++;
        if (!read.IsReadable)
        {
            Unreadable++;
        }
        else if (result.IsClean)
        {
            Clean++;
        }

        foreach (var finding in result.Findings)
        {
            Findings++;
            bySeverity[(int)finding.Severity]++;
            byRule[finding.RuleId] = byRule.TryGetValue(finding.RuleId, out var entry) ? (entry.Rule, entry.Count + 1) : (finding.Rule, 1);
        }
    }

    /// <summary>The rules that fired most, most first, ties by id.</summary>
    public IEnumerable<(RuleDescriptor Rule, int Count)> TopRules(int count) =>
        byRule.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Rule.Id, StringComparer.Ordinal).Take(count);

    public string OneLine() => string.Create(CultureInfo.InvariantCulture,
        $"scrubbed {Claims} claim(s): {Clean} clean ({CleanRate * 100:0.0}%), {Unreadable} unreadable; {Findings} finding(s): {CountOf(Severity.Error)} error, {CountOf(Severity.Warning)} warning, {CountOf(Severity.Info)} info; {Load.Tables.Length} table(s) loaded{(Partial is null ? string.Empty : "; " + Partial)}");
}
