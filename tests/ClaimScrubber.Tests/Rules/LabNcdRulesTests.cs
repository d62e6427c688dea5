using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>Lab NCD medical necessity on the repository's sample (real rows of NCDs 190.15, 190.21B, 190.22).</summary>
public class LabNcdRulesTests
{
    private static readonly Lazy<CodeSetIndex> Sample = new(() => CmsData.LoadSample("ncd").Index);

    private static readonly Lazy<CodeSetIndex> Full = new(() => CmsFolderLoader.Load(Path.Combine(CmsData.RequireFolder(), "ncd")).Index);

    private static Scrubber Over(CodeSetIndex index, ScrubberOptions? options = null) =>
        Scrubber.Create(index, (options ?? ScrubberOptions.Default) with { AsOfDate = TestClaims.Today });

    private static ScrubResult Scrub(string procedure, string[] diagnoses, params string[] modifiers) =>
        Over(Sample.Value).Scrub(TestClaims.Professional(diagnoses, TestClaims.Line(procedure, pointers: [.. Enumerable.Range(1, diagnoses.Length)]).WithModifiers(modifiers)));

    [Fact]
    public void CoveredDiagnosis_IsClean() =>
        Scrub("84443", ["E03.9"]).Findings.Should().BeEmpty();

    [Fact]
    public void OneCoveringDiagnosisAmongOthers_IsClean() =>
        Scrub("84443", ["J06.9", "Z00.00", "R53.83"]).Findings.Should().BeEmpty();

    [Fact]
    public void ProcedureUnderNoNcd_IsNotChecked() =>
        Scrub("80053", ["Z00.00"]).Findings.Should().BeEmpty();

