using BenchmarkDotNet.Attributes;
using ClaimScrubber.Generation;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// One claim of 1 to 999 lines (the 837I's most), every rule on, against the full CMS tables: the time per claim must grow
/// with its lines, not with its pairs of lines. <c>spread</c> claims take their lines from generated claims with their
/// own dates of service; <c>oneDay</c> puts every line on one date, the worst case for the checks that pair lines of a
/// date (NCCI PTP and MUE, duplicates, same-day modifiers). One operation is one claim.
/// </summary>
[MemoryDiagnoser]
public class ClaimSizeBenchmarks
{
    private Scrubber scrubber = null!;
    private Claim claim = null!;

    [Params(1, 10, 100, 500, 999)]
    public int Lines { get; set; } = 999;

    [Params("spread", "oneDay")]
    public string Shape { get; set; } = "spread";

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchmarkData.Full;
        scrubber = Scrubber.Create(index, BenchmarkData.Options);
        claim = LargeClaims.Build(index, Lines, Shape == "oneDay");
    }

    [Benchmark]
    public int Scrub() => scrubber.Scrub(claim).Findings.Length;
}

/// <summary>Builds claims of many lines from generated claims (the typical workload's codes, modifiers, units and dates).</summary>
internal static class LargeClaims
{
    public static Claim Build(CodeSetIndex index, int lineCount, bool oneDay, int seed = 20261123)
    {
        var generated = new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = seed }).Generate(lineCount).GetEnumerator();
        generated.MoveNext();
        var first = generated.Current;
        var lines = new List<ServiceLine>(lineCount);
        do
        {
            foreach (var line in generated.Current.Lines)
            {
                if (lines.Count < lineCount)
                {
                    lines.Add(oneDay ? OnDate(line, first.Lines[0].ServiceDate) : line);
                }
            }
        }
        while (lines.Count < lineCount && generated.MoveNext());

        return new Claim
        {
            ClaimId = first.ClaimId, Setting = first.Setting, Patient = first.Patient, BillingNpi = first.BillingNpi, RenderingNpi = first.RenderingNpi,
            PlaceOfService = first.PlaceOfService, FrequencyCode = first.FrequencyCode, Diagnoses = first.Diagnoses, Lines = [.. lines],
        };
    }

    private static ServiceLine OnDate(ServiceLine line, DateOnly? date) => new()
    {
        ProcedureCode = line.ProcedureCode, Modifiers = line.Modifiers, Units = line.Units, Charge = line.Charge, ServiceDate = date,
        ServiceDateTo = line.ServiceDateTo is null ? null : date, PlaceOfService = line.PlaceOfService, DiagnosisPointers = line.DiagnosisPointers,
        RenderingNpi = line.RenderingNpi, RevenueCode = line.RevenueCode,
    };
}
