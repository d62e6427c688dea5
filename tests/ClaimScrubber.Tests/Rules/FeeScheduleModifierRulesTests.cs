using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Rules.FeeScheduleFixture;
using static ClaimScrubber.Tests.Support.TestClaims;

namespace ClaimScrubber.Tests.Rules;

/// <summary>
/// Each expectation is the meaning RVU25D gives the indicator of the code used (values read from the CMS RVU file,
/// October 2025), quoted in the test name or comment. Surgery that the file marks non-facility NA is billed at an
/// outpatient hospital (POS 22) so that only the rule under test speaks.
/// </summary>
public class FeeScheduleModifierRulesTests
{
    // --- PC/TC indicator -----------------------------------------------------------------------------------------

    [Fact]
    public void Mod26_OnPcTc0PhysicianService_CannotBeUsed()
    {
        // 99213: PC/TC 0, "Modifiers 26 and TC cannot be used with these codes".
        var finding = Scrub(Line("99213").WithModifiers("26")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Line, finding.Element).Should().Be(("MOD010", Severity.Error, 1, "lines[1].modifiers[1]"));
        finding.Codes.Should().Equal("99213", "26");
        finding.Message.Should().Be("Modifier 26 is not allowed on 99213: its PC/TC indicator is 0 (physician service; cannot be split into components).");
        finding.Source!.Table.Should().Be("PFS RVU");
        (finding.Carc, finding.Rarc).Should().Be(("4", "N519"));
    }

    [Theory]
    [InlineData("93010", "TC")] // PC/TC 2, professional component only: "Modifiers 26 and TC cannot be used"
    [InlineData("93005", "26")] // PC/TC 3, technical component only: "Modifiers 26 and TC cannot be used"
    [InlineData("93000", "26")] // PC/TC 4, global test only: "Modifiers 26 and TC cannot be used"
    [InlineData("90471", "TC")] // PC/TC 5, incident to: "Modifiers 26 and TC cannot be used"
    [InlineData("97110", "26")] // PC/TC 7, physical therapy: not a diagnostic test with components
    [InlineData("85060", "TC")] // PC/TC 8, "No TC billing is recognized"
    [InlineData("83020", "TC")] // 26 row has PC/TC 6: "Modifier TC cannot be used with these codes"
    public void ComponentModifier_WhereTheIndicatorForbidsIt_IsReported(string code, string modifier) =>
        Scrub(Line(code).WithModifiers(modifier)).Ids().Should().Contain("MOD010");

    [Theory]
    [InlineData("71046", "26")] // PC/TC 1: "Modifiers 26 and TC can be used with these codes"
    [InlineData("71046", "TC")]
    [InlineData("83020", "26")] // PC/TC 6 on the priced 26 row: laboratory physician interpretation
    public void ComponentModifier_WhereTheIndicatorAllowsIt_IsClean(string code, string modifier) =>
        Scrub(Line(code).WithModifiers(modifier)).Ids().Should().NotContain("MOD010");

    [Fact]
    public void Mod26AndTc_OnOneLine_IsTheGlobalService()
    {
        var finding = Scrub(Line("71046").WithModifiers("26", "TC")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("MOD011", "lines[1].modifiers"));
        finding.Codes.Should().Equal("71046", "26", "TC");
    }

    [Fact]
    public void GlobalAndItsComponent_SameDate_AreReportedOnTheComponent()
    {
        var finding = Scrub(Line("71046"), Line("71046").WithModifiers("TC")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line).Should().Be(("MOD012", 2));
        finding.Message.Should().Be("71046-TC is billed on the same date as the global 71046 (line 1), which already includes it.");
    }

    [Fact]
    public void GlobalAndItsComponent_OnDifferentDates_AreClean() =>
        Scrub(Line("71046"), Line("71046", date: "2026-03-03").WithModifiers("26")).Findings.Should().BeEmpty();

    // --- Bilateral indicator -------------------------------------------------------------------------------------

