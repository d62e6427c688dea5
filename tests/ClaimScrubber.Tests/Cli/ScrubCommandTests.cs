using System.Text.Json;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Serialization;

using static ClaimScrubber.Tests.Support.CliRunner;

namespace ClaimScrubber.Tests.Cli;

public sealed class ScrubCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-cli-").FullName;
    private readonly string samples = Path.Combine(ClaimJsonReaderTests.RepoRoot(), "data", "claims");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string EmptyDataFolder()
    {
        var data = Path.Combine(temp, "cms");
        Directory.CreateDirectory(data);
        return data;
    }

    [Fact]
    public void Scrub_JsonFormat_WritesOneResultPerInputClaim_InInputOrder_IncludingUnreadableOnes()
    {
        var file = Path.Combine(samples, "sample-claims.json");
        var (exit, output, error) = Run("scrub", file, "--data", EmptyDataFolder(), "--format", "json", "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        using var document = JsonDocument.Parse(output);
        var ids = document.RootElement.EnumerateArray().Select(r => r.GetProperty("claimId").GetString()).ToList();
        ids.Should().Equal(ClaimJsonReader.ReadFile(file).Select(r => r.ClaimId));
        var unreadable = document.RootElement.EnumerateArray().Single(r => r.GetProperty("claimId").GetString() == "CLM001-UNREADABLE");
        unreadable.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().Equal("CLM001", "CLM001", "CLM001", "CLM001");
        document.RootElement.EnumerateArray().Single(r => r.GetProperty("claimId").GetString() == "CLEAN-01").GetProperty("findings").GetArrayLength().Should().Be(0);
        error.Should().Contain("scrubbed 20 claim(s): 5 clean (25.0%), 1 unreadable; 19 finding(s): 17 error, 2 warning, 0 info; 0 table(s) loaded");
    }

    [Fact]
    public void Scrub_NdjsonInParallel_MatchesTheSequentialOutput()
    {
        var sequential = Run("scrub", samples, "--data", EmptyDataFolder(), "--format", "ndjson", "--as-of", "2026-11-01");
        var parallel = Run("scrub", samples, "--data", EmptyDataFolder(), "--format", "ndjson", "--as-of", "2026-11-01", "--parallel", "4");

        sequential.Exit.Should().Be(0);
        parallel.Exit.Should().Be(0);
        parallel.Output.Should().Be(sequential.Output);
        var expected = Directory.GetFiles(samples, "*.json").Sum(f => ClaimJsonReader.ReadFile(f).Count()) + ClaimCsvReader.ReadFile(Path.Combine(samples, "sample-lines.csv")).Count();
        sequential.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(expected).And.OnlyContain(l => l.StartsWith("{\"claimId\":", StringComparison.Ordinal));
    }

    [Fact]
    public void Scrub_TextFormat_PrintsFindingsAndTheSummary()
    {
        var (exit, output, _) = Run("scrub", Path.Combine(samples, "sample-lines.csv"), "--data", EmptyDataFolder(), "--as-of", "2026-11-01");

        exit.Should().Be(0);
        output.Should().Contain("CSV-02 (input line 5): unreadable, 1 element error(s); not scrubbed");
        output.Should().Contain("CLM001  line 2 lines[2].units: The value is not a number");
        output.Should().MatchRegex(@"Claims\s+3 \(1 unreadable\)");
        output.Should().MatchRegex(@"Clean claims\s+2 \(66\.7% clean-claim rate\)");
        output.Should().Contain("Tables loaded: none");
    }

    [Fact]
    public void Scrub_MalformedJsonFile_ExitsWith2_NamingTheFileAndLine()
    {
        var file = Path.Combine(temp, "broken.json");
        File.WriteAllText(file, "[\n {\"claimId\": \"A\"},\n {\"claimId\": \"B\"\n");

        var output = Path.Combine(temp, "results.json");
        var (exit, _, error) = Run("scrub", file, "--data", EmptyDataFolder(), "--format", "json", "--output", output);

        exit.Should().Be(2);
        error.Should().Contain($"error: {file}:3:2: The input ends inside a claim: the file is truncated.");
        File.Exists(output).Should().BeFalse("results cut short must not pass for a complete run");
    }

    [Theory]
    [InlineData("missing.json", "does not exist.")]
    [InlineData("claims.txt", "is not a claim file")]
    public void Scrub_InputThatIsNotAClaimFile_ExitsWith2(string name, string message)
    {
        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(temp, name), "x");
        }

        var (exit, _, error) = Run("scrub", Path.Combine(temp, name), "--data", EmptyDataFolder());

        exit.Should().Be(2);
        error.Should().Contain(message);
    }

    [Fact]
    public void Scrub_DataFolderThatDoesNotExist_ExitsWith2()
    {
        var (exit, _, error) = Run("scrub", samples, "--data", Path.Combine(temp, "nowhere"));

        exit.Should().Be(2);
        error.Should().Contain("cannot be loaded");
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--parallel", "0")]
    [InlineData("--as-of", "2026-13-01")]
    public void Scrub_InvalidOption_IsAUsageError(string option, string value)
    {
        Run("scrub", samples, option, value).Exit.Should().Be(1);
    }

    [Fact]
    public void DataReport_ListsSkippedFilesAndProblems()
    {
        var data = EmptyDataFolder();
        File.WriteAllText(Path.Combine(data, "notes.txt"), "not a CMS file");

        var (exit, output, _) = Run("data-report", "--data", data);

        exit.Should().Be(0);
        output.Should().Contain("No CMS table loaded");
        output.Should().Contain("Skipped files (no reader recognises them): 1");
        output.Should().Contain("notes.txt");
        output.Should().Contain("Problems: 1 error(s), 0 warning(s)");
        output.Should().Contain("error: .: No file in the folder is a CMS table this library recognises (1 file(s) passed over)");
    }

    [Fact]
    public void Scrub_WithLinkage_AddsEachLinesSupport_AndWithoutItTheContractIsUnchanged()
    {
        var file = Path.Combine(samples, "linkage-claims.json");
        var data = Path.Combine(ClaimJsonReaderTests.RepoRoot(), "data", "cms");
        var with = Run("scrub", file, "--data", data, "--format", "json", "--as-of", "2026-09-30", "--linkage");
        var without = Run("scrub", file, "--data", data, "--format", "json", "--as-of", "2026-09-30");
        with.Exit.Should().Be(0);
        using (var plain = JsonDocument.Parse(without.Output))
        {
            plain.RootElement.EnumerateArray().Count(r => r.TryGetProperty("linkage", out var _)).Should().Be(0);
        }

        using var document = JsonDocument.Parse(with.Output);
        var claim = document.RootElement.EnumerateArray().Single(r => r.GetProperty("claimId").GetString() == "LK-LNK020-1");
        var lab = claim.GetProperty("linkage").GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("ncd").ValueKind == JsonValueKind.String);
        lab.GetProperty("support").GetString().Should().Be("notCovered");
        lab.GetProperty("diagnoses").EnumerateArray().Should().OnlyContain(d => d.GetProperty("support").GetString() == "notCovered");
        document.RootElement.EnumerateArray().Should().OnlyContain(r => r.GetProperty("linkage").GetProperty("lines").GetArrayLength() > 0);
    }
}
