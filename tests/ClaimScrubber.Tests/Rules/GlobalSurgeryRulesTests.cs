using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Support.TestClaims;

namespace ClaimScrubber.Tests.Rules;

/// <summary>
/// The global surgical package across the dates of one claim (MCPM Pub. 100-04, chapter 12, §40.1 and §40.2.A), from the
/// RVU file's global days: 27447 (090), 17000 (010), 20610 (000). Surgery is billed at an outpatient hospital (POS 22),
/// where none of these codes is facility NA, so that only the rule under test speaks.
/// </summary>
public class GlobalSurgeryRulesTests
{
    private static ScrubResult Scrub(params ServiceLine[] lines) => FeeScheduleFixture.Scrub([.. lines.Select(l => l.At("22"))]);

    private static ServiceLine On(string code, string date, params string[] modifiers) => Line(code, date).WithModifiers(modifiers);

    [Fact]
    public void VisitTheDayBeforeAMajorSurgery_Needs57()
    {
        var finding = Scrub(On("99213", "2026-03-01"), On("27447", "2026-03-02")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element, finding.Carc, finding.Rarc).Should().Be(("MOD035", 1, "lines[1].modifiers", "97", "M144"));
        finding.Codes.Should().Equal("99213", "27447");
        finding.Message.Should().Be("99213 is billed the day before the major surgery 27447 (line 2, global days 090) without modifier 57; a visit the day before a major surgery is part of its global package.");
        finding.FixHint.Should().Be("If the visit was the decision for this surgery, add 57; otherwise remove the visit.");
        Scrub(On("99213", "2026-03-01", "57"), On("27447", "2026-03-02")).Findings.Should().BeEmpty();
        Scrub(On("99213", "2026-03-01"), On("20610", "2026-03-02")).Findings.Should().BeEmpty("a minor procedure's package starts the day of it");
    }

    [Fact]
    public void VisitTheDayOfAMajorSurgery_Needs57_Not25()
    {
        var finding = Scrub(On("99213", "2026-03-02", "25"), On("27447", "2026-03-02")).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("MOD029");
        finding.Message.Should().Be("99213 is billed on the date of the major surgery 27447 (line 2, global days 090) without modifier 57; 25 does not take a visit out of a major surgery's package; the visit is part of the surgery's global package.");
        Scrub(On("99213", "2026-03-02", "57"), On("27447", "2026-03-02")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void VisitTheDayOfAMinorProcedure_Needs25_Not57()
    {
        var finding = Scrub(On("99213", "2026-03-02", "57"), On("20610", "2026-03-02")).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("MOD029");
        finding.Message.Should().Be("99213 carries 57 on the date of 20610 (line 2, global days 000), which is not a major surgery: 57 marks the decision for a major surgery (global days 090), and the visit without 25 is part of the procedure's global package.");
        finding.FixHint.Should().Be("Replace 57 with 25 if the visit was significant and separately identifiable, with documentation; otherwise remove it.");
    }

    [Theory]
    [InlineData("27447", "2026-03-03", true)]  // the day after a 090 surgery
    [InlineData("27447", "2026-05-31", true)]  // day 90
    [InlineData("27447", "2026-06-01", false)] // day 91: the package has ended
    [InlineData("17000", "2026-03-12", true)]  // day 10 of a 010 procedure
    [InlineData("17000", "2026-03-13", false)] // day 11
    [InlineData("20610", "2026-03-03", false)] // a 000 procedure has no postoperative period
    public void VisitInThePostoperativePeriod_Needs24(string surgery, string visit, bool reported)
    {
        // Audit (issue 12): an E/M inside the 90-day global period of a surgery on the same claim, without 24, passed.
        var findings = Scrub(On(surgery, "2026-03-02"), On("99213", visit)).Findings;
        findings.Select(f => (f.RuleId, f.Line)).Should().Equal(reported ? [("MOD036", 2)] : []);
        if (reported && surgery == "27447")
        {
            findings[0].Message.Should().Be("99213 is billed within the 90-day postoperative period of 27447 (line 1) by the same provider without modifier 24; postoperative visits are part of the surgery's global package.");
            findings[0].FixHint.Should().Be("If the visit was for a problem unrelated to the surgery, add 24 and point the line to that diagnosis; if it was postoperative care, report 99024 (no charge) or remove it.");
        }

        Scrub(On(surgery, "2026-03-02"), On("99213", visit, "24")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void ProcedureInThePostoperativePeriod_Needs58_78Or79()
    {
        var finding = Scrub(On("27447", "2026-03-02", "RT"), On("20610", "2026-03-20", "LT")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line).Should().Be(("MOD037", 2));
        finding.Message.Should().Be("20610 is billed within the 90-day postoperative period of 27447 (line 1) by the same provider without 58, 78 or 79; without one it is part of 27447's global package.");
        foreach (var modifier in new[] { "58", "78", "79" })
        {
            Scrub(On("27447", "2026-03-02", "RT"), On("20610", "2026-03-20", "LT", modifier)).Findings.Should().BeEmpty();
        }

        Scrub(On("27447", "2026-03-02"), On("71046", "2026-03-20", "26")).Findings.Should().BeEmpty("a service with no global period (XXX) is paid in the period");
    }

    [Fact]
    public void AnotherProvider_OrNoSurgery_IsNoPackage()
    {
        var otherProvider = new ServiceLine
        {
            ProcedureCode = ProcedureCode.Parse("99213"), ServiceDate = new DateOnly(2026, 3, 10), Units = 1, Charge = 100m, DiagnosisPointers = [1],
            PlaceOfService = PlaceOfServiceCode.Parse("22"), RenderingNpi = Npi.Parse("1003000126"),
        };
        FeeScheduleFixture.Scrub(On("27447", "2026-03-02").At("22"), otherProvider).Findings.Should().BeEmpty();
        Scrub(On("99213", "2026-03-02"), On("71046", "2026-03-02", "26"), On("99213", "2026-03-05")).Findings.Should().BeEmpty();
    }
}