    [Fact]
    public void Mod50_OnBilateral0_AdjustmentInappropriate()
    {
        // 10060: bilateral 0, "The bilateral adjustment is inappropriate for codes in this category".
        var finding = Scrub(Line("10060").WithModifiers("50")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Element).Should().Be(("MOD013", Severity.Error, "lines[1].modifiers[1]"));
        finding.Message.Should().Be("Modifier 50 is on 10060, whose bilateral indicator is 0: the bilateral adjustment is inappropriate for it (anatomy, or a separate bilateral code exists).");
    }

    [Fact]
    public void Mod50_OnBilateral9_ConceptDoesNotApply() =>

        // 80053: bilateral 9 "Concept does not apply" (and status X, informational).
        Scrub(Line("80053").WithModifiers("50")).Ids().Should().Equal("PX026", "MOD013");

    [Fact]
    public void Mod50_OnBilateral2_IsAlreadyBilateral()
    {
        // 69210: bilateral 2, "RVUs are already based on the procedure being performed as a bilateral procedure".
        var finding = Scrub(Line("69210").WithModifiers("50")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity).Should().Be(("MOD014", Severity.Warning));
    }

    [Theory]
    [InlineData("27447", "22")] // bilateral 1: 150% adjustment applies when billed with 50 (non-facility NA: billed in a hospital)
    [InlineData("73560", "11")] // bilateral 3: each side paid at 100% when billed with 50 (facility NA: billed in the office)
    public void Mod50_WhereBilateralPaymentApplies_IsClean(string code, string place) =>
        Scrub(Line(code).At(place).WithModifiers("50")).Findings.Should().BeEmpty();

    [Fact]
    public void Mod50_WithASide_IsContradictory() =>
        Scrub(Line("27447").At("22").WithModifiers("50", "LT")).Findings.Should().ContainSingle().Which.Message.Should().Be("27447 carries 50 and LT; bilateral already means both sides.");

    [Fact]
    public void LeftAndRight_OnOneLine_IsReported() =>
        Scrub(Line("27447").At("22").WithModifiers("LT", "RT")).Ids().Should().Equal("MOD016");

    [Fact]
    public void Mod50_WithTwoUnits_IsReportedOnTheUnits()
    {
        var finding = Scrub(Line("27447", units: 2).At("22").WithModifiers("50")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Rarc).Should().Be(("MOD017", "lines[1].units", "M53"));
    }

    [Fact]
    public void LeftAndRightLines_OnBilateral1_AskFor50()
    {
        // 27447: bilateral 1, billed "with RT and LT modifiers" is paid as a bilateral procedure; Medicare wants 50.
        var finding = Scrub(Line("27447").At("22").WithModifiers("LT"), Line("27447").At("22").WithModifiers("RT")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Line).Should().Be(("MOD018", Severity.Warning, 2));
        finding.Message.Should().Be("27447 is billed LT (line 1) and RT (line 2) on the same date; its bilateral indicator is 1, which Medicare bills as one line with 50.");
    }

    [Fact]
    public void LeftAndRightLines_WhenThePayerWantsThem_AreClean() =>
        Scrubber(ScrubberOptions.Default with { ReportSidesInsteadOfBilateral = false })
            .Scrub(Professional(null, Line("27447").At("22").WithModifiers("RT"), Line("27447").At("22").WithModifiers("LT"))).Findings.Should().BeEmpty();

    [Fact]
    public void LeftAndRightLines_OnBilateral2_AreNotAskedFor50() =>
        Scrub(Line("69210").WithModifiers("LT"), Line("69210").WithModifiers("RT")).Findings.Should().BeEmpty();

    // --- Surgical team indicators --------------------------------------------------------------------------------

    [Fact]
    public void AssistantModifier_OnAssistant1_MayNotBePaid()
    {
        // 20610: assistant 1, "Statutory payment restriction ... Assistant at surgery may not be paid".
        var finding = Scrub(Line("20610").WithModifiers("80")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Carc).Should().Be(("MOD019", Severity.Error, "54"));
        finding.Message.Should().Be("Modifier 80 is on 20610, whose assistant-at-surgery indicator is 1: it may not be paid.");
    }

