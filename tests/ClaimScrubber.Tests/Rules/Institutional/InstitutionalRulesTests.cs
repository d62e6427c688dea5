using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Support.InstitutionalClaims;

namespace ClaimScrubber.Tests.Rules.Institutional;

/// <summary>The UB-04 / 837I structure rules, one element at a time, on hand-made 837I-shaped bills with real codes.</summary>
public class InstitutionalRulesTests
{
    private static readonly Scrubber Scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    [Fact]
    public void CleanBills_HaveNoStructureFinding()
    {
        Findings(Inpatient()).Should().BeEmpty();
        Findings(Outpatient()).Should().BeEmpty();
        Findings(Inpatient(typeOfBill: "21", lines: [Line("0191", null, "2026-03-02", 4)])).Should().BeEmpty();
    }

    [Theory]
    [InlineData("15")] // hospital, intermediate care level I: assigned
    [InlineData("18")] // swing bed
    [InlineData("74")] // outpatient rehabilitation facility
    [InlineData("85")] // critical access hospital
    [InlineData("89")] // special facility, other
    public void AssignedTypesOfBill_AreValid(string bill) =>
        Findings(Outpatient(typeOfBill: bill)).Should().NotContain(f => f.RuleId == "UB002");

    [Theory]
    [InlineData("17")] // hospital classification 7 is reserved
    [InlineData("78")] // clinic classification 8 is not assigned
    [InlineData("87")] // special facility classification 7 is not assigned
    [InlineData("51")] // facility 5 is reserved
    [InlineData("91")] // facility 9 is reserved
    public void UnassignedTypesOfBill_AreRefused(string bill)
    {
        var finding = Findings(Outpatient(typeOfBill: bill)).Should().ContainSingle(f => f.RuleId == "UB002").Subject;
        (finding.Severity, finding.Element, finding.Message, finding.Rarc).Should().Be((Severity.Error, "typeOfBill", $"Type of bill {bill} is not a facility and bill classification the NUBC assigns.", "MA30"));
    }

    [Fact]
    public void TypeOfBillOfAnotherSetting_IsInconsistent() =>
        Findings(Inpatient(typeOfBill: "13", setting: ClaimSetting.Inpatient, admitted: null, admissionType: null, admissionSource: null, poa: []))
            .Should().ContainSingle(f => f.RuleId == "UB003")
            .Which.Message.Should().Be("Type of bill 13 is an outpatient hospital bill, but the claim is scrubbed as an inpatient claim.");

    [Fact]
    public void ProfessionalClaimWithATypeOfBill_IsInconsistent()
    {
        var claim = new Claim
        {
            ClaimId = "P1",
            Setting = ClaimSetting.Professional,
            TypeOfBill = TypeOfBill.Parse("13"),
            Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
            Lines = [TestClaims.Line()],
        };
        Findings(claim).Select(f => f.RuleId).Should().Equal("UB003");
    }

    [Fact]
    public void ClaimWithoutTypeOfBill_IsJudgedOnlyWhenItCarriesUb04Elements()
    {
        var thin = new Claim { ClaimId = "O1", Setting = ClaimSetting.OutpatientHospital, Lines = [Line("0510", "G0463")] };
        Findings(thin).Should().BeEmpty("a claim of the JSON contract's first shape has no place for a type of bill");
        var ub04 = new Claim { ClaimId = "O2", Setting = ClaimSetting.OutpatientHospital, StatementFrom = new DateOnly(2026, 3, 2), StatementThrough = new DateOnly(2026, 3, 2), Lines = [Line("0510", "G0463")] };
        Findings(ub04).Select(f => (f.RuleId, f.Element)).Should().Equal(("UB001", "typeOfBill"));
    }

    [Theory]
    [InlineData("2", "01", "UB004")] // interim first bill: the patient is still in
    [InlineData("3", "03", "UB004")]
    [InlineData("1", "30", "UB004")] // admit through discharge cannot leave the patient in
    [InlineData("4", "30", "UB004")]
    [InlineData("2", "30", null)]
    [InlineData("4", "01", null)]
    public void FrequencyAndDischargeStatus_MustAgreeOnAStayBill(string frequency, string status, string? rule) =>
        Findings(Inpatient(frequency: frequency, status: status)).Select(f => f.RuleId).Should().Equal(rule is null ? [] : [rule]);

    [Fact]
    public void FrequencyAndDischargeStatus_AreNotComparedOnAnOutpatientBill() =>
        Findings(Outpatient(frequency: "2", status: "01")).Should().BeEmpty();

