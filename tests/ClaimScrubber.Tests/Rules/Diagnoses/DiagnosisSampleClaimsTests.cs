using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules.Diagnoses;

/// <summary>data/claims/diagnosis-claims.json does what its claim ids say against the sample order files.</summary>
public class DiagnosisSampleClaimsTests
{
    [Fact]
    public void Scrub_DiagnosisSampleClaims_ReportTheDiagnosisRulesTheirIdsName()
    {
        var index = CmsData.LoadSampleStrict("icd10cm");
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 11, 1) });
        var results = SampleClaims.Read("diagnosis-claims.json").ToDictionary(c => c.ClaimId, c => string.Join(" ", scrubber.Scrub(c).Ids().Where(id => id.StartsWith("DX", StringComparison.Ordinal))));
        results.Should().Equal(new Dictionary<string, string>
        {
            ["DX-CLEAN-1"] = string.Empty,
            ["DX-CLEAN-2"] = string.Empty,
            ["DX-CLEAN-3-Z59.86-LAST-DAY-FY2025"] = string.Empty,
            ["DX001-UNKNOWN-CODE"] = "DX001",
            ["DX002-NOT-YET-EFFECTIVE"] = "DX002",
            ["DX003-HEADER-Z59.86-FY2026"] = "DX003",
            ["DX003-HEADER-E11-AND-A00"] = "DX003 DX003",
            ["DX002-DX003-SPANS-OCT-1"] = "DX003 DX002",
            ["DX004-NO-TABLE-FOR-FY2027"] = "DX004",
            ["DX003-INPATIENT-DISCHARGED-OCT-2"] = "DX003",
            ["DX-CLEAN-OUTPATIENT"] = string.Empty,
        });
    }
}
