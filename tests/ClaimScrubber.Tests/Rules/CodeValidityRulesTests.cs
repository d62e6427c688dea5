using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

public class CodeValidityRulesTests
{
    private static readonly ScrubberOptions Options = ScrubberOptions.Default with { AsOfDate = TestClaims.Today };
    private static readonly Scrubber Scrubber = Scrubber.Create(CodeValidityIndex.Create(), Options);

    private static System.Collections.Immutable.ImmutableArray<Finding> Scrub(params ServiceLine[] lines) => Scrubber.Scrub(TestClaims.Professional(null, lines)).Findings;

    [Fact]
    public void CleanClaim_HasNoFinding_AndAllocatesNothing()
    {
        var claim = TestClaims.Professional(null,
            TestClaims.Line("99214").WithModifiers("25"),
            TestClaims.Line("G0439"),
            TestClaims.Line("J3490").WithModifiers("LT", "XS", "59", "76"),
            TestClaims.Line("0001A", "2025-06-30"),
            TestClaims.Line("C9300", "2025-06-30"));
        Scrubber.Scrub(claim).Findings.Should().BeEmpty();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Scrubber.Scrub(claim);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void UnknownProcedure_IsReportedForCptAndLevelTwoCodes()
    {
        var findings = Scrub(TestClaims.Line("99999"), TestClaims.Line("G0000"));
        findings.Select(f => (f.RuleId, f.Line, f.Element, f.Message)).Should().Equal(
            ("PX001", 1, "lines[1].procedureCode", "Procedure code 99999 is not known to any loaded code table."),
            ("PX001", 2, "lines[2].procedureCode", "Procedure code G0000 is not a HCPCS Level II code: the HCPCS file does not list it, even as terminated."));
        findings.Should().OnlyContain(f => f.Carc == "181" && f.Rarc == "M51" && f.Severity == Severity.Error);
        findings[0].Source.Should().BeNull();
        findings[1].Source.Should().Be(CodeValidityIndex.HcpcsRelease);
        findings[1].Codes.Should().Equal("G0000");
    }

    [Fact]
    public void UnknownCptCode_IsNotJudged_WhenNoTableListsCptCodes()
    {
        var scrubber = Scrubber.Create(CodeValidityIndex.Create(cptCodes: false), Options);
        scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line("99999"), TestClaims.Line("G0000"))).Ids().Should().Equal("PX001");
    }

    [Theory]
    [InlineData("2025-06-30", false)] // the termination date is the last valid day
    [InlineData("2025-07-01", true)]
    public void TerminatedProcedure_IsInvalidFromTheDayAfterItsTerminationDate(string date, bool reported)
    {
        var findings = Scrub(TestClaims.Line("C9300", date));
        if (!reported)
        {
            findings.Should().BeEmpty();
            return;
        }

        var finding = findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Carc, finding.Rarc).Should().Be(("PX002", "lines[1].procedureCode", "181", "N56"));
        finding.Message.Should().Be("Procedure code C9300 was terminated: its last valid date was 2025-06-30, before the date of service.");
        finding.FixHint.Should().Be("Bill the code CMS cross-references it to (J9220) if it describes the service, or correct the date of service.");
        finding.Source.Should().Be(CodeValidityIndex.HcpcsRelease);
    }

    [Theory]
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)] // the add date is the first valid day
    public void NewProcedure_IsInvalidBeforeItsAddDate(string date, bool reported)
    {
        var findings = Scrub(TestClaims.Line("A2036", date));
        findings.Select(f => f.Message).Should().Equal(reported
            ? ["Procedure code A2036 takes effect on 2025-10-01, after the date of service."]
            : []);
    }

    [Fact]
    public void CodeMedicareDoesNotAccept_IsReported()
    {
        var finding = Scrub(TestClaims.Line("T1017")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Severity, finding.Carc, finding.Rarc).Should().Be(("PX003", "lines[1].procedureCode", Severity.Warning, "181", "N56"));
        finding.Message.Should().Be("Procedure code T1017 is not valid for Medicare (HCPCS coverage code I): Medicare uses another code for this service.");
        finding.Source.Should().Be(CodeValidityIndex.HcpcsRelease);
    }

    [Fact]
    public void StatutorilyExcludedService_NeedsGy()
    {
        var finding = Scrub(TestClaims.Line("V5249").WithModifiers("RT")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Disposition, finding.Carc, finding.Rarc).Should().Be(("PX004", Disposition.LineDenial, "96", "N425"));
        finding.Message.Should().Be("Procedure code V5249 is not covered by Medicare by statute (HCPCS coverage code S), and the line lacks modifier GY.");
        var intended = Scrub(TestClaims.Line("V5249").WithModifiers("GY", "RT")).Should().ContainSingle("with GY the denial is intended: PX033 at Info, no PX004").Subject;
        (intended.RuleId, intended.Severity, intended.Element).Should().Be(("PX033", Severity.Info, "lines[1].modifiers"));
        intended.Message.Should().Be("V5249 carries GY and Medicare denies it (HCPCS coverage code S, not covered by statute): the denial is intended, with the patient (or a secondary payer) liable.");
    }

    [Fact]
    public void TerminatedCode_IsNotAlsoJudgedForCoverage()
    {
        Scrub(TestClaims.Line("C9300", "2025-07-01")).Select(f => f.RuleId).Should().Equal("PX002");
    }

    [Fact]
    public void UnknownModifier_IsReportedWithItsPosition()
    {
        var finding = Scrub(TestClaims.Line("99213").WithModifiers("25", "ZZ")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Carc, finding.Rarc).Should().Be(("MOD001", "lines[1].modifiers[2]", "182", "M78"));
        finding.Message.Should().Be("Modifier ZZ is not a CPT or HCPCS Level II modifier.");
        finding.Codes.Should().Equal("99213", "ZZ");
        finding.Source.Should().Be(CodeValidityIndex.ListRelease);
    }

    [Fact]
    public void UnknownModifier_IsNotJudged_WithoutTheCptModifierList()
    {
        var scrubber = Scrubber.Create(CodeValidityIndex.Create(modifierList: false), Options);
        scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line("99213").WithModifiers("25", "ZZ"))).Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    public void TerminatedModifier_IsInvalidFromTheDayAfterItsTerminationDate(string date, bool reported)
    {
        var findings = Scrub(TestClaims.Line("J3490", date).WithModifiers("JG"));
        findings.Select(f => (f.RuleId, f.Element, f.Message)).Should().Equal(reported
            ? [("MOD002", "lines[1].modifiers[1]", "Modifier JG was terminated: its last valid date was 2024-12-31, before the date of service.")]
            : []);
        findings.Where(f => f.Source != CodeValidityIndex.ModifierRelease).Should().BeEmpty();
    }

    [Fact]
    public void SameModifierTwice_IsReportedOnceAtTheRepeat()
    {
        var finding = Scrub(TestClaims.Line("99213").WithModifiers("25", "59", "25")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Severity, finding.Carc, finding.Rarc).Should().Be(("MOD003", "lines[1].modifiers[3]", Severity.Warning, "4", "N519"));
        finding.Message.Should().Be("Modifier 25 appears more than once on the line.");
    }

    [Fact]
    public void FiveModifiers_AreTooMany_FourAreNot()
    {
        Scrub(TestClaims.Line("J3490").WithModifiers("LT", "XS", "59", "76")).Should().BeEmpty();
        var finding = Scrub(TestClaims.Line("J3490").WithModifiers("LT", "XS", "59", "76", "GA")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Disposition).Should().Be(("MOD004", "lines[1].modifiers[5]", Disposition.ClaimRejection));
        finding.Message.Should().Be("The line carries 5 modifiers; the claim form has room for 4. The claim was not scrubbed further.");
        finding.Codes.Should().Equal("LT", "XS", "59", "76", "GA");
    }

    [Fact]
    public void DuplicateAndTooManyModifiers_AreCheckedWithoutAnyTable()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options);
        var line = TestClaims.Line("99213").WithModifiers("ZZ", "ZZ", "59", "76", "GA");
        // Five modifiers are beyond the claim's limits: the claim is reported and not scrubbed further, so MOD003 waits.
        scrubber.Scrub(TestClaims.Professional(null, line)).Ids().Should().Equal("MOD004");
        scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line("99213").WithModifiers("ZZ", "ZZ", "59", "76"))).Ids().Should().Equal("MOD003");
    }

    [Fact]
    public void PlaceOfService_UnassignedOrUnlisted_IsReportedAtClaimAndLine()
    {
        var line = new ServiceLine
        {
            ProcedureCode = ProcedureCode.Parse("99213"),
            ServiceDate = new DateOnly(2026, 3, 2),
            PlaceOfService = PlaceOfServiceCode.Parse("77"),
            Charge = 100m,
            DiagnosisPointers = [1],
        };
        var claim = TestClaims.Professional(null, TestClaims.Line(), line);
        var unassigned = new Claim
        {
            ClaimId = claim.ClaimId,
            Patient = claim.Patient,
            BillingNpi = claim.BillingNpi,
            RenderingNpi = claim.RenderingNpi,
            FrequencyCode = claim.FrequencyCode,
            Diagnoses = claim.Diagnoses,
            Lines = claim.Lines,
            PlaceOfService = PlaceOfServiceCode.Parse("30"),
        };
        var findings = Scrubber.Scrub(unassigned).Findings;
        findings.Select(f => (f.RuleId, f.Line, f.Element, f.Message)).Should().Equal(
            ("POS001", (int?)null, "placeOfService", "Place of service 30 is not assigned: CMS lists it as unassigned."),
            ("POS001", 2, "lines[2].placeOfService", "Place of service 77 is not in CMS's place-of-service list."));
        findings.Should().OnlyContain(f => f.Carc == "16" && f.Rarc == "M77" && f.Source == CodeValidityIndex.PosRelease);
    }

    [Fact]
    public void DisabledRule_IsNotReported()
    {
        var scrubber = Scrubber.Create(CodeValidityIndex.Create(), Options with { DisabledRules = ["PX001"] });
        scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line("99999"))).Findings.Should().BeEmpty();
    }
}
