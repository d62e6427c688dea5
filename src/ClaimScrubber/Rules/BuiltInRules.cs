using ClaimScrubber.CodeSets;
using ClaimScrubber.Rules.Claims;
using ClaimScrubber.Rules.Linkage;
using ClaimScrubber.Rules.Modifiers;
using ClaimScrubber.Rules.PlaceOfService;
using ClaimScrubber.Rules.Procedures;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Rules;

/// <summary>The built-in checks, in the order they run, each given the index it reads.</summary>
internal static class BuiltInRules
{
    public static IEnumerable<IClaimRule> Create(CodeSetIndex index, ScrubberOptions options)
    {
        _ = index;
        _ = options;
        yield return new ClaimStructureRules();
        yield return new DiagnosisPointerRules();
        yield return new SinglePlaceOfServiceRule();
        if (index.FeeSchedule is { } fees)
        {
            yield return new FeeScheduleStatusRules(fees);
            yield return new FeeScheduleModifierRules(fees);
            yield return new FeeSchedulePlaceOfServiceRules(fees, null);
        }
    }
}
