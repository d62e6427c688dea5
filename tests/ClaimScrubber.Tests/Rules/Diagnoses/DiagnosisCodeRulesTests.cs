using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules.Diagnoses;

/// <summary>DX001–DX004 over the repository's sample order files (FY2025 and FY2026, real rows).</summary>
public class DiagnosisCodeRulesTests
{
    private static readonly CodeSetIndex Index = CmsData.LoadSampleStrict("icd10cm");

    private static readonly Scrubber Scrubber = Scrubber.Create(Index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2027, 6, 1) });

    private static List<Finding> Dx(Claim claim) => [.. Scrubber.Scrub(claim).Findings.Where(f => f.RuleId.StartsWith("DX", StringComparison.Ordinal))];

    private static Claim Claim(string[] diagnoses, params ServiceLine[] lines) => TestClaims.Professional(diagnoses, lines);

    [Fact]
    public void Evaluate_BillableCodesOnTheirDate_ReportNothing() =>
        Scrubber.Scrub(Claim(["E11.9", "I10", "Z59.861", "W19.XXXA"], TestClaims.Line(pointers: [1, 2, 3, 4]))).Findings.Should().BeEmpty();

    [Fact]
    public void Evaluate_UnknownCode_IsDx001WithTheBillableParentInTheHint()
    {
        var finding = Dx(Claim(["E11.99"])).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Line, finding.Source!.Release).Should().Be(("DX001", "diagnoses[1]", null, "FY2026"));
        finding.Codes.Should().Equal("E11.99");
        finding.Message.Should().Be("E11.99 is not an ICD-10-CM code in any loaded fiscal year (FY2025 and FY2026).");
        finding.FixHint.Should().Be("Check the code for a typo: E11.9 is a billable FY2026 code; the added characters make a code that does not exist.");
        (finding.Carc, finding.Rarc).Should().Be(("16", "M76"));
    }

    [Fact]
    public void Evaluate_UnknownCodeUnderAHeader_HintsBillableCodesOfTheHeader() =>
        Dx(Claim(["A00.5"])).Single().FixHint.Should().Be("Check the code for a typo; billable FY2026 codes under A00 include A00.0, A00.1 or A00.9.");

    [Fact]
    public void Evaluate_UnknownCategory_SaysNoCodeOfTheCategoryExists() =>
        Dx(Claim(["U99.9"])).Single().FixHint.Should().Be("Check the code for a typo against the FY2026 ICD-10-CM code set; no code of its category U99 exists.");

    [Fact]
    public void Evaluate_Z5986FromOctober1_IsAHeaderBillableTheYearBefore()
    {
        var finding = Dx(Claim(["Z59.86"], TestClaims.Line(date: "2025-10-01"))).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Source!.Release, finding.Carc).Should().Be(("DX003", "diagnoses[1]", "FY2026", "146"));
        finding.Message.Should().Be("Z59.86 (Financial insecurity) is a header code in FY2026, not billable on the date of service of line 1: it needs more characters. It is billable in FY2025.");
        finding.FixHint.Should().Be("Use a billable code under Z59.86, such as Z59.861, Z59.868 or Z59.869.");
    }

    [Fact]
    public void Evaluate_Z5986OnSeptember30_IsBillable() =>
        Dx(Claim(["Z59.86"], TestClaims.Line(date: "2025-09-30"))).Should().BeEmpty();

    [Fact]
    public void Evaluate_HeaderWithManyChildren_ShowsThreeAndTheCount()
    {
        var finding = Dx(Claim(["E11"])).Single();
        finding.Message.Should().Be("E11 (Type 2 diabetes mellitus) is a header code in FY2026, not billable on the date of service of line 1: it needs more characters.");
        finding.FixHint.Should().Be("Use a billable code under E11, such as E11.00, E11.01, E11.10 (6 in all).");
    }

    [Fact]
    public void Evaluate_CodeBeforeItTakesEffect_IsDx002NamingTheFirstDay()
    {
        var finding = Dx(Claim(["Z59.861"], TestClaims.Line(date: "2025-09-30"))).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Source!.Release).Should().Be(("DX002", "diagnoses[1]", "FY2025"));
        finding.Message.Should().Be("Z59.861 is not valid on the date of service of line 1: it takes effect in FY2026, which begins in October 2025; it is not in the FY2025 code set.");
        finding.FixHint.Should().Be("For services before FY2026, use Z59.86, billable in FY2025, or a more specific code valid on the date.");
    }

    [Fact]
    public void Evaluate_ClaimSpanningOctober1_ChecksEachLineOnItsOwnDate()
    {
        var findings = Dx(Claim(["Z59.86", "Z59.861"],
            TestClaims.Line(date: "2025-09-30", pointers: [1, 2]),
            TestClaims.Line(date: "2025-10-01", pointers: [1, 2]),
            TestClaims.Line(date: "2025-10-02", pointers: [1, 2])));
        findings.Select(f => (f.RuleId, f.Element, f.Source!.Release)).Should().Equal(
            ("DX003", "diagnoses[1]", "FY2026"),
            ("DX002", "diagnoses[2]", "FY2025"));
        findings[0].Message.Should().Contain("not billable on the date of service of line 2");
        findings[1].Message.Should().Contain("not valid on the date of service of line 1");
    }

    [Fact]
    public void Evaluate_LineSpanningOctober1_ChecksBothFiscalYears()
    {
        var line = new ServiceLine { ProcedureCode = ProcedureCode.Parse("99232"), ServiceDate = new DateOnly(2025, 9, 29), ServiceDateTo = new DateOnly(2025, 10, 2), Charge = 100m, DiagnosisPointers = [1] };
        var finding = Dx(Claim(["Z59.86"], line)).Should().ContainSingle().Subject;
        finding.Message.Should().Contain("not billable on the date of service of line 1");
    }

    [Fact]
    public void Evaluate_DiagnosisNoLinePointsTo_UsesTheClaimsEarliestDate()
    {
        var finding = Dx(Claim(["I10", "Z59.861"], TestClaims.Line(date: "2025-10-03", pointers: [1]), TestClaims.Line(date: "2025-09-15", pointers: [1]))).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("DX002", "diagnoses[2]"));
        finding.Message.Should().Be("Z59.861 is not valid on the claim's first date of service: it takes effect in FY2026, which begins in October 2025; it is not in the FY2025 code set.");
    }

    [Fact]
    public void Evaluate_InpatientClaim_ChecksEveryDiagnosisOnTheDischargeDate()
    {
        var claim = new Claim
        {
            ClaimId = "I1",
            Setting = ClaimSetting.Inpatient,
            Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
            BillingNpi = Npi.Parse("1234567893"),
            FrequencyCode = "1",
            DischargeDate = new DateOnly(2025, 10, 2),
            Diagnoses = [IcdCode.Parse("Z59.86"), IcdCode.Parse("E11.9")],
            Lines = [TestClaims.Line(procedure: "99232", date: "2025-09-28")],
        };
        var finding = Dx(claim).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("DX003", "diagnoses[1]"));
        finding.Message.Should().Contain("not billable on the discharge date:");
    }

    [Fact]
    public void Evaluate_DateAfterTheLoadedYears_IsDx004OnceAndChecksAgainstTheNearestYear()
    {
        var findings = Dx(Claim(["E11.9", "E11", "I10"], TestClaims.Line(date: "2026-10-05", pointers: [1, 2, 3])));
        findings.Select(f => (f.RuleId, f.Element, f.Source!.Release)).Should().Equal(
            ("DX004", "diagnoses", "FY2026"),
            ("DX003", "diagnoses[2]", "FY2026"));
        findings[0].Severity.Should().Be(ClaimScrubber.Severity.Info);
        findings[0].Message.Should().Be("No ICD-10-CM code set is loaded for FY2027 (October 2026 to September 2027); diagnoses dated in it were checked against FY2026, the nearest loaded year.");
        findings[0].FixHint.Should().Be("Load the ICD-10-CM order file of FY2027 (icd10cm_order_2027.txt, or its addenda) to check codes added or deleted that year.");
    }

    [Fact]
    public void Evaluate_DeletedCode_IsDx002NamingTheYearsItWasValid()
    {
        var records2025 = new[] { Record("E11", false), Record("E118", true), Record("E119", true) };
        var records2026 = new[] { Record("E11", false), Record("E119", true) };
        var table = IcdCodeSet.Create([(2025, Release(2025), records2025), (2026, Release(2026), records2026)]);
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(table);
        var scrubber = Scrubber.Create(builder.Build(), ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 6, 1) });
        var finding = scrubber.Scrub(Claim(["E11.8"])).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("DX002");
        finding.Message.Should().Be("E11.8 is not valid on the date of service of line 1: it is not in the FY2026 code set; it was billable in FY2025, and was deleted from FY2026, which began in October 2025.");
        finding.FixHint.Should().Be("Use a billable code under E11, such as E11.9.");
    }

    [Fact]
    public void Evaluate_DisabledRule_ReportsNothing()
    {
        var scrubber = Scrubber.Create(Index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2027, 6, 1), DisabledRules = ["DX003"] });
        scrubber.Scrub(Claim(["E11"])).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_CleanClaim_AllocatesNothing()
    {
        var claim = Claim(["E11.9", "I10", "Z59.861"], TestClaims.Line(pointers: [1, 2]), TestClaims.Line(date: "2026-03-03", pointers: [3, 1]));
        Scrubber.Scrub(claim);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Scrubber.Scrub(claim);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static IcdOrderRecord Record(string code, bool billable) => new(IcdCode.Parse(code), billable, code, code);

    private static TableRelease Release(int year) => new(IcdCodeSet.TableName, $"FY{year}", $"icd10cm_order_{year}.txt", IcdCodeSet.FiscalYearStart(year), IcdCodeSet.FiscalYearEnd(year), 0);
}
