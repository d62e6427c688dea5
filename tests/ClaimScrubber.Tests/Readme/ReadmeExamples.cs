using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Readme;

/// <summary>
/// The README's C# examples, run. <see cref="ReadmeTests"/> fails when a README block (less its <c>using</c> lines) is
/// not found here verbatim, so edit both together; it also compiles each block alone as a new console app's Program.cs.
/// </summary>
[Collection(ConsoleCapture.Collection)]
public class ReadmeExamples
{
    private static string DataFolder => CmsData.SampleFolder + "/cms";

    [Fact]
    public void QuickStart()
    {
        string[] args = [DataFolder];
        using var console = new ConsoleCapture();
        // README: quick-start
        string folder = args.Length > 0 ? args[0] : "data/cms"; // a folder of CMS files (see below)

        // Load once (the index is immutable), build one scrubber, share it across threads.
        CodeSetIndex index = CodeSetIndex.LoadFolder(folder);
        Scrubber scrubber = Scrubber.Create(index);

        var claim = new Claim
        {
            ClaimId = "C1",
            Setting = ClaimSetting.Professional,
            Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
            BillingNpi = Npi.Parse("1234567893"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            Lines =
            [
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("99213"),
                    Units = 0,
                    Charge = 125m,
                    ServiceDate = new DateOnly(2026, 3, 2),
                    DiagnosisPointers = [1, 2],
                },
            ],
        };

        ScrubResult result = scrubber.Scrub(claim);
        foreach (Finding finding in result.Findings)
        {
            Console.WriteLine($"{finding.RuleId} {finding.Severity} {finding.Element}: {finding.Message} Fix: {finding.FixHint}");
        }
        // README: end
        console.Lines.Should().ContainSingle().Which.Should().StartWith("CLM006 Error lines[1].units: The line bills 0 units.");
    }

    [Fact]
    public void Options()
    {
        string[] args = [DataFolder];
        // README: options
        CodeSetIndex index = CodeSetIndex.LoadFolder(args.Length > 0 ? args[0] : "data/cms");
        var options = ScrubberOptions.Default with
        {
            DisabledRules = ["CLM010"],
            SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add("LNK003", Severity.Info),
            AsOfDate = new DateOnly(2026, 6, 30),
        };
        var scrubber = Scrubber.Create(index, options); // throws ScrubberOptionsException listing every bad option
        // README: end
        scrubber.Options.DisabledRules.Should().Contain("CLM010");
    }

    [Fact]
    public void ScrubAStream()
    {
        var folder = Directory.CreateTempSubdirectory("claimscrubber-readme-").FullName;
        string[] args = [DataFolder, Path.Combine(CmsData.SampleFolder, "claims", "sample-claims.json"), Path.Combine(folder, "results.ndjson")];
        try
        {
            // README: scrub-stream
            Scrubber scrubber = Scrubber.Create(CodeSetIndex.LoadFolder(args.Length > 0 ? args[0] : "data/cms"));
            string claimsPath = args.Length > 1 ? args[1] : "data/claims/sample-claims.json";
            string resultsPath = args.Length > 2 ? args[2] : "results.ndjson";
            CancellationToken cancellationToken = CancellationToken.None; // or a token that stops the pipeline

            var pipeline = new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 2 });
            using var output = new ScrubResultJsonWriter(File.Create(resultsPath), JsonOutputFormat.Ndjson);
            foreach (ScrubbedClaim item in pipeline.Scrub(ClaimJsonReader.ReadFile(claimsPath), cancellationToken))
            {
                output.Write(item.Result); // item.Read is the claim as read
            }
            // README: end
            output.Dispose();
            File.ReadAllLines(resultsPath).Should().HaveCount(ClaimJsonReader.ReadFile(claimsPath).Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadWithReport()
    {
        string[] args = [DataFolder];
        using var console = new ConsoleCapture();
        // README: load-report
        string folder = args.Length > 0 ? args[0] : "data/cms";
        CodeSetLoadResult loaded = CmsFolderLoader.Load(folder);
        foreach (TableRelease table in loaded.Report.Tables)
        {
            Console.WriteLine($"{table.Table} {table.Release}: {table.RowCount:N0} rows from {table.SourceFile}");
        }

        foreach (LoadProblem problem in loaded.Report.Problems)
        {
            Console.WriteLine(problem); // file, line and what is wrong
        }

        loaded.Report.ThrowIfErrors(); // or carry on with what could be read
        // README: end
        console.Lines.Should().NotBeEmpty();
    }
}

/// <summary>Captures what an example writes to the console; tests using it run one at a time.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    public const string Collection = "Console";

    private readonly TextWriter original = Console.Out;
    private readonly StringWriter writer = new();

    public ConsoleCapture() => Console.SetOut(writer);

    public IReadOnlyList<string> Lines => writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        Console.SetOut(original);
        writer.Dispose();
    }
}

[CollectionDefinition(ConsoleCapture.Collection, DisableParallelization = true)]
public sealed class ConsoleCollection
{
}
