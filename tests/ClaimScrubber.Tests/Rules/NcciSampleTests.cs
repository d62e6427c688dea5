using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The repository's sample NCCI tables load with the real readers, and the sample claims hit each rule they are named after.</summary>
public class NcciSampleTests
{
    private static readonly Lazy<CodeSetLoadResult> Sample = new(() => CmsData.LoadSample("ncci"));

    [Fact]
    public void SampleFolder_LoadsEveryNcciTable_WithoutProblems()
    {
        var result = Sample.Value;
        result.Report.Problems.Should().BeEmpty();
        result.Index.Releases.Select(r => (r.Table, r.RowCount)).Should().Equal(
            ("NCCI MUE DME supplier", 4), ("NCCI MUE outpatient hospital", 12), ("NCCI MUE practitioner", 28),
            ("NCCI PTP outpatient hospital", 6), ("NCCI PTP practitioner", 32), ("NCCI add-on codes", 15));
        result.Index.IsKnownProcedure(ProcedureCode.Parse("0001A")).Should().BeTrue("NCCI tables make their codes known");
    }

    [Fact]
    public void SampleClaims_EachHitsTheRuleItIsNamedAfter()
    {
        var scrubber = Scrubber.Create(Sample.Value.Index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });
        var outcomes = SampleClaims.Read("ncci-claims.json").Select(c => (c.ClaimId, Ids: string.Join(" ", scrubber.Scrub(c).Findings.Select(f => f.RuleId))));
        outcomes.Should().Equal(
            ("NCCI-CLEAN-1", ""), ("NCCI-CLEAN-2", ""), ("NCCI-CLEAN-3", ""),
            ("NCCI001-IND0", "NCCI001"), ("NCCI002-IND1", "NCCI002"), ("NCCI003-25", "NCCI003"), ("NCCI003-XS", "NCCI003"),
            ("NCCI003-LTRT", "NCCI003"), ("NCCI002-MUTEX", "NCCI002"), ("NCCI002-OPPS", "NCCI002"),
            ("NCCI022-MUE3", "NCCI022"), ("NCCI021-MUE2", "NCCI021"), ("NCCI020-MUE1", "NCCI020"), ("NCCI023-MUE0", "NCCI023"),
            ("NCCI040-AOC1", "NCCI040"), ("NCCI043-ALONE", "NCCI043"), ("NCCI041-AOC3", "NCCI041"), ("NCCI042-AOC2", "NCCI042"));
    }

    [Fact]
    public void AddOnType3_WithNoListedPrimaries_IsAWarningToCheckTheContractorsList()
    {
        var folder = Directory.CreateTempSubdirectory("ncci-aoc3-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "AOC_V2026Q2-MCR.csv"),
                "AOC_Edit_Type,Add-On_Code,AOC_DelDT,Primary_Code,Primary_Code_DelDT,AOC_Edit_EffDT,AOC_Edit_DelDT,Special_Instruction_Notes\n3,96160,,CCCCC,,2017001,,\n");
            // The fixture table is the only one loaded, so it alone would judge CPT codes: PX001 is not under test here.
            var scrubber = Scrubber.Create(SampleLoad.Load(folder.FullName).Index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today, DisabledRules = ["PX001"] });
            var finding = scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line("10060"), TestClaims.Line("96160"))).Findings.Should().ContainSingle().Subject;
            (finding.RuleId, finding.Severity, finding.Line).Should().Be(("NCCI041", Severity.Warning, 2));
            finding.Message.Should().Be("96160 is a type 3 add-on code whose primaries the NCCI table does not list; the contractor decides whether the services billed on its date of service qualify.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
