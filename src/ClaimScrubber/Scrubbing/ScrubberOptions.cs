using System.Collections.Immutable;
using ClaimScrubber.Rules;

namespace ClaimScrubber;

/// <summary>
/// How a <see cref="Scrubber"/> behaves: which rules run, at which severity, and the payer-dependent
/// choices. Validated once when the scrubber is built; every problem is reported together.
/// </summary>
/// <remarks>
/// Configure with <c>ScrubberOptions.Default with { … }</c>. Options specific to a rule family live in
/// <c>ScrubberOptions.&lt;Family&gt;.cs</c>.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial record ScrubberOptions
{
    /// <summary>Gets the options with every built-in rule on at its default severity.</summary>
    public static ScrubberOptions Default { get; } = new();

    /// <summary>Gets the ids of rules that must not run. Default: none.</summary>
    public ImmutableHashSet<string> DisabledRules { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Gets the ids of opt-in rules (<see cref="RuleDescriptor.IsEnabledByDefault"/> false) that must run. Default: none.</summary>
    public ImmutableHashSet<string> EnabledRules { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Gets severities that replace a rule's default, by rule id. Default: none.</summary>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary.Create<string, Severity>(StringComparer.Ordinal);

    /// <summary>Gets checks of the caller's own to run after the built-in ones. Default: none.</summary>
    public ImmutableArray<IClaimRule> AdditionalRules { get; init; } = ImmutableArray<IClaimRule>.Empty;

    /// <summary>
    /// Gets the date that counts as today for the future-date check, or <see langword="null"/> to take it from
    /// <see cref="TimeProvider"/> when each claim is scrubbed. Default: <see langword="null"/>.
    /// </summary>
    public DateOnly? AsOfDate { get; init; }

    /// <summary>Gets the clock used when <see cref="AsOfDate"/> is not set. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Tells whether these options turn <paramref name="rule"/> on: an opt-in rule when it is in <see cref="EnabledRules"/>,
    /// any other unless it is in <see cref="DisabledRules"/>.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <returns><see langword="true"/> when the rule runs (given that its tables are loaded).</returns>
    public bool IsEnabled(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return !DisabledRules.Contains(rule.Id) && (rule.IsEnabledByDefault || EnabledRules.Contains(rule.Id));
    }

    /// <summary>Gets the severity these options give <paramref name="rule"/>: its override, else its default.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The severity its findings are reported at.</returns>
    public Severity SeverityOf(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return SeverityOverrides.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;
    }

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    /// <param name="knownRules">The rules the scrubber would run.</param>
    /// <returns>The problems, one sentence each.</returns>
    internal ImmutableArray<string> Validate(IReadOnlyCollection<RuleDescriptor> knownRules)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in knownRules)
        {
            if (!known.Add(rule.Id))
            {
                problems.Add($"Rule id '{rule.Id}' is reported by more than one check; ids must be unique.");
            }
        }

        if (DisabledRules is null)
        {
            problems.Add($"{nameof(DisabledRules)} must not be null.");
        }
        else
        {
            foreach (var id in DisabledRules.Order(StringComparer.Ordinal))
            {
                if (!known.Contains(id))
                {
                    problems.Add($"{nameof(DisabledRules)} names '{id}', which is not a rule id.");
                }
            }
        }

        if (EnabledRules is null)
        {
            problems.Add($"{nameof(EnabledRules)} must not be null.");
        }
        else
        {
            foreach (var id in EnabledRules.Order(StringComparer.Ordinal))
            {
                if (!known.Contains(id))
                {
                    problems.Add($"{nameof(EnabledRules)} names '{id}', which is not a rule id.");
                }
                else if (DisabledRules?.Contains(id) == true)
                {
                    problems.Add($"'{id}' is both in {nameof(EnabledRules)} and in {nameof(DisabledRules)}.");
                }
            }
        }

        if (SeverityOverrides is null)
        {
            problems.Add($"{nameof(SeverityOverrides)} must not be null.");
        }
        else
        {
            foreach (var (id, severity) in SeverityOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!known.Contains(id))
                {
                    problems.Add($"{nameof(SeverityOverrides)} names '{id}', which is not a rule id.");
                }

                if (!Enum.IsDefined(severity))
                {
                    problems.Add($"{nameof(SeverityOverrides)} gives '{id}' the severity {(int)severity}, which is not a {nameof(Severity)}.");
                }
            }
        }

        if (TimeProvider is null)
        {
            problems.Add($"{nameof(TimeProvider)} must not be null.");
        }

        if (AdditionalRules.IsDefault)
        {
            problems.Add($"{nameof(AdditionalRules)} must not be a default array.");
        }

        return problems.ToImmutable();
    }
}
