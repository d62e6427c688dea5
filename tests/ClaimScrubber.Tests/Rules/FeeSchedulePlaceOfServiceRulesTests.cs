using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Rules.FeeScheduleFixture;
using static ClaimScrubber.Tests.Support.TestClaims;

namespace ClaimScrubber.Tests.Rules;

/// <summary>NA indicators ("rarely or never performed in the [non-]facility setting") against the POS table's facility flag.</summary>
public class FeeSchedulePlaceOfServiceRulesTests
{
    [Fact]
    public void NonFacilityNa_BilledInTheOffice_IsNotPriced()
    {
        // 27447: non-facility NA; POS 11 (office) is a non-facility place. The claim-level POS applies.
        var finding = Scrub(Line("27447")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Element).Should().Be(("POS010", Severity.Warning, "placeOfService"));
        finding.Codes.Should().Equal("27447", "11");
        finding.Message.Should().Be("27447 is not priced in a non-facility setting (non-facility NA: rarely or never performed outside a facility), but place of service 11 is a non-facility one.");
        (finding.Carc, finding.Rarc).Should().Be(("58", "M77"));
    }

    [Fact]
    public void NonFacilityNa_BilledInAHospital_IsPriced() => Scrub(Line("27447").At("21")).Findings.Should().BeEmpty();

    [Fact]
    public void FacilityNa_BilledInAHospital_IsNotPriced_OnTheLinePlace()
    {
        // 93000 (global ECG): facility NA; POS 22 is a facility place.
        var finding = Scrub(Line("93000").At("22")).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("POS011", "lines[1].placeOfService"));
    }

    [Fact]
    public void ComponentRows_HaveTheirOwnNaIndicators()
    {
        // 71046 global and 71046-TC are facility NA; 71046-26 is not: the professional reading is priced in a hospital.
        Scrub(Line("71046").At("22")).Ids().Should().Equal("POS011");
        Scrub(Line("71046").At("22").WithModifiers("TC")).Ids().Should().Equal("POS011");
        Scrub(Line("71046").At("22").WithModifiers("26")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void FacilityNa_SuggestsThe26Component_OnlyForACodeWithAPcTcSplit()
    {
        // Audit (issue 12): POS011 suggested 26 for codes that have no professional component. 71046 has PC/TC 1
        // (professional and technical components); 97110 (PC/TC 7) and G0439 (PC/TC 0) have none.
        Scrub(Line("71046").At("22")).Findings.Single().FixHint.Should().Be("Check the place of service, or bill the professional component (26) when the facility furnishes the technical part.");
        const string NoSplit = "Check the place of service: if the service was not done in a facility, bill the place where it was done.";
        Scrub(Line("97110").At("19")).Findings.First(f => f.RuleId == "POS011").FixHint.Should().Be(NoSplit);
        Scrub(Line("G0439").At("22")).Findings.Single(f => f.RuleId == "POS011").FixHint.Should().Be(NoSplit);
    }

    [Fact]
    public void UnassignedPlace_IsLeftToThePlaceOfServiceValidityRule() =>
        Scrub(Line("27447").At("28")).Ids().Should().NotContain(id => id.StartsWith("POS01", StringComparison.Ordinal));

    [Fact]
    public void IncidentToCode_ForAHospitalPatient_IsNotPaid()
    {
        // 90471: PC/TC 5, "Payment may not be made ... when they are provided to hospital inpatients or patients in a hospital outpatient department".
        var result = Scrub(Line("90471").At("21"));
        result.Ids().Should().Equal("POS011", "POS013");
        result.Findings[1].Message.Should().Be("90471 is an incident-to service (PC/TC 5), which the fee schedule does not pay for hospital patients (place of service 21).");
        Scrub(Line("90471")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void IndependentTherapistCode_ForAHospitalOutpatient_IsNotPaid() =>

        // 97110: PC/TC 7, "Payment may not be made if the service is provided to either a patient in a hospital outpatient department or to an inpatient".
        Scrub(Line("97110").At("19")).Ids().Should().Equal("POS011", "POS013");

    [Fact]
    public void LinePlaceDifferingFromTheClaims_IsReportedOnlyWhenThePayerAsks()
    {
        var claim = Professional(null, Line("99213").At("12"));
        Scrubber().Scrub(claim).Findings.Should().BeEmpty();
        var finding = Scrubber(ScrubberOptions.Default with { RequireSinglePlaceOfService = true }).Scrub(claim).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("POS012", "lines[1].placeOfService"));
        finding.Codes.Should().Equal("12", "11");
    }

    [Fact]
    public void CleanClaim_AllocatesNothing_InTheFeeScheduleRules()
    {
        var scrubber = Scrubber(ScrubberOptions.Default with { RequireSinglePlaceOfService = true });
        var office = Professional(null,
            Line("99214").WithModifiers("25", "57"), Line("20610").WithModifiers("RT"), Line("71046").WithModifiers("26"), Line("27447").WithModifiers("LT"),
            Line("17000"), Line("17003"), Line("45378").WithModifiers("53"), Line("27447", date: "2026-03-03").WithModifiers("50", "78"), Line("80053").WithModifiers("91"));

        // In an inpatient hospital (POS 21, facility) none of these codes is facility NA.
        var claim = new Claim
        {
            ClaimId = office.ClaimId, Setting = office.Setting, Patient = office.Patient, BillingNpi = office.BillingNpi, RenderingNpi = office.RenderingNpi,
            PlaceOfService = PlaceOfServiceCode.Parse("21"), FrequencyCode = office.FrequencyCode, Diagnoses = office.Diagnoses, Lines = [.. office.Lines.Select(l => l.At("21"))],
        };
        scrubber.Scrub(claim).Ids().Should().Equal("PX026");

        var rules = new IClaimRule[]
        {
            new ClaimScrubber.Rules.Modifiers.FeeScheduleModifierRules(Fees),
            new ClaimScrubber.Rules.Modifiers.GlobalSurgeryRules(Fees),
            new ClaimScrubber.Rules.Procedures.FeeScheduleStatusRules(Fees),
            new ClaimScrubber.Rules.PlaceOfService.FeeSchedulePlaceOfServiceRules(Fees, p => p.Value is 11 or 12 ? false : true),
            new ClaimScrubber.Rules.PlaceOfService.SinglePlaceOfServiceRule(),
        };
        var context = new ScrubContext();
        context.Begin(scrubber, claim, Today);

        // The lab line's informational PX026 is the one finding: disable it to measure the clean path.
        scrubber = Scrubber(ScrubberOptions.Default with { RequireSinglePlaceOfService = true, DisabledRules = ["PX026"] });
        context.Complete();
        context.Begin(scrubber, claim, Today);
        foreach (var rule in rules)
        {
            rule.Evaluate(context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var rule in rules)
            {
                rule.Evaluate(context);
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        context.FindingCount.Should().Be(0);
    }
}
