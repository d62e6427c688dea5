using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Rules.FeeScheduleFixture;
using static ClaimScrubber.Tests.Support.TestClaims;

namespace ClaimScrubber.Tests.Rules;

/// <summary>Status codes as RVU25D Attachment A defines them, with codes that carry each status in the October 2025 file.</summary>
public class FeeScheduleStatusRulesTests
{
    [Fact]
    public void StatusI_NotValidForMedicare()
    {
        // 27215: status I, "Not valid for Medicare purposes. Medicare uses another code".
        var finding = Scrub(Line("27215").At("22")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Disposition, finding.Element).Should().Be(("PX020", Severity.Error, Disposition.LineDenial, "lines[1].procedureCode"));
        finding.Message.Should().Be("27215 has fee schedule status I: not valid for Medicare purposes; Medicare uses another code for this service.");
        (finding.Carc, finding.Rarc).Should().Be(("181", "N56"));
        finding.Source!.Release.Should().Be("2025 October");
    }

    [Fact]
    public void StatusN_NonCovered_UnlessTheBillerDeclaredIt()
    {
        // 22526: status N, "Non-covered Services. These services are not covered by Medicare."
        var finding = Scrub(Line("22526")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Carc).Should().Be(("PX021", Severity.Warning, "96"));

        // GY, GA, GZ: the biller declares the denial (MCPM 100-04 ch. 1 §60.4.2, ch. 30 §50); PX033 says so at Info, with who is liable.
        foreach (var (modifier, liable) in new[]
        {
            ("GY", "the patient (or a secondary payer) liable"),
            ("GA", "the patient liable under the advance beneficiary notice on file"),
            ("GZ", "the provider liable, since no advance beneficiary notice was given"),
        })
        {
            var intended = Scrub(Line("22526").WithModifiers(modifier)).Findings.Should().ContainSingle().Subject;
            (intended.RuleId, intended.Severity, intended.Disposition, intended.Line, intended.Element).Should().Be(("PX033", Severity.Info, Disposition.Informational, 1, "lines[1].modifiers"));
            intended.Message.Should().Be($"22526 carries {modifier} and Medicare denies it (fee schedule status N, not covered): the denial is intended, with {liable}.");
            intended.Codes.Should().Equal("22526", modifier);
        }

        Scrub(Line("22526").WithModifiers("GX")).Findings.Should().BeEmpty("GX (voluntary notice) declares the non-coverage without asking for a denial");
        Scrub(Line("99213").WithModifiers("GA")).Findings.Should().BeEmpty("GA on a covered, payable code has no table denial to call intended");
    }

    [Fact]
    public void StatusB_Bundled() =>

