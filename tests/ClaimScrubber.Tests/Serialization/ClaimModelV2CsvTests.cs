using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization;

/// <summary>
/// The claim model v2 in the CSV layout: every member that fits a row is a column, read and written; what does not fit
/// (lists whose entries carry dates or amounts, other payers) is named by <see cref="ClaimCsvWriter.Check"/>; files of
/// the first layout read as before.
/// </summary>
public class ClaimModelV2CsvTests
{
    private const string FirstHeader =
        "claimId,setting,birthDate,sex,billingNpi,renderingNpi,placeOfService,frequencyCode,dischargeDate,diagnoses,procedureCode,modifiers,units,charge,serviceDate,serviceDateTo,linePlaceOfService,diagnosisPointers,lineRenderingNpi,revenueCode";

    private static string Write(IEnumerable<Claim> claims)
    {
        var text = new StringWriter();
        using (var writer = new ClaimCsvWriter(text, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        return text.ToString();
    }

    private static List<ClaimReadResult> Read(string csv) => [.. ClaimCsvReader.Read(new StringReader(csv), "claims.csv")];

    private static ClaimReadResult ReadOne(string csv) => Read(csv).Should().ContainSingle().Subject;

    [Fact]
    [Trait("Category", "Fuzz")]
    public void AnyClaim_AsTheLayoutCarriesIt_WritesAndReadsBackUnchanged() =>
        Fuzz.Run(suiteSeed: 2027, cases: 150, random =>
        {
            var claims = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => RandomFullClaims.CsvCarried(RandomFullClaims.Next(random)))
                .Where(c => !c.Lines.IsEmpty)
                .ToList();
            foreach (var claim in claims)
            {
                ClaimCsvWriter.Check(claim).Should().BeEmpty();
            }

            var results = Read(Write(claims));
            results.Should().HaveCount(claims.Count);
            for (var i = 0; i < claims.Count; i++)
            {
                results[i].Errors.Should().BeEmpty();
                results[i].Claim.Should().BeEquivalentTo(claims[i], $"claim {i + 1}");
            }
        });

    [Fact]
    public void Check_NamesEachElementTheLayoutCannotCarry()
    {
        var claim = new Claim
        {
            ClaimId = "I1",
            Setting = ClaimSetting.Inpatient,
            Patient = new Patient(),
            Diagnoses = [IcdCode.Parse("S72.001A")],
            PcsProcedures = [new PcsProcedure { Code = PcsCode.Parse("0SR9019") }],
            OccurrenceCodes = [new OccurrenceCode { Code = NubcCode.Parse("11") }],
            OccurrenceSpanCodes = [new OccurrenceSpanCode { Code = NubcCode.Parse("70") }],
            ValueCodes = [new ValueCode { Code = NubcCode.Parse("80"), Amount = 4 }],
            Coverage = new Coverage { PayerId = "00431", PaidAmount = 10m },
            OtherCoverages = [new Coverage { PayerId = "ACME01" }],
            Lines = [],
        };

        ClaimCsvWriter.Check(claim).Select(p => $"{p.Element}: {p.Message}").Should().Equal(
            "lines: The claim has no service line, and the CSV layout holds a claim as its lines; write it as JSON or X12.",
            "pcsProcedures: The CSV layout has no column for ICD-10-PCS procedures (each with its date); write the claim as JSON or X12.",
            "occurrenceCodes: The CSV layout has no column for occurrence codes (each with its date); write the claim as JSON or X12.",
            "occurrenceSpanCodes: The CSV layout has no column for occurrence span codes (each with its dates); write the claim as JSON or X12.",
            "valueCodes: The CSV layout has no column for value codes (each with its amount); write the claim as JSON or X12.",
            "otherCoverages: The CSV layout has no column for other payers; write the claim as JSON or X12.",
            "coverage.paidAmount: The CSV layout has no column for the destination payer's paid amount; write the claim as JSON.");
        var act = () => Write([claim]);
        act.Should().Throw<ArgumentException>().WithMessage("Claim 'I1' cannot be written as CSV: lines: The claim has no service line*otherCoverages:*");
    }

    [Fact]
    public void ClaimIds_MustTellTheClaimsApart_AsTheReaderGroupsRowsByThem()
    {
        var first = TestClaims.Professional();
        var noId = new Claim { ClaimId = " ", Patient = first.Patient, Diagnoses = first.Diagnoses, Lines = first.Lines };
        ClaimCsvWriter.Check(noId).Select(p => $"{p.Element}: {p.Message}").Should().Equal(
            "claimId: The claim has no id, and the CSV layout tells a claim's rows by its claimId; give the claim an id.");

        var text = new StringWriter();
        using (var writer = new ClaimCsvWriter(text, leaveOpen: true))
        {
            writer.CheckNext(first).Should().BeEmpty();
            writer.Write(first);
            writer.CheckNext(first).Select(p => $"{p.Element}: {p.Message}").Should().Equal(
                $"claimId: A claim with the id '{first.ClaimId}' was written to this file already; the CSV layout tells claims apart by their ids, so write it to another file or as JSON.");
            var again = () => writer.Write(first);
            again.Should().Throw<ArgumentException>();
        }

        Read(text.ToString()).Should().ContainSingle().Which.IsReadable.Should().BeTrue();
    }

    [Fact]
    public void FirstLayoutFile_ReadsAsBefore_WithNoV2Member()
    {
        var result = ReadOne(FirstHeader + "\r\nCSV-01,professional,1961-07-14,F,1234567893,,11,1,,E11.9|I10,99214,25,1,180.00,2026-05-04,,,1|2,,\r\n");

        result.Errors.Should().BeEmpty();
        var claim = result.Claim!;
        ClaimJsonWriter.Serialize(claim).Should().Be(
            """{"claimId":"CSV-01","setting":"professional","patient":{"birthDate":"1961-07-14","sex":"F"},"billingNpi":"1234567893","renderingNpi":null,"placeOfService":"11","frequencyCode":"1","dischargeDate":null,"diagnoses":["E11.9","I10"],"lines":[{"procedureCode":"99214","modifiers":["25"],"units":1,"charge":180.00,"serviceDate":"2026-05-04","serviceDateTo":null,"placeOfService":null,"diagnosisPointers":[1,2]}]}""");
        claim.Coverage.Should().BeEquivalentTo(new Coverage());
        claim.TypeOfBill.Should().BeNull();
        claim.ConditionCodes.Should().BeEmpty();
        claim.Lines[0].Drug.Should().BeNull();
    }

    [Fact]
    public void V2Columns_AreFoundByName_InAnyOrder_AndRead()
    {
        var csv = """
            revenueCode,drugUnit,drugNdc,drugQuantity,claimId,typeOfBill,setting,statementThrough,statementFrom,presentOnAdmission,diagnoses,externalCauseDiagnoses,externalCausePresentOnAdmission,conditionCodes,admissionDate,admissionHour,admissionType,admissionSource,dischargeStatus,attendingNpi,serviceFacilityPostalCode,memberId,payerId,responsibilitySequence,claimFilingIndicator,payerClaimControlNumber,lineItemControlNumber,lineOperatingNpi,units,charge
            0250,UN,00409-4902-34,30,I1,11,inpatient,2026-03-05,2026-03-01,Y-N,S72.001A|I10|E11.9,W01.0XXA,1,07|39,2026-03-01,8,1,7,01,1234567893,60601,1EG4TE5MK73,00431,P,MA,PCN-9,L1,1245319599,30,1200
            0120,,,,I1,,,,,,,,,,,,,,,,,,,,,,L2,,4,3200.50
            """;

        var result = ReadOne(csv);

        result.Errors.Should().BeEmpty();
        var claim = result.Claim!;
        claim.TypeOfBill.ToString().Should().Be("11");
        claim.Setting.Should().Be(ClaimSetting.Inpatient);
        claim.StatementFrom.Should().Be(new DateOnly(2026, 3, 1));
        claim.StatementThrough.Should().Be(new DateOnly(2026, 3, 5));
        claim.AdmissionDate.Should().Be(new DateOnly(2026, 3, 1));
        claim.AdmissionHour.Should().Be(8);
        claim.AdmissionType.Should().Be("1");
        claim.AdmissionSource.Should().Be("7");
        claim.DischargeStatus.ToString().Should().Be("01");
        claim.PresentOnAdmission.Should().Equal(PresentOnAdmission.Yes, PresentOnAdmission.NotReported, PresentOnAdmission.No);
        claim.ExternalCauseDiagnoses.Select(d => d.ToDottedString()).Should().Equal("W01.0XXA");
        claim.ExternalCausePresentOnAdmission.Should().Equal(PresentOnAdmission.Exempt);
        claim.ConditionCodes.Select(c => c.ToString()).Should().Equal("07", "39");
        claim.AttendingNpi.ToString().Should().Be("1234567893");
        claim.ServiceFacility.Should().BeEquivalentTo(new ServiceFacility { PostalCode = "60601" });
        claim.PayerClaimControlNumber.Should().Be("PCN-9");
        claim.Coverage.Should().BeEquivalentTo(new Coverage { ResponsibilitySequence = "P", ClaimFilingIndicator = "MA", MemberId = "1EG4TE5MK73", PayerId = "00431" });
        claim.Lines.Should().HaveCount(2);
        claim.Lines[0].Drug.Should().BeEquivalentTo(new DrugIdentification { Ndc = NationalDrugCode.Parse("00409490234"), Quantity = 30, Unit = DrugUnit.Unit });
        claim.Lines[0].LineItemControlNumber.Should().Be("L1");
        claim.Lines[0].OperatingNpi.ToString().Should().Be("1245319599");
        claim.Lines[1].Drug.Should().BeNull();
        claim.Lines[1].LineItemControlNumber.Should().Be("L2");
    }

    [Fact]
    public void MalformedV2Cells_AreErrorsOfTheirElements()
    {
        var csv = """
            claimId,diagnoses,presentOnAdmission,admissionHour,conditionCodes,dischargeStatus,procedureCode,drugQuantity,anesthesiaMinutes,lineOrderingNpi
            C1,E11.9|I10,YX,24,07,1,99213,2,,
            C1,,,,,,99214,,-5,123
            """;

        var result = ReadOne(csv);

        result.IsReadable.Should().BeFalse();
        result.Errors.Select(e => $"{e.Element} (line {e.SourceLine}): {e.Message}").Should().Equal(
            "lines[1].drug.ndc (line 2): The drug has no NDC; give the 11-digit NDC or leave the drug's columns blank.",
            "lines[2].anesthesiaMinutes (line 3): The anesthesia time in minutes is not a whole number from 0 to 99999999.",
            "lines[2].orderingNpi (line 3): '123' is not an NPI: expected ten digits.",
            "admissionHour (line 2): The hour of admission is not a whole number from 0 to 23.",
            "dischargeStatus (line 2): '1' is not a patient discharge status: expected two digits, such as 01.",
            "presentOnAdmission[2] (line 2): 'X' is not a present-on-admission indicator: expected Y, N, U, W or 1.");
    }

    [Fact]
    public void ListsBeyondWhatAn837Carries_AreRefused()
    {
        var codes = string.Join('|', Enumerable.Range(10, ClaimLimits.MaxConditionCodes + 1));
        var result = ReadOne($"claimId,procedureCode,conditionCodes,reasonForVisitDiagnoses\r\nC1,99213,{codes},R10.9|R11.0|R51.9|R05.9\r\n");

        result.Errors.Select(e => $"{e.Element}: {e.Message}").Should().Equal(
            "reasonForVisitDiagnoses[4]: The claim has 4 diagnoses; an 837 carries at most 3.",
            "conditionCodes[25]: The claim has 25 condition codes; an 837 carries at most 24.");
    }

    [Fact]
    public void ClaimLevelV2Column_ThatDiffersBetweenRows_IsAnError()
    {
        var result = ReadOne("claimId,procedureCode,memberId\r\nC1,99213,M1\r\nC1,99214,M2\r\n");

        result.Errors.Select(e => $"{e.Element} (line {e.SourceLine}): {e.Message}").Should().Equal(
            "coverage.memberId (line 3): The memberId column differs from line 2; claim-level columns must hold the same value on every row of a claim.");
    }
}