    [Fact]
    public void NotMedicallyNecessary_NamesTheNcdAndTheAbnPath()
    {
        var finding = Scrub("84443", ["J06.9"]).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Disposition, finding.Line, finding.Element).Should().Be(
            ("LNK020", Severity.Error, Disposition.LineDenial, 1, "lines[1].diagnosisPointers"));
        finding.Codes.Should().Equal("84443", "J06.9");
        finding.Message.Should().Be("84443 falls under NCD 190.22 (Thyroid Testing) and no diagnosis it points to supports it: J06.9 does not support medical necessity. The line will deny as not medically necessary.");
        // Audit (issue 12): the hint starts with checking the record for a covered diagnosis, never with "Otherwise".
        finding.FixHint.Should().Be("Check the record for a diagnosis NCD 190.22 covers, and point the line to it if the record supports one. Otherwise, if the patient signed an ABN (CMS-R-131) before the test, append GA so the patient is liable; without one append GZ (the provider is liable).");
        (finding.Carc, finding.Rarc).Should().Be(("50", "N386"));
        finding.Source!.ToString().Should().Be("Lab NCD 2026100 (January 2026) (2026100-Initial-ICD10-NCD-Spreadsheet-20250721.csv)");
    }

    [Fact]
    public void DeniedDiagnosis_IsNeverCovered()
    {
        var finding = Scrub("85025", ["Z00.00"]).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Carc).Should().Be(("LNK021", "96"));
        finding.Message.Should().Be("85025 falls under NCD 190.15 (Blood Counts) and no diagnosis it points to supports it: Z00.00 is never covered. The line will deny as never covered.");
        finding.FixHint.Should().Be("Check the record for a diagnosis NCD 190.15 covers, and point the line to it if the record supports one. Otherwise the test is not covered: with a voluntary notice to the patient append GX (or GY), and the patient is liable.");
    }

    [Fact]
    public void DeniedAndNotNecessaryTogether_IsAMedicalNecessityDenial() =>
        Scrub("84443", ["Z00.00", "J06.9"]).Ids().Should().Equal("LNK020");

    [Fact]
    public void CodeTerminatedBeforeTheService_FallsToTheCatchAllAndSaysSo()
    {
        // Z59.86 is listed as denied for 190.22 until 2025-09-30; in 2026 it is no longer listed, so resolution 3 applies.
        var finding = Scrub("84443", ["Z59.86"]).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("LNK020");
        finding.Message.Should().Contain("Z59.86 does not support medical necessity (listed only until 2025-09-30)");
    }

    [Fact]
    public void Ga_ShiftsLiabilityToThePatient()
    {
        var finding = Scrub("84443", ["J06.9"], "GA").Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Carc).Should().Be(("LNK023", Severity.Info, "50"));
        finding.Message.Should().EndWith("The line will deny; with the notice on file the patient is liable (PR-50).");
    }

    [Fact]
    public void Gz_IsAnExpectedDenialThePatientCannotBeBilledFor()
    {
        var finding = Scrub("84443", ["J06.9"], "GZ").Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Carc).Should().Be(("LNK022", Severity.Warning, "50"));
        finding.Message.Should().EndWith("With GZ (no ABN) Medicare denies the line automatically and the patient may not be billed.");
        finding.FixHint.Should().Be("Check the record for a diagnosis NCD 190.22 covers, and point the line to it if the record supports one. If the patient signed an ABN (CMS-R-131) before the test, report GA instead of GZ.");
    }

    [Fact]
    public void Gx_OnAMedicalNecessityDenial_DoesNotShiftLiability() =>
        Scrub("84443", ["J06.9"], "GX").Ids().Should().Equal("LNK024");

    [Fact]
    public void Gx_OnANeverCoveredDiagnosis_MakesThePatientLiable()
    {
        var finding = Scrub("85025", ["Z00.00"], "GX").Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Carc).Should().Be(("LNK023", "96"));
        finding.Message.Should().EndWith("(PR-96).");
    }

    [Theory]
    [InlineData("GA", "GZ", "GA and GZ")]
    [InlineData("GX", "GA", "GX and GA")]
    [InlineData("GZ", "GX", "GX and GZ")]
    public void ContradictoryModifiers_AreReturned(string first, string second, string pair)
    {
        var finding = Scrub("84443", ["J06.9"], first, second).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("LNK025", "lines[1].modifiers"));
        finding.Message.Should().StartWith($"The line carries {pair},");
    }

    [Fact]
    public void GzOnACoveredTest_WarnsOfTheAutomaticDenial()
    {
        var finding = Scrub("84443", ["E03.9"], "GZ").Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("LNK026");
        finding.Message.Should().Be("84443 is covered by NCD 190.22 (Thyroid Testing) for a diagnosis it points to, but carries GZ: Medicare denies every GZ line automatically.");
    }

    [Fact]
    public void GaOnACoveredTest_IsAccepted() =>
        Scrub("84443", ["E03.9"], "GA").Findings.Should().BeEmpty();

    [Fact]
    public void InstitutionalLineWithoutPointers_IsSupportedByEveryClaimDiagnosis()
    {
        var line = new ServiceLine { ProcedureCode = ProcedureCode.Parse("84443"), ServiceDate = new DateOnly(2026, 3, 2), Units = 1, Charge = 40m };
        var claim = TestClaims.Professional(["J06.9", "E03.9"], line);
        var institutional = new Claim
        {
            ClaimId = claim.ClaimId, Setting = ClaimSetting.OutpatientHospital, Patient = claim.Patient, BillingNpi = claim.BillingNpi,
            FrequencyCode = "1", Diagnoses = claim.Diagnoses, Lines = claim.Lines,
        };
        Over(Sample.Value).Scrub(institutional).Findings.Where(f => f.RuleId.StartsWith("LNK", StringComparison.Ordinal)).Should().BeEmpty();
        var notCovered = new Claim
        {
            ClaimId = "C2", Setting = ClaimSetting.OutpatientHospital, Patient = claim.Patient, BillingNpi = claim.BillingNpi,
            FrequencyCode = "1", Diagnoses = [IcdCode.Parse("J06.9")], Lines = claim.Lines,
        };
        Over(Sample.Value).Scrub(notCovered).Ids().Should().Contain("LNK020");
    }

    [Fact]
    public void DisabledRule_StaysSilent() =>
        Over(Sample.Value, ScrubberOptions.Default with { DisabledRules = ["LNK020"] })
            .Scrub(TestClaims.Professional(["J06.9"], TestClaims.Line("84443"))).Findings.Should().BeEmpty();

    [Fact]
    public void CleanLabClaim_AllocatesNothing()
    {
        var scrubber = Over(Sample.Value);
        var claim = TestClaims.Professional(["E03.9", "I10"], TestClaims.Line("84443", pointers: [1, 2]), TestClaims.Line("85025", pointers: [2]));
        scrubber.Scrub(claim).IsClean.Should().BeTrue();
        var before = GC.GetAllocatedBytesForCurrentThread();
        scrubber.Scrub(claim);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void ExplainLinkage_SaysWhichDiagnosesSupportEachLine()
    {
        var claim = TestClaims.Professional(["J06.9", "E03.9", "Z00.00"], TestClaims.Line("84443", pointers: [1, 2]), TestClaims.Line("85025", pointers: [3]), TestClaims.Line("99213", pointers: [1]));
        var report = Over(Sample.Value).ExplainLinkage(claim);
        report.ClaimId.Should().Be("C1");
        report.Lines.Select(l => (l.Line, l.ProcedureCode, l.Determination, l.Support)).Should().Equal(
            (1, "84443", "NCD 190.22 Thyroid Testing", LinkageSupport.Covered),
            (2, "85025", "NCD 190.15 Blood Counts", LinkageSupport.NotCovered),
            (3, "99213", null, LinkageSupport.Unknown));
        report.Lines[0].Diagnoses.Should().Equal(
            new DiagnosisSupport(1, 1, "J06.9", LinkageSupport.NotCovered, "NCD 190.22 resolution 3 (not listed, so its catch-all row applies): does not support medical necessity"),
            new DiagnosisSupport(2, 2, "E03.9", LinkageSupport.Covered, "NCD 190.22 resolution 1 (listed): covered"));
        report.Lines[1].Diagnoses.Single().Should().Be(new DiagnosisSupport(1, 3, "Z00.00", LinkageSupport.NotCovered, "NCD 190.15 resolution 2 (listed): never covered"));
        report.Lines[2].Diagnoses.Single().Should().Be(new DiagnosisSupport(1, 1, "J06.9", LinkageSupport.Unknown, null));
        report.Lines[0].Source!.Table.Should().Be("Lab NCD");
    }

    [CmsFact]
    public void FullTable_SuggestsCoveredCodesOfTheSameCategory()
    {
        // E78.6 is not listed under 190.22; E78.0 and E78.01 are listed but terminated, so they are not suggested.
        var finding = Over(Full.Value).Scrub(TestClaims.Professional(["E78.6"], TestClaims.Line("84443"))).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("LNK020");
        finding.FixHint.Should().StartWith("Check the record for a diagnosis NCD 190.22 covers, such as E78.00, E78.010, E78.011, and point the line to it if the record supports one. ");
        Over(Full.Value, ScrubberOptions.Default with { LabNcdSuggestionCount = 0 })
            .Scrub(TestClaims.Professional(["E78.6"], TestClaims.Line("84443"))).Findings.Single().FixHint.Should().StartWith("Check the record for a diagnosis NCD 190.22 covers, and point the line to it if the record supports one. Otherwise,");
    }

    [CmsFact]
    public void FullTables_SuggestBillableCodesWithTheirIcdDescriptions()
    {
        var result = CmsFolderLoader.Load(CmsData.RequireFolder(), new CmsLoadOptions { MaxDegreeOfParallelism = 2 });
        var index = result.Index;
        index.Icd10Cm.Should().NotBeNull();
        var finding = Over(index).Scrub(TestClaims.Professional(["E78.6"], TestClaims.Line("84443"))).Findings.Single(f => f.RuleId == "LNK020");
        finding.FixHint.Should().StartWith("Check the record for a diagnosis NCD 190.22 covers, such as E78.00 (Pure hypercholesterolemia, unspecified), E78.010 (Homozygous familial hypercholesterolemia [HoFH]), E78.011 (Heterozygous familial hypercholesterolemia [HeFH]), and point the line to it if the record supports one. ");
    }

    [CmsTheory]
    [InlineData("84443", "E03.9", "")] // 190.22 resolution 1
    [InlineData("84443", "Z00.00", "LNK021")] // 190.22 resolution 2
    [InlineData("85025", "Z99.2", "LNK020")] // 190.15 resolution 3 (listed)
    [InlineData("85025", "E11.9", "")] // 190.15 catch-all 1
    [InlineData("83036", "E11.65", "")] // 190.21B resolution 1
    [InlineData("83036", "J45.909", "LNK020")] // 190.21B catch-all 3
    [InlineData("82272", "Z84.1", "LNK020")] // 190.34: Z84.1 terminated 2025-09-30
    [InlineData("82272", "Z84.11", "LNK021")] // 190.34: its successor, denied
    public void FullTable_RealPairs(string procedure, string diagnosis, string expected)
    {
        var ids = Over(Full.Value).Scrub(TestClaims.Professional([diagnosis], TestClaims.Line(procedure))).Ids();
        ids.Should().Equal(expected.Length == 0 ? [] : [expected]);
    }

    [CmsTheory]
    [InlineData("GA", "LNK023")]
    [InlineData("GZ", "LNK022")]
    [InlineData("GX", "LNK024")]
    public void FullTable_AbnModifiersOnThyroidTestingForAColdAreReclassified(string modifier, string expected) =>
        Over(Full.Value).Scrub(TestClaims.Professional(["J06.9"], TestClaims.Line("84443").WithModifiers(modifier))).Ids().Should().Equal(expected);
}
