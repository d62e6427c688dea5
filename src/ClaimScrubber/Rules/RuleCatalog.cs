using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

/// <summary>Every built-in rule, by family. Ids are stable: a published id never changes meaning.</summary>
public static partial class RuleCatalog
{
    private static readonly Lazy<FrozenDictionary<string, RuleDescriptor>> ById = new(() => All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal));

    /// <summary>Gets every built-in rule, ordered by family then id.</summary>
    public static ImmutableArray<RuleDescriptor> All { get; } =
    [
        .. Claims.All,
        .. Diagnoses.All,
        .. Procedures.All,
        .. Modifiers.All,
        .. PlacesOfService.All,
        .. ProcedureDemographics.All,
        .. MceDiagnoses.All,
        .. Linkage.All,
        .. Ncci.All,
        .. FeeScheduleModifiers.All,
        .. FeeScheduleProcedures.All,
        .. FeeSchedulePlaceOfService.All,
        .. DiagnosisLinkage.All,
        .. Opps.All,
        .. Institutional.All,
        .. InpatientProcedures.All,
        .. BillingData.All,
    ];

    /// <summary>Finds a built-in rule by id.</summary>
    /// <param name="id">The id, such as <c>DX002</c>.</param>
    /// <param name="rule">The rule, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when a built-in rule has that id.</returns>
    public static bool TryFind(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RuleDescriptor? rule) => ById.Value.TryGetValue(id, out rule);
}
