using BenchmarkDotNet.Attributes;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// The benchmarks' plumbing against the repository's small sample data, run by CI as a dry job (seconds) so that a
/// broken benchmark is caught without timing anything. Figures from it mean nothing.
/// </summary>
[BenchmarkCategory("Smoke")]
[MemoryDiagnoser]
public class SmokeBenchmarks
{
    private Scrubber scrubber = null!;
    private Claim[] claims = null!;
    private NaiveChecks naive = null!;
    private NaiveClaim[] naiveClaims = null!;
    private readonly Lazy<(string Folder, string Snapshot, string Json, string Ndjson, string One)> harnessFiles = new(() => HarnessFiles.Make(BenchmarkData.Sample, 1_000));
    private Claim largeClaim = null!;
    private byte[] x12 = [];

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.Sample;
        scrubber = Scrubber.Create(index, BenchmarkData.Options);
        claims = BenchmarkData.Workload(index, "typical", 1_000);
        largeClaim = LargeClaims.Build(index, ClaimLimits.MaxServiceLines, oneDay: true);

        // The baseline's plumbing: the naive checks must agree with the library on the sample too.
        naive = NaiveChecks.Build(index);
        naiveClaims = NaiveChecks.ToNaive(claims);
        naive.AssertSameFindings(claims, NaiveChecks.LibraryEquivalent(index));
        x12 = X12ReadBenchmarks.Files(index, "837I", 200).X12;
    }

    [Benchmark]
    public int ReadX12Sample() => Serialization.X12.X12ClaimReader.Read(new MemoryStream(x12, writable: false)).Count(r => r.IsReadable);

    [Benchmark]
    public int NaiveSample()
    {
        var tally = new int[NaiveChecks.RuleIds.Length];
        foreach (var claim in naiveClaims)
        {
            naive.Check(claim, tally);
        }

        return tally.Sum();
    }

    [Benchmark]
    public long MeasureSampleMemory() => IndexMemory.Measure(BenchmarkData.SampleFolder, readers: null).HeapBytes + IndexMemory.Measure(BenchmarkData.SampleFolder, IndexMemory.Families[5].Readers).HeapBytes;

    [Benchmark]
    public int ScrubSample()
    {
        var findings = 0;
        foreach (var claim in claims)
        {
            findings += scrubber.Scrub(claim).Findings.Length;
        }

        return findings;
    }

    /// <summary>The plumbing of <see cref="ClaimSizeBenchmarks"/>: its largest, worst-shaped claim.</summary>
    [Benchmark]
    public int ScrubLargestClaimSample() => scrubber.Scrub(largeClaim).Findings.Length;

    [Benchmark]
    public CodeSetIndex LoadSample() => BenchmarkData.Load(BenchmarkData.SampleFolder);

    [Benchmark]
    public int ReadSampleClaims()
    {
        var sample = SerializationWorkload.Sample;
        return SerializationWorkload.ReadJson(sample.JsonArray) + SerializationWorkload.ReadJson(sample.Ndjson) + SerializationWorkload.ReadCsv(sample.Csv);
    }

    [Benchmark]
    public long WriteSampleResults() => SerializationWorkload.Sample.WriteResults(Serialization.JsonOutputFormat.Array) + SerializationWorkload.Sample.WriteResults(Serialization.JsonOutputFormat.Ndjson);

    [Benchmark]
    public int PipelineSample()
    {
        var findings = 0;
        foreach (var result in new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 2 }).ScrubClaims(claims))
        {
            findings += result.Findings.Length;
        }

        return findings;
    }

    /// <summary>The harness benchmarks' plumbing (snapshot, generated files, the harness process) on the sample data.</summary>
    [Benchmark]
    public int HarnessSample()
    {
        var files = harnessFiles.Value;
        return HarnessFiles.Run("scrub", files.Json, "--data", files.Snapshot, "--format", "json", "--output", Path.Combine(files.Folder, "results.json"), "--parallel", "2", "--quiet");
    }
}
