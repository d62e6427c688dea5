using ClaimScrubber.Cli.Commands;
using ClaimScrubber.Tests.Support;

using static ClaimScrubber.Tests.Support.CliRunner;

namespace ClaimScrubber.Tests.Cli;

public sealed class IndexCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-cli-index-").FullName;
    private readonly string sampleCms = Path.Combine(CmsData.SampleFolder, "cms");
    private readonly string sampleClaims = Path.Combine(CmsData.SampleFolder, "claims");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>The lines of a report, sorted: two folder loads may list their problems in different orders.</summary>
    private static List<string> SortedLines(string text) => [.. text.Split('\n').Order(StringComparer.Ordinal)];

    private string BuildSnapshot(string? data = null)
    {
        var snapshot = Path.Combine(temp, "sample.csindex");
        var (exit, output, error) = Run("index", "build", "--data", data ?? sampleCms, "--output", snapshot);
        exit.Should().Be(0, error);
        output.Should().Contain($"wrote {snapshot} (").And.Contain("place_of_service_codes.csv");
        return snapshot;
    }

    [Fact]
    public void Scrub_WithASnapshot_WritesTheSameResultsAsWithTheFolder()
    {
        var snapshot = BuildSnapshot();

        var fromFolder = Run("scrub", sampleClaims, "--data", sampleCms, "--format", "ndjson", "--as-of", "2026-11-01", "--verbose");
        var fromSnapshot = Run("scrub", sampleClaims, "--data", snapshot, "--format", "ndjson", "--as-of", "2026-11-01", "--verbose");

        fromFolder.Exit.Should().Be(0, fromFolder.Error);
        fromSnapshot.Exit.Should().Be(0, fromSnapshot.Error);
        fromSnapshot.Output.Should().Be(fromFolder.Output);
        fromFolder.Output.Should().Contain("\"ruleId\":\"NCCI");
        SortedLines(fromSnapshot.Error).Should().Equal(SortedLines(fromFolder.Error), "the same load problems (in the order of that load's parallel reads)");
    }

    [Fact]
    public void Scrub_TextReportWithASnapshot_MatchesTheFolder()
    {
        var snapshot = BuildSnapshot();
        var claims = Path.Combine(sampleClaims, "sample-claims.json");

        var fromFolder = Run("scrub", claims, "--data", sampleCms, "--as-of", "2026-11-01");
        var fromSnapshot = Run("scrub", claims, "--data", snapshot, "--as-of", "2026-11-01");

        fromSnapshot.Exit.Should().Be(0);

        // The findings and summary agree; the table list after them names where the tables came from.
        var end = fromFolder.Output.LastIndexOf('\n', fromFolder.Output.IndexOf("Tables loaded from", StringComparison.Ordinal));
        end.Should().BeGreaterThan(1000);
        fromSnapshot.Output[..end].Should().Be(fromFolder.Output[..end]);
        fromSnapshot.Output[end..].Should().Contain("Tables loaded from");
    }

    [Fact]
    public void DataReport_OnASnapshot_ListsTheSameTablesAndProblems()
    {
        var snapshot = BuildSnapshot();

        var fromFolder = Run("data-report", "--data", sampleCms);
        var fromSnapshot = Run("data-report", "--data", snapshot);

        fromSnapshot.Exit.Should().Be(0, fromSnapshot.Error);
        fromSnapshot.Output.Should().StartWith($"Index snapshot {snapshot} loaded in ");
        fromFolder.Output.Should().StartWith($"Data folder {sampleCms} loaded in ");
        SortedLines(fromSnapshot.Output[fromSnapshot.Output.IndexOf('\n')..]).Should().Equal(SortedLines(fromFolder.Output[fromFolder.Output.IndexOf('\n')..]));
    }

    [Fact]
    public void Verify_ValidSnapshot_Succeeds_AndAgainstItsSourceFolder()
    {
        var snapshot = BuildSnapshot();

        var (exit, output, error) = Run("index", "verify", snapshot, "--source", sampleCms);

        exit.Should().Be(0, error);
        output.Should().Contain($"{snapshot}: a valid format 3 snapshot of 19 table release(s) from 19 file(s), 0 load error(s) recorded");
        output.Should().Contain($"Every file it was built from is unchanged in {sampleCms}.");
    }

    [Fact]
    public void Verify_CorruptSnapshot_ExitsWith2_SayingWhy()
    {
        var snapshot = BuildSnapshot();
        var bytes = File.ReadAllBytes(snapshot);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(snapshot, bytes);

        var (exit, _, error) = Run("index", "verify", snapshot);
        var scrub = Run("scrub", sampleClaims, "--data", snapshot);

        exit.Should().Be(2);
        error.Should().Be($"error: The index snapshot '{snapshot}' is corrupt: its checksum does not match its contents. Rebuild it with 'index build'.{Environment.NewLine}");
        scrub.Exit.Should().Be(2);
        scrub.Error.Should().Be(error);
    }

    [Fact]
    public void Verify_SourceChanged_ExitsWith2_NamingTheFile()
    {
        var folder = Path.Combine(temp, "cms");
        Directory.CreateDirectory(Path.Combine(folder, "pos"));
        File.Copy(Path.Combine(sampleCms, "pos", "place_of_service_codes.csv"), Path.Combine(folder, "pos", "place_of_service_codes.csv"));
        var snapshot = BuildSnapshot(folder);
        File.AppendAllText(Path.Combine(folder, "pos", "place_of_service_codes.csv"), "\n");

        var (exit, _, error) = Run("index", "verify", snapshot, "--source", folder);

        exit.Should().Be(2);
        error.Should().Be($"error: The index snapshot '{snapshot}' is stale: pos/place_of_service_codes.csv changed since the snapshot was built from '{folder}'. Rebuild it with 'index build'.{Environment.NewLine}");
    }

    [Fact]
    public void Build_FromAFolderWithNoTable_ExitsWith2_AndWritesNoSnapshot()
    {
        var empty = Directory.CreateDirectory(Path.Combine(temp, "empty")).FullName;
        var snapshot = Path.Combine(temp, "empty.csindex");

        var (exit, _, error) = Run("index", "build", "--data", empty, "--output", snapshot);
        var partial = Run("index", "build", "--data", empty, "--output", snapshot, "--allow-partial-data");

        exit.Should().Be(2);
        error.Should().StartWith($"error: the data in '{empty}' did not load cleanly: 1 error(s)").And.Contain("stopped before a snapshot was written.")
            .And.Contain("error: .: No file in the folder is a CMS table this library recognises");
        partial.Exit.Should().Be(2, "a snapshot of no table is never written");
        partial.Error.Should().EndWith($"error: no CMS table was loaded from '{empty}': a snapshot of no table is never written.{Environment.NewLine}");
        File.Exists(snapshot).Should().BeFalse();
        Directory.EnumerateFiles(temp).Should().BeEmpty();
    }

    [Fact]
    public void Build_FromAFailedLoad_ExitsWith2_UnlessAllowed_AndThenScrubStopsOnTheSnapshotAsOnTheFolder()
    {
        var folder = Path.Combine(temp, "cms");
        Directory.CreateDirectory(Path.Combine(folder, "pos"));
        File.Copy(Path.Combine(sampleCms, "pos", "place_of_service_codes.csv"), Path.Combine(folder, "pos", "place_of_service_codes.csv"));
        File.WriteAllText(Path.Combine(folder, "icd10cm_order_2026.txt"), "00001 A00     0 Cholera\n");
        var snapshot = Path.Combine(temp, "partial.csindex");

        var (exit, _, error) = Run("index", "build", "--data", folder, "--output", snapshot);

        exit.Should().Be(2);
        error.Should().Contain("stopped before a snapshot was written").And.Contain("error: icd10cm_order_2026.txt:1: ");
        File.Exists(snapshot).Should().BeFalse();

        var allowed = Run("index", "build", "--data", folder, "--output", snapshot, "--allow-partial-data");
        allowed.Exit.Should().Be(0, allowed.Error);
        allowed.Output.Should().Contain("The load refused data (2 error(s) in icd10cm_order_2026.txt): the snapshot records them");
        var scrub = Run("scrub", sampleClaims, "--data", snapshot);
        scrub.Exit.Should().Be(2);
        scrub.Error.Should().StartWith($"error: the data in '{snapshot}' did not load cleanly: 2 error(s)");
    }

    [Fact]
    public void Build_Interrupted_ExitsWith143_AndLeavesAnEarlierSnapshotAsItWas()
    {
        var snapshot = Path.Combine(temp, "old.csindex");
        File.WriteAllText(snapshot, "the earlier snapshot");
        using var interruption = Interruption.Manual();
        interruption.Interrupt(ExitCodes.Terminated);

        var (exit, _, error) = RunWith(new CliContext(interruption), "index", "build", "--data", sampleCms, "--output", snapshot);

        exit.Should().Be(143);
        error.Should().Be($"error: interrupted by SIGTERM; no --output file was written.{Environment.NewLine}");
        File.ReadAllText(snapshot).Should().Be("the earlier snapshot");
        Directory.EnumerateFiles(temp).Should().ContainSingle();
    }
}
