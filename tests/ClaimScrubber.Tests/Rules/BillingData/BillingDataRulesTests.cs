using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Support.ProfessionalBills;

namespace ClaimScrubber.Tests.Rules.BillingData;

/// <summary>The billing data warnings (ordering provider, CLIA, original claim reference, opt-in NDC) on hand-made 837-shaped claims.</summary>
public class BillingDataRulesTests
{
    private static readonly Scrubber Default = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    private static readonly Scrubber WithNdc = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today, EnabledRules = ["BIL004"] });

    [Theory]
    [InlineData("80053")] // comprehensive metabolic panel
    [InlineData("71046")] // chest X-ray
    [InlineData("E0601")] // CPAP device
    [InlineData("L3908")] // wrist orthosis
    [InlineData("A4253")] // blood glucose test strips
    public void OrderedService_WithoutOrderingOrReferringProvider_IsAWarning(string code)
    {
        var finding = Findings(Default, Professional([Line(code)], clia: "05D0123456")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Element, finding.Rarc).Should().Be(("BIL001", Severity.Warning, "lines[1].orderingNpi", "N265"));
    }

    [Fact]
    public void OrderedService_WithOrderingOrReferringProvider_IsClean()
    {
        Findings(Default, Professional([Line("71046", ordering: "1245319599")])).Should().BeEmpty();
        Findings(Default, Professional([Line("71046")], referring: "1245319599")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("99213")] // office visit
    [InlineData("36415")] // venipuncture is not a laboratory test
    [InlineData("A0425")] // ambulance mileage is not DMEPOS
    public void OtherServices_NeedNoOrderingProvider(string code) =>
        Findings(Default, Professional([Line(code)])).Should().BeEmpty();

    [Theory]
    [InlineData(null, "The claim bills clinical laboratory tests without the laboratory's CLIA certificate number.")]
    [InlineData("05-0123456", "The CLIA number '05-0123456' is not two digits, D and seven digits.")]
    [InlineData("05D012345", "The CLIA number '05D012345' is not two digits, D and seven digits.")]
    public void LaboratoryClaim_WithoutAWellFormedClia_IsAWarning(string? clia, string message)
    {
        var finding = Findings(Default, Professional([Line("99213"), Line("85025", ordering: "1245319599")], clia: clia)).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element, finding.Message, finding.Rarc).Should().Be(("BIL002", 2, "cliaNumber", message, "MA120"));
    }

    [Fact]
    public void LaboratoryClaim_WithClia_IsClean() =>
        Findings(Default, Professional([Line("85025", ordering: "1245319599")], clia: "05d0123456")).Should().BeEmpty();

    [Theory]
    [InlineData("7", null, "The claim is a replacement (frequency 7) but does not give the payer's control number of the claim it replaces.")]
    [InlineData("8", " ", "The claim is a void (frequency 8) but does not give the payer's control number of the claim it voids.")]
    public void ReplacementOrVoid_WithoutThePayerClaimControlNumber_IsAWarning(string frequency, string? control, string message)
    {
        Findings(Default, Professional([Line("99213")], frequency: frequency, control: control)).Should().ContainSingle()
            .Which.Should().Match<Finding>(f => f.RuleId == "BIL003" && f.Element == "payerClaimControlNumber" && f.Message == message);
        Findings(Default, InstitutionalClaims.Outpatient(frequency: frequency)).Should().ContainSingle().Which.RuleId.Should().Be("BIL003");
    }

    [Fact]
    public void Replacement_WithThePayerClaimControlNumber_IsClean() =>
        Findings(Default, Professional([Line("99213")], frequency: "7", control: "22123456789012")).Should().BeEmpty();

    [Fact]
    public void DrugNdc_IsOptIn()
    {
        Findings(Default, Professional([Line("J1100")])).Should().BeEmpty("Medicare does not require the NDC");
        Findings(WithNdc, Professional([Line("J1100")])).Should().ContainSingle()
            .Which.Should().Match<Finding>(f => f.RuleId == "BIL004" && f.Message == "Drug line J1100 carries no National Drug Code." && f.Rarc == "M119");
    }

    [Fact]
    public void DrugNdc_WithoutQuantityOrUnit_IsIncomplete()
    {
        var drug = new DrugIdentification { Ndc = NationalDrugCode.Parse("00641-0367-21") };
        Findings(WithNdc, Professional([Line("J1100", drug: drug)])).Should().ContainSingle()
            .Which.Message.Should().Be("Drug line J1100 carries NDC 00641036721 without its quantity and unit.");
        var complete = new DrugIdentification { Ndc = NationalDrugCode.Parse("00641-0367-21"), Quantity = 1m, Unit = DrugUnit.Milliliter };
        Findings(WithNdc, Professional([Line("J1100", drug: complete)])).Should().BeEmpty();
    }

    [Fact]
    public void DrugNdc_InstitutionalRevenueCode0636_IsADrugLine() =>
        Findings(WithNdc, InstitutionalClaims.Outpatient([InstitutionalClaims.Line("0636", "J9035")])).Select(f => f.RuleId).Should().Equal("BIL004");

    [Fact]
    public void ClaimsWithoutThe837PayerLoops_AreNotJudged()
    {
        // The JSON contract's first shape has no place for ordering providers, CLIA or the payer claim control number.
        var thin = TestClaims.Professional(null, TestClaims.Line("80053"), TestClaims.Line("71046"));
        Findings(Default, thin).Should().BeEmpty();
    }

    [Fact]
    public void CleanLaboratoryClaim_AllocatesNothing()
    {
        var claim = Professional([Line("85025", ordering: "1245319599"), Line("80053", ordering: "1245319599")], clia: "05D0123456");
        Default.Scrub(claim).Findings.Should().BeEmpty();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Default.Scrub(claim);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static Finding[] Findings(Scrubber scrubber, Claim claim) => [.. scrubber.Scrub(claim).Findings.Where(f => f.Family == RuleFamily.BillingData)];
}
