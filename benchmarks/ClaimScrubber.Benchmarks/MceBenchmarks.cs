using BenchmarkDotNet.Attributes;
using ClaimScrubber.Compatibility;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// The Medicare Code Editor diagnosis edits alone, in CMS's own terms, over the 5,000 golden MCE claims: compare claims/s
/// with CMS's MCE software (about 22,000 claims/s on one thread on this kind of machine). One operation is one claim.
/// </summary>
[MemoryDiagnoser]
public class MceBenchmarks
{
    private MceCompatibleEditor editor = null!;
    private MceClaimInput[] claims = null!;

    [GlobalSetup]
    public void Setup()
    {
        editor = MceCompatibleEditor.Create(BenchmarkData.Full);
        var path = Path.Combine(Path.GetDirectoryName(BenchmarkData.FullFolder!)!, "golden", "mce", "claims.tsv");
        using var reader = new StreamReader(path);
        claims = [.. MceCompatibleEditor.ReadClaims(reader)];
        if (claims.Length != 5_000)
        {
            throw new InvalidOperationException($"Expected the 5,000 golden MCE claims, found {claims.Length}; OperationsPerInvoke would be wrong.");
        }
    }

    [Benchmark(OperationsPerInvoke = 5_000)]
    public int EditGoldenClaims()
    {
        var edited = 0;
        foreach (var claim in claims)
        {
            edited += editor.Edit(claim).Diagnoses.Length;
        }

        return edited;
    }
}
