using System.Text.Json;
using ClaimScrubber.Cli.Commands;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Serialization;
using ClaimScrubber.Tests.Serialization.X12;

using static ClaimScrubber.Tests.Support.CliRunner;

namespace ClaimScrubber.Tests.Cli;

/// <summary>The harness and 837 files: <c>scrub</c> tells them by content, <c>convert</c> to and from them, <c>generate --format x12</c>.</summary>
public sealed class X12CommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-x12-").FullName;

    private static string SampleData => Path.Combine(ClaimJsonReaderTests.RepoRoot(), "data", "cms");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Scrub_TellsAnX12FileByItsContent_WhateverItsExtension()
    {
        var file = Write("claims.txt", File.ReadAllText(X12Files.PathOf("professional-office-visits.837")));
        var (exit, output, error) = Run("scrub", file, "--data", SampleData, "--format", "ndjson", "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("claimId").GetString())
            .Should().Equal("26463774", "26463775", "26463776");
    }

    [Fact]
    public void Scrub_AFolder_TakesItsX12Files()
    {
        File.Copy(X12Files.PathOf("institutional-inpatient.837"), Path.Combine(temp, "stay.edi"));
        File.Copy(X12Files.PathOf("institutional-outpatient.837"), Path.Combine(temp, "visit.dat"));
        File.WriteAllText(Path.Combine(temp, "notes.txt"), "not claims");
        var (exit, output, error) = Run("scrub", temp, "--data", SampleData, "--format", "ndjson", "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }

    [Fact]
    public void Scrub_ReportsAnEnvelopeFault_AsAWarning_AndScrubsEveryClaim()
    {
        var text = X12Text.ProfessionalClaim().Replace("IEA*1*000000001", "IEA*1*000000002", StringComparison.Ordinal);
        var file = Write("claims.837", text);
        var (exit, output, error) = Run("scrub", file, "--data", SampleData, "--format", "ndjson", "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        error.Should().Contain($"warning: {file}:19: segment 19 (IEA): IEA-02 control number 000000002 does not match ISA-13 000000001.");
    }

    [Fact]
    public void Scrub_UndelimitableX12_IsAnUnreadableInput()
    {
        var file = Write("claims.837", X12Text.Isa(component: '*') + "~");
        var (exit, _, error) = Run("scrub", file, "--data", SampleData);

        exit.Should().Be(ExitCodes.UnreadableInput);
        error.Should().Contain($"error: {file}:1: segment 1: the ISA interchange header declares unusable delimiters");
    }

    [Fact]
    public void Convert_X12ToJsonAndBack_KeepsEveryClaim()
    {
        var source = X12Files.PathOf("professional-office-visits.837");
        var json = Path.Combine(temp, "claims.json");
        var x12 = Path.Combine(temp, "again.837");

        var first = Run("convert", source, "--to", "json", "--output", json);
        var second = Run("convert", json, "--to", "x12", "--output", x12);

        first.Exit.Should().Be(0, first.Error);
        second.Exit.Should().Be(0, second.Error);
        first.Error.Should().Contain("converted 3 claim(s) to json");
        var original = X12ClaimReader.ReadFile(source).Select(r => ClaimJsonWriter.Serialize(r.Claim!));
        X12ClaimReader.ReadFile(x12).Select(r => ClaimJsonWriter.Serialize(r.Claim!)).Should().Equal(original);
    }

    [Fact]
    public void Convert_ListsTheClaimsItCannotReadOrWrite_AndExitsWith4()
    {
        var input = Write("claims.ndjson", string.Join('\n',
            """{"claimId": "OK-1", "setting": "professional", "diagnoses": ["E11.9"], "lines": [{"procedureCode": "99213", "serviceDate": "2026-03-02", "diagnosisPointers": [1]}]}""",
            """{"claimId": "BAD-1", "diagnoses": ["E11.9!"]}""",
            """{"claimId": "STAY-1", "setting": "inpatient", "diagnoses": ["J18.9"], "lines": [{"revenueCode": "0120", "units": 2}]}"""));
        var output = Path.Combine(temp, "out.837");

        var (exit, _, error) = Run("convert", input, "--to", "x12", "--output", output);

        exit.Should().Be(ExitCodes.ClaimsLeftOut);
        error.Should().Contain($"error: {input}:2: claim BAD-1 cannot be read; it was left out:{Environment.NewLine}  diagnoses[1]: 'E11.9!' is not an ICD-10-CM code")
            .And.Contain($"error: {input}:3: claim STAY-1 cannot be written as X12; it was left out:{Environment.NewLine}  setting: the 837I tells the setting by the type of bill (CLM05-1), which the claim does not give; a inpatient claim needs it.")
            .And.Contain("converted 1 claim(s) to x12; 2 left out (listed above)");
        X12ClaimReader.ReadFile(output).Select(r => r.ClaimId).Should().Equal("OK-1");
    }

    [Fact]
    public void Convert_AnUndelimitableInput_WritesNoOutput()
    {
        var output = Path.Combine(temp, "out.json");
        var (exit, _, error) = Run("convert", Write("broken.837", "ISA*00*short~"), "--to", "json", "--output", output);

        exit.Should().Be(ExitCodes.UnreadableInput);
        error.Should().Contain("broken.837:1: segment 1: the ISA interchange header is cut short");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void Generate_X12_GivesTheSameBytesForTheSameSeed_AndScrubReadsThem()
    {
        var a = Path.Combine(temp, "a.837");
        var b = Path.Combine(temp, "b.837");
        Run("generate", "--count", "50", "--seed", "7", "--data", SampleData, "--format", "x12", "--output", a).Exit.Should().Be(0);
        Run("generate", "--count", "50", "--seed", "7", "--data", SampleData, "--format", "x12", "--output", b).Exit.Should().Be(0);

        File.ReadAllBytes(a).Should().Equal(File.ReadAllBytes(b));
        var results = X12ClaimReader.ReadFile(a).ToList();
        results.Should().HaveCount(50).And.OnlyContain(r => r.IsReadable);
        var (exit, output, error) = Run("scrub", a, "--data", SampleData, "--format", "ndjson", "--as-of", "2026-11-01");
        exit.Should().Be(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(50);
    }
}
