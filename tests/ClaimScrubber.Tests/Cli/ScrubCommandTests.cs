using System.Text.Json;
using ClaimScrubber.Cli.Commands;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Serialization;
using ClaimScrubber.Tests.Support;

using static ClaimScrubber.Tests.Support.CliRunner;

namespace ClaimScrubber.Tests.Cli;

public sealed class ScrubCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-cli-").FullName;
    private readonly string samples = Path.Combine(ClaimJsonReaderTests.RepoRoot(), "data", "claims");

    private static string SampleData => Path.Combine(ClaimJsonReaderTests.RepoRoot(), "data", "cms");

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
        var (exit, output, error) = Run("scrub", file, "--data", SampleData, "--format", "json", "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        using var document = JsonDocument.Parse(output);
        var ids = document.RootElement.EnumerateArray().Select(r => r.GetProperty("claimId").GetString()).ToList();
        ids.Should().Equal(ClaimJsonReader.ReadFile(file).Select(r => r.ClaimId));
        var unreadable = document.RootElement.EnumerateArray().Single(r => r.GetProperty("claimId").GetString() == "CLM001-UNREADABLE");
        unreadable.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().Equal("CLM001", "CLM001", "CLM001", "CLM001");
        document.RootElement.EnumerateArray().Single(r => r.GetProperty("claimId").GetString() == "CLEAN-01").GetProperty("findings").GetArrayLength().Should().Be(0);
        document.RootElement.EnumerateArray().Should().OnlyContain(r => r.EnumerateObject().All(m => m.Name != "partialData"), "a healthy load adds nothing to the contract");
        error.Should().Contain("scrubbed 20 claim(s): ").And.Contain(" 1 unreadable; ").And.EndWith($"; 19 table(s) loaded{Environment.NewLine}");
    }

    [Fact]
    public void Scrub_JsonFormat_IsCompactByDefault_AndIndentedWithIndent_WithTheSameResults()
    {
        var file = Path.Combine(samples, "sample-claims.json");
        var compact = Run("scrub", file, "--data", SampleData, "--format", "json", "--as-of", "2026-11-01", "--quiet");
        var indented = Run("scrub", file, "--data", SampleData, "--format", "json", "--as-of", "2026-11-01", "--quiet", "--indent");

        compact.Exit.Should().Be(0, compact.Error);
        indented.Exit.Should().Be(0, indented.Error);
        compact.Output.TrimEnd().Should().NotContain("\n", "compact output has no line break inside the array");
        indented.Output.Split('\n').Length.Should().BeGreaterThan(100);
        using var a = JsonDocument.Parse(compact.Output);
        using var b = JsonDocument.Parse(indented.Output);
        JsonSerializer.Serialize(a.RootElement).Should().Be(JsonSerializer.Serialize(b.RootElement));
    }

    [Fact]
    public void Scrub_NdjsonInParallel_MatchesTheSequentialOutput()
    {
        var sequential = Run("scrub", samples, "--data", SampleData, "--format", "ndjson", "--as-of", "2026-11-01");
        var parallel = Run("scrub", samples, "--data", SampleData, "--format", "ndjson", "--as-of", "2026-11-01", "--parallel", "4");

        sequential.Exit.Should().Be(0);
        parallel.Exit.Should().Be(0);
        parallel.Output.Should().Be(sequential.Output);
        var expected = Directory.GetFiles(samples, "*.json").Sum(f => ClaimJsonReader.ReadFile(f).Count()) + ClaimCsvReader.ReadFile(Path.Combine(samples, "sample-lines.csv")).Count()
            + Directory.GetFiles(samples, "*.837").Sum(f => ClaimScrubber.Serialization.X12.X12ClaimReader.ReadFile(f).Count());
        sequential.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(expected).And.OnlyContain(l => l.StartsWith("{\"claimId\":", StringComparison.Ordinal));
    }

    [Fact]
    public void Scrub_TextFormat_PrintsFindingsAndTheSummary()
    {
        var file = Path.Combine(samples, "sample-lines.csv");
        var (exit, output, _) = Run("scrub", file, "--data", EmptyDataFolder(), "--allow-partial-data", "--as-of", "2026-11-01");

        exit.Should().Be(0);
        output.Should().Contain($"CSV-02 ({file}:5): unreadable, 1 element error(s); not scrubbed");
        output.Should().Contain("CLM001  line 2 lines[2].units: The value is not a number");
        output.Should().MatchRegex(@"Claims\s+3 \(1 unreadable\)");
        output.Should().MatchRegex(@"Clean claims\s+2 \(66\.7% clean-claim rate\)");
        output.Should().Contain("Tables loaded: none");
        output.Should().Contain("Partial data (--allow-partial-data): 1 load error(s) in .; findings that need the missing tables are not reported, so a clean claim here is not known to be clean.");
    }

    [Fact]
    public void Scrub_MalformedJsonFile_ExitsWith2_NamingTheFileAndLine()
    {
        var file = Path.Combine(temp, "broken.json");
        File.WriteAllText(file, "[\n {\"claimId\": \"A\"},\n {\"claimId\": \"B\"\n");

        var output = Path.Combine(temp, "results.json");
        var (exit, _, error) = Run("scrub", file, "--data", SampleData, "--format", "json", "--output", output);

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
    public void DataReport_ShowsEveryTablesCoverage_AgainstTheAsOfDate()
    {
        // Issue 12 item 4: each table's cadence and the dates its loaded releases cover, against today.
        var (exit, output, _) = Run("data-report", "--data", SampleData, "--as-of", "2026-06-15");

        exit.Should().Be(0);
        output.Should().Contain("Coverage on 2026-06-15: 8 table(s) out of date; a date of service after a table's coverage is checked against its latest loaded release (rule CLM020, opt-in, says so on each claim).");
        var rows = output.Split('\n').Select(l => string.Join(" | ", l.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
        rows.Should().Contain("PFS RVU | quarterly | 2025-10-01 to 2025-12-31 | out of date: a newer release is due");
        rows.Should().Contain("NCCI PTP practitioner | quarterly | 2024-07-01 to 2024-09-30 | out of date: a newer release is due");
        rows.Should().Contain("NCCI MUE practitioner | quarterly | 2026-04-01 to 2026-06-30 | current");
        rows.Should().Contain("ICD-10-CM order file | yearly (October) | 2024-10-01 to 2026-09-30 | current");
        rows.Should().Contain("Medicare Code Editor | October and April | 2023-10-01 to 2026-09-30 | current");
        rows.Should().Contain("CMS place of service codes | when changed | no end (no schedule) | current");

        Run("data-report", "--data", SampleData, "--as-of", "2026-07-01").Output.Should().Contain("Coverage on 2026-07-01: 12 table(s) out of date");
        Run("data-report", "--data", SampleData, "--as-of", "June").Exit.Should().NotBe(0);
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

    [Fact]
    public void DataReport_WithoutOppsAddendumB_SaysWhichEditsAreOff_AndWhatTurnsThemOn()
    {
        var data = TestFolders.CopyTree(SampleData, Path.Combine(temp, "no-opps"));
        Directory.Delete(Path.Combine(data, "opps"), recursive: true);

        var (exit, output, error) = Run("data-report", "--data", data);
        var (_, full, _) = Run("data-report", "--data", SampleData);

        exit.Should().Be(0, error);
        string.Join(' ', output.Split(Environment.NewLine).Select(l => l.Trim())).Should()
            .Contain("Off without OPPS Addendum B (OPPS001, OPPS002, OPPS003, OPPS004, OPPS005, OPPS006, OPPS007): Hospital outpatient bills are not checked against OPPS status indicators")
            .And.Contain("Load CMS's quarterly OPPS Addendum B, as posted (YYYY_month_web_addendum_b.MMDDYYYY.csv or .xlsx).");
        full.Should().NotContain("Off without", "the sample has every table the built-in rules read");
    }

    /// <summary>A copy of the sample data with one ICD-10-CM order row cut short: a load error, as a truncated download gives.</summary>
    private string DamagedData()
    {
        var data = TestFolders.CopyTree(SampleData, Path.Combine(temp, "damaged"));
        File.AppendAllText(Path.Combine(data, "icd10cm", "icd10cm_order_2026.txt"), "99999 E119    1 Type 2 diabetes\n");
        return data;
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Scrub_DataWithALoadError_StopsBeforeAnyClaim_WithExit2_ListingTheError(string format)
    {
        var output = Path.Combine(temp, "results.out");

        var (exit, stdout, error) = Run("scrub", samples, "--data", DamagedData(), "--format", format, "--output", output);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        File.Exists(output).Should().BeFalse();
        Directory.EnumerateFiles(temp).Should().BeEmpty("no temporary output is left behind either");
        error.Should().StartWith($"error: the data in '{Path.Combine(temp, "damaged")}' did not load cleanly: 1 error(s), listed below; stopped before any claim was scrubbed. Fix or replace the data, or pass --allow-partial-data to go on with what loaded.{Environment.NewLine}");
        error.Should().Contain("error: icd10cm/icd10cm_order_2026.txt:73: ");
        error.Should().NotContain("claim(s)", "no claim was scrubbed");
    }

    [Fact]
    public void Scrub_EmptyDataFolder_StopsWithExit2_InsteadOfReportingEveryClaimClean()
    {
        var (exit, stdout, error) = Run("scrub", samples, "--data", EmptyDataFolder(), "--format", "ndjson");

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        // The library reports a folder of no recognised table as a load error, so the strict harness stops on it.
        error.Should().StartWith($"error: the data in '{EmptyDataFolder()}' did not load cleanly: 1 error(s), listed below; stopped before any claim was scrubbed.")
            .And.Contain("error: .: No file in the folder is a CMS table this library recognises (0 file(s) passed over)");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Scrub_WithAllowPartialData_GoesOn_AndEveryResultCarriesTheMarker(string format)
    {
        var file = Path.Combine(samples, "sample-claims.json");
        var healthy = Run("scrub", file, "--data", SampleData, "--format", format, "--as-of", "2026-11-01");
        var (exit, stdout, error) = Run("scrub", file, "--data", DamagedData(), "--allow-partial-data", "--format", format, "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        error.Should().StartWith("warning: the data in '").And.Contain("going on with partial data (--allow-partial-data)");
        error.Should().Contain("; 18 table(s) loaded; PARTIAL DATA: 1 load error(s) in icd10cm/icd10cm_order_2026.txt", "the damaged FY2026 file contributes nothing");
        var results = format == "json"
            ? JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList()
            : [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        results.Should().HaveCount(20);
        foreach (var result in results)
        {
            var marker = result.GetProperty("partialData");
            marker.GetProperty("tablesLoaded").GetInt32().Should().Be(18, "the damaged FY2026 file contributes nothing");
            marker.GetProperty("loadErrors").GetInt32().Should().Be(1);
            marker.GetProperty("files").EnumerateArray().Select(f => f.GetString()).Should().Equal("icd10cm/icd10cm_order_2026.txt");
            result.EnumerateObject().Select(m => m.Name).Should().Equal("claimId", "findings", "partialData");
        }

        // Apart from the marker, the results are the contract's, member for member.
        var plain = format == "json"
            ? JsonDocument.Parse(healthy.Output).RootElement.EnumerateArray().Select(r => r.GetProperty("findings").ToString()).ToList()
            : [.. healthy.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("findings").ToString())];
        // The damaged FY2026 order file contributes nothing, so 2026 diagnoses are judged against FY2025: the findings
        // differ from a healthy run's, claim for claim in the same order.
        results.Should().HaveCount(plain.Count);
        results.Select(r => r.GetProperty("findings").ToString()).Should().NotEqual(plain);
    }

    [Fact]
    public void Scrub_HealthyData_ItsNotesAreOneLine_AllOfThemWithVerbose_NoneWithQuiet()
    {
        var file = Path.Combine(samples, "sample-lines.csv");
        var plain = Run("scrub", file, "--data", SampleData, "--format", "ndjson");
        var verbose = Run("scrub", file, "--data", SampleData, "--format", "ndjson", "--verbose");
        var quiet = Run("scrub", file, "--data", SampleData, "--format", "ndjson", "--quiet");

        plain.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"note: the data load left 3 note(s), none refusing data; 'data-report --data \"{SampleData}\"' (or --verbose) lists them.",
            "scrubbed 3 claim(s): 2 clean (66.7%), 1 unreadable; 1 finding(s): 1 error, 0 warning, 0 info; 19 table(s) loaded");
        verbose.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4, "the 3 notes (the sample's own among them) and the summary").And.Contain(l => l.StartsWith("warning: icd10cm/", StringComparison.Ordinal));
        quiet.Error.Should().BeEmpty();
        quiet.Output.Should().Be(plain.Output).And.Be(verbose.Output);
    }

    [Fact]
    public void Scrub_TextReport_NamesEachClaimsFile_AndWritesLongLinesWhole()
    {
        var output = Path.Combine(temp, "report.txt");

        var (exit, _, error) = Run("scrub", samples, "--data", SampleData, "--output", output, "--as-of", "2026-11-01");

        exit.Should().Be(0, error);
        var lines = File.ReadAllLines(output);
        lines.Should().Contain(l => l.StartsWith($"CV-PX001-UNKNOWN-LEVEL2 ({Path.Combine(samples, "code-validity-claims.json")}:", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith($"CSV-02 ({Path.Combine(samples, "sample-lines.csv")}:5)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Length > 200, "a long fix hint stays on its line");
        lines.Where(l => l.StartsWith("                  fix: ", StringComparison.Ordinal)).Should().OnlyContain(l => l.EndsWith(')') || l.EndsWith(']') || l.EndsWith('.'), "no line is cut to a page width");
        lines.Should().Contain("── Summary " + new string('─', 69));
    }

    [Fact]
    public void Scrub_FailingRun_LeavesAnEarlierOutputFileAsItWas()
    {
        var output = Path.Combine(temp, "results.json");
        File.WriteAllText(output, "[]\n");
        var broken = Path.Combine(temp, "broken.json");
        File.WriteAllText(broken, "[{\"claimId\": \"A\"},");

        var (exit, _, _) = Run("scrub", broken, "--data", SampleData, "--format", "json", "--output", output);

        exit.Should().Be(2);
        File.ReadAllText(output).Should().Be("[]\n");
        Directory.EnumerateFiles(temp).Select(Path.GetFileName).Should().BeEquivalentTo("results.json", "broken.json");
    }

    [Fact]
    public void Scrub_OutputInAFolderThatDoesNotExist_ExitsWith2_SayingSo()
    {
        var output = Path.Combine(temp, "nowhere", "results.json");

        var (exit, _, error) = Run("scrub", samples, "--data", SampleData, "--format", "json", "--output", output);

        exit.Should().Be(2);
        error.Should().Contain($"error: '{output}' cannot be written: ");
    }

    [Fact]
    public void Scrub_InterruptedBeforeItStarts_ExitsWith130_AndWritesNoFile()
    {
        using var interruption = Interruption.Manual();
        interruption.Interrupt(ExitCodes.Interrupted);
        var output = Path.Combine(temp, "results.json");

        var (exit, _, error) = RunWith(new CliContext(interruption), "scrub", samples, "--data", SampleData, "--format", "json", "--output", output);

        exit.Should().Be(130);
        error.Should().Be($"error: interrupted by SIGINT; no --output file was written.{Environment.NewLine}");
        Directory.EnumerateFiles(temp).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnexpectedFailure_IsOneLineAndExit3_WithTheStackOnlyUnderVerbose(bool verbose)
    {
        var context = new CliContext(Interruption.Manual());
        var command = new System.CommandLine.RootCommand { context.Verbose, context.Quiet };
        var error = new StringWriter();
        command.SetAction(parse => context.Run(parse, (_, _) => throw new InvalidOperationException("a defect")));

        var exit = command.Parse(verbose ? ["--verbose"] : []).Invoke(new System.CommandLine.InvocationConfiguration { Error = error });

        exit.Should().Be(3);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        if (verbose)
        {
            lines[0].Should().Be("error: the command failed unexpectedly (InvalidOperationException: a defect).");
            lines.Should().Contain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
        else
        {
            lines.Should().Equal("error: the command failed unexpectedly (InvalidOperationException: a defect); run it again with --verbose for the details.");
        }
    }

    [Fact]
    public void DataReport_OnADamagedFolder_ReportsTheErrors_AndExits0()
    {
        var data = DamagedData();
        File.WriteAllBytes(Path.Combine(data, "hcpcs", "HCPC2026_JAN_ANWEB.xlsx"), [(byte)'P', (byte)'K', 3, 4, 1, 2, 3]);

        var (exit, output, error) = Run("data-report", "--data", data);

        exit.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().Contain("Problems: 2 error(s), 4 warning(s)");
        output.Should().Contain("error: hcpcs/HCPC2026_JAN_ANWEB.xlsx: The file could not be read");
    }
}
