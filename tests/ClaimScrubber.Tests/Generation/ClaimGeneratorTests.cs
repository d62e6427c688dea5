using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;
using E = ClaimScrubber.Generation.ClaimGenerator.InjectedError;

namespace ClaimScrubber.Tests.Generation;

public class ClaimGeneratorTests
{
    private static readonly ScrubberOptions AsOf = ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) };

    // The rule each injected error must raise against the full CMS data (the MUE one by the code's adjudication indicator).
    private static readonly Dictionary<E, string[]> ExpectedRules = new()
    {
        [E.HeaderDiagnosis] = ["DX003"],
        [E.DeletedDiagnosis] = ["DX002"],
        [E.UnknownDiagnosis] = ["DX001"],
        [E.UnknownProcedure] = ["PX001"],
        [E.UnitsOverMue] = ["NCCI020", "NCCI021", "NCCI022"],
        [E.ZeroUnits] = ["CLM006"],
        [E.Modifier25OnProcedure] = ["MOD025"],
        [E.PointerToNowhere] = ["LNK001"],
        [E.DuplicateLine] = ["CLM010"],
        [E.FutureDate] = ["CLM004"],
        [E.DateBeforeBirth] = ["CLM005"],
        [E.MistypedNpi] = ["CLM008"],
    };

    private static readonly string[] PtpRules = ["NCCI001", "NCCI002", "NCCI003"];

    private readonly ITestOutputHelper output;

    public ClaimGeneratorTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Generate_SameSeed_GivesTheSameClaims()
    {
        var a = Json(new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 7, ErrorRate = 0.5 }).Generate(200));
        var b = Json(new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 7, ErrorRate = 0.5 }).Generate(200));
        a.Should().Equal(b);
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentClaims()
    {
        var a = Json(new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 7 }).Generate(200));
        var b = Json(new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 8 }).Generate(200));
        a.Zip(b).Count(p => p.First == p.Second).Should().BeLessThan(5, "two seeds share a claim only by chance");
    }

    [Fact]
    public void Generate_ShapesClaimsAsAsked()
    {
        var claims = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0 }).Generate(500).ToList();
        claims.Select(c => c.ClaimId).Should().Equal(Enumerable.Range(1, 500).Select(i => $"G{i}"));
        claims.Should().OnlyContain(c => c.Diagnoses.Length == 4 && c.Lines.Length >= 1 && c.Lines.Length <= 5);
        claims.Should().OnlyContain(c => c.Lines[0].ProcedureCode!.Value.ToString().StartsWith("992", StringComparison.Ordinal), "each claim bills a visit first");
        claims.SelectMany(c => c.Lines).Should().OnlyContain(l => l.ServiceDate >= new DateOnly(2025, 10, 1) && l.ServiceDate <= new DateOnly(2026, 9, 30));
        claims.SelectMany(c => c.Lines).Select(l => l.Units).Distinct().Order().Should().Equal(1m, 2m, 3m, 4m);
    }

    [Fact]
    public void Generate_WithoutTables_EveryTableFreeInjectedErrorIsFound_AndNothingElse()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, AsOf);
        var generated = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0.5 }).GenerateDescribed(2000).ToList();

        // Without tables, only the structure and pointer rules run; an MUE error falls back to zero units, as no MUE is known.
        E[] tableFree = [E.ZeroUnits, E.PointerToNowhere, E.DuplicateLine, E.FutureDate, E.DateBeforeBirth, E.MistypedNpi];
        generated.Should().NotContain(g => g.Error == E.UnitsOverMue || g.Error == E.DeletedDiagnosis);
        foreach (var g in generated)
        {
            var rules = scrubber.Scrub(g.Claim).Findings.Select(f => f.RuleId).Distinct().ToList();
            if (tableFree.Contains(g.Error))
            {
                rules.Should().Equal(ExpectedRules[g.Error], $"{g.Claim.ClaimId} carries {g.Error}");
            }
            else
            {
                rules.Should().BeEmpty($"{g.Claim.ClaimId} carries {g.Error}, which needs tables");
            }
        }

        generated.Count(g => g.Error != E.None).Should().BeInRange(930, 1070, "half of 2,000, within 3 standard deviations");
    }

    [Fact]
    public void Generate_ClaimsRoundTripThroughTheJsonWriterAndReader()
    {
        var claims = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0.6 }).Generate(1000).ToList();
        AssertRoundTrips(claims);
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        var act = () => new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 1.5 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ErrorRate");
        act = () => new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { NcciPairRate = -0.1 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("NcciPairRate");
    }

    [CmsFact]
    public void Generate_FullData_InjectsTheErrorRate_EachKindFoundByItsRule()
    {
        var generator = new ClaimGenerator(FullCmsData.Result.Index, ClaimGeneratorOptions.Default with { Seed = 20261123, ErrorRate = 0.1 });
        var scrubber = Scrubber.Create(FullCmsData.Result.Index, AsOf);
        var generated = generator.GenerateDescribed(10_000).Select(g => (g.Claim, g.Error, g.HasPtpPair, Rules: scrubber.Scrub(g.Claim).Findings.Select(f => f.RuleId).ToHashSet())).ToList();

        var byKind = generated.Where(g => g.Error != E.None).GroupBy(g => g.Error).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        var injected = byKind.Values.Sum();
        injected.Should().BeInRange(910, 1090, "10% of 10,000, within 3 standard deviations");

        // Every kind is drawn (its weight is at least 1 in 19, about 53 claims) and none falls back to another with the full tables.
        byKind.Keys.Should().BeEquivalentTo(ExpectedRules.Keys);
        byKind.Values.Should().OnlyContain(n => n >= 25);
        foreach (var g in generated.Where(g => g.Error != E.None))
        {
            g.Rules.Should().IntersectWith(ExpectedRules[g.Error], $"{g.Claim.ClaimId} carries {g.Error}: {ClaimJsonWriter.Serialize(g.Claim)}");
        }

        // Claims without an injected error raise none of the injected kinds' rules: the errors are the generator's, not chance.
        var injectedRules = ExpectedRules.Values.SelectMany(r => r).ToHashSet();
        generated.Where(g => g.Error == E.None).Should().OnlyContain(g => !g.Rules.Overlaps(injectedRules));
    }

    [CmsFact]
    public void Generate_FullData_BillsNcciPairsFromThePtpTable_AndLabTestsWithTheirReason()
    {
        var generator = new ClaimGenerator(FullCmsData.Result.Index, ClaimGeneratorOptions.Default with { Seed = 20261123, ErrorRate = 0.1 });
        var scrubber = Scrubber.Create(FullCmsData.Result.Index, AsOf);
        var generated = generator.GenerateDescribed(10_000).Select(g => (g.Claim, g.Error, g.HasPtpPair, Rules: scrubber.Scrub(g.Claim).Findings.Select(f => f.RuleId).ToHashSet())).ToList();

        var pairs = generated.Count(g => g.HasPtpPair);
        var hits = generated.Count(g => g.Rules.Overlaps(PtpRules));
        output.WriteLine($"{generator.PtpPairCount} PTP pairs of office codes, {generator.EverydayPtpPairCount} with an everyday code; {pairs} claims with a drawn pair; {hits} claims with an NCCI PTP finding; "
            + string.Join(", ", PtpRules.Select(r => $"{r} {generated.Count(g => g.Rules.Contains(r))}")));
        generator.PtpPairCount.Should().BeGreaterThan(1_000);
        pairs.Should().BeInRange(910, 1090, "10% of 10,000, within 3 standard deviations");

        // A drawn pair always hits its edit unless an injected error replaced one of its lines.
        generated.Where(g => g.HasPtpPair && g.Error == E.None).Should().OnlyContain(g => g.Rules.Overlaps(PtpRules));
        var denials = generated.Count(g => g.Rules.Overlaps(PtpRules[..2]));
        var pairDenials = generated.Count(g => g.HasPtpPair && g.Rules.Overlaps(PtpRules[..2]));
        output.WriteLine($"{denials} claims with NCCI001/NCCI002, {pairDenials} of them with a drawn pair");

        // Any PTP finding: about two claims in three, as every claim with a procedure after its visit bills the visit with
        // 25, which bypasses the visit's edit with that procedure (NCCI003, informational).
        hits.Should().BeInRange(6_000, 7_500);

        // A PTP denial (NCCI001/002) comes from the drawn pairs (every one with indicator 0, half of those with indicator
        // 1), as the generator leaves out chance pairs among the procedures after the visit; injected errors add a few.
        pairDenials.Should().BeGreaterThan(pairs * 45 / 100);
        denials.Should().BeInRange(pairDenials, pairDenials + 50);
        generated.Should().Contain(g => g.Rules.Contains("NCCI001")).And.Contain(g => g.Rules.Contains("NCCI002")).And.Contain(g => g.Rules.Contains("NCCI003"));

        output.WriteLine("Rules on claims without an injected error: " + string.Join(" ", generated.Where(g => g.Error == E.None).SelectMany(g => g.Rules).GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}:{g.Count()}")));
        output.WriteLine($"Claims with no finding: {generated.Count(g => g.Rules.Count == 0)}");

        // Units over 1 on timed therapy and injections, within their MUEs unless the MUE error was injected.
        generated.SelectMany(g => g.Claim.Lines).Count(l => l.Units > 1).Should().BeGreaterThan(1_000);

        // The everyday NCD-governed lab tests are billed, pointing to a diagnosis that covers them.
        string[] labs = ["80061", "85025", "84443", "83036"];
        generated.Count(g => g.Claim.Lines.Any(l => labs.Contains(l.ProcedureCode.ToString()))).Should().BeGreaterThan(1_000);
        generated.Where(g => g.Error == E.None).Should().OnlyContain(g => !g.Rules.Overlaps(new[] { "LNK020", "LNK021", "LNK022" }));

        AssertRoundTrips([.. generated.Select(g => g.Claim)]);
    }

    private static List<string> Json(IEnumerable<Claim> claims) => [.. claims.Select(ClaimJsonWriter.Serialize)];

    /// <summary>Writes the claims with the library's writer and reads them back: every claim readable and unchanged.</summary>
    private static void AssertRoundTrips(List<Claim> claims)
    {
        using var stream = new MemoryStream();
        using (var writer = new ClaimJsonWriter(stream, JsonOutputFormat.Ndjson, leaveOpen: true))
        {
            claims.ForEach(writer.Write);
        }

        stream.Position = 0;
        var read = ClaimJsonReader.Read(stream).ToList();
        read.Should().OnlyContain(r => r.IsReadable);
        Json(read.Select(r => r.Claim!)).Should().Equal(Json(claims));
    }
}
