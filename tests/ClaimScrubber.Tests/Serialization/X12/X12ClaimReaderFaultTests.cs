using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using static ClaimScrubber.Tests.Serialization.X12.X12Text;

namespace ClaimScrubber.Tests.Serialization.X12;

/// <summary>Faults of 837 input, one by one: what is reported, where, and that every CLM still yields exactly one result.</summary>
public class X12ClaimReaderFaultTests
{
    private static ClaimReadResult Single(string text)
    {
        var errors = new List<X12EnvelopeError>();
        var results = X12Files.ReadText(text, errors.Add);
        errors.Should().BeEmpty();
        return results.Should().ContainSingle().Subject;
    }

    private static ClaimElementError OnlyError(string text)
    {
        var result = Single(text);
        result.IsReadable.Should().BeFalse();
        return result.Errors.Should().ContainSingle().Subject;
    }

    private static (List<ClaimReadResult> Results, List<X12EnvelopeError> Envelope) ReadWithEnvelope(string text)
    {
        var envelope = new List<X12EnvelopeError>();
        return (X12Files.ReadText(text, envelope.Add), envelope);
    }

    [Fact]
    public void CleanClaim_IsRead()
    {
        var result = Single(ProfessionalClaim());
        result.IsReadable.Should().BeTrue();
        result.ClaimId.Should().Be("C1");
        result.Claim!.Lines.Should().ContainSingle().Which.ProcedureCode.ToString().Should().Be("99213");
    }

    // ---- Elements --------------------------------------------------------------------------------------------

