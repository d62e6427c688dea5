using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ClaimScrubber.Rules;

namespace ClaimScrubber.Scrubbing;

/// <summary>The options resolved per rule once, so the hot path asks one dictionary.</summary>
internal sealed class RuleSettings
{
    private readonly FrozenDictionary<RuleDescriptor, Severity?> effective;

    public RuleSettings(IEnumerable<RuleDescriptor> rules, ScrubberOptions options)
    {
        // null marks a disabled rule.
        effective = rules.ToFrozenDictionary(r => r, r => options.IsEnabled(r) ? options.SeverityOf(r) : (Severity?)null);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(RuleDescriptor rule) => effective.TryGetValue(rule, out var severity) && severity is not null;

    public Severity SeverityOf(RuleDescriptor rule) => effective[rule] ?? rule.DefaultSeverity;
}
