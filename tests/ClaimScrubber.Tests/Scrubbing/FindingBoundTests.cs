using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// Findings grow with a claim's lines, not with its pairs of lines: a claim that repeats a PTP pair, a duplicate line or
/// an MUE code up to the 999-line limit gets at most a few findings per line, each naming the lines involved.
/// </summary>
public class FindingBoundTests
{
    private static readonly Lazy<Scrubber> Full = new(() => Scrubber.Create(AllocationTests.FullIndex.Value, ScrubberOptions.Default with { AsOfDate = TestClaims.Today }));

    [CmsFact]
    public void RepeatedPtpPair_GivesOneFindingPerDeniedLine_NamingItsColumnOneLines()
    {
        // "20610","99213","*",1: 999 lines alternating the pair on one date gave 249,500 NCCI findings, one per pair.
        var lines = Enumerable.Range(0, ClaimLimits.MaxServiceLines).Select(i => TestClaims.Line(i % 2 == 0 ? "20610" : "99213")).ToArray();
        var findings = Full.Value.Scrub(TestClaims.Professional(["M17.11"], lines)).Findings;
        var ptp = findings.Where(f => f.RuleId.StartsWith("NCCI00", StringComparison.Ordinal)).ToList();
        ptp.Should().HaveCount(499).And.OnlyContain(f => f.RuleId == "NCCI002");
        ptp.Select(f => f.Line).Should().Equal(Enumerable.Range(1, 499).Select(i => (int?)(2 * i)));
        ptp[0].Message.Should().Be("NCCI practitioner PTP edit (comprehensive/component, rationale \"CPT Manual or CMS manual coding instruction\"): 99213 (line 2) is column 2 to 20610 (lines 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, and 490 more (500 in all)) on the same date of service; modifier indicator 1: 99213 is an E/M service, denied unless its line carries 25 (a significant, separately identifiable visit); a modifier on the other line does not bypass an edit whose column 2 is an E/M service.");
        ptp[0].Codes.Should().Equal("20610", "99213");
        findings.Count(f => f.RuleId == "CLM010").Should().Be(997, "each repeat of an earlier line is one duplicate");
        findings.Length.Should().BeLessThanOrEqualTo(4 * lines.Length);
    }

    [CmsFact]
    public void ColumnTwoLine_PairedWithSeveralCodes_GetsOneFindingNamingEach()
    {
        var finding = Full.Value.Scrub(TestClaims.Professional(null, TestClaims.Line("20610"), TestClaims.Line("G0439"), TestClaims.Line("99213"), TestClaims.Line("20610")))
            .Findings.Should().ContainSingle(f => f.RuleId.StartsWith("NCCI00", StringComparison.Ordinal)).Subject;
        (finding.RuleId, finding.Line, finding.Element).Should().Be(("NCCI002", 3, "lines[3].procedureCode"));
        finding.Message.Should().Be("NCCI practitioner PTP edits: 99213 (line 3) is column 2 to 20610 (lines 1 and 4; comprehensive/component, rationale \"CPT Manual or CMS manual coding instruction\") and to G0439 (line 2; mutually exclusive, rationale \"Mutually exclusive procedures\") on the same date of service; modifier indicator 1: 99213 is an E/M service, denied unless its line carries 25 (a significant, separately identifiable visit); a modifier on the other line does not bypass an edit whose column 2 is an E/M service.");
        finding.Codes.Should().Equal("20610", "G0439", "99213");
    }

    [CmsFact]
    public void RepeatedMueCode_IsOneFindingForTheDate_NamingTheLinesShort()
    {
        // 36415: MUE 2 per day (indicator 3).
        var lines = Enumerable.Range(0, 40).Select(_ => TestClaims.Line("36415")).ToArray();
        var finding = Full.Value.Scrub(TestClaims.Professional(["D64.9"], lines)).Findings.Should().ContainSingle(f => f.RuleId == "NCCI022").Subject;
        finding.Message.Should().StartWith("Lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, and 30 more (40 in all) bill 40 units of 36415 on one date of service; its MUE is 2 per day");
    }
}
