using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Support.InstitutionalClaims;

namespace ClaimScrubber.Tests.Rules.InpatientProcedures;

/// <summary>
/// The ICD-10-PCS rules of inpatient claims — validity and the Medicare Code Editor's procedure and claim edits — on
/// hand-made 837I inpatient bills against the repository's sample manual and order files.
/// </summary>
public class InpatientProcedureRulesTests
{
    private static readonly Lazy<Scrubber> Sample = new(() => Scrubber.Create(
        CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms")), ScrubberOptions.Default with { AsOfDate = TestClaims.Today }));

    [Fact]
    public void ValidProcedures_DrawNothing() =>
        Findings(Inpatient(procedures: ["0DTJ4ZZ", "02703DZ"])).Should().BeEmpty();

    [Fact]
    public void UnknownProcedure_IsRefusedWithItsPosition()
    {
        var finding = Findings(Inpatient(procedures: ["0DTJ4ZZ", "0DTJ4ZX"])).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Message).Should().Be(("PCS001", "pcsProcedures[2]", "0DTJ4ZX is not an ICD-10-PCS code in any loaded fiscal year (FY2026)."));
        finding.Codes.Should().Equal("0DTJ4ZX");
    }

    [Fact]
    public void ProceduresOnANonInpatientBill_AreReportedOnce() =>
        Findings(Inpatient(typeOfBill: "13", admitted: null, admissionType: null, admissionSource: null, poa: [], procedures: ["0DTJ4ZZ", "02703DZ"]))
            .Select(f => (f.RuleId, f.Element, f.Severity)).Should().Equal(("PCS003", "pcsProcedures[1]", Severity.Warning));

    [Fact]
    public void AlwaysNonCoveredProcedure_IsReportedWithItsSection()
    {
        var finding = Findings(Inpatient(procedures: ["02HA3QZ"])).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Disposition, finding.Carc, finding.Rarc).Should().Be(("PCS010", Disposition.ReturnToProvider, "96", "N425"));
        finding.Message.Should().Be("02HA3QZ is a procedure Medicare never pays for (MCE non-covered procedures, section 11A).");
        finding.Source!.ToString().Should().StartWith("Medicare Code Editor MCE v43.1");
    }

    [Fact]
    public void PancreasTransplantAlone_IsNonCovered_AndWithAKidneyTransplantLimitedCoverage()
    {
        Findings(Inpatient(procedures: ["0FYG0Z0"])).Should().ContainSingle().Which.Message.Should().Be(
            "0FYG0Z0 is a procedure Medicare does not pay for when billed without one of 0TY00Z0, 0TY00Z1, 0TY00Z2, 0TY10Z0, 0TY10Z1, 0TY10Z2 and without one of E10.10, E10.9 (MCE non-covered procedures, section 11B).");
        Findings(Inpatient(procedures: ["0FYG0Z0", "0TY00Z0"])).Select(f => (f.RuleId, f.Severity)).Should().Equal(("PCS011", Severity.Warning), ("PCS011", Severity.Warning));
    }

    [Fact]
    public void NonCoveredWithDiagnosis_UsesTheClaimsDiagnoses()
    {
        Findings(Inpatient(diagnoses: ["C91.00", "E11.9"], procedures: ["30233G0"])).Select(f => f.RuleId).Should().Equal("PCS010");
        Findings(Inpatient(procedures: ["30233G0"])).Should().BeEmpty();
    }

    [Fact]
    public void NonCoveredOverAge60_UsesTheAgeOnTheDischargeDate()
    {
        Findings(Inpatient(procedures: ["0SR20JZ"], birthDate: "1965-03-06")).Select(f => f.RuleId).Should().Equal("PCS010"); // 61 on 2026-03-06
        Findings(Inpatient(procedures: ["0SR20JZ"], birthDate: "1965-03-07")).Should().BeEmpty(); // 60 that day
    }

    [Fact]
    public void DeliveryWithoutOutcome_IsAQuestionableAdmission()
    {
        var finding = Findings(Inpatient(diagnoses: ["O80"], poa: [PresentOnAdmission.Yes], procedures: ["10E0XZZ"])).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Message).Should().Be(("PCS012", "10E0XZZ is a cesarean or vaginal delivery procedure, and no secondary diagnosis gives the outcome of delivery (Z37.-)."));
        Findings(Inpatient(diagnoses: ["O80", "Z37.0"], poa: [PresentOnAdmission.Yes, PresentOnAdmission.Exempt], procedures: ["10E0XZZ"])).Should().BeEmpty();
    }

    [Fact]
    public void ProcedureForTheOtherSex_ConflictsBeforeOctober2024_WithoutNamingTheSex()
    {
        var before = Inpatient(from: "2024-09-26", through: "2024-09-30", admitted: "2024-09-26", procedures: ["0VTQ0ZZ"], sex: Sex.Female, lines: [Line("0120", null, "2024-09-26", 4)]);
        var finding = Findings(before).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Carc).Should().Be(("PCS013", "7"));
        finding.Message.Should().Be("0VTQ0ZZ is a procedure for male patients only, which conflicts with the patient's reported sex.");
        Findings(Inpatient(procedures: ["0VTQ0ZZ"], sex: Sex.Female)).Should().BeEmpty("the edit is deactivated from 2024-10-01");
    }

    [Theory]
    [InlineData("2026-03-03", "PCS014")] // ventilation over 96 hours in a stay of 3 days
    [InlineData("2026-03-02", null)] // 4 days
    public void VentilationOver96Hours_NeedsAStayOfFourDays(string admitted, string? rule) =>
        Findings(Inpatient(admitted: admitted, procedures: ["5A1955Z"])).Select(f => f.RuleId).Should().Equal(rule is null ? [] : [rule]);

    [Fact]
    public void InvalidAge_IsReportedWithTheMcesRangeOnly()
    {
        var finding = Findings(Inpatient(birthDate: "1900-01-01")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Message).Should().Be(("PCS020", "patient.birthDate", "The patient's age on the discharge date, from the birth date, is outside 0–124 years, the ages the MCE accepts."));
    }

    [Theory]
    [InlineData("71", "PCS021")] // outpatient services, 10/01/01–09/30/03 only
    [InlineData("99", "PCS021")]
    [InlineData("62", null)]
    public void DischargeStatus_IsCheckedAgainstTheMcesList(string status, string? rule) =>
        Findings(Inpatient(status: status)).Select(f => f.RuleId).Should().Equal(rule is null ? [] : [rule]);

    [Fact]
    public void CleanInpatientBillWithProcedures_AllocatesNothing()
    {
        var claim = Inpatient(diagnoses: ["E78.5", "D64.9"], procedures: ["0DTJ4ZZ", "02703DZ", "5A1945Z"]);
        Sample.Value.Scrub(claim).Findings.Where(f => f.Severity >= Severity.Warning).Should().BeEmpty();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Sample.Value.Scrub(claim);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static Finding[] Findings(Claim claim) => [.. Sample.Value.Scrub(claim).Findings.Where(f => f.Family == RuleFamily.InpatientProcedure)];
}
