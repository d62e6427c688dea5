using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Serialization.X12;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization;

/// <summary>The claim model v2 members in the JSON contract: written only when set, read back unchanged, their errors named.</summary>
public class ClaimModelV2JsonTests
{
    private static List<ClaimReadResult> RoundTrip(IEnumerable<Claim> claims, JsonOutputFormat format)
    {
        var stream = new MemoryStream();
        using (var writer = new ClaimJsonWriter(stream, format, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        stream.Position = 0;
        return [.. ClaimJsonReader.Read(stream)];
    }

    [Fact]
    [Trait("Category", "Fuzz")]
    public void AnyClaim_WritesAsJsonAndReadsBackUnchanged() =>
        Fuzz.Run(suiteSeed: 2026, cases: 150, random =>
        {
            var claims = Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomFullClaims.Next(random)).ToList();
            var results = RoundTrip(claims, random.Next(2) == 0 ? JsonOutputFormat.Array : JsonOutputFormat.Ndjson);
            results.Should().HaveCount(claims.Count);
            for (var i = 0; i < claims.Count; i++)
            {
                results[i].Errors.Should().BeEmpty();
                results[i].Claim.Should().BeEquivalentTo(claims[i], $"claim {i + 1}");
            }
        });

    [Fact]
    public void ExampleFiles_AreLosslessBetweenX12AndJson()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(X12Files.PathOf("x"))!, "*.837"))
        {
            var claims = X12ClaimReader.ReadFile(file).Select(r => r.Claim!).ToList();
            RoundTrip(claims, JsonOutputFormat.Ndjson).Select(r => r.Claim).Should().BeEquivalentTo(claims, Path.GetFileName(file));
        }
    }

    [Fact]
    public void ClaimWithoutV2Members_IsWrittenAsTheFirstContractWroteIt()
    {
        var claim = TestClaims.Professional();
        ClaimJsonWriter.Serialize(claim).Should().NotContain("typeOfBill").And.NotContain("coverage").And.NotContain("drug");
    }

    [Fact]
    public void InstitutionalMembers_AreRead()
    {
        var result = ClaimJsonReader.ReadClaim("""
            {"claimId": "I1", "setting": "inpatient", "typeOfBill": "011", "frequencyCode": "1", "admissionDate": "2026-03-01", "admissionHour": 8,
             "admissionType": "1", "admissionSource": "7", "dischargeStatus": "01", "statementFrom": "2026-03-01", "statementThrough": "2026-03-05",
             "diagnoses": ["S72.001A", "I10"], "presentOnAdmission": ["Y", null], "admittingDiagnosis": "S72.001A",
             "externalCauseDiagnoses": ["W01.0XXA"], "externalCausePresentOnAdmission": ["1"],
             "pcsProcedures": [{"code": "0SR9019", "date": "2026-03-02"}], "conditionCodes": ["07"],
             "occurrenceCodes": [{"code": "11", "date": "2026-03-01"}], "occurrenceSpanCodes": [{"code": "70", "from": "2026-02-01", "through": "2026-02-05"}],
             "valueCodes": [{"code": "80", "amount": 4}], "attendingNpi": "1234567893",
             "coverage": {"responsibilitySequence": "P", "patientRelationship": "18", "claimFilingIndicator": "MA", "memberId": "1EG4TE5MK73", "payerId": "00431", "payerName": "MEDICARE A"},
             "otherCoverages": [{"responsibilitySequence": "S", "payerId": "ACME01", "paidAmount": 100.5}],
             "lines": [{"revenueCode": "0250", "units": 30, "charge": 1200, "drug": {"ndc": "00409-4902-34", "quantity": 30, "unit": "UN"}, "lineItemControlNumber": "L1", "operatingNpi": "1245319599"}]}
            """);
        result.Errors.Should().BeEmpty();
        var claim = result.Claim!;
        claim.TypeOfBill.ToString().Should().Be("11");
        claim.AdmissionHour.Should().Be(8);
        claim.PresentOnAdmission.Should().Equal(PresentOnAdmission.Yes, PresentOnAdmission.NotReported);
        claim.ExternalCausePresentOnAdmission.Should().Equal(PresentOnAdmission.Exempt);
        claim.PcsProcedures.Should().ContainSingle().Which.Code.ToString().Should().Be("0SR9019");
        claim.OccurrenceSpanCodes.Should().ContainSingle().Which.Through.Should().Be(new DateOnly(2026, 2, 5));
        claim.ValueCodes.Should().ContainSingle().Which.Amount.Should().Be(4);
        claim.Coverage.PayerName.Should().Be("MEDICARE A");
        claim.OtherCoverages.Should().ContainSingle().Which.PaidAmount.Should().Be(100.5m);
        claim.Lines[0].Drug!.Ndc.ToString().Should().Be("00409490234");
        claim.Lines[0].Drug!.Unit.Should().Be(DrugUnit.Unit);
        claim.Lines[0].OperatingNpi.ToString().Should().Be("1245319599");
    }

    [Fact]
    public void MalformedV2Members_AreElementErrors()
    {
        var result = ClaimJsonReader.ReadClaim("""
            {"claimId": "I2", "typeOfBill": "0111", "admissionHour": 24, "dischargeStatus": "1", "presentOnAdmission": ["X"],
             "pcsProcedures": [{"date": "2026-03-02"}, {"code": "0SR9O19"}], "conditionCodes": [""], "valueCodes": [{"code": "80", "amount": "4"}],
             "coverage": {"paidAmount": 1.005}, "otherCoverages": [null],
             "lines": [{"drug": {"quantity": 1}, "anesthesiaMinutes": 12.5}, {"drug": {"ndc": "1234567890", "unit": "KG"}}]}
            """);
        result.Errors.Select(e => (e.Element, e.Message)).Should().Equal(
            ("typeOfBill", "'0111' is not a type of bill: expected the facility and classification digits, such as 13 or 013 (the frequency digit is the claim frequency code)."),
            ("admissionHour", "The hour of admission is not a whole number from 0 to 23."),
            ("dischargeStatus", "'1' is not a patient discharge status: expected two digits, such as 01."),
            ("presentOnAdmission[1]", "'X' is not a present-on-admission indicator: expected Y, N, U, W or 1."),
            ("pcsProcedures[1].code", "The entry has no code; give the code or remove the entry."),
            ("pcsProcedures[2].code", "'0SR9O19' is not an ICD-10-PCS code: expected 7 digits or letters other than I and O."),
            ("conditionCodes[1]", "The code is empty; remove the entry or give the two-character code."),
            ("valueCodes[1].amount", "Expected a number, found a string."),
            ("coverage.paidAmount", "The amount has more than 2 decimal places; an 837 carries at most 2."),
            ("otherCoverages[1]", "The entry is null; remove it or give the other payer's coverage."),
            ("lines[1].drug.ndc", "The drug has no NDC; give the 11-digit NDC or remove the drug."),
            ("lines[1].anesthesiaMinutes", "The anesthesia time in minutes is not a whole number from 0 to 99999999."),
            ("lines[2].drug.ndc", "'1234567890' is not a National Drug Code: expected 11 digits (5-4-2), or a hyphenated 10-digit form (4-4-2, 5-3-2, 5-4-1)."),
            ("lines[2].drug.unit", "'KG' is not a drug unit: expected F2, GR, ME, ML or UN."));
    }
}
