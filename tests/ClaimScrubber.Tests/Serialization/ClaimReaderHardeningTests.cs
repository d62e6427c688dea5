using System.Text;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization;

/// <summary>The cases issue 11 reported against the readers, each with its exact outcome, and the claim limits read at input.</summary>
public class ClaimReaderHardeningTests
{
    private const string Good = """{"claimId":"OK","diagnoses":["I10"],"lines":[{"procedureCode":"99213","units":1,"charge":100,"diagnosisPointers":[1]}]}""";

    private static readonly byte[] InvalidByte = [0xFF];

    private static List<ClaimReadResult> ReadJson(byte[] bytes) => [.. ClaimJsonReader.Read(new MemoryStream(bytes), "claims.json")];

    private static List<ClaimReadResult> ReadJson(string json) => ReadJson(Encoding.UTF8.GetBytes(json));

    private static List<ClaimReadResult> ReadCsv(string csv) => [.. ClaimCsvReader.Read(new StringReader(csv), "lines.csv")];

    private static List<(string Element, string Message, int? SourceLine)> Errors(ClaimReadResult result) =>
        [.. result.Errors.Select(e => (e.Element, e.Message, e.SourceLine))];

    private static byte[] Concat(params object[] parts) =>
        [.. parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p)];

    [Fact]
    public void Json_InvalidUtf8InAValue_MakesThatClaimUnreadable_AndReadingGoesOn_InArraysAndNdjson()
    {
        var claim = Concat("""{"claimId":"BAD","diagnoses":["I10","E1""", InvalidByte, """1.9"]}""");

        var array = ReadJson(Concat("[", Good, ",\n", claim, ",\n", Good, "]"));
        var ndjson = ReadJson(Concat(Good, "\n", claim, "\n", Good, "\n"));

        foreach (var results in new[] { array, ndjson })
        {
            results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("OK", true), ("BAD", false), ("OK", true));
            Errors(results[1]).Should().Equal(("diagnoses[2]", "The text is not valid UTF-8.", (int?)2));
        }
    }

    [Theory]
    [InlineData("""{"claimId":"\uD800","lines":[{"procedureCode":"99213"}]}""", "#2", "claimId")]
    [InlineData("""{"claimId":"S1","lines":[{"procedureCode":"9921\uDC00"}]}""", "S1", "lines[1].procedureCode")]
    [InlineData("""{"claimId":"S1","patient":{"sex":"\uD83D"}}""", "S1", "patient.sex")]
    public void Json_EscapedLoneSurrogate_MakesThatClaimUnreadable_AndReadingGoesOn(string claim, string id, string element)
    {
        var array = ReadJson($"[{Good},\n{claim},\n{Good}]");
        var ndjson = ReadJson($"{Good}\n{claim}\n{Good}");

        foreach (var results in new[] { array, ndjson })
        {
            results.Select(r => r.ClaimId).Should().Equal("OK", id, "OK");
            Errors(results[1]).Should().Equal((element, "The text holds an escaped lone surrogate (a \\uD800 to \\uDFFF escape without its pair), which is not a character.", (int?)2));
        }
    }

    [Fact]
    public void Json_EscapedSurrogatePair_IsText()
    {
        var result = ReadJson("""[{"claimId":"\uD83D\uDE00-1"}]""").Single();

        result.ClaimId.Should().Be("\U0001F600-1");
        result.IsReadable.Should().BeTrue();
    }

    [Fact]
    public void Json_BadEncoding_ReportedAsClm001_WithElementAndInputLine()
    {
        var read = ReadJson(Concat("[\n", Good, ",\n", """{"claimId":"U","lines":[{"procedureCode":"99""", InvalidByte, """213"}]}""", "]"))[1];
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

        var finding = read.Scrub(scrubber).Findings.Single();

        (finding.RuleId, finding.Line, finding.Element, finding.Message).Should().Be(("CLM001", (int?)1, "lines[1].procedureCode", "The text is not valid UTF-8. (input line 3)"));
    }

    [Fact]
    public void Json_OnePrettyPrintedClaim_IsOneClaim()
    {
        var pretty = """
            {
              "claimId": "P1",
              "setting": "professional",
              "patient": { "birthDate": "1950-04-02", "sex": "F" },
              "diagnoses": [ "E11.9", "I10" ],
              "lines": [
                { "procedureCode": "99213", "units": 1, "charge": 125.00, "serviceDate": "2026-03-02", "diagnosisPointers": [ 1, 2 ] },
                { "procedureCode": "36415", "units": 1, "charge": 12.00, "serviceDate": "2026-03-02", "diagnosisPointers": [ 1 ] }
              ]
            }

            """;

        var results = ReadJson(pretty);

        var result = results.Should().ContainSingle().Subject;
        (result.ClaimId, result.IsReadable, result.SourceLine).Should().Be(("P1", true, (int?)1));
        result.Claim!.Lines.Should().HaveCount(2);
    }

    [Fact]
    public void Json_SeveralPrettyPrintedClaims_AreReadOneByOne()
    {
        var results = ReadJson("{\n \"claimId\": \"A\"\n}\n\n{\n \"claimId\": \"B\",\n \"diagnoses\": [\"E11.9!\"]\n}\n");

        results.Select(r => (r.ClaimId, r.IsReadable, r.SourceLine)).Should().Equal(("A", true, (int?)1), ("B", false, (int?)5));
    }

    [Fact]
    public void Json_BrokenPrettyPrintedClaim_CannotBeDelimited_AndStopsTheInputNamingLineAndPosition()
    {
        var act = () => ReadJson("{\n  \"claimId\": \"A\",\n  \"setting\" \"professional\"\n}\n");

        var ex = act.Should().Throw<ClaimReadException>().Which;
        (ex.InputName, ex.LineNumber, ex.Position).Should().Be(("claims.json", (int?)3, (int?)13));
        ex.Message.Should().StartWith("claims.json:3:13: The JSON is not well formed: ");
    }

    [Fact]
    public void Json_NdjsonWhoseFirstLineIsBroken_IsStillNdjson_WhenTheNextLineIsAClaim()
    {
        var results = ReadJson("{\"claimId\":\"A\",\n{\"claimId\":\"B\"}\n{\"claimId\":\"C\"}\n");

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("#1", false), ("B", true), ("C", true));
        results[0].Errors.Single().Message.Should().StartWith("The JSON is not well formed: ");
    }

    [Fact]
    public void Json_NdjsonLineOver16MB_IsOneUnreadableClaim_SkippedWithoutBeingHeld()
    {
        const long longLine = 100L * 1024 * 1024;
        var input = new GeneratedStream(
            Encoding.UTF8.GetBytes(Good + "\n{\"claimId\":\"LONG\",\"note\":\""),
            longLine,
            Encoding.UTF8.GetBytes("\"}\n" + Good + "\n"));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var results = ClaimJsonReader.Read(input, "claims.ndjson").ToList();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        results.Select(r => (r.ClaimId, r.IsReadable, r.SourceLine)).Should().Equal(("OK", true, (int?)1), ("#2", false, (int?)2), ("OK", true, (int?)3));
        Errors(results[1]).Should().Equal(("claim", "The line is longer than 16 MB, the most one claim may take; it was skipped unread.", (int?)2));
        allocated.Should().BeLessThan(48L * 1024 * 1024, "a line over the limit is scanned, not held");
    }

    [Fact]
    public void Json_ArrayClaimOver16MB_IsOneUnreadableClaim_SkippedWithoutBeingHeld()
    {
        const long big = 80L * 1024 * 1024;
        var input = new GeneratedStream(
            Encoding.UTF8.GetBytes("[" + Good + ",\n{\"claimId\":\"BIG\",\"note\":[\"a]\\\"}\",{\"x\":\""),
            big,
            Encoding.UTF8.GetBytes("\"}]},\n" + Good + "]"));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var results = ClaimJsonReader.Read(input, "claims.json").ToList();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        results.Select(r => (r.ClaimId, r.IsReadable, r.SourceLine)).Should().Equal(("OK", true, (int?)1), ("#2", false, (int?)2), ("OK", true, (int?)3));
        Errors(results[1]).Should().Equal(("claim", "The claim is larger than 16 MB, the most one claim may take; it was skipped unread.", (int?)2));
        allocated.Should().BeLessThan(48L * 1024 * 1024, "a claim over the limit is scanned, not held");
    }

    [Fact]
    public void Json_DuplicateMembers_AreElementErrors_AtEveryLevel()
    {
        var results = ReadJson("""
            [{"claimId":"D1","claimId":"D2"},
             {"claimId":"D3","patient":{"sex":"F","sex":"M"},"lines":[{"units":1,"units":2}],"diagnoses":[],"diagnoses":["I10"]},
             {"claimId":"D4","x":1,"x":2}]
            """);

        const string twice = "The member appears more than once; give each element once, as it is not clear which value is meant.";
        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("#1", false), ("D3", false), ("D4", true));
        Errors(results[0]).Should().Equal(("claimId", twice, (int?)1));
        Errors(results[1]).Should().Equal(("patient.sex", twice, (int?)2), ("lines[1].units", twice, 2), ("diagnoses", twice, 2));
    }

    [Fact]
    public void Json_EscapedMemberName_IsTheSameMember()
    {
        var result = ReadJson("""[{"claim\u0049d":"E1","\u0063laimId":"E2"}]""").Single();

        Errors(result).Should().Equal(("claimId", "The member appears more than once; give each element once, as it is not clear which value is meant.", (int?)1));
    }

    [Fact]
    public void Json_TenMegabyteCode_IsEchoedCut()
    {
        var code = new string('A', 10 * 1024 * 1024);
        var result = ReadJson($$"""[{"claimId":"L","lines":[{"procedureCode":"{{code}}"}]}]""").Single();
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

        var error = result.Errors.Single();
        var cut = new string('A', 40) + "…";
        (error.Element, error.Message, error.Code).Should().Be(("lines[1].procedureCode", $"'{cut}' is not a HCPCS/CPT procedure code: expected five letters or digits.", cut));
        var finding = result.Scrub(scrubber).Findings.Single();
        finding.Message.Should().Be($"'{cut}' is not a HCPCS/CPT procedure code: expected five letters or digits. (input line 1)");
        finding.Codes.Should().Equal(cut);
    }

    [Fact]
    public void Json_LongSettingAndClaimId_AreCutOrRefused()
    {
        var result = ReadJson($$"""[{"claimId":"{{new string('9', 39)}}","setting":"{{new string('x', 100)}}"}]""").Single();

        result.ClaimId.Should().Be("#1");
        Errors(result).Should().Equal(
            ("claimId", "The claim id is longer than 38 characters, the most an 837 carries (CLM01).", (int?)1),
            ("setting", $"'{new string('x', 40)}…' is not a claim setting: expected professional, outpatientHospital, inpatient or otherInstitutional.", 1));
    }

    [Fact]
    public void Json_ClaimLimits_AreReadUpToTheLimit_AndRefusedBeyondIt()
    {
        string Claim(string id, int lines, int diagnoses, string units = "1", string charge = "100", string? claimId = null) =>
            $$"""{"claimId":"{{claimId ?? id}}","diagnoses":[{{string.Join(",", Enumerable.Repeat("\"I10\"", diagnoses))}}],"lines":[{{string.Join(",", Enumerable.Repeat($"{{\"procedureCode\":\"99213\",\"units\":{units},\"charge\":{charge}}}", lines))}}]}""";

        var results = ReadJson("[" + string.Join(",\n",
            Claim("AT", 999, 25, "99999999.999", "-99999999.99", new string('9', 38)),
            Claim("LINES", 1000, 1),
            Claim("DX", 1, 26),
            Claim("UNITS", 1, 1, units: "100000000"),
            Claim("UNITS3", 1, 1, units: "1.0005"),
            Claim("CHARGE", 1, 1, charge: "-100000000.00"),
            Claim("CHARGE2", 1, 1, charge: "1.005"),
            Claim("ZEROS", 1, 1, units: "2.500000", charge: "1.50000")) + "]");

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(
            (new string('9', 38), true), ("LINES", false), ("DX", false), ("UNITS", false), ("UNITS3", false), ("CHARGE", false), ("CHARGE2", false), ("ZEROS", true));
        results[0].Claim!.Lines.Should().HaveCount(999);
        results[0].Claim!.Diagnoses.Should().HaveCount(25);
        Errors(results[1]).Should().Equal(("lines[1000]", "The claim has 1,000 service lines; an 837 carries at most 999.", (int?)2));
        results[1].Errors.Single().ServiceLine.Should().BeNull();
        Errors(results[2]).Should().Equal(("diagnoses[26]", "The claim has 26 diagnoses; an 837 carries at most 25.", (int?)3));
        Errors(results[3]).Should().Equal(("lines[1].units", "The units are beyond ±99,999,999.999, the most an 837 carries (SV1-04, SV2-05).", (int?)4));
        Errors(results[4]).Should().Equal(("lines[1].units", "The units have more than 3 decimal places; an 837 carries at most 3.", (int?)5));
        Errors(results[5]).Should().Equal(("lines[1].charge", "The charge is beyond ±99,999,999.99, the most an 837 carries (SV1-02, SV2-03).", (int?)6));
        Errors(results[6]).Should().Equal(("lines[1].charge", "The charge has more than 2 decimal places; an 837 carries at most 2.", (int?)7));
        results[7].Claim!.Lines[0].Units.Should().Be(2.5m);
    }

    [Fact]
    public void Json_NumbersAnyDecimalCannotHold_AreOutOfRange()
    {
        var result = ReadJson("""[{"claimId":"N","lines":[{"units":1e400,"charge":123456789012345678901234567890123},{"diagnosisPointers":[1e10]}]}]""").Single();

        Errors(result).Should().Equal(
            ("lines[1].units", "The number is out of range.", (int?)1),
            ("lines[1].charge", "The number is out of range.", 1),
            ("lines[2].diagnosisPointers[1]", "The diagnosis pointer is not a whole number.", 1));
    }

    [Fact]
    public void Json_NestingDeeperThan64_IsNotWellFormed_AnUnreadableLineInNdjson()
    {
        var deep = new string('[', 70) + new string(']', 70);

        var ndjson = ReadJson($"{Good}\n{{\"claimId\":\"DEEP\",\"x\":{deep}}}\n{Good}\n");
        var array = () => ReadJson($"[{Good},\n{{\"claimId\":\"DEEP\",\"x\":{deep}}}]");

        ndjson.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("OK", true), ("#2", false), ("OK", true));
        ndjson[1].Errors.Single().Message.Should().StartWith("The JSON is not well formed: The maximum configured depth of 64 has been exceeded");
        array.Should().Throw<ClaimReadException>().Which.LineNumber.Should().Be(2);
    }

    [Fact]
    public void Json_Utf16Input_IsRefusedSayingSo()
    {
        var act = () => ReadJson(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("[]")).ToArray());

        act.Should().Throw<ClaimReadException>().WithMessage("claims.json:1:1: The input is UTF-16 (it starts with a UTF-16 byte-order mark); claims are read as UTF-8.");
    }

    [Fact]
    public void Json_CrLfAndByteOrderMark_ReadAsLf()
    {
        var lf = $"[\n{Good},\n{Good}\n]\n";
        var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(lf.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        ReadJson(crlf).Select(r => (r.ClaimId, r.IsReadable, r.SourceLine)).Should().Equal(ReadJson(lf).Select(r => (r.ClaimId, r.IsReadable, r.SourceLine)));
    }

    [Fact]
    public void Csv_InvalidUtf8InACell_MakesThatClaimUnreadable_NamingElementAndLine()
    {
        var bytes = Concat("claimId,diagnoses,procedureCode\nA,I10,99213\nB,I10,9", InvalidByte, "213\nB,I1", InvalidByte, "0,99213\nC,I10,99213\n");
        using var harness = new ReaderHarness();
        var path = harness.WriteBytes("lines.csv", bytes);

        var results = ClaimCsvReader.ReadFile(path).ToList();

        const string notUtf8 = "The cell is not valid UTF-8 text: it holds U+FFFD, which stands for bytes that could not be decoded.";
        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("A", true), ("B", false), ("C", true));
        Errors(results[1]).Should().Equal(("lines[1].procedureCode", notUtf8, (int?)3), ("diagnoses", notUtf8, 4));
    }

    [Fact]
    public void Csv_QuotedCellNeverClosed_AcrossLines_StopsTheInputAtItsLine()
    {
        var seen = new List<string>();
        var act = () =>
        {
            foreach (var result in ClaimCsvReader.Read(new StringReader("claimId,procedureCode\nA,99213\nB,\"99213\nC,99213\nD,99213\n"), "lines.csv"))
            {
                seen.Add(result.ClaimId);
            }
        };

        act.Should().Throw<ClaimReadException>().WithMessage(
            "lines.csv:3: A quoted cell opened on this line is never closed, so the rows after it cannot be told apart; close the quote or remove it.");
        seen.Should().Equal("A");
    }

    [Fact]
    public void Csv_QuoteOutOfPlace_OrUnclosedOnTheLastLine_IsThatRowsError()
    {
        var results = ReadCsv("claimId,procedureCode\nA,\"99213\"x\nB,99213\nC,\"99213");

        const string quoting = "The row's quoting is malformed: a quote inside an unquoted cell, or a quoted cell never closed.";
        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("A", false), ("B", true), ("C", false));
        Errors(results[0]).Should().Contain(("lines[1]", quoting, (int?)2));
        Errors(results[2]).Should().Contain(("lines[1]", quoting, (int?)4));
    }

    [Fact]
    public void Csv_HugeCell_IsThatRowsError_WithoutHoldingIt()
    {
        var huge = new string('9', 3 * CsvRecordReader.MaxRecordLength);

        var results = ReadCsv($"claimId,procedureCode,modifiers\nA,99213,25\nA,99213,{huge}\nB,99213,\n{huge},99213,25\nC,99213,");

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("A", false), ("B", true), ("#3", false), ("C", true));
        Errors(results[0]).Should().Equal(("lines[2]", "The row is longer than 1,048,576 characters, more than any claim's row; it was not read.", (int?)3));
        Errors(results[2]).Should().Equal(("claimId", "The row is longer than 1,048,576 characters, more than any claim's row, and its claimId could not be read.", (int?)5));
    }

    [Fact]
    public void Csv_ClaimLimits_AreChecked()
    {
        var rows = new StringBuilder("claimId,diagnoses,procedureCode,units,charge\n");
        for (var i = 0; i < 1000; i++)
        {
            rows.Append("MANY,I10,99213,1,10\n");
        }

        rows.Append("DX,").Append(string.Join('|', Enumerable.Repeat("I10", 26))).Append(",99213,1,10\n");
        rows.Append("UNITS,I10,99213,100000000,10\nCHARGE,I10,99213,1,0.001\n");
        rows.Append(new string('X', 39)).Append(",I10,99213,1,10\n");

        var results = ReadCsv(rows.ToString());

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("MANY", false), ("DX", false), ("UNITS", false), ("CHARGE", false), ("#5", false));
        Errors(results[0]).Should().Equal(("lines[1000]", "The claim has 1,000 service lines; an 837 carries at most 999.", (int?)2));
        Errors(results[1]).Should().Equal(("diagnoses[26]", "The claim has 26 diagnoses; an 837 carries at most 25.", (int?)1002));
        Errors(results[2]).Should().Equal(("lines[1].units", "The units are beyond ±99,999,999.999, the most an 837 carries (SV1-04, SV2-05).", (int?)1003));
        Errors(results[3]).Should().Equal(("lines[1].charge", "The charge has more than 2 decimal places; an 837 carries at most 2.", (int?)1004));
        Errors(results[4]).Should().Equal(("claimId", "The claim id is longer than 38 characters, the most an 837 carries (CLM01).", (int?)1005));
    }

    [Fact]
    public void Csv_ByteOrderMarkLeftByTheTextReader_IsNotPartOfTheHeader()
    {
        var result = ReadCsv("\uFEFFclaimId,procedureCode\nA,99213\n").Single();

        (result.ClaimId, result.IsReadable).Should().Be(("A", true));
    }

    /// <summary>A read-only stream of a head, <c>count</c> filler bytes made on the fly, and a tail: large inputs without holding them.</summary>
    private sealed class GeneratedStream(byte[] head, long count, byte[] tail) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count1)
        {
            var done = 0;
            while (done < count1)
            {
                var target = buffer.AsSpan(offset + done, count1 - done);
                int n;
                if (position < head.Length)
                {
                    n = Math.Min(target.Length, head.Length - (int)position);
                    head.AsSpan((int)position, n).CopyTo(target);
                }
                else if (position < head.Length + count)
                {
                    n = (int)Math.Min(target.Length, head.Length + count - position);
                    target[..n].Fill((byte)'x');
                }
                else
                {
                    var at = (int)(position - head.Length - count);
                    n = Math.Min(target.Length, tail.Length - at);
                    if (n == 0)
                    {
                        break;
                    }

                    tail.AsSpan(at, n).CopyTo(target);
                }

                position += n;
                done += n;
            }

            return done;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();
    }
}
