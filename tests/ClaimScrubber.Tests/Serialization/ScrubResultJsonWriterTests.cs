using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization;

public class ScrubResultJsonWriterTests
{
    private static readonly Scrubber Scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    private static ScrubResult FixedResult()
    {
        var claim = TestClaims.Professional(null, TestClaims.Line(units: 0));
        claim = new ClaimScrubber.Claim
        {
            ClaimId = claim.ClaimId,
            Patient = claim.Patient,
            BillingNpi = Npi.Parse("1234567890"),
            PlaceOfService = claim.PlaceOfService,
            FrequencyCode = claim.FrequencyCode,
            Diagnoses = claim.Diagnoses,
            Lines = claim.Lines,
        };
        return Scrubber.Scrub(claim);
    }

    [Fact]
    public void Serialize_FixedClaim_WritesExactlyTheContract()
    {
        ScrubResultJsonWriter.Serialize(FixedResult()).Should().Be(
            """{"claimId":"C1","findings":[""" +
            """{"ruleId":"CLM008","family":"claim","severity":"error","disposition":"claimRejection","line":null,"element":"billingNpi","codes":["1234567890"],"message":"The billing NPI 1234567890 fails its check digit, so it cannot be a real NPI.","fixHint":"Copy the NPI again from the NPPES registry; a single mistyped digit breaks the check.","carc":"16","rarc":"N257","source":null},""" +
            """{"ruleId":"CLM006","family":"claim","severity":"error","disposition":"returnToProvider","line":1,"element":"lines[1].units","codes":["99213"],"message":"The line bills 0 units.","fixHint":"Bill the number of units rendered, at least 1.","carc":"16","rarc":"M53","source":null}]}""");
    }

    [Fact]
    public void Serialize_FindingWithSource_WritesTheReleaseText()
    {
        var source = new TableRelease("ICD-10-CM order file", "FY2026", "icd10cm_order_2026.txt", new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), 98186);
        var finding = FixedResult().Findings[0];
        var withSource = new Finding(finding.Rule, Severity.Warning, Disposition.Informational, 2, "diagnoses[1]", ["E11.9"], "m", "f", null, null, source);

        var json = ScrubResultJsonWriter.Serialize(new ScrubResult("X", [withSource]));