    [Fact]
    public void MalformedProcedureCode_NamesPathLoopElementAndPosition()
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(3, "SV1*HC:9921!*100*UN*1***1")));
        error.Element.Should().Be("lines[1].procedureCode");
        error.ServiceLine.Should().Be(1);
        error.Code.Should().Be("9921!");
        error.Message.Should().StartWith("2400 SV1-01-2 (segment 13): '9921!' is not a HCPCS/CPT procedure code");
    }

    [Fact]
    public void CompositeThatContradictsIsa16_SaysSo()
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(3, "SV1*HC>99213>25*100*UN*1***1")));
        error.Element.Should().Be("lines[1].procedureCode");
        error.Message.Should().Be("2400 SV1-01 (segment 13): the composite seems to separate its components with '>', but the interchange's component separator (ISA-16) is ':'.");
    }

    [Fact]
    public void ProcedureQualifierOtherThanHc_IsRefused() =>
        OnlyError(ProfessionalClaim(ClaimWith(3, "SV1*ER:XYZ*100*UN*1***1"))).Message
            .Should().Be("2400 SV1-01-1 (segment 13): qualifier 'ER' is not HC: only HCPCS/CPT procedure codes are read.");

    [Fact]
    public void EmptyModifierBeforeAnother_WouldShiftPositions_AndIsRefused()
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(3, "SV1*HC:99213::25*100*UN*1***1")));
        error.Element.Should().Be("lines[1].modifiers[1]");
        error.Message.Should().Be("2400 SV1-01-3 (segment 13): the modifier is empty, and a modifier follows it.");
    }

    [Fact]
    public void MalformedModifier_IsNamedByPosition() =>
        OnlyError(ProfessionalClaim(ClaimWith(3, "SV1*HC:99213:25:X*100*UN*1***1"))).Message
            .Should().StartWith("2400 SV1-01-4 (segment 13): 'X' is not a modifier");

    [Theory]
    [InlineData("SV1*HC:99213*1O0*UN*1***1", "lines[1].charge", "2400 SV1-02 (segment 13): the value is not a number")]
    [InlineData("SV1*HC:99213*100.001*UN*1***1", "lines[1].charge", "2400 SV1-02 (segment 13): the value is out of range: at most 99,999,999.99 with 2 decimals.")]
    [InlineData("SV1*HC:99213*100*UN*123456789***1", "lines[1].units", "2400 SV1-04 (segment 13): the value is out of range: at most 99,999,999.999 with 3 decimals.")]
    [InlineData("SV1*HC:99213*100*XX*1***1", "lines[1].units", "2400 SV1-03 (segment 13): unit basis 'XX' is not UN (units) or MJ (anesthesia minutes).")]
    [InlineData("SV1*HC:00790*100*MJ*12.5***1", "lines[1].anesthesiaMinutes", "2400 SV1-04 (segment 13): anesthesia time (unit basis MJ) is not a whole number of minutes.")]
    [InlineData("SV1*HC:99213*100*UN*1*1X**1", "lines[1].placeOfService", "2400 SV1-05 (segment 13): '1X' is not a place-of-service code")]
    [InlineData("SV1*HC:99213*100*UN*1***1:A", "lines[1].diagnosisPointers[2]", "2400 SV1-07-2 (segment 13): the diagnosis pointer is not a whole number.")]
    public void MalformedLineElements_AreNamed(string segment, string element, string message)
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(3, segment)));
        error.Element.Should().Be(element);
        error.Message.Should().StartWith(message);
        error.Message.Should().NotContain("100.001").And.NotContain("123456789");
    }

    [Theory]
    [InlineData("DTP*472*D8*20260231", "2400 DTP-03 (segment 14): the date is not a calendar date in the form CCYYMMDD (D8).")]
    [InlineData("DTP*472*RD8*20260310", "2400 DTP-03 (segment 14): the dates are not a range of calendar dates in the form CCYYMMDD-CCYYMMDD (RD8).")]
    [InlineData("DTP*472*DT*202603101200", "2400 DTP-02 (segment 14): date format 'DT' is not D8 or RD8.")]
    public void MalformedServiceDates_AreNamed_WithoutEchoingTheDate(string segment, string message)
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(4, segment)));
        error.Element.Should().Be("lines[1].serviceDate");
        error.Message.Should().Be(message);
    }

    [Fact]
    public void IcdNineQualifier_IsTheWrongCodeSet()
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(1, "HI*BK:4659")));
        error.Element.Should().Be("diagnoses[1]");
        error.Message.Should().Be("2300 HI-01-1 (segment 11): qualifier BK marks an ICD-9-CM diagnosis code, the wrong code set for claims of services from 2015-10-01 on: report the ICD-10 code with qualifier ABK.");
    }

    [Fact]
    public void IcdNineOtherDiagnosisAndProcedure_AreNamedToo()
    {
        var result = Single(InstitutionalClaim(InstitutionalWith(3, "HI*ABK:J189*BF:4019*BR:8151:D8:20260302")));
        result.Errors.Select(e => (e.Element, e.Message)).Should().Equal(
            ("diagnoses[2]", "2300 HI-02-1 (segment 13): qualifier BF marks an ICD-9-CM diagnosis code, the wrong code set for claims of services from 2015-10-01 on: report the ICD-10 code with qualifier ABF."),
            ("pcsProcedures[1].code", "2300 HI-03-1 (segment 13): qualifier BR marks an ICD-9-CM procedure code, the wrong code set for claims of services from 2015-10-01 on: report the ICD-10 code with qualifier BBR."));
    }

    [Fact]
    public void MalformedDiagnosis_IsNamedByItsHiComposite()
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(1, "HI*ABK:J069*ABF:I1!")));
        error.Element.Should().Be("diagnoses[2]");
        error.Code.Should().Be("I1!");
        error.Message.Should().StartWith("2300 HI-02-2 (segment 11): 'I1!' is not an ICD-10-CM code");
    }

    [Fact]
    public void OtherDiagnosesWithoutPrincipal_AreRefused() =>
        OnlyError(ProfessionalClaim(ClaimWith(1, "HI*ABF:J069"))).Message
            .Should().Be("2300 HI-01-1 (segment 11): another diagnosis (ABF) comes before the principal diagnosis (ABK), which must come first.");

    [Fact]
    public void UnknownHiQualifier_IsRefused() =>
        OnlyError(ProfessionalClaim(ClaimWith(1, "HI*ABK:J069*ZZ:123"))).Message
            .Should().StartWith("2300 HI-02-1 (segment 11): qualifier 'ZZ' is not a code list the 837 uses in HI");

    [Fact]
    public void InvalidPresentOnAdmission_IsNamed()
    {
        var error = OnlyError(InstitutionalClaim(InstitutionalWith(3, "HI*ABK:J189:::::::X")));
        error.Element.Should().Be("presentOnAdmission[1]");
        error.Message.Should().Be("2300 HI-01-9 (segment 13): 'X' is not a present-on-admission indicator: expected Y, N, U, W or 1.");
    }

    [Fact]
    public void MoreThan25Diagnoses_AreRefusedAtThe26th()
    {
        var others = string.Join('*', Enumerable.Range(0, 12).Select(_ => "ABF:I10"));
        var error = OnlyError(InstitutionalClaim(
            "CLM*I1*500***11:A:1**A*Y*Y", "HI*ABK:J189*" + others, "HI*" + others, "HI*ABF:E119*ABF:E119", "LX*1", "SV2*0120**500*DA*2"));
        error.Element.Should().Be("diagnoses[26]");
        error.Message.Should().Be("2300 HI-01-2 (segment 13): the claim has more than 25 diagnoses; no 837 carries more.");
    }

    [Fact]
    public void MoreThan999Lines_AreRefused_AndTheRestIsNotKept()
    {
        var lines = Enumerable.Range(1, 1002).SelectMany(n => new[] { $"LX*{n}", "SV2*0300*HC:80053*10*UN*1" });
        var result = Single(InstitutionalClaim(["CLM*I1*500***13:A:1**A*Y*Y", "HI*ABK:J189", .. lines]));
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Element.Should().Be("lines[1000]");
        error.Message.Should().StartWith("2400 LX-01 (segment 2010): the claim has more than 999 service lines");
    }

    [Fact]
    public void BadBillingNpi_MakesEveryClaimUnderTheProviderUnreadable()
    {
        var prefix = ProfessionalPrefix.ToArray();
        prefix[2] = "NM1*85*2*BILLING*****XX*12345678";
        var results = X12Files.ReadText(Interchange(Professional, [.. prefix, .. ProfessionalClaimSegments, "CLM*C2*50***11:B:1", "HI*ABK:J069", "LX*1", "SV1*HC:99213*50*UN*1***1"]));
        results.Should().HaveCount(2).And.OnlyContain(r => !r.IsReadable);
        results.Select(r => r.ClaimId).Should().Equal("C1", "C2");
        results[1].Errors.Should().ContainSingle().Which.Message.Should().StartWith("2010AA NM1-09 (segment 4): '12345678' is not an NPI");
    }

    [Theory]
    [InlineData("DMG*D8*19701301*F", "patient.birthDate", "2010BA DMG-02 (segment 8): the date of birth is not a calendar date in the form CCYYMMDD (D8).")]
    [InlineData("DMG*D8*19700101*X", "patient.sex", "2010BA DMG-03 (segment 8): the sex is not F, M or U.")]
    [InlineData("DMG*DT*197001011200*F", "patient.birthDate", "2010BA DMG-02 (segment 8): DMG-01 date format 'DT' is not D8.")]
    public void BadDemographics_AreNamed_WithoutEchoingTheDate(string segment, string element, string message)
    {
        var prefix = ProfessionalPrefix.ToArray();
        prefix[6] = segment;
        var error = OnlyError(Interchange(Professional, [.. prefix, .. ProfessionalClaimSegments]));
        error.Element.Should().Be(element);
        error.Message.Should().Be(message);
    }

    [Fact]
    public void TooLongClaimId_GivesThePlaceholder()
    {
        var result = Single(ProfessionalClaim(ClaimWith(0, "CLM*" + new string('A', 39) + "*100***11:B:1*Y*A*Y*Y")));
        result.ClaimId.Should().Be("#1");
        result.Errors.Should().ContainSingle().Which.Message.Should().Be("2300 CLM-01 (segment 10): the claim id is longer than 38 characters.");
    }

    [Theory]
    [InlineData("CLM*C1*100***11:A:1*Y*A*Y*Y", "placeOfService", "2300 CLM-05-2 (segment 10): qualifier 'A' is not B: on an 837P, CLM-05-1 is the place of service.")]
    [InlineData("CLM*C1*100***1X:B:1*Y*A*Y*Y", "placeOfService", "2300 CLM-05-1 (segment 10): '1X' is not a place-of-service code")]
    [InlineData("CLM*C1*100***11>B>1*Y*A*Y*Y", "placeOfService", "2300 CLM-05 (segment 10): the composite seems to separate its components with '>'")]
    public void BadClaimLocation_IsNamed(string segment, string element, string message)
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(0, segment)));
        error.Element.Should().Be(element);
        error.Message.Should().StartWith(message);
    }

    [Fact]
    public void MalformedTypeOfBill_IsNamed() =>
        OnlyError(InstitutionalClaim(InstitutionalWith(0, "CLM*I1*500***1:A:1**A*Y*Y"))).Message
            .Should().StartWith("2300 CLM-05-1 (segment 10): '1' is not a type of bill");

    [Theory]
    [InlineData("LIN**UP*00409490234", "lines[1].drug.ndc", "2410 LIN-02 (segment 16): qualifier 'UP' is not N4 (an NDC in the 5-4-2 form).")]
    [InlineData("LIN**N4*0040949023", "lines[1].drug.ndc", "2410 LIN-03 (segment 16): '0040949023' is not a National Drug Code")]
    public void BadDrugIdentification_IsNamed(string segment, string element, string message)
    {
        var error = OnlyError(InstitutionalClaim([.. InstitutionalClaimSegments, segment, "CTP****30*UN"]));
        error.Element.Should().Be(element);
        error.Message.Should().StartWith(message);
    }

    [Fact]
    public void BadDrugUnit_IsNamed() =>
        OnlyError(InstitutionalClaim([.. InstitutionalClaimSegments, "LIN**N4*00409490234", "CTP****30*XY"])).Message
            .Should().Be("2410 CTP-05-1 (segment 17): 'XY' is not a drug unit: expected F2, GR, ME, ML or UN.");

    // ---- Segments out of place -------------------------------------------------------------------------------

    [Fact]
    public void InstitutionalLineInAProfessionalTransaction_IsRefused()
    {
        var error = OnlyError(ProfessionalClaim(ClaimWith(3, "SV2*0450*HC:99284*100*UN*1")));
        error.Element.Should().Be("lines[1]");
        error.Message.Should().Be("2400 SV2 (segment 13): SV2 is the institutional service line; this transaction set is an 837P, whose lines are SV1.");
    }

    [Fact]
    public void ClaimLevelSegmentAmongTheLines_IsRefused() =>
        OnlyError(ProfessionalClaim([.. ProfessionalClaimSegments, "HI*ABF:I10"])).Message
            .Should().Be("2300 HI (segment 15): the HI segment comes after the service lines (LX); it belongs to the claim (loop 2300), before the first LX.");

    [Fact]
    public void RepeatedSingleSegment_IsRefused() =>
        OnlyError(InstitutionalClaim([.. InstitutionalClaimSegments[..3], "CL1*1*1*01", .. InstitutionalClaimSegments[3..]])).Message
            .Should().Be("2300 CL1 (segment 13): the segment repeats; the claim carries one.");

    [Fact]
    public void InvalidSegmentId_IsReportedOnTheClaim() =>
        OnlyError(ProfessionalClaim([.. ProfessionalClaimSegments, "sv1*x"])).Message
            .Should().Be("sv1 (segment 15): 'sv1' is not a segment id (2 or 3 capital letters or digits, the first a letter).");

    [Fact]
    public void ClaimWithoutSubscriberLevel_IsUnreadable()
    {
        var error = OnlyError(Interchange(Professional, ["BHT*0019*00*1*20260312*1253*CH", "HL*1**20*1", "NM1*85*2*BILLING*****XX*1234567893", .. ProfessionalClaimSegments]));
        error.Message.Should().Be("2300 CLM (segment 5): the claim has no subscriber level (HL-03 22) before it.");
    }

    [Fact]
    public void SubscriberLevelWithTheWrongParent_IsReported()
    {
        var prefix = ProfessionalPrefix.ToArray();
        prefix[3] = "HL*2*7*22*0";
        OnlyError(Interchange(Professional, [.. prefix, .. ProfessionalClaimSegments])).Message
            .Should().Be("2000B HL-02 (segment 5): parent 7 is not the billing provider level 1 before it.");
    }

    [Fact]
    public void UnknownHierarchyLevel_MakesItsClaimsUnreadable()
    {
        var prefix = ProfessionalPrefix.ToArray();
        prefix[3] = "HL*2*1*19*0";
        OnlyError(Interchange(Professional, [.. prefix, .. ProfessionalClaimSegments])).Message
            .Should().Be("HL-03 (segment 5): level '19' is not 20 (billing provider), 22 (subscriber) or 23 (patient).");
    }

    [Fact]
    public void OneMalformedClaim_LeavesTheNextReadable()
    {
        var results = X12Files.ReadText(ProfessionalClaim([.. ClaimWith(3, "SV1*HC:99213*X*UN*1***1"), .. ClaimWith(0, "CLM*C2*100***11:B:1*Y*A*Y*Y")]));
        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("C1", false), ("C2", true));
    }

    // ---- Transactions and envelopes --------------------------------------------------------------------------

    [Fact]
    public void TransactionOfAnotherGuide_HasItsClaimsReportedNotRead()
    {
        var error = OnlyError(Interchange("004010X098A1", [.. ProfessionalPrefix, .. ProfessionalClaimSegments]));
        error.Message.Should().Be("2300 CLM (segment 10): the implementation guide '004010X098A1' (ST-03, GS-08) is neither the 837P (005010X222A1) nor the 837I (005010X223A2/A3); the claims of this transaction set are not read.");
    }

    [Theory]
    [InlineData("IEA*1*000000999", "IEA", "IEA-02 control number 000000999 does not match ISA-13 000000001.")]
    [InlineData("IEA*2*000000001", "IEA", "IEA-01 says 2 functional group(s); interchange 000000001 holds 1.")]
    [InlineData("GE*1*9", "GE", "GE-02 control number 9 does not match GS-06 1.")]
    [InlineData("GE*3*1", "GE", "GE-01 says 3 transaction set(s); functional group 1 holds 1.")]
    public void TrailerThatDoesNotMatch_IsAnEnvelopeError_AndTheClaimsAreRead(string trailer, string segment, string message)
    {
        var text = ProfessionalClaim();
        var kind = trailer[..trailer.IndexOf('*', StringComparison.Ordinal)];
        var lines = text.Split("~\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith(kind + "*", StringComparison.Ordinal) ? trailer : s);
        var (results, envelope) = ReadWithEnvelope(Join(lines));
        results.Should().ContainSingle().Which.IsReadable.Should().BeTrue();
        var error = envelope.Should().ContainSingle().Subject;
        error.Segment.Should().Be(segment);
        error.Message.Should().Be(message);
        error.InputName.Should().Be("test.837");
    }

    [Theory]
    [InlineData("SE*99*0001", "SE-01 says 99 segments; transaction set 0001 has 15 (ST and SE included).")]
    [InlineData("SE*15*0002", "SE-02 control number 0002 does not match ST-02 0001.")]
    public void TransactionTrailerThatDoesNotMatch_IsAnEnvelopeError(string trailer, string message)
    {
        var lines = ProfessionalClaim().Split("~\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith("SE*", StringComparison.Ordinal) ? trailer : s);
        var (results, envelope) = ReadWithEnvelope(Join(lines));
        results.Should().ContainSingle().Which.IsReadable.Should().BeTrue();
        envelope.Should().ContainSingle().Which.ToString().Should().Be($"test.837:17: segment 17 (SE): {message}");
    }

    [Fact]
    public void MissingTransactionTrailer_IsAnEnvelopeError()
    {
        var lines = ProfessionalClaim().Split("~\n", StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith("SE*", StringComparison.Ordinal));
        var (results, envelope) = ReadWithEnvelope(Join(lines));
        results.Should().ContainSingle().Which.IsReadable.Should().BeTrue();
        envelope.Select(e => e.Message).Should().Equal("transaction set 0001 has no SE trailer before GE.");
    }

    [Fact]
    public void TruncatedFile_MakesTheCutClaimUnreadable_AndReportsTheOpenEnvelopes()
    {
        var text = ProfessionalClaim();
        var cut = text[..text.IndexOf("SV1*HC:99213*1", StringComparison.Ordinal)] + "SV1*HC:992";
        var (results, envelope) = ReadWithEnvelope(cut);
        var result = results.Should().ContainSingle().Subject;
        result.IsReadable.Should().BeFalse();
        result.Errors.Select(e => e.Message).Should().Contain(m => m.Contains("the input ends inside this segment; the claim is cut short.", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("the input ends before the transaction set's SE trailer", StringComparison.Ordinal));
        envelope.Select(e => e.Message).Should().Equal(
            "the input ends inside this segment: it has no terminator ('~').",
            "the input ends inside transaction set 0001: it has no SE trailer.",
            "the input ends inside functional group 1: it has no GE trailer.",
            "the input ends inside interchange 000000001: it has no IEA trailer.");
    }

    [Fact]
    public void WithoutCallback_EnvelopeErrorsAreThrownAfterEveryClaimWasYielded()
    {
        var lines = ProfessionalClaim().Split("~\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith("IEA*", StringComparison.Ordinal) ? "IEA*1*000000999" : s);
        var yielded = new List<ClaimReadResult>();
        var read = () =>
        {
            foreach (var result in X12ClaimReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Join(lines))), "in.837"))
            {
                yielded.Add(result);
            }
        };
        read.Should().Throw<ClaimReadException>().WithMessage("in.837:19: the 837 envelopes are faulty (1 fault(s); every claim was read): segment 19 (IEA): IEA-02 control number 000000999 does not match ISA-13 000000001.");
        yielded.Should().ContainSingle().Which.IsReadable.Should().BeTrue();
    }

    [Fact]
    public void ClaimOutsideATransaction_IsReportedUnreadable()
    {
        var text = Join([Isa(), "GS*HC*S*R*20260312*1253*1*X*005010X222A1", "CLM*LOST*100***11:B:1", "GE*0*1", "IEA*1*000000001"]);
        var (results, envelope) = ReadWithEnvelope(text);
        var result = results.Should().ContainSingle().Subject;
        result.ClaimId.Should().Be("LOST");
        result.Errors.Should().ContainSingle().Which.Message.Should().Be("segment 3 (CLM): the claim is outside a transaction set (no ST before it), so its loops cannot be read.");
        envelope.Should().ContainSingle().Which.Message.Should().Be("the segment is outside a transaction set (between ST and SE).");
    }

    [Fact]
    public void NonClaimTransaction_HasNoClaims() =>
        X12Files.ReadText(Join([Isa(), "GS*HS*S*R*20260312*1253*1*X*005010X279A1", "ST*270*0001*005010X279A1", "BHT*0022*13*1*20260312*1253", "SE*3*0001", "GE*1*1", "IEA*1*000000001"]))
            .Should().BeEmpty();

    [Fact]
    public void SeveralInterchangesWithTheirOwnDelimiters_WithOrWithoutLineBreaks_AreAllRead()
    {
        var first = Join([Isa("000000001"), "GS*HC*S*R*20260312*1253*1*X*005010X222A1", .. Transaction(Professional, "0001", [.. ProfessionalPrefix, .. ProfessionalClaimSegments]), "GE*1*1", "IEA*1*000000001"], "~");
        static string Piped(string segment) => segment.Replace('*', '|').Replace(':', '>');
        var second = Join(
            [
                Isa("000000002", '|', '!', '>'),
                "GS|HC|S|R|20260312|1253|2|X|005010X222A1",
                .. Transaction(Professional, "0002", [.. ProfessionalPrefix, "CLM*C2*100***11:B:1*Y*A*Y*Y", "HI*ABK:J069*ABF:I10", "LX*1", "SV1*HC:99213:25*100*UN*1***1:2"]).Select(Piped),
                .. Transaction(Professional, "0003", [.. ProfessionalPrefix, "CLM*C3*100***11:B:1*Y*A*Y*Y", "HI*ABK:J069", "LX*1", "SV1*HC:99213*100*UN*1***1"]).Select(Piped),
                "GE|2|2",
                "IEA|1|000000002",
            ],
            "~\r\n");
        var (results, envelope) = ReadWithEnvelope("\uFEFF" + first + "\n" + second);
        envelope.Should().BeEmpty();
        results.Select(r => (r.ClaimId, r.IsReadable, r.X12Source!.InterchangeControlNumber, r.X12Source.TransactionControlNumber, r.Ordinal, r.X12Source.ClaimOrdinal))
            .Should().Equal(("C1", true, "000000001", "0001", 1, 1), ("C2", true, "000000002", "0002", 2, 1), ("C3", true, "000000002", "0003", 3, 1));
        results[1].Claim!.Lines[0].Modifiers.Should().ContainSingle().Which.ToString().Should().Be("25");
        results[1].Claim!.Lines[0].DiagnosisPointers.Should().Equal(1, 2);
        results[2].SourceLine.Should().Be(results[1].SourceLine + 14);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void LineBreakAsTheTerminator_IsRead(string terminator)
    {
        var segments = ProfessionalClaim().Split("~\n", StringSplitOptions.RemoveEmptyEntries);
        var result = X12Files.ReadText(Join(segments, terminator)).Should().ContainSingle().Subject;
        result.IsReadable.Should().BeTrue();
        result.SourceLine.Should().Be(12);
    }

    [Theory]
    [InlineData("{\"claimId\": \"C1\"}", "test.837:1: segment 1: the input does not start with an ISA interchange header, so its delimiters are unknown.")]
    [InlineData("ISA*00*0*00", "test.837:1: segment 1: the ISA interchange header is cut short: it needs 16 elements, the component separator (ISA16) and the segment terminator.")]
    public void UndelimitableInput_StopsTheFile(string text, string message) =>
        FluentActions.Invoking(() => X12Files.ReadText(text)).Should().Throw<ClaimReadException>().WithMessage(message);

    [Fact]
    public void IsaWithUnusableDelimiters_StopsTheFile()
    {
        var isa = Isa(component: '*');
        FluentActions.Invoking(() => X12Files.ReadText(isa + "~")).Should().Throw<ClaimReadException>()
            .WithMessage("*the ISA interchange header declares unusable delimiters (element '*', component '*', repetition '^', segment terminator '~')*");
    }

    [Fact]
    public void SegmentWithoutTerminator_WithinTheLimit_StopsTheFile()
    {
        var text = ProfessionalClaim().Replace("NM1*PR*2*PAYER*****PI*P100~\n", "NM1*PR*2*" + new string('A', 70_000), StringComparison.Ordinal);
        FluentActions.Invoking(() => X12Files.ReadText(text)).Should().Throw<ClaimReadException>()
            .WithMessage("test.837:11: segment 11: no segment terminator ('~', declared by ISA) within 65,536 bytes; the segments cannot be told apart.");
    }

    [Fact]
    public void LooksLikeX12_TellsAnInterchangeFromJsonAndCsv()
    {
        X12ClaimReader.LooksLikeX12("ISA*00*"u8).Should().BeTrue();
        X12ClaimReader.LooksLikeX12("\uFEFF\r\n ISA|00"u8).Should().BeTrue();
        X12ClaimReader.LooksLikeX12("[{\"claimId\""u8).Should().BeFalse();
        X12ClaimReader.LooksLikeX12("ISAAC,1"u8).Should().BeFalse();
        X12ClaimReader.LooksLikeX12("IS"u8).Should().BeFalse();
    }

    [Fact]
    public void EveryErrorLocation_IsWhereLocateSaysTheElementIs()
    {
        // The reader's errors and X12ClaimSource.Locate go through the same map; a path an error names locates to the same place.
        var cases = new[]
        {
            ProfessionalClaim(ClaimWith(3, "SV1*HC:9921!:2X*1O0*UN*1*1X**1:A")),
            ProfessionalClaim(ClaimWith(1, "HI*ABK:J069*ABF:I1!")),
            InstitutionalClaim(InstitutionalWith(3, "HI*ABK:J189:::::::X*ABF:I1!")),
        };
        foreach (var text in cases)
        {
            var result = Single(text);
            result.Errors.Should().NotBeEmpty();
            foreach (var error in result.Errors.Where(e => e.Element != "claim"))
            {
                var location = result.X12Source!.Locate(error.Element)!;
                error.Message.Should().StartWith($"{location.Loop} {location.Element} (segment ", error.Element);
            }
        }
    }
}