        // 36416: status B, "Payment for covered services are always bundled into payment for other services".
        Scrub(Line("36416")).Findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == "PX022" && f.Severity == Severity.Warning && f.Rarc == "M15");

    [Fact]
    public void StatusP_BundledOrExcluded() =>

        // A4211: status P, "No separate payment should be made for them under the fee schedule".
        Scrub(Line("A4211")).Ids().Should().Equal("PX023");

    [Fact]
    public void StatusR_RestrictedCoverage_IsAWarning() =>

        // 11055: status R, "Special coverage instructions apply. If covered, the service is contractor priced."
        Scrub(Line("11055")).Findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == "PX024" && f.Severity == Severity.Warning);

    [Fact]
    public void StatusX_LabTest_IsInformationalOnly()
    {
        // 80053 and 36415: status X, "Statutory Exclusion ... (Examples are ... clinical diagnostic laboratory services.)"
        var finding = Scrub(Line("80053")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Disposition).Should().Be(("PX026", Severity.Info, Disposition.Informational));
        finding.Message.Should().Be("80053 has fee schedule status X: it is paid outside the physician fee schedule (for example the clinical laboratory or ambulance fee schedule).");
        Scrub(Line("36415")).Findings.Should().ContainSingle().Which.Severity.Should().Be(Severity.Info);
    }

    [Fact]
    public void PricingNotes_AreOptIn_SoALabTestIsCleanByDefault()
    {
        var scrubber = ClaimScrubber.Scrubber.Create(FeeScheduleFixture.Index, ScrubberOptions.Default with { AsOfDate = Today });
        scrubber.Scrub(Professional(null, Line("80053"), Line("36415"), Line("15999"), Line("J3490"))).Findings.Should().BeEmpty();
        scrubber.Rules.Where(r => !r.IsEnabledByDefault && r.Family != RuleFamily.BillingData).Select(r => r.Id).Should().Equal(["CLM015", "CLM016", "CLM020", .. FeeScheduleFixture.PricingNotes], "timely filing and table coverage are opt-in too");
    }

    [Fact]
    public void StatusC_ContractorPriced_IsInformationalOnly() =>

        // 15999: status C, "Contractors price the code"; global YYY.
        Scrub(Line("15999")).Findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == "PX027" && f.Severity == Severity.Info);

    [Fact]
    public void StatusE_ExcludedByRegulation_IsInformationalOnly() =>

        // J3490: status E, "Excluded from Physician Fee Schedule by regulation".
        Scrub(Line("J3490")).Findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == "PX028" && f.Severity == Severity.Info);

    [Fact]
    public void StatusA_IsClean() => Scrub(Line("99213"), Line("93000")).Findings.Should().BeEmpty();

    [Fact]
    public void StatusT_Injection_WithAnotherPayableServiceSameDaySameProvider_IsBundled()
    {
        // 36591: status T, "only paid if there are no other services payable under the physician fee schedule billed on the same date by the same provider".
        var finding = Scrub(Line("36591"), Line("99213")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line).Should().Be(("PX029", 1));
        finding.Message.Should().Be("36591 has fee schedule status T: it is paid only when no other fee schedule service is billed that date by the same provider, and 99213 (line 2) is.");
    }

    [Fact]
    public void StatusT_Injection_Alone_OrWithALabTest_OrAnotherProvider_OrAnotherDay_IsPaid()
    {
        Scrub(Line("36591")).Findings.Should().BeEmpty();
        Scrub(Line("36591"), Line("80053")).Ids().Should().Equal("PX026");
        Scrub(Line("36591"), Line("99213").By("1003000126")).Findings.Should().BeEmpty();
        Scrub(Line("36591"), Line("99213", date: "2026-03-04")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void AddOn_WithoutAPrimaryThatDay_IsReported()
    {
        // 17003: global ZZZ, "related to another service and is always included in the global period of the other service".
        var finding = Scrub(Line("17003")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Carc).Should().Be(("PX030", "107"));
        Scrub(Line("17000"), Line("17003")).Findings.Should().BeEmpty();
        Scrub(Line("17000", date: "2026-03-01"), Line("17003")).Ids().Should().Equal("PX030");

        // Two add-ons do not make each other primary.
        Scrub(Line("17003"), Line("11045")).Ids().Should().Equal("PX030", "PX030");
    }

    [Fact]
    public void DeletedStatuses_D_F_AndDeletedComponentH_AreErrors_AndG_IsNotValid()
    {
        // No 2025 row has D, F, G or H (RVU25D: those codes no longer appear on the file); a hand-made table checks their meaning.
        var release = new TableRelease("PFS RVU", "fixture", "PPRRVU_fixture.csv", null, null, 5);
        var table = new FeeScheduleTable(
            [
                (ProcedureCode.Parse("99201"), default, Entry('D')),
                (ProcedureCode.Parse("99212"), default, Entry('F')),
                (ProcedureCode.Parse("99211"), default, Entry('G')),
                (ProcedureCode.Parse("71046"), default, Entry('A') with { PcTc = 1 }),
                (ProcedureCode.Parse("71046"), ModifierCode.Parse("TC"), Entry('H') with { PcTc = 1 }),
            ],
            release);
        var scrubber = ClaimScrubber.Scrubber.Create(IndexOf(table), ScrubberOptions.Default with { AsOfDate = Today });

        var result = scrubber.Scrub(Professional(null, Line("99201"), Line("99212", date: "2026-03-03"), Line("99211", date: "2026-03-04"), Line("71046").WithModifiers("TC"), Line("71046").WithModifiers("26")));
        result.Findings.Select(f => (f.RuleId, f.Line)).Should().Equal(("PX025", 1), ("PX025", 2), ("PX020", 3), ("PX025", 4));
        result.Findings[3].Message.Should().Be("71046 has fee schedule status H: this component (26/TC) of the code is deleted.");
    }

    private static FeeScheduleEntry Entry(char status) =>
        new(status, 0, GlobalPeriod.NotApplicable, 0, 0, 0, 0, 0, false, false, false, default, ProcedureClass.None);
}
