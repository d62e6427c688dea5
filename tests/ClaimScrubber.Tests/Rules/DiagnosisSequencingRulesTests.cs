using ClaimScrubber.CodeSets;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

public class DiagnosisSequencingRulesTests
{
    private static readonly TableRelease ManifestationRelease = new("MCE manifestation codes", "test", "fake", null, null, 1);

    private static readonly Scrubber Plain = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    private static readonly Scrubber WithManifestations = Scrubber.Create(IndexWith(new FakeManifestations()), ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    internal static CodeSetIndex IndexWith<T>(T table)
        where T : class
    {
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(table);
        return builder.Build();
    }

    private static ScrubResult Scrub(Scrubber scrubber, string[] diagnoses, params int[] pointers) =>
        scrubber.Scrub(TestClaims.Professional(diagnoses, TestClaims.Line(pointers: pointers)));

    [Fact]
    public void OnlyExternalCauses_NothingStatesTheCondition()
    {
        var finding = Scrub(Plain, ["W19.XXXA", "Y93.01"], 1, 2).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Source).Should().Be(("LNK010", "lines[1].diagnosisPointers", null));
        finding.Codes.Should().Equal("W19.XXXA", "Y93.01");
        finding.Message.Should().Be("The line points only to W19.XXXA, Y93.01, which can never be first-listed (external cause or manifestation codes), so nothing states the condition treated.");
    }

    [Fact]
    public void ExternalCauseFirst_IsAWarningOnTheFirstPointer()
    {
        var finding = Scrub(Plain, ["W19.XXXA", "S72.001A"], 1, 2).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Element).Should().Be(("LNK012", Severity.Warning, "lines[1].diagnosisPointers[1]"));
        finding.Message.Should().Be("The line's first diagnosis, W19.XXXA, is an external cause code, which is never first-listed.");
    }

    [Fact]
    public void ExternalCauseAfterTheInjury_IsClean() =>
        Scrub(Plain, ["S72.001A", "W19.XXXA"], 1, 2).Findings.Should().BeEmpty();

    [Fact]
    public void OutOfRangePointers_AreLeftToLnk001() =>
        Scrub(Plain, ["W19.XXXA"], 3).Ids().Should().Equal("LNK001");

    [Fact]
    public void FivePointers_AreTooMany()
    {
        var finding = Scrub(Plain, ["E11.9", "I10", "E78.5", "R53.83", "D64.9"], 1, 2, 3, 4, 5).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("LNK014", "lines[1].diagnosisPointers[5]"));
        finding.Message.Should().Be("The line carries 5 diagnosis pointers; a claim line holds at most 4. The claim was not scrubbed further.");
    }

    [Fact]
    public void FourPointers_AreAllowed() =>
        Scrub(Plain, ["E11.9", "I10", "E78.5", "R53.83"], 1, 2, 3, 4).Findings.Should().BeEmpty();

    [Fact]
    public void UnlinkedDiagnosis_IsReportedOnlyWhenAsked()
    {
        Scrub(Plain, ["E11.9", "I10"], 1).Findings.Should().BeEmpty();
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today, ReportUnlinkedDiagnoses = true });
        var finding = Scrub(scrubber, ["E11.9", "I10"], 1).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Line, finding.Element).Should().Be(("LNK013", Severity.Info, (int?)null, "diagnoses[2]"));
        finding.Message.Should().Be("No service line points to diagnosis 2, I10.");
    }

    [Fact]
    public void ManifestationFirst_NeedsTheUnderlyingConditionFirst()
    {
        var finding = Scrub(WithManifestations, ["F02.80", "G30.9"], 1, 2).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element, finding.Source).Should().Be(("LNK011", "lines[1].diagnosisPointers[1]", ManifestationRelease));
        finding.Message.Should().Be("The line's first diagnosis, F02.80, is a manifestation code, which cannot be the primary reason for a service.");
        finding.FixHint.Should().Be("Point first to the underlying condition that F02.80 is a manifestation of (ICD-10-CM 'code first'), then to F02.80.");
    }

    [Fact]
    public void ManifestationOnly_NothingStatesTheCondition()
    {
        var finding = Scrub(WithManifestations, ["F02.80"], 1).Findings.Should().ContainSingle().Subject;
        (finding.RuleId, finding.Source).Should().Be(("LNK010", ManifestationRelease));
    }

    [Fact]
    public void ManifestationAfterItsCause_IsClean() =>
        Scrub(WithManifestations, ["G30.9", "F02.80"], 1, 2).Findings.Should().BeEmpty();

    [Fact]
    public void WithoutAManifestationList_ManifestationsAreNotJudged() =>
        Scrub(Plain, ["F02.80"], 1).Findings.Should().BeEmpty();

    [CmsFact]
    public void MceManifestationList_DrivesTheManifestationRules()
    {
        var index = ClaimScrubber.CodeSets.Loading.CmsFolderLoader.Load(Path.Combine(CmsData.RequireFolder(), "mce")).Index;
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today, DisabledRules = [.. Scrubber.Create(index).Rules.Where(r => !r.Id.StartsWith("LNK", StringComparison.Ordinal)).Select(r => r.Id)] });
        var finding = Scrub(scrubber, ["G30.9", "F02.80"], 2, 1).Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("LNK011");
        finding.Source!.Table.Should().Be("Medicare Code Editor");
        Scrub(scrubber, ["G30.9", "F02.80"], 1, 2).Findings.Should().BeEmpty();

        // Led by diagnosis 1, the line is left to the MCE's first-listed edit (DX014), so the fact is reported once.
        Scrub(scrubber, ["F02.80", "G30.9"], 1, 2).Findings.Should().BeEmpty();
    }

    private sealed class FakeManifestations : IManifestationCodeSource
    {
        public bool IsManifestation(IcdCode code, DateOnly date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableRelease? release)
        {
            release = code.StartsWith(IcdCode.Parse("F02")) ? ManifestationRelease : null;
            return release is not null;
        }
    }
}
