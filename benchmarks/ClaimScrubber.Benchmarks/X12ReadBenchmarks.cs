using BenchmarkDotNet.Attributes;
using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// Reading 837 files into claims on one core (issue 13: at least 200 MB/s): 20,000 generated claims written as an 837P,
/// or as an 837I (outpatient, revenue code per line), read from memory so that the disk is not measured. NDJSON of the
/// same claims is the baseline. One operation reads the whole file: MB/s is <see cref="Bytes"/> over the mean, which
/// <c>benchmarks/README.md</c> records beside it.
/// </summary>
[MemoryDiagnoser]
public class X12ReadBenchmarks
{
    private const int Claims = 20_000;

    private byte[] x12 = [];
    private byte[] ndjson = [];

    [Params("837P", "837I")]
    public string Form { get; set; } = "837P";

    /// <summary>Gets the size of the X12 input, for MB/s.</summary>
    public long Bytes => x12.LongLength;

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.FullFolder is null ? BenchmarkData.Sample : BenchmarkData.Full;
        (x12, ndjson) = Files(index, Form, Claims);
        Console.WriteLine($"// {Form}: {x12.Length:N0} bytes of X12, {ndjson.Length:N0} bytes of NDJSON for {Claims:N0} claims");
    }

    [Benchmark]
    public int ReadX12() => Read(X12ClaimReader.Read(new MemoryStream(x12, writable: false), null, _ => { }));

    [Benchmark(Baseline = true)]
    public int ReadNdjson() => Read(ClaimJsonReader.Read(new MemoryStream(ndjson, writable: false)));

    /// <summary>The same claims as an 837 and as NDJSON.</summary>
    internal static (byte[] X12, byte[] Ndjson) Files(CodeSetIndex index, string form, int count)
    {
        var claims = new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = 20261123 }).Generate(count);
        if (form == "837I")
        {
            var outpatient = TypeOfBill.Parse("13");
            claims = claims.Select(c => InstitutionalShape.Apply(c, outpatient));
        }

        var list = claims.ToList();
        var x12 = new MemoryStream();
        using (var writer = new X12ClaimWriter(x12, new X12WriterOptions { Created = new DateTime(2026, 10, 15, 9, 30, 0, DateTimeKind.Unspecified) }, leaveOpen: true))
        {
            list.ForEach(writer.Write);
        }

        var json = new MemoryStream();
        using (var writer = new ClaimJsonWriter(json, JsonOutputFormat.Ndjson, leaveOpen: true))
        {
            list.ForEach(writer.Write);
        }

        return (x12.ToArray(), json.ToArray());
    }

    private static int Read(IEnumerable<ClaimReadResult> results)
    {
        var lines = 0;
        foreach (var result in results)
        {
            lines += result.Claim?.Lines.Length ?? -1_000_000;
        }

        return lines > 0 ? lines : throw new InvalidOperationException("A generated claim did not read back.");
    }
}
