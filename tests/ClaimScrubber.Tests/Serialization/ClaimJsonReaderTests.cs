using System.Text;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization;

public class ClaimJsonReaderTests
{
    private const string ContractExample = """
        {"claimId": "C1", "setting": "professional", "patient": {"birthDate": "1950-04-02", "sex": "F"},
         "billingNpi": "1234567893", "renderingNpi": "1245319599", "placeOfService": "11", "frequencyCode": "1",
         "diagnoses": ["E11.9", "I10"],
         "lines": [{"procedureCode": "99213", "modifiers": ["25"], "units": 1, "charge": 125.00,
                    "serviceDate": "2026-03-02", "serviceDateTo": null, "placeOfService": null,
                    "diagnosisPointers": [1, 2]}]}
        """;

    private static List<ClaimReadResult> Read(string json) => [.. ClaimJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "claims.json")];

    private static List<(string Element, string Message)> Errors(ClaimReadResult result) => [.. result.Errors.Select(e => (e.Element, e.Message))];

    [Fact]
    public void ReadClaim_ContractExample_MapsEveryElement()
    {
        var result = ClaimJsonReader.ReadClaim(ContractExample);

        result.IsReadable.Should().BeTrue();
        var claim = result.Claim!;
        claim.ClaimId.Should().Be("C1");
        claim.Setting.Should().Be(ClaimSetting.Professional);
        claim.Patient.BirthDate.Should().Be(new DateOnly(1950, 4, 2));
        claim.Patient.Sex.Should().Be(Sex.Female);
        claim.BillingNpi.Should().Be(Npi.Parse("1234567893"));
        claim.RenderingNpi.Should().Be(Npi.Parse("1245319599"));
        claim.PlaceOfService.Should().Be(PlaceOfServiceCode.Parse("11"));
        claim.FrequencyCode.Should().Be("1");
        claim.DischargeDate.Should().BeNull();
        claim.Diagnoses.Should().Equal(IcdCode.Parse("E119"), IcdCode.Parse("I10"));
        var line = claim.Lines.Should().ContainSingle().Subject;
        line.ProcedureCode.Should().Be(ProcedureCode.Parse("99213"));
        line.Modifiers.Should().Equal(ModifierCode.Parse("25"));
        line.Units.Should().Be(1m);
        line.Charge.Should().Be(125.00m);
        line.ServiceDate.Should().Be(new DateOnly(2026, 3, 2));
        line.ServiceDateTo.Should().BeNull();
        line.PlaceOfService.Should().BeNull();
        line.DiagnosisPointers.Should().Equal(1, 2);
    }

    [Fact]
    public void Read_ArrayWrittenByClaimJsonWriter_RoundTripsUnchanged()
    {
        var claims = new[]
        {
            TestClaims.Professional(["E11.65", "Z59.861", "W19.XXXA"], TestClaims.Line("99214", pointers: [1, 2, 3]).WithModifiers("25", "XS"), TestClaims.Line("36415")),
            new Claim
            {
                ClaimId = "I-7",
                Setting = ClaimSetting.Inpatient,
                Patient = new Patient { BirthDate = new DateOnly(1940, 1, 31), Sex = Sex.Male },
                BillingNpi = Npi.Parse("1003000126"),
                FrequencyCode = "1",
                DischargeDate = new DateOnly(2026, 4, 12),
                Diagnoses = [IcdCode.Parse("N39.0")],
                Lines = [new ServiceLine { ProcedureCode = ProcedureCode.Parse("99232"), Units = 2.5m, Charge = 110.10m, ServiceDate = new DateOnly(2026, 4, 10), ServiceDateTo = new DateOnly(2026, 4, 11), PlaceOfService = PlaceOfServiceCode.Parse("21"), RenderingNpi = Npi.Parse("1245319599"), RevenueCode = "0450" }],
            },
        };
        var stream = new MemoryStream();
        using (var writer = new ClaimJsonWriter(stream, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        stream.Position = 0;
        var read = ClaimJsonReader.Read(stream).ToList();

        read.Select(r => r.Claim!).Select(ClaimJsonWriter.Serialize).Should().Equal(claims.Select(ClaimJsonWriter.Serialize));
        read[1].Claim!.Lines[0].RevenueCode.Should().Be("0450");
        read[1].Claim!.Lines[0].RenderingNpi.Should().Be(Npi.Parse("1245319599"));
    }

    [Fact]
    public void Serialize_Claim_WritesTheContractShape()
    {
        var claim = TestClaims.Professional(null, TestClaims.Line().WithModifiers("25"));

        ClaimJsonWriter.Serialize(claim).Should().Be(
            """{"claimId":"C1","setting":"professional","patient":{"birthDate":"1950-04-02","sex":"F"},"billingNpi":"1234567893","renderingNpi":"1245319599","placeOfService":"11","frequencyCode":"1","dischargeDate":null,"diagnoses":["E11.9","I10"],"lines":[{"procedureCode":"99213","modifiers":["25"],"units":1,"charge":100,"serviceDate":"2026-03-02","serviceDateTo":null,"placeOfService":null,"diagnosisPointers":[1]}]}""");
    }

    [Fact]
    public void Read_Ndjson_ReadsOneClaimPerLine_SkippingBlankLines_WithSourceLines()
    {
        var ndjson = "{\"claimId\":\"A\"}\r\n\r\n{\"claimId\":\"B\",\"diagnoses\":[\"I10\"]}\n   \n{\"claimId\":\"C\"}";

        var results = Read(ndjson);

        results.Select(r => (r.ClaimId, r.Ordinal, r.SourceLine)).Should().Equal(("A", 1, (int?)1), ("B", 2, (int?)3), ("C", 3, (int?)5));
        results.Should().OnlyContain(r => r.IsReadable);
    }

    [Fact]
    public void Read_NdjsonLineWithSyntaxError_MakesOnlyThatClaimUnreadable()
    {
        var results = Read("{\"claimId\":\"A\"}\n{\"claimId\":\"B\",}\n{\"claimId\":\"C\"}\n");

        results.Select(r => r.ClaimId).Should().Equal("A", "#2", "C");
        var error = results[1].Errors.Should().ContainSingle().Subject;
        error.Element.Should().Be("claim");
        error.SourceLine.Should().Be(2);
        error.Message.Should().StartWith("The JSON is not well formed: ").And.EndWith("(position 16)");
    }

    [Fact]
    public void Read_MalformedElements_ReportsEveryOneWithItsPath_AndKeepsTheClaimId()
    {
        const string json = """
            [{"claimId": "BAD-1", "setting": "dental", "patient": {"birthDate": "1950-13-01", "sex": "X"},
              "billingNpi": "12345", "renderingNpi": 1245319599, "placeOfService": "1A", "frequencyCode": "1",
              "dischargeDate": "tomorrow", "diagnoses": ["E11.9", "E11.9!", 42, " "],
              "lines": [
                {"procedureCode": "9921", "modifiers": ["25", "2", "", "LT", "RT"], "units": "one", "charge": "x",
                 "serviceDate": "2026-02-30", "diagnosisPointers": [1, 1.5, "2"]},
                "99213",
                {"procedureCode": "99213", "modifiers": "25", "units": 1e40, "diagnosisPointers": [1, 2, 3, 4, 1]}
              ]}]
            """;

        var result = Read(json).Should().ContainSingle().Subject;

        result.IsReadable.Should().BeFalse();
        result.Claim.Should().BeNull();
        result.ClaimId.Should().Be("BAD-1");
        Errors(result).Should().Equal(
            ("setting", "'dental' is not a claim setting: expected professional, outpatientHospital, inpatient or otherInstitutional."),
            ("patient.birthDate", "The date is not a calendar date in the form yyyy-MM-dd."),
            ("patient.sex", "The sex is not F, M or U."),
            ("billingNpi", "'12345' is not an NPI: expected ten digits."),
            ("renderingNpi", "Expected a string, found a number."),
            ("placeOfService", "'1A' is not a place-of-service code: expected two digits from 01 to 99."),
            ("dischargeDate", "The date is not a calendar date in the form yyyy-MM-dd."),
            ("diagnoses[2]", "'E11.9!' is not an ICD-10-CM code: expected a letter, then 2 to 6 letters or digits, with an optional dot after the third character."),
            ("diagnoses[3]", "Expected a string, found a number."),
            ("diagnoses[4]", "The diagnosis is empty; remove the entry or give the ICD-10-CM code."),
            ("lines[1].procedureCode", "'9921' is not a HCPCS/CPT procedure code: expected five letters or digits."),
            ("lines[1].modifiers[2]", "'2' is not a modifier: expected two letters or digits."),
            ("lines[1].modifiers[3]", "The modifier is empty; remove the entry or give the two-character modifier."),
            ("lines[1].units", "Expected a number, found a string."),
            ("lines[1].charge", "Expected a number, found a string."),
            ("lines[1].serviceDate", "The date is not a calendar date in the form yyyy-MM-dd."),
            ("lines[1].diagnosisPointers[2]", "The diagnosis pointer is not a whole number."),
            ("lines[1].diagnosisPointers[3]", "A diagnosis pointer is a number, not a string."),
            ("lines[2]", "A service line is a JSON object, not a string."),
            ("lines[3].modifiers", "Expected an array, found a string."),
            ("lines[3].units", "The number is out of range."));
        result.Errors.Select(e => e.ServiceLine).Should().Equal(null, null, null, null, null, null, null, null, null, null, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3);
        result.Errors.Single(e => e.Element == "diagnoses[2]").Code.Should().Be("E11.9!");
        result.Errors.Should().OnlyContain(e => e.SourceLine == 1);
    }

    [Fact]
    public void Read_ModifiersWithinLimit_ReportsEachBadOneAtItsPosition()
    {
        var result = Read("""[{"claimId":"M","lines":[{"modifiers":["25","2",""]}]}]""").Single();

        Errors(result).Should().Equal(
            ("lines[1].modifiers[2]", "'2' is not a modifier: expected two letters or digits."),
            ("lines[1].modifiers[3]", "The modifier is empty; remove the entry or give the two-character modifier."));
    }

    [Fact]
    public void Read_UnreadableClaimId_UsesTheOrdinalPlaceholder()
    {
        var results = Read("""[{"claimId":"OK"}, {"claimId": 17, "diagnoses": ["E11.9"]}, 5]""");

        results.Select(r => r.ClaimId).Should().Equal("OK", "#2", "#3");
        Errors(results[1]).Should().Equal(("claimId", "Expected a string, found a number."));
        Errors(results[2]).Should().Equal(("claim", "A claim is a JSON object, not a number."));
    }

    [Fact]
    public void Read_MissingOptionalElements_ReadsTheClaimForTheStructureRulesToJudge()
    {
        var claim = Read("""[{"lines":[{}]}]""").Single().Claim!;

        claim.ClaimId.Should().BeEmpty();
        claim.Setting.Should().Be(ClaimSetting.Professional);
        claim.Patient.BirthDate.Should().BeNull();
        claim.Patient.Sex.Should().Be(Sex.Unknown);
        claim.BillingNpi.Should().BeNull();
        claim.Diagnoses.Should().BeEmpty();
        var line = claim.Lines.Single();
        line.ProcedureCode.Should().BeNull();
        line.Units.Should().Be(1m);
        line.Charge.Should().Be(0m);
        line.ServiceDate.Should().BeNull();
    }

    [Fact]
    public void Read_ArraySyntaxError_ThrowsWithFileLineAndPosition_AfterTheClaimsBefore()
    {
        var json = "[\n  {\"claimId\": \"A\"},\n  {\"claimId\": \"B\", \"units\": 1,,}\n]";
        var seen = new List<string>();

        var act = () =>
        {
            foreach (var result in ClaimJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "claims.json"))
            {
                seen.Add(result.ClaimId);
            }
        };

        var ex = act.Should().Throw<ClaimReadException>().Which;
        seen.Should().Equal("A");
        ex.InputName.Should().Be("claims.json");
        ex.LineNumber.Should().Be(3);
        ex.Position.Should().Be(31);
        ex.Message.Should().StartWith("claims.json:3:31: The JSON is not well formed: ");
    }

    [Theory]
    [InlineData("[{\"claimId\":\"A\"}", 1, 17, "The input ends inside the array of claims: the file is truncated.")]
    [InlineData("[{\"claimId\":\"A\"},\n]", 2, 1, "The array has a trailing comma after its last claim.")]
    [InlineData("[{\"claimId\":\"A\"} {\"claimId\":\"B\"}]", 1, 18, "Expected ',' or ']' after a claim.")]
    [InlineData("[]\n[]", 2, 1, "Unexpected content after the end of the array of claims.")]
    [InlineData("\n\n  claims", 3, 3, "Expected a JSON array of claims ('[') or one claim object per line ('{').")]
    public void Read_MalformedArray_ThrowsNamingLineAndPosition(string json, int line, int position, string problem)
    {
        var act = () => Read(json);

        var ex = act.Should().Throw<ClaimReadException>().Which;
        (ex.LineNumber, ex.Position).Should().Be((line, position));
        ex.Message.Should().Be($"claims.json:{line}:{position}: {problem}");
    }

    [Fact]
    public void Read_TruncatedInsideAClaim_Throws()
    {
        var act = () => Read("[{\"claimId\":\"A\"},\n {\"claimId\":\"B\", \"lines\": [");

        act.Should().Throw<ClaimReadException>().WithMessage("claims.json:2:2: The input ends inside a claim: the file is truncated.");
    }

    [Fact]
    public void Read_EmptyInputOrEmptyArray_YieldsNothing()
    {
        Read(string.Empty).Should().BeEmpty();
        Read(" [ ] ").Should().BeEmpty();
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[{\"claimId\":\"A\"}]")).ToArray();

        ClaimJsonReader.Read(new MemoryStream(bytes)).Single().ClaimId.Should().Be("A");
    }

    [Fact]
    public void Read_LargeArray_StreamsAcrossBufferRefills_InInputOrder_WithSourceLines()
    {
        var claim = ClaimJsonWriter.Serialize(TestClaims.Professional());
        var big = TestClaims.Professional(null, [.. Enumerable.Range(0, 999).Select(i => TestClaims.Line(date: "2026-03-02"))]);
        var text = new StringBuilder("[\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(claim.Replace("\"C1\"", $"\"C{i}\"", StringComparison.Ordinal)).Append(",\n");
        }

        // One claim larger than the initial 256 KB window (999 lines and an extension member) makes the window grow.
        var note = new string('x', 300_000);
        text.Append(ClaimJsonWriter.Serialize(big).Replace("\"C1\"", $"\"BIG\",\"note\":\"{note}\"", StringComparison.Ordinal)).Append("\n]");

        var results = Read(text.ToString());

        results.Should().HaveCount(3001);
        results.Select(r => r.ClaimId).Should().Equal([.. Enumerable.Range(0, 3000).Select(i => $"C{i}"), "BIG"]);
        results.Select(r => r.SourceLine).Should().Equal(Enumerable.Range(2, 3001).Select(i => (int?)i));
        results[^1].Claim!.Lines.Should().HaveCount(999);
    }

    [Fact]
    public void ReadFile_SampleClaims_ReadsEveryClaimInOrder()
    {
        var path = Path.Combine(RepoRoot(), "data", "claims", "sample-claims.json");

        var results = ClaimJsonReader.ReadFile(path).ToList();

        results.Should().HaveCount(20);
        results[0].ClaimId.Should().Be("CLEAN-01");
        results.Where(r => !r.IsReadable).Select(r => r.ClaimId).Should().Equal("CLM001-UNREADABLE");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimScrubber.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (holding ClaimScrubber.sln) was not found above the test assembly.");
    }

    [Fact]
    public void Read_MoreModifiersOrPointersThanTheFormCarries_IsReadForTheRulesToReport_ButNotWithoutBound()
    {
        var five = string.Join(",", Enumerable.Repeat("\"25\"", 5));
        var hundred = string.Join(",", Enumerable.Repeat("1", 100));
        var json = $$"""
            [{"claimId":"A","diagnoses":["I10"],"lines":[{"procedureCode":"99213","modifiers":[{{five}}],"diagnosisPointers":[1,1,1,1,1]}]},
             {"claimId":"B","diagnoses":["I10"],"lines":[{"procedureCode":"99213","diagnosisPointers":[{{hundred}}]}]}]
            """;
        var results = ClaimJsonReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).ToList();
        results[0].Claim!.Lines[0].Modifiers.Should().HaveCount(5);
        results[0].Claim!.Lines[0].DiagnosisPointers.Should().HaveCount(5);
        results[1].IsReadable.Should().BeFalse();
        Errors(results[1]).Should().Equal(("lines[1].diagnosisPointers[100]", "The line has 100 diagnosis pointers; more than 99 cannot be a claim's."));
    }
}
