using System.Collections.Immutable;
using ClaimScrubber.Compatibility;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>
/// Runs the 5,000 golden claims of CMS's MCE v43.1 software (<c>../shared/golden/mce</c>) through the MCE-compatible
/// view and compares each diagnosis's edit set with what the MCE reported.
/// </summary>
public class MceGoldenTests(ITestOutputHelper output)
{
    /// <summary>
    /// Diagnoses where the MCE software used list contents that no loaded file holds, with why. Each must still disagree
    /// (so that the list shrinks when the data to decide it is loaded); every other diagnosis must agree exactly.
    /// </summary>
    private static readonly ImmutableDictionary<(string Claim, string Code), string> KnownDifferences = new Dictionary<(string, string), string>
    {
        // The v41.1 (FY2024) maternity list, the only FY2024 list we have, holds Z13.32; the MCE did not flag it at age 0.
        [("m1-3615", "Z1332")] = "maternity list of FY2024 differs from the v41.1 CSV for Z13.32",

        // The MCE's FY2024 unacceptable-principal list differed from v43.1 (F01.52/F01.54 on it, F05 not); only v43.1's is published here.
        [("m1-2817", "F0152")] = "FY2024 unacceptable-principal list not available (only v43.1)",
        [("m1-4392", "F0154")] = "FY2024 unacceptable-principal list not available (only v43.1)",
        [("m1-4213", "F05")] = "FY2024 unacceptable-principal list not available (only v43.1)",
    }.ToImmutableDictionary();

    [CmsFact]
    public void GoldenClaims_EveryDiagnosis_AgreesWithMce()
    {
        var editor = MceCompatibleEditor.Create(MceCmsData.Index);
        var (claims, expected) = MceGoldenComparison.Read("mce");
        claims.Should().HaveCount(5000);
        var comparison = new MceGoldenComparison(KnownDifferences);
        foreach (var claim in claims)
        {
            comparison.Compare(claim, editor.Edit(claim), expected[claim.Id]);
        }

        comparison.Write(output);
        comparison.AssertOnlyKnownDifferences();
        comparison.Diagnoses.Codes.Should().Be(17605);
        comparison.Diagnoses.Disagree.Should().BeEquivalentTo(new Dictionary<string, int> { ["AGE_CONFLICT"] = 1, ["UNACCEPTABLE_PDX"] = 3 });
        comparison.Procedures.Codes.Should().Be(0);
    }
}