    [Theory]
    [InlineData("AS")]
    [InlineData("81")]
    [InlineData("82")]
    public void EveryAssistantModifier_OnAssistant1_MayNotBePaid(string modifier) =>
        Scrub(Line("20610").WithModifiers(modifier)).Ids().Should().Equal("MOD019");

    [Fact]
    public void AssistantModifier_OnAssistant0_NeedsDocumentation()
    {
        // 29881: assistant 0, "applies ... unless supporting documentation is submitted to establish medical necessity".
        var finding = Scrub(Line("29881").At("22").WithModifiers("80")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity).Should().Be(("MOD020", Severity.Warning));
    }

    [Fact]
    public void AssistantModifier_OnAssistant2_MayBePaid() =>

        // 27447: assistant 2, "Assistant at surgery may be paid".
        Scrub(Line("27447").At("22").WithModifiers("80")).Findings.Should().BeEmpty();

    [Fact]
    public void AssistantModifier_OnAssistant9_ConceptDoesNotApply() =>
        Scrub(Line("36415").WithModifiers("80")).Ids().Should().Equal("PX026", "MOD019");

    [Fact]
    public void Mod62_OnCoSurgeon0_NotPermitted() =>

        // 29881: co-surgeons 0, "Co-surgeons not permitted for this procedure".
        Scrub(Line("29881").At("22").WithModifiers("62")).Ids().Should().Equal("MOD021");

    [Fact]
    public void Mod62_OnCoSurgeon1_NeedsDocumentation() =>

