using BenchmarkDotNet.Attributes;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// The library against a naive, string-keyed version of its hottest checks (<see cref="NaiveChecks"/>: ICD-10-CM
/// validity on the date, NCCI PTP, MUE), over the same typical claims and the same full tables. The library side runs
/// exactly those checks (DX001–DX003, NCCI001–003, NCCI020–023); setup throws unless both report the same number of
/// findings of each rule (a scrubber runs only the checks with a rule on). <see cref="NoRules"/> is the scrubber's
/// fixed cost per claim, with every rule disabled. One operation is one claim.
/// </summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private const int BatchSize = 10_000;

    private NaiveChecks naive = null!;
    private NaiveClaim[] naiveClaims = null!;
    private Claim[] claims = null!;
    private Scrubber library = null!;
    private Scrubber noRules = null!;
    private int[] tally = null!;

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.Full;
        claims = BenchmarkData.Workload(index, "typical", BatchSize);
        naive = NaiveChecks.Build(index);
        naiveClaims = NaiveChecks.ToNaive(claims);
        library = NaiveChecks.LibraryEquivalent(index);
        noRules = NaiveChecks.NoRules(index);
        tally = new int[NaiveChecks.RuleIds.Length];
        naive.AssertSameFindings(claims, library);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int NaiveStringKeyed()
    {
        Array.Clear(tally);
        foreach (var claim in naiveClaims)
        {
            naive.Check(claim, tally);
        }

        return tally.Sum();
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Library() => Scrub(library);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int NoRules() => Scrub(noRules);

    private int Scrub(Scrubber scrubber)
    {
        var findings = 0;
        foreach (var claim in claims)
        {
            findings += scrubber.Scrub(claim).Findings.Length;
        }

        return findings;
    }
}
