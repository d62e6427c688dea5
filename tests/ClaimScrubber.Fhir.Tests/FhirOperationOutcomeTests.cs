using ClaimScrubber.Tests.Support;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ClaimScrubber.Fhir.Tests;

public class FhirOperationOutcomeTests
{
    private static readonly Lazy<Scrubber> SampleScrubber = new(() =>
        Scrubber.Create(CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms")), ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 6, 30) }));

    [Fact]
    public void Findings_BecomeIssues_WithRuleCarcRarcMessageFixHintAndFhirPath()
    {
        var json = FhirClaimReaderTests.Fixture("professional-bundle.json").Replace("\"quantity\": { \"value\": 1 }", "\"quantity\": { \"value\": 0 }", StringComparison.Ordinal);
        var read = FhirClaimReader.ReadJson(json).Single();
        var result = read.Scrub(SampleScrubber.Value);
        var units = result.Findings.Single(f => f.RuleId == "CLM006");

        var outcome = FhirOperationOutcome.Create(result, "Bundle.entry[5].resource");

        outcome.Issue.Should().HaveCount(result.Findings.Length);
        var issue = outcome.Issue[result.Findings.IndexOf(units)];
        issue.Severity.Should().Be(OperationOutcome.IssueSeverity.Error);
        issue.Code.Should().Be(OperationOutcome.IssueType.BusinessRule);
        issue.Details!.Coding.Select(c => (c.System, c.Code)).Should().Equal(
            (FhirOperationOutcome.RuleSystem, "CLM006"), (FhirOperationOutcome.CarcSystem, units.Carc), (FhirOperationOutcome.RarcSystem, units.Rarc));
        issue.Details.Coding[0].Display.Should().Be(units.Rule.Title);
        issue.Details.Text.Should().Be(units.Message);
        issue.Diagnostics.Should().Be(units.FixHint);
        issue.Expression.Should().Equal("Bundle.entry[5].resource.item[0].quantity");
        issue.Location.Should().Equal("lines[1].units");

        // It is a valid FHIR resource.
        var text = new FhirJsonSerializer().SerializeToString(outcome);
        new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(text).Should().BeOfType<OperationOutcome>();
    }

    [Fact]
    public void UnreadableClaim_GivesStructureIssues_AtTheReadersFhirPaths()
    {
        var json = FhirClaimReaderTests.Fixture("institutional-claim.json").Replace("\"02703ZZ\"", "\"0270\"", StringComparison.Ordinal);
        var result = FhirClaimReader.ReadJson(json).Single().Scrub(SampleScrubber.Value);

        var issue = FhirOperationOutcome.Create(result).Issue.Should().ContainSingle().Subject;

        issue.Code.Should().Be(OperationOutcome.IssueType.Structure);
        issue.Details!.Coding[0].Code.Should().Be("CLM001");
        issue.Expression.Should().Equal("Claim.procedure[0].procedureCodeableConcept");
    }

    [Fact]
    public void CleanClaim_GivesOneInformationIssue()
    {
        var outcome = FhirOperationOutcome.Create(new ScrubResult("C1", []));

        var issue = outcome.Issue.Should().ContainSingle().Subject;
        issue.Severity.Should().Be(OperationOutcome.IssueSeverity.Information);
        issue.Diagnostics.Should().Be("Claim C1: no finding.");
    }

    [Theory]
    [InlineData("lines[2].modifiers[1]", "Claim.item[1].modifier[0]")]
    [InlineData("lines[1].diagnosisPointers[3]", "Claim.item[0].diagnosisSequence[2]")]
    [InlineData("lines[3].procedureCode", "Claim.item[2].productOrService")]
    [InlineData("lines[1]", "Claim.item[0]")]
    [InlineData("diagnoses[2]", "Claim.diagnosis")]
    [InlineData("billingNpi", "Claim.provider")]
    [InlineData("patient.birthDate", "Claim.patient.resolve().birthDate")]
    [InlineData("Claim.item[0].modifier[1]", "Claim.item[0].modifier[1]")]
    [InlineData("coverage.memberId", null)]
    public void ModelElement_MapsToTheClaimsFhirPath(string element, string? expression) =>
        FhirOperationOutcome.ExpressionOf(element, "Claim").Should().Be(expression);
}