        // 27447: co-surgeons 1, "supporting documentation is required".
        Scrub(Line("27447").At("22").WithModifiers("62")).Findings.Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);

    [Fact]
    public void Mod62_OnCoSurgeon2_IsPermitted() =>

        // 22558: co-surgeons 2, "permitted and no documentation required".
        Scrub(Line("22558").At("22").WithModifiers("62")).Findings.Should().BeEmpty();

    [Fact]
    public void Mod66_OnTeam0_NotPermitted() =>
        Scrub(Line("27447").At("22").WithModifiers("66")).Ids().Should().Equal("MOD023");

    [Fact]
    public void Mod66_OnTeam1_NeedsDocumentation() =>

        // 15999: team 1, "supporting documentation required"; status C is informational on its own.
        Scrub(Line("15999").WithModifiers("66")).Ids().Should().Equal("PX027", "MOD024");

    [Fact]
    public void Mod66_OnTeam2_IsPermitted() =>
        Scrub(Line("22818").At("22").WithModifiers("66")).Findings.Should().BeEmpty();

    // --- Global surgery ------------------------------------------------------------------------------------------

    [Fact]
    public void Mod25_OnAProcedure_IsNotAnEm()
    {
        var finding = Scrub(Line("20610").WithModifiers("25")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("MOD025", "lines[1].modifiers[1]"));
        finding.Message.Should().Be("Modifier 25 applies only to an evaluation and management service (CPT 99202–99499); 20610 is not one.");
    }

    [Fact]
    public void Mod57_OnAProcedure_IsNotAnEm() =>
        Scrub(Line("27447").At("22").WithModifiers("57")).Ids().Should().Equal("MOD026");

    [Fact]
    public void Mod24_OnAnEm_IsClean_OnAProcedure_IsReported()
    {
        Scrub(Line("99213").WithModifiers("24")).Findings.Should().BeEmpty();
        Scrub(Line("20610").WithModifiers("24")).Ids().Should().Equal("MOD027");
    }

    [Fact]
    public void Mod79_OnXxxCode_GlobalConceptDoesNotApply()
    {
        // 71046: global XXX, "The global concept does not apply to the code"; 20610 has global 000.
        Scrub(Line("71046").WithModifiers("79")).Ids().Should().Equal("MOD028");
        Scrub(Line("20610").WithModifiers("79")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void EmOnTheDayOfAMinorProcedure_Without25_IsPartOfTheGlobalPackage()
    {
        // 20610: global 000, "evaluation and management services on the day of the procedure generally not payable".
        var finding = Scrub(Line("99213"), Line("20610")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Carc, finding.Rarc).Should().Be(("MOD029", 1, "97", "M144"));
        finding.Message.Should().Be("99213 is billed on the date of 20610 (line 2, global days 000) without modifier 25; the visit is part of the procedure's global package.");
        finding.FixHint.Should().StartWith("If the visit was significant");
    }

    [Fact]
    public void EmOnTheDayOfAMajorProcedure_Without57_SuggestsDecisionForSurgery() =>
        Scrub(Line("99203"), Line("27447").At("22")).Findings.Should().ContainSingle().Which.FixHint.Should().StartWith("If the visit was the decision for this major surgery, add 57");

    [Fact]
    public void EmWith25Or57_OrWithAnXxxService_OrOnAnotherDay_IsClean()
    {
        Scrub(Line("99213").WithModifiers("25"), Line("20610")).Findings.Should().BeEmpty();
        Scrub(Line("99203").WithModifiers("57"), Line("27447").At("22")).Findings.Should().BeEmpty();
        Scrub(Line("99213"), Line("93000")).Findings.Should().BeEmpty();
        Scrub(Line("99213"), Line("20610", date: "2026-03-05")).Findings.Should().BeEmpty();
    }

    // --- Conflicts -----------------------------------------------------------------------------------------------

    [Fact]
    public void Mod59_WithXs_OnOneLine()
    {
        var finding = Scrub(Line("20610").WithModifiers("59", "XS")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("MOD030", "lines[1].modifiers"));
        finding.Codes.Should().Equal("20610", "59", "XS");
    }

    [Fact]
    public void Mod91_OnANonLabCode_IsReported_OnALabTest_IsNot()
    {
        Scrub(Line("93000").WithModifiers("91")).Ids().Should().Equal("MOD031");
        Scrub(Line("80053").WithModifiers("91")).Ids().Should().Equal("PX026");
    }

    [Theory]
    [InlineData("LT", "F5")] // F5 right hand, thumb
    [InlineData("LT", "T9")] // T9 right foot, fifth digit
    [InlineData("RT", "FA")] // FA left hand, thumb
    [InlineData("RT", "E1")] // E1 upper left eyelid
    public void SideAndSite_OnOppositeSides_Contradict(string side, string site) =>
        Scrub(Line("11042").WithModifiers(side, site)).Ids().Should().Equal("MOD032");

    [Fact]
    public void SideAndSite_OnTheSameSide_AreClean() =>
        Scrub(Line("11042").WithModifiers("RT", "F5")).Findings.Should().BeEmpty();

    [Fact]
    public void Mod51_OnAnAddOn_IsReported() =>

        // 17003: global ZZZ, multiple-procedure indicator 0: add-ons are exempt from the reduction.
        Scrub(Line("17000"), Line("17003").WithModifiers("51")).Ids().Should().Equal("MOD033");

    [Fact]
    public void Mod53_WithoutA53Row_GoesToReview_WithOne_IsPriced()
    {
        // RVU25D: 53 rows exist only for 44388, 45378, G0105, G0121; other codes with 53 are priced by individual consideration.
        Scrub(Line("45378").WithModifiers("53")).Findings.Should().BeEmpty();
        Scrub(Line("29881").At("22").WithModifiers("53")).Ids().Should().Equal("MOD034");
    }

    [Fact]
    public void DisabledRule_ReportsNothing() =>
        Scrubber(ScrubberOptions.Default with { DisabledRules = ["MOD010"] }).Scrub(Professional(null, Line("99213").WithModifiers("26"))).Findings.Should().BeEmpty();
}
