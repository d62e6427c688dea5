using ClaimScrubber.CodeSets;
using ClaimScrubber.Rules.Claims;
using ClaimScrubber.Rules.Diagnoses;
using ClaimScrubber.Rules.Linkage;
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
        if (index.Icd10Cm is { } icd10Cm)
        {
            yield return new DiagnosisCodeRules(icd10Cm);
        }

        if (index.Mce is { } mce)
        {
            yield return new MceDiagnosisRules(new CodeSets.Mce.MceEditor(mce, index.Icd10Cm));
        }

        if (index.Excludes1 is { } excludes1)
        {
            yield return new Excludes1Rule(excludes1);
        }
    }
}