        json.Should().Be("""{"claimId":"X","findings":[{"ruleId":"CLM008","family":"claim","severity":"warning","disposition":"informational","line":2,"element":"diagnoses[1]","codes":["E11.9"],"message":"m","fixHint":"f","carc":null,"rarc":null,"source":"ICD-10-CM order file FY2026 (icd10cm_order_2026.txt)"}]}""");
    }

    [Fact]
    public void Write_ClaimReadFromX12_CarriesItsTransactionAndOrdinal_AndEachFindingsLocation()
    {
        var read = X12.X12Files.Read("professional-office-visits.837")[0];
        var rule = FixedResult().Findings[0].Rule;
        var result = new ScrubResult(read.ClaimId, [
            new Finding(rule, Severity.Error, Disposition.LineDenial, 3, "lines[3].procedureCode", ["99213"], "m", "f", null, null, null),
            new Finding(rule, Severity.Info, Disposition.Informational, null, "cliaNumber", [], "m", "f", null, null, null),
        ]);
        var stream = new MemoryStream();
        using (var writer = new ScrubResultJsonWriter(stream, JsonOutputFormat.Ndjson, leaveOpen: true))
        {
            writer.Write(new ScrubbedClaim(read, result));
            writer.Write(new ScrubbedClaim(ClaimJsonReader.ReadClaim("""{"claimId": "J1"}"""), new ScrubResult("J1", [])));
        }

        Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Should().Equal(
            """{"claimId":"26463774","findings":[""" +
            """{"ruleId":"CLM008","family":"claim","severity":"error","disposition":"lineDenial","line":3,"element":"lines[3].procedureCode","codes":["99213"],"message":"m","fixHint":"f","carc":null,"rarc":null,"source":null,"x12":{"loop":"2400","element":"SV1-01-2","segment":39}},""" +
            """{"ruleId":"CLM008","family":"claim","severity":"info","disposition":"informational","line":null,"element":"cliaNumber","codes":[],"message":"m","fixHint":"f","carc":null,"rarc":null,"source":null,"x12":{"loop":"2300","element":"REF-02","segment":null}}],""" +
            """"
            "x12":{"interchange":"000000101","group":"101","transaction":"0001","guide":"005010X222A1","claimOrdinal":1,"segment":20}}
            """",
            """{"claimId":"J1","findings":[]}""",
            string.Empty);
    }

    [Fact]
    public void Writer_ArrayAndNdjson_WriteOneObjectPerResult_InOrder()
    {
        var results = new[] { new ScrubResult("A", ImmutableArray<Finding>.Empty), FixedResult(), new ScrubResult("B", ImmutableArray<Finding>.Empty) };

        var array = Write(results, JsonOutputFormat.Array, indented: true);
        var ndjson = Write(results, JsonOutputFormat.Ndjson, indented: true);

        using (var document = JsonDocument.Parse(array))
        {
            document.RootElement.EnumerateArray().Select(e => e.GetProperty("claimId").GetString()).Should().Equal("A", "C1", "B");
        }

        var lines = ndjson.Split('\n');
        lines.Should().HaveCount(4);
        lines[3].Should().BeEmpty();
        lines[0].Should().Be("""{"claimId":"A","findings":[]}""");
        lines[1].Should().Be(ScrubResultJsonWriter.Serialize(results[1]));
        lines[2].Should().Be("""{"claimId":"B","findings":[]}""");
    }

    [Fact]
    public void Writer_NothingWritten_WritesAnEmptyArray()
    {
        Write([], JsonOutputFormat.Array, indented: false).Should().Be("[]\n");
        Write([], JsonOutputFormat.Ndjson, indented: false).Should().BeEmpty();
    }

    [Fact]
    public void ReportUnreadable_EvenWithClm001Disabled_GivesOneFindingPerElementError()
    {
        var read = ClaimJsonReader.ReadClaim("""{"claimId":"U1","diagnoses":["E11.9!"],"lines":[{"modifiers":["2"]}]}""");
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with
        {
            AsOfDate = TestClaims.Today,
            DisabledRules = ["CLM001"],
        });

        var result = read.Scrub(scrubber);

        result.ClaimId.Should().Be("U1");
        result.Findings.Select(f => (f.RuleId, f.Severity, f.Line, f.Element, f.Message, f.Codes.SingleOrDefault())).Should().Equal(
            ("CLM001", Severity.Error, (int?)null, "diagnoses[1]", "'E11.9!' is not an ICD-10-CM code: expected a letter, then 2 to 6 letters or digits, with an optional dot after the third character. (input line 1)", "E11.9!"),
            ("CLM001", Severity.Error, 1, "lines[1].modifiers[1]", "'2' is not a modifier: expected two letters or digits. (input line 1)", "2"));
        result.Findings.Should().OnlyContain(f => f.Disposition == Disposition.ClaimRejection && f.Carc == "16" && f.Rarc == "MA130" && f.Source == null);
    }

    [Fact]
    public void ReportUnreadable_SeverityOverride_Applies()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with
        {
            SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add("CLM001", Severity.Warning),
        });

        var result = scrubber.ReportUnreadable("#3", [new ClaimElementError("claim", "bad")]);

        result.Findings.Single().Severity.Should().Be(Severity.Warning);
        result.Findings.Single().Message.Should().Be("bad");
    }

    private static string Write(IEnumerable<ScrubResult> results, JsonOutputFormat format, bool indented)
    {
        var stream = new MemoryStream();
        using (var writer = new ScrubResultJsonWriter(stream, format, indented, leaveOpen: true))
        {
            foreach (var result in results)
            {
                writer.Write(result);
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
