using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Opps;
using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Support.TestClaims;

namespace ClaimScrubber.Tests.Rules.Opps;

/// <summary>
/// The OPPS status indicator rules on hospital outpatient bills, with the repository's sample Addendum B (real codes and
/// status indicators of January 2026) and hand-made quarters for the indicators the sample does not carry.
/// </summary>
public class OppsStatusRulesTests
{
    private static readonly OppsTable Sample = CmsData.LoadSampleStrict("opps").Opps!;

    [Fact]
    public void InpatientOnlyProcedure_OnAnOutpatientBill_IsDenied()
    {
        // 33533 (CABG, arterial, single): status C, inpatient only.
        var finding = Scrub(Outpatient(Line("33533"), Line("G0463"))).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Disposition, finding.Element, finding.Carc, finding.Rarc).Should().Be(("OPPS001", Severity.Error, Disposition.LineDenial, "lines[1].procedureCode", "96", "N428"));
        finding.Message.Should().Be("33533 has OPPS status indicator C: it is an inpatient-only procedure, not paid on an outpatient hospital bill.");
        finding.Source!.ToString().Should().Be("OPPS Addendum B 2026 Q1 (January) (2026_january_web_addendum_b.csv)");
    }

    [Fact]
    public void InpatientOnlyProcedure_PatientDiedBeforeAdmission_IsPaid() =>
        Scrub(Outpatient(Line("33533").WithModifiers("CA"))).Findings.Should().BeEmpty();

    [Theory]
    [InlineData("13")] // hospital outpatient
    [InlineData("12")] // hospital inpatient Part B
    public void OfficeVisitCode_OnAHospitalOutpatientBill_IsNotRecognized(string bill)
    {
        // 99213: status B since CY 2014; hospitals report G0463.
        var finding = Scrub(OutpatientBill(bill, Line("99213"))).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Disposition).Should().Be(("OPPS002", Disposition.ReturnToProvider));
        finding.FixHint.Should().Contain("G0463");
    }

    [Theory]
    [InlineData("11")] // inpatient: not an OPPS bill
    [InlineData("14")] // non-patient laboratory: not priced by OPPS
    [InlineData("83")] // ambulatory surgery center
    [InlineData("85")] // critical access hospital outpatient: paid at cost, not under OPPS
    public void OtherBillTypes_AreNotOppsBills(string bill) =>
        Scrub(OutpatientBill(bill, Line("99213"), Line("33533"))).Findings.Should().BeEmpty();

    [Fact]
    public void ProfessionalClaim_IsNotAnOppsBill() =>
        Scrub(Professional(null, Line("33533"), Line("99213"))).Findings.Should().BeEmpty();

    [Fact]
    public void OutpatientSettingWithoutTypeOfBill_CountsAsAnOppsBill() =>
        Scrub(OutpatientBill(string.Empty, Line("99213"))).Ids().Should().Equal("OPPS002");

    [Fact]
    public void NonCoveredItem_IsDenied_UnlessTheLineDeclaresLiability()
    {
        // A9270 "Non-covered item or service": status E1.
        Scrub(Outpatient(Line("A9270"), Line("G0463"))).Ids().Should().Equal("OPPS003");
        Scrub(Outpatient(Line("A9270").WithModifiers("GY"), Line("G0463"))).Findings.Should().BeEmpty();
        Scrub(Outpatient(Line("A9270").WithModifiers("GA"), Line("G0463"))).Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("E2", "OPPS004", "has OPPS status indicator E2: Medicare has no pricing information or claims data for it, so it is not paid on an outpatient bill.")]
    [InlineData("D", "OPPS005", "has OPPS status indicator D: the code is discontinued and not paid under any Medicare payment system.")]
    [InlineData("M", "OPPS006", "has OPPS status indicator M: the service is not billable to the Medicare administrative contractor.")]
    public void UnpaidIndicators_AreReportedWithTheirD1Meaning(string indicator, string rule, string message)
    {
        var table = Quarter((ProcedureCode.Parse("G0463"), OppsStatusIndicator.J2, 5012), (ProcedureCode.Parse("C9399"), OppsStatusIndicators.Parse(indicator), 0));
        var finding = Scrub(Outpatient(Line("C9399"), Line("G0463")), table).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Message).Should().Be((rule, "C9399 " + message));
    }

    [Fact]
    public void PackagedService_Alone_PaysNothing()
    {
        // 76942 (ultrasound guidance for needle placement): status N.
        var finding = Scrub(Outpatient(Line("76942"))).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Carc).Should().Be(("OPPS007", Severity.Warning, "97"));
        finding.Message.Should().Be("76942 has OPPS status indicator N (packaged), and no line of the bill is paid separately under OPPS, so nothing carries its payment.");
    }

    [Theory]
    [InlineData("G0463")] // J2 clinic visit
    [InlineData("66984")] // J1 cataract surgery
    public void PackagedService_WithASeparatelyPaidService_IsClean(string paid) =>
        Scrub(Outpatient(Line("76942"), Line("77001"), Line(paid))).Findings.Should().BeEmpty();

    [Fact]
    public void PackagedService_WithOnlyServicesPaidOutsideOpps_PaysNothing() =>

        // 97110 (therapy, A: paid under the fee schedule) and 85025 (lab, Q4) carry no OPPS payment to package into.
        Scrub(Outpatient(Line("76942"), Line("97110"), Line("85025"))).Ids().Should().Equal("OPPS007");

    [Fact]
    public void ConditionallyPackagedCode_WithItsOwnApc_IsPaidSeparatelyWhenAlone()
    {
        var table = Quarter((ProcedureCode.Parse("93005"), OppsStatusIndicator.Q1, 5733), (ProcedureCode.Parse("93010"), OppsStatusIndicator.Q1, 0));
        Scrub(Outpatient(Line("93005")), table).Findings.Should().BeEmpty();
        Scrub(Outpatient(Line("93010")), table).Ids().Should().Equal("OPPS007");
        Scrub(Outpatient(Line("93010"), Line("93005")), table).Findings.Should().BeEmpty();
    }

    [Fact]
    public void DateBeforeEveryLoadedQuarter_IsNotJudged() =>
        Scrub(Outpatient(Line("33533", date: "2025-12-31"))).Findings.Should().BeEmpty();

    [Fact]
    public void CodeNotInAddendumB_IsNotJudgedHere() =>
        Scrub(Outpatient(Line("99215"))).Findings.Should().BeEmpty();

    [Fact]
    public void CleanOutpatientBill_AllocatesNothing()
    {
        var scrubber = Scrubber(Sample);
        var outpatient = Outpatient(Revenue(Line("G0463"), "0510"), Revenue(Line("76942"), "0402"), Revenue(Line("66984"), "0360"));
        var claim = new Claim
        {
            ClaimId = outpatient.ClaimId,
            Setting = outpatient.Setting,
            TypeOfBill = outpatient.TypeOfBill,
            Patient = outpatient.Patient,
            BillingNpi = outpatient.BillingNpi,
            FrequencyCode = outpatient.FrequencyCode,
            Diagnoses = outpatient.Diagnoses,
            Lines = outpatient.Lines,
            StatementFrom = new DateOnly(2026, 3, 2),
            StatementThrough = new DateOnly(2026, 3, 2),
            DischargeStatus = DischargeStatus.Parse("01"),
        };
        scrubber.Scrub(claim).Findings.Select(f => f.ToString()).Should().BeEmpty();
        var before = GC.GetAllocatedBytesForCurrentThread();
        scrubber.Scrub(claim);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static Claim Outpatient(params ServiceLine[] lines) => OutpatientBill("13", lines);

    private static ServiceLine Revenue(ServiceLine line, string revenueCode) => new()
    {
        ProcedureCode = line.ProcedureCode,
        Units = line.Units,
        Charge = line.Charge,
        ServiceDate = line.ServiceDate,
        DiagnosisPointers = line.DiagnosisPointers,
        RevenueCode = revenueCode,
    };

    /// <summary>An institutional bill of type <paramref name="bill"/> (<c>""</c>: none, in the outpatient hospital setting).</summary>
    private static Claim OutpatientBill(string bill, params ServiceLine[] lines) => new()
    {
        ClaimId = "O1",
        Setting = bill.Length == 0 ? ClaimSetting.OutpatientHospital : TypeOfBill.Parse(bill).Setting,
        TypeOfBill = bill.Length == 0 ? null : TypeOfBill.Parse(bill),
        Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
        BillingNpi = Npi.Parse("1234567893"),
        FrequencyCode = "1",
        Diagnoses = [IcdCode.Parse("I10")],
        Lines = [.. lines],
    };

    /// <summary>Scrubs with every rule on and keeps the OPPS findings (the bills are otherwise bare).</summary>
    private static ScrubResult Scrub(Claim claim, OppsTable? table = null)
    {
        var result = Scrubber(table ?? Sample).Scrub(claim);
        return new ScrubResult(result.ClaimId, [.. result.Findings.Where(f => f.Rule.Family == RuleFamily.Opps)]);
    }

    private static Scrubber Scrubber(OppsTable table)
    {
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(table);
        return ClaimScrubber.Scrubber.Create(builder.Build(), ScrubberOptions.Default with { AsOfDate = Today });
    }

    private static OppsTable Quarter(params (ProcedureCode Code, OppsStatusIndicator Indicator, ushort Apc)[] rows)
    {
        var sorted = rows.OrderBy(r => r.Code.Value).ToArray();
        var release = new TableRelease(OppsTable.TableName, "2026 Q1 (January)", "hand-made.csv", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), sorted.Length);
        return new OppsTable([new OppsQuarter(release, [.. sorted.Select(r => r.Code.Value)], [.. sorted.Select(r => r.Indicator)], [.. sorted.Select(r => r.Apc)])]);
    }
}
