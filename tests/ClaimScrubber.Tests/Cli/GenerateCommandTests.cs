using System.Text.Json;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

using static ClaimScrubber.Tests.Support.CliRunner;

namespace ClaimScrubber.Tests.Cli;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-generate-").FullName;
    private readonly string data = Path.Combine(CmsData.SampleFolder, "cms");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Generate_Ndjson_WritesCountReadableClaims()
    {
        var file = Path.Combine(temp, "claims.ndjson");
        var (exit, _, error) = Run("generate", "--count", "250", "--seed", "5", "--data", data, "--format", "ndjson", "--output", file);

        exit.Should().Be(0, error);
        File.ReadAllLines(file).Should().HaveCount(250).And.OnlyContain(l => l.StartsWith("{\"claimId\":\"G", StringComparison.Ordinal));
        var read = ClaimJsonReader.ReadFile(file).ToList();
        read.Should().OnlyContain(r => r.IsReadable);
        read.Select(r => r.ClaimId).Should().Equal(Enumerable.Range(1, 250).Select(i => $"G{i}"));
        error.Should().Contain("generated 250 claim(s), seed 5, error rate 0.1, from ");
    }

    [Fact]
    public void Generate_SameSeed_WritesTheSameBytes_AndAnotherSeedOthers()
    {
        string[] Args(string seed, string file) => ["generate", "-n", "300", "--seed", seed, "--error-rate", "0.4", "--data", data, "-o", file];
        Run(Args("11", Path.Combine(temp, "a.json"))).Exit.Should().Be(0);
        Run(Args("11", Path.Combine(temp, "b.json"))).Exit.Should().Be(0);
        Run(Args("12", Path.Combine(temp, "c.json"))).Exit.Should().Be(0);

        var a = File.ReadAllBytes(Path.Combine(temp, "a.json"));
        a.Should().Equal(File.ReadAllBytes(Path.Combine(temp, "b.json")));
        a.Should().NotEqual(File.ReadAllBytes(Path.Combine(temp, "c.json")));
    }

    [Fact]
    public void Generate_ToStandardOutput_WritesAJsonArray()
    {
        var (exit, output, error) = Run("generate", "--count", "3", "--data", data);

        exit.Should().Be(0, error);
        using var document = JsonDocument.Parse(output);
        document.RootElement.EnumerateArray().Select(c => c.GetProperty("claimId").GetString()).Should().Equal("G1", "G2", "G3");
    }

    [Fact]
    public void Generate_ThenScrub_ReportsOneResultPerGeneratedClaim()
    {
        var file = Path.Combine(temp, "generated.json");
        Run("generate", "--count", "400", "--seed", "3", "--error-rate", "0.6", "--data", data, "--output", file).Exit.Should().Be(0);

        var (exit, output, error) = Run("scrub", file, "--data", data, "--format", "ndjson", "--as-of", "2026-10-15");

        exit.Should().Be(0, error);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        results.Select(r => r.GetProperty("claimId").GetString()).Should().Equal(Enumerable.Range(1, 400).Select(i => $"G{i}"));
        results.Count(r => r.GetProperty("findings").GetArrayLength() > 0).Should().BeGreaterThan(240, "60% of the claims carry an injected error");
        error.Should().Contain("scrubbed 400 claim(s)").And.Contain("0 unreadable");
    }

    [Fact]
    public void Generate_Csv_IsReadByScrub_OneResultPerClaim()
    {
        var file = Path.Combine(temp, "generated.csv");
        Run("generate", "--count", "120", "--format", "csv", "--data", data, "--output", file).Exit.Should().Be(0);

        var (exit, output, error) = Run("scrub", file, "--data", data, "--format", "ndjson", "--as-of", "2026-10-15");

        exit.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("claimId").GetString())
            .Should().Equal(Enumerable.Range(1, 120).Select(i => $"G{i}"));
        error.Should().Contain("scrubbed 120 claim(s)").And.Contain("0 unreadable");
    }

    [Theory]
    [InlineData("--error-rate", "1.5", "--error-rate must be from 0 to 1.")]
    [InlineData("--count", "-1", "--count must be 0 or more.")]
    [InlineData("--format", "xml", "Argument 'xml' not recognized.")]
    public void Generate_BadOption_IsAUsageError(string option, string value, string message)
    {
        var (exit, _, error) = Run("generate", option, value, "--data", data);

        exit.Should().Be(1);
        error.Should().Contain(message);
    }

    [Fact]
    public void Generate_CleanClaimsOverTheSampleData_BillOnlyCodesItsTablesKnow()
    {
        var file = Path.Combine(temp, "clean.ndjson");
        Run("generate", "--count", "1000", "--seed", "9", "--error-rate", "0", "--data", data, "--format", "ndjson", "--output", file).Exit.Should().Be(0);

        var (exit, output, error) = Run("scrub", file, "--data", data, "--format", "ndjson", "--as-of", "2026-10-15");

        exit.Should().Be(0, error);
        var rules = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()))
            .ToList();
        rules.Should().NotContain(["PX001", "MOD001", "DX001"]);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1000);
    }

    [Fact]
    public void Generate_FromAnEmptyDataFolder_ExitsWith2_AndWritesNothing()
    {
        var empty = Directory.CreateDirectory(Path.Combine(temp, "empty")).FullName;
        var file = Path.Combine(temp, "claims.json");

        var (exit, _, error) = Run("generate", "--count", "10", "--data", empty, "--output", file);

        exit.Should().Be(2);
        error.Should().Contain("stopped before any claim was generated");
        File.Exists(file).Should().BeFalse();
    }
}
