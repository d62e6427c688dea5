using System.Collections.Immutable;
using ClaimScrubber.Compatibility;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>
/// Runs the 5,000 golden claims with ICD-10-PCS procedures of CMS's MCE v43.1 software (<c>../shared/golden/mce-px</c>)
/// through the MCE-compatible view and compares every procedure's and diagnosis's edit set with what the MCE reported.
/// </summary>
public class MceProcedureGoldenTests(ITestOutputHelper output)
{
    /// <summary>
    /// Codes where the MCE software used data no loaded file holds, with why. Each must still disagree (so that the list
    /// shrinks when the data to decide it is loaded); every other code must agree exactly.
    /// </summary>
    private static readonly ImmutableDictionary<(string Claim, string Code), string> KnownDifferences = new Dictionary<(string, string), string>
    {
        // FY2024 discharges: the FY2024 PCS order file is not here, and the FY2025 code set (derived from the FY2026 addenda)
        // stands for it; these codes were added in FY2025, so the MCE found them invalid in FY2024.
        [("m7777-2020", "0TT10Z2")] = "added in FY2025; no FY2024 PCS order file",
        [("m7777-3150", "071J4ZL")] = "added in FY2025; no FY2024 PCS order file",
        [("m7777-3914", "X2R70WA")] = "added in FY2025; no FY2024 PCS order file",
        [("m7777-4997", "071L0Z4")] = "added in FY2025; no FY2024 PCS order file",

        // The procedure sex lists are derived from the PCS axes (no file prints them); the MCE's FY2024 male-only list
        // lacked the insertion of a radioactive element into the male perineum.
        [("m7777-2815", "0WHM41Z")] = "MCE FY2024 male-only procedure list not published; derived from the PCS axes",

        // Diagnoses, as in the diagnosis golden set: FY2024 discharges where the MCE's own FY2024 lists differ from every
        // published file here. F01.A0 was an unacceptable principal diagnosis (v43.1 does not list it); Z02.84 drew no
        // pediatric age conflict at 124 although the v41.1 list holds it.
        [("m7777-824", "F01A0")] = "FY2024 unacceptable-principal list not available (only v43.1)",
        [("m7777-1205", "Z0284")] = "pediatric list of FY2024 differs from the v41.1 CSV for Z02.84",
    }.ToImmutableDictionary();

    [CmsFact]
    public void GoldenClaims_EveryProcedureAndDiagnosis_AgreesWithMce()
    {
        var editor = MceCompatibleEditor.Create(MceCmsData.Index);
        editor.ValidatesProcedures.Should().BeTrue();
        var (claims, expected) = MceGoldenComparison.Read("mce-px");
        claims.Should().HaveCount(5000);
        var comparison = new MceGoldenComparison(KnownDifferences);
        foreach (var claim in claims)
        {
            var result = editor.Edit(claim);
            result.ClaimEdits.Should().BeEmpty("claim {0} has a valid age and sex and no discharge status", claim.Id);
            comparison.Compare(claim, result, expected[claim.Id]);
        }

        comparison.Write(output);
        comparison.AssertOnlyKnownDifferences();

        // Exact counts: a change of logic that moves any of them must be looked at.
        comparison.Procedures.Agree.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["INVALID_CODE"] = 932, ["LIMITED_COVERAGE"] = 980, ["NON_COVERED"] = 434, ["QUESTIONABLE_OBSTETRIC_ADMISSION"] = 989, ["SEX_CONFLICT"] = 215,
        });
        comparison.Procedures.Disagree.Should().BeEquivalentTo(new Dictionary<string, int> { ["INVALID_CODE"] = 4, ["SEX_CONFLICT"] = 1 });
        comparison.Procedures.Codes.Should().Be(7557);
        comparison.Diagnoses.Disagree.Should().BeEquivalentTo(new Dictionary<string, int> { ["AGE_CONFLICT"] = 1, ["UNACCEPTABLE_PDX"] = 1 });
        comparison.Diagnoses.Codes.Should().Be(17759);
    }
}
