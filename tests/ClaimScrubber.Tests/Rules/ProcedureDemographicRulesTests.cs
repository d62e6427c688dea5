using ClaimScrubber.CodeSets;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

public class ProcedureDemographicRulesTests
{
    private static readonly TableRelease Release = new("HCPCS", "test", "fake", null, null, 2);

    private static Scrubber Over(ScrubberOptions? options = null) =>
        Scrubber.Create(DiagnosisSequencingRulesTests.IndexWith(new FakeDemographics()), (options ?? ScrubberOptions.Default) with { AsOfDate = TestClaims.Today });

    private static ClaimScrubber.ScrubResult Scrub(Scrubber scrubber, string procedure, params string[] modifiers) =>
        scrubber.Scrub(TestClaims.Professional(["Z12.5"], TestClaims.Line(procedure).WithModifiers(modifiers)));

    [Fact]
    public void MaleOnlyProcedureForAFemalePatient_ConflictsWithSex()
    {
        var finding = Scrub(Over(), "G0102").Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Source, finding.Carc).Should().Be(("PX040", "lines[1].procedureCode", Release, "7"));
        finding.Message.Should().Be("G0102 is defined for male patients only (prostate cancer screening), and the patient's recorded sex is not that one.");
    }

    [Fact]
    public void Kx_LiftsTheSexEdit_UnlessThePayerIgnoresIt()
    {
        Scrub(Over(), "G0102", "KX").Findings.Should().BeEmpty();
        Scrub(Over(ScrubberOptions.Default with { ProcedureSexEditHonorsKx = false }), "G0102", "KX").Ids().Should().Equal("PX040");
    }

    [Fact]
    public void ExemptCode_IsNotEdited() =>
        Scrub(Over(ScrubberOptions.Default with { ProcedureDemographicExemptions = ["G0102"] }), "G0102").Findings.Should().BeEmpty();

    [Fact]
    public void NewbornProcedureForAnAdult_ConflictsWithAge()
    {
        var finding = Scrub(Over(), "99460").Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("PX041");
        finding.Message.Should().Be("99460 is defined for patients aged under 1 (newborn care), and the patient's age on the date of service is outside that range.");
    }

    [Fact]
    public void UnknownSexOrUnlistedCode_IsNotEdited()
    {
        var claim = TestClaims.Professional(["Z12.5"], TestClaims.Line("G0102"));
        var unknown = new Claim
        {
            ClaimId = claim.ClaimId, Setting = claim.Setting, Patient = new Patient { BirthDate = claim.Patient.BirthDate, Sex = Sex.Unknown },
            BillingNpi = claim.BillingNpi, RenderingNpi = claim.RenderingNpi, PlaceOfService = claim.PlaceOfService, FrequencyCode = "1",
            Diagnoses = claim.Diagnoses, Lines = claim.Lines,
        };
        Over().Scrub(unknown).Findings.Should().BeEmpty();
        Scrub(Over(), "99213").Findings.Should().BeEmpty();
    }

    [CmsFact]
    public void HcpcsDescriptors_DriveTheEditsOnTheFullFile()
    {
        var index = ClaimScrubber.CodeSets.Loading.CmsFolderLoader.Load(Path.Combine(CmsData.RequireFolder(), "hcpcs")).Index;
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });
        var finding = Scrub(scrubber, "G0102").Findings.Single(f => f.RuleId.StartsWith("PX04", StringComparison.Ordinal));
        finding.RuleId.Should().Be("PX040");
        finding.Message.Should().Be("G0102 is defined for male patients only (prostate cancer screening), and the patient's recorded sex is not that one.");
        finding.Source!.SourceFile.Should().Be("HCPC2025_OCT_ANWEB.csv");
        Scrub(scrubber, "G0102", "KX").Ids().Should().NotContain("PX040");
        Scrub(scrubber, "G0101").Ids().Should().NotContain("PX040");
        Scrub(scrubber, "S3620").Ids().Should().Contain("PX041");
    }

    private sealed class FakeDemographics : IProcedureDemographicSource
    {
        public TableRelease DemographicRelease => Release;

        public bool TryGetDemographics(ProcedureCode code, DateOnly date, out ProcedureDemographics demographics)
        {
            demographics = code.ToString() switch
            {
                "G0102" => new ProcedureDemographics(Sex.Male, null, null, "prostate cancer screening"),
                "99460" => new ProcedureDemographics(Sex.Unknown, null, 0, "newborn care"),
                _ => default,
            };
            return demographics.Reason is not null;
        }
    }
}
