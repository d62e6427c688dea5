using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.Serialization.X12;

/// <summary>On the full CMS data: claims written as X12 and read back scrub to exactly the findings of their JSON form.</summary>
public class X12FullDataTests(ITestOutputHelper output)
{
    private static readonly ScrubberOptions AsOf = ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) };

    private static readonly X12WriterOptions Options = new() { Created = new DateTime(2026, 10, 15, 9, 30, 0, DateTimeKind.Unspecified) };

    [CmsFact]
    public void GeneratedClaims_WrittenAsX12_ScrubToTheFindingsOfTheirJsonForm()
    {
        var index = FullCmsData.Result.Index;
        var professional = new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = 837, ErrorRate = 0.3, NcciPairRate = 0.3 }).Generate(3000);
        var outpatient = new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = 838, ErrorRate = 0.3, NcciPairRate = 0.3, Setting = ClaimSetting.OutpatientHospital })
            .Generate(1000).Select(c => AsInstitutional(c, "13"));
        var inpatient = new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = 839, ErrorRate = 0.3, Setting = ClaimSetting.Inpatient })
            .Generate(1000).Select(c => AsInstitutional(c, "11"));
        var claims = professional.Concat(outpatient).Concat(inpatient).ToList();

        var json = new MemoryStream();
        using (var writer = new ClaimJsonWriter(json, JsonOutputFormat.Ndjson, leaveOpen: true))
        {
            claims.ForEach(writer.Write);
        }

        var x12 = new MemoryStream();
        using (var writer = new X12ClaimWriter(x12, Options, leaveOpen: true))
        {
            claims.ForEach(writer.Write);
        }

        json.Position = 0;
        x12.Position = 0;
        var fromJson = ClaimJsonReader.Read(json).ToList();
        var fromX12 = X12ClaimReader.Read(x12, "generated.837").ToList();
        fromJson.Should().HaveCount(claims.Count).And.OnlyContain(r => r.IsReadable);
        fromX12.Should().HaveCount(claims.Count).And.OnlyContain(r => r.IsReadable);

        var scrubber = Scrubber.Create(index, AsOf);
        var findings = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            var expected = Describe(scrubber.Scrub(fromJson[i].Claim!));
            var actual = Describe(scrubber.Scrub(fromX12[i].Claim!));
            actual.Should().Equal(expected, claims[i].ClaimId);
            findings += expected.Count;
        }

        output.WriteLine($"{claims.Count:N0} claims, {findings:N0} findings, {x12.Length:N0} bytes of X12");
        findings.Should().BeGreaterThan(claims.Count / 2, "the generated claims carry injected errors and NCCI pairs");
    }

    private static List<string> Describe(ScrubResult result) =>
        [.. result.Findings.Select(f => $"{f.RuleId}|{f.Severity}|{f.Line}|{f.Element}|{string.Join(',', f.Codes)}|{f.Message}|{f.Source}")];

    private static Claim AsInstitutional(Claim claim, string typeOfBill) => InstitutionalShape.Apply(claim, TypeOfBill.Parse(typeOfBill));
}