    [Theory]
    [InlineData(null, "2026-03-06", "statementFrom", "The institutional claim has no statement covers period (from and through dates).")]
    [InlineData("2026-03-02", null, "statementThrough", "The institutional claim has no statement covers period (from and through dates).")]
    [InlineData("2026-03-07", "2026-03-06", "statementThrough", "The statement covers period's from date is after its through date.")]
    public void StatementPeriod_MissingOrReversed_IsRefused(string? from, string? through, string element, string message)
    {
        var finding = Findings(Inpatient(from: from, through: through, lines: [Line("0120", null, "2026-03-06")])).Where(f => f.RuleId != "UB006").Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Message).Should().Be(("UB005", element, message));
    }

    [Fact]
    public void LineOutsideTheStatementPeriod_IsReported()
    {
        var finding = Findings(Inpatient(lines: [Line("0120", null, "2026-03-02", 4), Line("0250", null, "2026-03-07")])).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element, finding.Message).Should().Be(("UB006", 2, "lines[2].serviceDate", "Line 2's service date falls outside the bill's statement covers period."));
    }

    [Fact]
    public void StayBillWithoutAdmissionData_NamesEachMissingElement()
    {
        var findings = Findings(Inpatient(admitted: null, admissionType: null, admissionSource: null));
        findings.Select(f => (f.RuleId, f.Element, f.Rarc)).Should().Equal(("UB007", "admissionDate", "MA40"), ("UB007", "admissionType", "MA41"), ("UB007", "admissionSource", "MA42"));
        Findings(Outpatient()).Should().BeEmpty("an outpatient bill has no admission");
    }

    [Theory]
    [InlineData("6", "1", "admissionType")]
    [InlineData("1", "3", "admissionSource")] // 3 was retired
    [InlineData("1", "7", "admissionSource")] // 7 (emergency room) was retired in 2010
    [InlineData("4", "1", "admissionSource")] // a newborn is born inside (5) or outside (6) the hospital
    public void AdmissionTypeOrSourceNotNubc_IsRefused(string type, string source, string element) =>
        Findings(Inpatient(admissionType: type, admissionSource: source)).Select(f => (f.RuleId, f.Element)).Should().Equal(("UB008", element));

    [Theory]
    [InlineData("4", "5")]
    [InlineData("3", "d")]
    [InlineData("5", "G")]
    public void NubcAdmissionTypeAndSource_AreValid(string type, string source) =>
        Findings(Inpatient(admissionType: type, admissionSource: source)).Should().BeEmpty();

    [Fact]
    public void InstitutionalBillWithoutDischargeStatus_IsRefused() =>
        Findings(Outpatient(status: null)).Select(f => (f.RuleId, f.Element, f.Rarc)).Should().Equal(("UB009", "dischargeStatus", "MA43"));

    [Theory]
    [InlineData(null, "Line 1 of the institutional bill has no revenue code.")]
    [InlineData("510", "Line 1's revenue code '510' is not four digits.")]
    [InlineData("05A0", "Line 1's revenue code '05A0' is not four digits.")]
    [InlineData("0000", "Line 1's revenue code '0000' is not four digits.")]
    public void RevenueCodeMissingOrMalformed_IsRefused(string? revenue, string message) =>
        Findings(Outpatient([Line(revenue, "G0463")])).Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == "UB010" && f.Message == message && f.Rarc == "M50");

    [Theory]
    [InlineData("0300")] // laboratory
    [InlineData("0320")] // diagnostic radiology
    [InlineData("0450")] // emergency room
    [InlineData("0510")] // clinic
    [InlineData("0636")] // drugs requiring detailed coding
    public void OutpatientRevenueCodeThatNeedsHcpcs_WithoutOne_IsRefused(string revenue)
    {
        var finding = Findings(Outpatient([Line(revenue, null)])).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Rarc).Should().Be(("UB011", "lines[1].procedureCode", "M20"));
    }

    [Theory]
    [InlineData("0250")] // pharmacy, general
    [InlineData("0270")] // medical supplies
    [InlineData("0637")] // self-administrable drugs
    public void OutpatientRevenueCodeWithoutHcpcsRequirement_IsClean(string revenue) =>
        Findings(Outpatient([Line("0510", "G0463"), Line(revenue, null)])).Should().BeEmpty();

    [Fact]
    public void InpatientRevenueCodes_NeedNoHcpcs() =>
        Findings(Inpatient(lines: [Line("0300", null, "2026-03-03"), Line("0450", null, "2026-03-02")])).Should().BeEmpty();

    [Theory]
    [InlineData("0420", "97110", "GP", true)]
    [InlineData("0420", "97110", "GO", false)] // physical therapy revenue code with the occupational therapy modifier
    [InlineData("0430", "97535", "GO", true)]
    [InlineData("0430", "97535", "", false)]
    [InlineData("0440", "92507", "GN", true)]
    [InlineData("0440", "92507", "GP", false)]
    [InlineData("0940", "97110", "GO", true)] // an always-therapy code outside a therapy revenue code: any discipline
    [InlineData("0940", "97110", "", false)]
    public void TherapyLine_CarriesTheModifierOfItsDiscipline(string revenue, string code, string modifier, bool clean)
    {
        var line = modifier.Length == 0 ? Line(revenue, code) : Line(revenue, code, "2026-03-02", 1, modifier);
        var findings = Findings(Outpatient([line]));
        if (clean)
        {
            findings.Should().BeEmpty();
        }
        else
        {
            findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == "UB012" && f.Carc == "4" && f.Element == "lines[1].modifiers");
        }
    }

    [Fact]
    public void PresentOnAdmission_MissingOnANonExemptDiagnosis_IsRefused()
    {
        // E11.9 needs an indicator; Z79.4 (long-term use of insulin) is on the exempt list.
        var findings = Findings(Inpatient(diagnoses: ["I21.4", "E11.9", "Z79.4"], poa: [PresentOnAdmission.Yes, PresentOnAdmission.NotReported, PresentOnAdmission.NotReported]));
        var finding = findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Message).Should().Be(("UB013", "diagnoses[2].presentOnAdmission", "Diagnosis E11.9 has no present-on-admission indicator, and its code is not on the exempt list."));
    }

    [Fact]
    public void PresentOnAdmission_ExemptMarkOnANonExemptCode_IsRefused() =>
        Findings(Inpatient(poa: [PresentOnAdmission.Yes, PresentOnAdmission.Exempt])).Should().ContainSingle()
            .Which.Message.Should().Be("Diagnosis E11.9 is marked exempt from present-on-admission reporting (1), but its code is not on the exempt list.");

    [Fact]
    public void PresentOnAdmission_ExemptCodes_NeedNone() =>
        Findings(Inpatient(diagnoses: ["I21.4", "Z79.4", "Z87.891", "Q21.1", "V43.52XA"], poa: [PresentOnAdmission.Yes, PresentOnAdmission.Exempt, PresentOnAdmission.NotReported, PresentOnAdmission.Exempt, PresentOnAdmission.NotReported]))
            .Should().BeEmpty();

    [Fact]
    public void PresentOnAdmission_NotReportedAtAll_IsNotJudged() =>

        // Critical access, long-term care, rehabilitation, psychiatric, cancer and children's hospitals are exempt from POA
        // reporting, and nothing on the bill says which hospital it is.
        Findings(Inpatient(poa: [])).Should().BeEmpty();

    [Fact]
    public void PresentOnAdmission_OtherBillTypes_AreNotJudged() =>
        Findings(Inpatient(typeOfBill: "21", poa: [PresentOnAdmission.Yes, PresentOnAdmission.NotReported], lines: [Line("0191", null, "2026-03-02", 4)])).Should().BeEmpty();

    [Fact]
    public void OccurrenceAndValueCodes_WithoutTheirDateSpanOrAmount_AreRefused()
    {
        var findings = Findings(Inpatient(
            occurrences: [Occurrence("11", "2026-02-27"), Occurrence("01", null)],
            spans: [Span("70", "2026-01-02", "2026-01-05"), Span("74", "2026-03-04", null), Span("74", "2026-03-05", "2026-03-04")],
            values: [Value("80", 4m), Value("01", null)]));
        findings.Select(f => (f.RuleId, f.Element)).Should().Equal(
            ("UB014", "occurrenceCodes[2].date"), ("UB014", "occurrenceSpanCodes[2]"), ("UB014", "occurrenceSpanCodes[3]"), ("UB014", "valueCodes[2].amount"));
    }

    [Fact]
    public void ConditionAndValueCodes_ReportedTwice_AreReported()
    {
        var findings = Findings(Inpatient(conditionCodes: ["39", "D9", "39"], values: [Value("80", 4m), Value("80", 4m)]));
        findings.Select(f => (f.RuleId, f.Element, f.Severity)).Should().Equal(("UB015", "conditionCodes[3]", Severity.Warning), ("UB015", "valueCodes[2]", Severity.Warning));
    }

    [Theory]
    [InlineData("44", "13", null)]
    [InlineData("44", "85", null)]
    [InlineData("44", "12", "UB016")] // inpatient Part B: the admission changed to outpatient is billed on 13x
    [InlineData("41", "13", null)]
    [InlineData("41", "76", null)]
    [InlineData("41", "85", "UB016")]
    public void ConditionCodes_OnTheirTypesOfBill(string condition, string bill, string? rule) =>
        Findings(Outpatient(typeOfBill: bill, conditionCodes: [condition])).Select(f => f.RuleId).Should().Equal(rule is null ? [] : [rule]);

    [Fact]
    public void CleanInpatientBill_AllocatesNothing()
    {
        var claim = Inpatient(conditionCodes: ["39"], occurrences: [Occurrence("11", "2026-02-27")], values: [Value("80", 4m)]);
        Scrubber.Scrub(claim).Findings.Should().BeEmpty();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Scrubber.Scrub(claim);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static Finding[] Findings(Claim claim) => [.. Scrubber.Scrub(claim).Findings.Where(f => f.Family == RuleFamily.Institutional)];
}
