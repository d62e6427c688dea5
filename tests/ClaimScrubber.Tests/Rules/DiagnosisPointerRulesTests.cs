using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

public class DiagnosisPointerRulesTests
{
    private static readonly Scrubber Scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    [Fact]
    public void PointerBeyondDiagnoses_PointsNowhere()
    {
        var result = Scrubber.Scrub(TestClaims.Professional(["E11.9", "I10"], TestClaims.Line(pointers: [1, 3])));
        var finding = result.Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element).Should().Be(("LNK001", 1, "lines[1].diagnosisPointers[2]"));
        finding.Message.Should().Be("Diagnosis pointer 3 points nowhere: the claim has 2 diagnosis(es).");
    }

    [Fact]
    public void ZeroPointer_PointsNowhere() =>
        Scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line(pointers: [0]))).Ids().Should().Equal("LNK001");

    [Fact]
    public void LineWithoutPointers_IsAnErrorOnProfessionalClaimsOnly()
    {
        var line = new ClaimScrubber.ServiceLine { ProcedureCode = ClaimScrubber.ProcedureCode.Parse("99213"), ServiceDate = new DateOnly(2026, 3, 2), Charge = 100m };
        Scrubber.Scrub(TestClaims.Professional(null, line)).Ids().Should().Equal("LNK002");
    }

    [Fact]
    public void RepeatedPointer_IsAWarningNamingTheDiagnosis()
    {
        var finding = Scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line(pointers: [2, 2]))).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Element).Should().Be(("LNK003", ClaimScrubber.Severity.Warning, "lines[1].diagnosisPointers[2]"));
        finding.Codes.Should().Equal("I10");
    }
}
