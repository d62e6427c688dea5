using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

public class ClaimStructureRulesTests
{
    private static readonly Scrubber Scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    [Fact]
    public void CleanClaim_HasNoStructureFinding() => Scrubber.Scrub(TestClaims.Professional()).Findings.Should().BeEmpty();

    [Fact]
    public void MissingElements_AreEachReportedWithTheirPath()
    {
        var claim = new Claim { ClaimId = "C9", Setting = ClaimSetting.Inpatient };
        var findings = Scrubber.Scrub(claim).Findings;
        findings.Select(f => (f.RuleId, f.Element)).Should().Equal(
            ("CLM002", "patient.birthDate"),
            ("CLM002", "patient.sex"),
            ("CLM002", "billingNpi"),
            ("CLM002", "frequencyCode"),
            ("CLM002", "diagnoses"),
            ("CLM002", "lines"));
        findings.Should().OnlyContain(f => f.Severity == ClaimScrubber.Severity.Error && f.Carc == "16" && f.Rarc == "MA130" && f.Line == null);
    }

    [Fact]
    public void LineElements_MissingProcedureAndDate_NameTheLine()
    {
        var claim = TestClaims.Professional(null, TestClaims.Line(), new ServiceLine { Units = 1, DiagnosisPointers = [1] });
        Scrubber.Scrub(claim).Findings.Select(f => (f.RuleId, f.Line, f.Element)).Should().Equal(
            ("CLM002", 2, "lines[2].procedureCode"),
            ("CLM002", 2, "lines[2].serviceDate"));
    }

    [Theory]
    [InlineData("2026-06-15", false)] // today is fine
    [InlineData("2026-06-16", true)]  // tomorrow is not
    public void FutureDate_IsComparedWithAsOfDate(string date, bool expected)
    {
        var result = Scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line(date: date)));
        result.Ids().Contains("CLM004").Should().Be(expected);
    }

    [Fact]
    public void ReversedSpan_AndDateBeforeBirth_AreReported()
    {
        var line = new ServiceLine { ProcedureCode = ProcedureCode.Parse("99213"), ServiceDate = new DateOnly(1950, 4, 1), ServiceDateTo = new DateOnly(1950, 3, 30), Charge = 100m, DiagnosisPointers = [1] };
        var result = Scrubber.Scrub(TestClaims.Professional(null, line));
        result.Findings.Select(f => (f.RuleId, f.Element)).Should().Equal(("CLM003", "lines[1].serviceDateTo"), ("CLM005", "lines[1].serviceDate"));
    }

    [Theory]
    [InlineData(0, 100, "CLM006")]
    [InlineData(-1, 100, "CLM006")]
    [InlineData(1, -0.01, "CLM007")]
    public void UnitsAndCharge_AreChecked(decimal units, decimal charge, string rule)
    {
        var line = new ServiceLine { ProcedureCode = ProcedureCode.Parse("99213"), ServiceDate = new DateOnly(2026, 3, 2), Units = units, Charge = charge, DiagnosisPointers = [1] };
        var finding = Scrubber.Scrub(TestClaims.Professional(null, line)).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(rule);
        finding.Codes.Should().Equal("99213");
    }

    [Fact]
    public void InvalidNpi_NamesTheRoleAndSuggestsTheRoleRarc()
    {
        var claim = new Claim
        {
            ClaimId = "C1",
            Patient = new Patient { BirthDate = new DateOnly(1950, 1, 1), Sex = Sex.Male },
            BillingNpi = Npi.Parse("1234567890"),
            RenderingNpi = Npi.Parse("1245319598"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("I10")],
            Lines = [TestClaims.Line()],
        };
        Scrubber.Scrub(claim).Findings.Select(f => (f.RuleId, f.Element, f.Rarc)).Should().Equal(
            ("CLM008", "billingNpi", "N257"),
            ("CLM008", "renderingNpi", "N290"));
    }

    [Fact]
    public void TooManyDiagnoses_DependsOnTheClaimForm()
    {
        var thirteen = Enumerable.Range(0, 13).Select(i => $"Z{i:00}").Select(c => c + "0").ToArray();
        Scrubber.Scrub(TestClaims.Professional(thirteen)).Ids().Should().Equal("CLM009");
    }

    [Fact]
    public void DuplicateLine_IsReportedOncePerRepeat_AndModifiersMakeLinesDistinct()
    {
        var line = TestClaims.Line();
        Scrubber.Scrub(TestClaims.Professional(null, line, line, line)).Findings.Select(f => (f.RuleId, f.Line)).Should().Equal(("CLM010", 2), ("CLM010", 3));
        Scrubber.Scrub(TestClaims.Professional(null, line, line.WithModifiers("76"))).Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("1", ClaimSetting.Professional, false)]
    [InlineData("7", ClaimSetting.Professional, false)]
    [InlineData("2", ClaimSetting.Professional, true)]
    [InlineData("2", ClaimSetting.OutpatientHospital, false)]
    [InlineData("11", ClaimSetting.Professional, true)]
    public void FrequencyCode_DependsOnTheClaimForm(string code, ClaimSetting setting, bool expected)
    {
        var baseClaim = TestClaims.Professional();
        var claim = new Claim
        {
            ClaimId = baseClaim.ClaimId, Setting = setting, Patient = baseClaim.Patient, BillingNpi = baseClaim.BillingNpi,
            PlaceOfService = baseClaim.PlaceOfService, FrequencyCode = code, Diagnoses = baseClaim.Diagnoses, Lines = baseClaim.Lines,
        };
        Scrubber.Scrub(claim).Ids().Contains("CLM011").Should().Be(expected);
    }
}
