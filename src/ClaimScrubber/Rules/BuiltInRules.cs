using ClaimScrubber.CodeSets;
using ClaimScrubber.Rules.Claims;
using ClaimScrubber.Rules.Linkage;
using ClaimScrubber.Rules.Ncci;
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
        if (index.Ptp is { } ptp)
        {
            yield return new PtpRule(ptp);
        }

        if (index.Mue is { } mue)
        {
            yield return new MueRule(mue);
        }

        if (index.AddOnCodes is { } addOnCodes)
        {
            yield return new AddOnCodeRule(addOnCodes);
        }
    }
}
