using System.IO.Compression;
using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

/// <summary>The Excludes1 reader and rule (DX020): a hand-made tabular XML, and the full 2021 tabular list.</summary>
public sealed class Excludes1Tests : IDisposable
{
    private const string Xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <ICD10CM.tabular>
          <version>2021</version>
          <chapter>
            <name>1</name>
            <excludes1><note>certain localized infections - see body system-related chapters</note></excludes1>
            <section id="A00-A09">
              <diag>
                <name>A05</name>
                <desc>Other bacterial foodborne intoxications</desc>
                <excludes1>
                  <note>Escherichia coli infection (A04.0-A04.4)</note>
                  <note>listeriosis (A32.-)</note>
                  <note>angiostrongyliasis due to:</note>
                </excludes1>
                <diag>
                  <name>A05.1</name>
                  <desc>Botulism food poisoning</desc>
                  <excludes1><note>infant botulism (A48.51)</note></excludes1>
                </diag>
              </diag>
            </section>
          </chapter>
        </ICD10CM.tabular>
        """;

    private static readonly Lazy<CodeSetLoadResult> Full = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "claimscrubber-tabular-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var link = Path.Combine(folder, "icd10cm_tabular_2021.xml.gz");
        if (!File.Exists(link))
        {
            File.CreateSymbolicLink(link, CmsData.File("icd10cm", "icd10cm_tabular_2021.xml.gz"));
        }

        return SampleLoad.Load(folder);
    });

    private readonly string folder = Path.Combine(Path.GetTempPath(), "excludes1-" + Guid.NewGuid().ToString("N"));

    private readonly ITestOutputHelper output;

    public Excludes1Tests(ITestOutputHelper output)
    {
        this.output = output;
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_GzippedXml_KeepsCodeNotesAndReportsNotesWithoutCodes()
    {
        var result = LoadFixture(Xml);
        result.Report.Problems.Select(p => (p.IsError, p.Message)).Should().Equal(
            (false, "1 Excludes1 notes name no code (a lead-in such as 'angiostrongyliasis due to:', or prose); they cannot be checked and were not loaded."),
            (false, "The tabular list is the 2021 edition: codes added to ICD-10-CM since have no Excludes1 notes in it, so pairs involving them are not checked."));
        var table = result.Index.Excludes1!;
        (table.Count, table.Release.Release, table.Release.EffectiveFrom).Should().Be((3, "FY2021", (DateOnly?)new DateOnly(2020, 10, 1)));
    }

    [Theory]
    [InlineData("A05.9", "A04.2", true)]   // inside the range A04.0-A04.4
    [InlineData("A05.9", "A04.5", false)]  // past its end
    [InlineData("A05.1", "A32.11", true)]  // A32.- inherited from the category note
    [InlineData("A05.1", "A48.51", true)]  // the code's own note
    [InlineData("A05.9", "A48.51", false)] // a sibling's note does not hold for A05.9
    [InlineData("A04.2", "A05.9", true)]   // found from either side
    public void TryFind_NotesHoldForDescendants(string code, string other, bool excluded)
    {
        var table = LoadFixture(Xml).Index.Excludes1!;
        var found = table.TryFind(IcdCode.Parse(code), IcdCode.Parse(other), out _) || table.TryFind(IcdCode.Parse(other), IcdCode.Parse(code), out _);
        found.Should().Be(excluded);
    }

    [Fact]
    public void SampleFolder_TabularSample_LoadsWithTheOrderFiles()
    {
        var result = CmsData.LoadSample("icd10cm");
        result.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        var table = result.Index.Excludes1!;
        table.Count.Should().Be(12);
        table.TryFind(IcdCode.Parse("E11.9"), IcdCode.Parse("E10.9"), out var entry).Should().BeTrue();
        table.Notes[entry.Note].Should().Be("type 1 diabetes mellitus (E10.-)");
        table.TryFind(IcdCode.Parse("I10"), IcdCode.Parse("O11.3"), out _).Should().BeTrue();
        table.TryFind(IcdCode.Parse("I10"), IcdCode.Parse("O12.03"), out _).Should().BeFalse();
    }

    [Fact]
    public void Read_TruncatedXml_IsAnError()
    {
        var result = LoadFixture(Xml[..(Xml.Length / 2)]);
        result.Report.Problems.Should().ContainSingle(p => p.IsError && p.Message.Contains("malformed or truncated", StringComparison.Ordinal));
    }

    [CmsFact]
    public void FullTabular_LoadsTheNotesAndFlagsTypeOneWithTypeTwoDiabetes()
    {
        var result = Full.Value;
        foreach (var problem in result.Report.Problems)
        {
            output.WriteLine(problem.ToString());
        }

        result.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        var table = result.Index.Excludes1!;
        output.WriteLine($"{table.Count} references from {table.Notes.Length} notes");
        table.Count.Should().BeGreaterThan(5000);
        var scrubber = Scrubber.Create(result.Index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });
        var finding = scrubber.Scrub(TestClaims.Professional(["E11.9", "I10", "E10.9"])).Findings.Single(f => f.RuleId == "DX020");
        (finding.Element, finding.Message).Should().Be(("diagnoses[3]", "Diagnoses E11.9 and E10.9 are never coded together: the Excludes1 note under E11 reads 'type 1 diabetes mellitus (E10.-)'."));
        finding.Codes.Should().Equal("E11.9", "E10.9");
        scrubber.Scrub(TestClaims.Professional(["E11.9", "I10"])).Findings.Should().NotContain(f => f.RuleId == "DX020");
    }

    private CodeSetLoadResult LoadFixture(string xml)
    {
        using (var file = File.Create(Path.Combine(folder, "icd10cm_tabular_2021.xml.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(xml));
        }

        return SampleLoad.Load(folder);
    }
}
