using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// Claims read and results written per second on one core, in MB/s of the JSON read or written (issue 14): typical
/// generated claims over the full CMS data (the repository's sample when the full data is absent), compact JSON as
/// <see cref="ClaimJsonWriter"/> writes it. One operation is one claim, so Mean is the time per claim; the MB/s
/// column divides the input (or output) bytes per claim by it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SerializationBenchmarks
{
    private SerializationWorkload work = null!;

    [GlobalSetup]
    public void Setup() => work = SerializationWorkload.Typical;

    [Benchmark(OperationsPerInvoke = SerializationWorkload.BatchSize)]
    public int ReadJsonArray() => SerializationWorkload.ReadJson(work.JsonArray);

    [Benchmark(OperationsPerInvoke = SerializationWorkload.BatchSize)]
    public int ReadNdjson() => SerializationWorkload.ReadJson(work.Ndjson);

    [Benchmark(OperationsPerInvoke = SerializationWorkload.BatchSize)]
    public int ReadCsv() => SerializationWorkload.ReadCsv(work.Csv);

    [Benchmark(OperationsPerInvoke = SerializationWorkload.BatchSize)]
    public long WriteResultsArray() => work.WriteResults(JsonOutputFormat.Array);

    [Benchmark(OperationsPerInvoke = SerializationWorkload.BatchSize)]
    public long WriteResultsNdjson() => work.WriteResults(JsonOutputFormat.Ndjson);

    /// <summary>Adds the MB/s column: the bytes each benchmark reads or writes per claim over its mean time per claim.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (10^6) of JSON or CSV read or written per second, on one core";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var bytes = SerializationWorkload.Typical.BytesPerClaim(benchmarkCase.Descriptor.WorkloadMethod.Name);
            if (report?.ResultStatistics is not { } statistics || bytes is null)
            {
                return "-";
            }

            // Mean is nanoseconds per claim; bytes per nanosecond times 1,000 is MB/s.
            return (bytes.Value / statistics.Mean * 1000).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

/// <summary>The claims and results the serialization benchmarks read and write, built once per process.</summary>
internal sealed class SerializationWorkload
{
    public const int BatchSize = 10_000;

    private static readonly Lazy<SerializationWorkload> TypicalWorkload = new(() =>
        new SerializationWorkload(BenchmarkData.FullFolder is null ? BenchmarkData.Sample : BenchmarkData.Full, BatchSize));

    private static readonly Lazy<SerializationWorkload> SampleWorkload = new(() => new SerializationWorkload(BenchmarkData.Sample, 1_000));

    private readonly ScrubResult[] results;
    private readonly MemoryStream output;
    private readonly long resultsArrayBytes;
    private readonly long resultsNdjsonBytes;

    private SerializationWorkload(CodeSetIndex index, int count)
    {
        var claims = BenchmarkData.Workload(index, "typical", count);
        JsonArray = WriteClaims(claims, JsonOutputFormat.Array);
        Ndjson = WriteClaims(claims, JsonOutputFormat.Ndjson);
        Csv = WriteCsv(claims);
        var scrubber = Scrubber.Create(index, BenchmarkData.Options);
        results = [.. claims.Select(scrubber.Scrub)];
        output = new MemoryStream();
        resultsArrayBytes = WriteResults(JsonOutputFormat.Array);
        resultsNdjsonBytes = WriteResults(JsonOutputFormat.Ndjson);
        Count = count;

        // A benchmark that reads fewer claims than were written measures nothing.
        if (ReadJson(JsonArray) != count || ReadJson(Ndjson) != count || ReadCsv(Csv) != count)
        {
            throw new InvalidOperationException("The readers did not read back every generated claim.");
        }
    }

    /// <summary>Gets the typical workload: full data when present, else the repository's sample.</summary>
    public static SerializationWorkload Typical => TypicalWorkload.Value;

    /// <summary>Gets a small workload on the repository's sample, for the CI smoke run.</summary>
    public static SerializationWorkload Sample => SampleWorkload.Value;

    public int Count { get; }

    public byte[] JsonArray { get; }

    public byte[] Ndjson { get; }

    public byte[] Csv { get; }

    public static int ReadJson(byte[] json)
    {
        var readable = 0;
        foreach (var result in ClaimJsonReader.Read(new MemoryStream(json, writable: false)))
        {
            readable += result.IsReadable ? 1 : 0;
        }

        return readable;
    }

    public static int ReadCsv(byte[] csv)
    {
        var readable = 0;
        using var text = new StreamReader(new MemoryStream(csv, writable: false), Encoding.UTF8);
        foreach (var result in ClaimCsvReader.Read(text))
        {
            readable += result.IsReadable ? 1 : 0;
        }

        return readable;
    }

    public long WriteResults(JsonOutputFormat format)
    {
        output.SetLength(0);
        using (var writer = new ScrubResultJsonWriter(output, format, leaveOpen: true))
        {
            foreach (var result in results)
            {
                writer.Write(result);
            }
        }

        return output.Length;
    }

    /// <summary>The bytes a benchmark of <paramref name="method"/> reads or writes per claim, or <see langword="null"/>.</summary>
    public double? BytesPerClaim(string method) => method switch
    {
        nameof(SerializationBenchmarks.ReadJsonArray) => (double)JsonArray.Length / Count,
        nameof(SerializationBenchmarks.ReadNdjson) => (double)Ndjson.Length / Count,
        nameof(SerializationBenchmarks.ReadCsv) => (double)Csv.Length / Count,
        nameof(SerializationBenchmarks.WriteResultsArray) => (double)resultsArrayBytes / Count,
        nameof(SerializationBenchmarks.WriteResultsNdjson) => (double)resultsNdjsonBytes / Count,
        _ => null,
    };

    private static byte[] WriteClaims(Claim[] claims, JsonOutputFormat format)
    {
        var stream = new MemoryStream();
        using (var writer = new ClaimJsonWriter(stream, format, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        return stream.ToArray();
    }

    private static byte[] WriteCsv(Claim[] claims)
    {
        var text = new StringWriter();
        using (var writer = new ClaimCsvWriter(text, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
