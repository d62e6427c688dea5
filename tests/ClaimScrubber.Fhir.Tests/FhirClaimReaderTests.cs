using ClaimScrubber.Serialization;

namespace ClaimScrubber.Fhir.Tests;

public class FhirClaimReaderTests
{
    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Claims", name));

    [Fact]
    public void ProfessionalBundle_EveryMappedElement_IsRead()
    {
        var result = FhirClaimReader.ReadJson(Fixture("professional-bundle.json")).Should().ContainSingle().Subject;

        result.Errors.Should().BeEmpty();
        result.Ordinal.Should().Be(1);
        var claim = result.Claim!;
        claim.ClaimId.Should().Be("PRO-001");
        claim.Setting.Should().Be(ClaimSetting.Professional);
        claim.Patient.BirthDate.Should().Be(new DateOnly(1950, 4, 2));
        claim.Patient.Sex.Should().Be(Sex.Female);
        claim.BillingNpi.Should().Be(Npi.Parse("1234567893"));
        claim.RenderingNpi.Should().Be(Npi.Parse("1245319599"));
        claim.PlaceOfService.Should().Be(PlaceOfServiceCode.Parse("11"));
        claim.FrequencyCode.Should().Be("1");
        claim.TypeOfBill.Should().BeNull();
        claim.Diagnoses.Should().Equal(IcdCode.Parse("E11.9"), IcdCode.Parse("I10"));
        claim.PresentOnAdmission.Should().BeEmpty();
        claim.Coverage.ResponsibilitySequence.Should().Be("P");
        claim.Coverage.MemberId.Should().Be("1EG4TE5MK73");
        claim.Coverage.PayerId.Should().Be("00430");
        claim.Coverage.PayerName.Should().Be("Medicare Part B");
        claim.Coverage.ClaimFilingIndicator.Should().Be("MB");
        claim.OtherCoverages.Should().BeEmpty();
        claim.PriorAuthorization.Should().Be("PA-77");

        claim.Lines.Should().HaveCount(2);
        var visit = claim.Lines[0];
        visit.ProcedureCode.Should().Be(ProcedureCode.Parse("99214"));
        visit.Modifiers.Should().Equal(ModifierCode.Parse("25"));
        visit.Units.Should().Be(1m);
        visit.Charge.Should().Be(180.00m);
        visit.ServiceDate.Should().Be(new DateOnly(2026, 3, 2));
        visit.ServiceDateTo.Should().BeNull();
        visit.PlaceOfService.Should().BeNull("the claim's place of service is the first line's");
        visit.DiagnosisPointers.Should().Equal(1, 2);
        visit.RenderingNpi.Should().BeNull("the line's rendering provider is the claim's");
        visit.Drug.Should().BeNull();

        var drug = claim.Lines[1];
        drug.ProcedureCode.Should().Be(ProcedureCode.Parse("J1885"));
        drug.Modifiers.Should().BeEmpty();
        drug.Units.Should().Be(2m);
        drug.Charge.Should().Be(25.00m, "unitPrice × quantity when net is absent");
        drug.ServiceDate.Should().Be(new DateOnly(2026, 3, 2));
        drug.ServiceDateTo.Should().Be(new DateOnly(2026, 3, 4));
        drug.PlaceOfService.Should().Be(PlaceOfServiceCode.Parse("22"));
        drug.DiagnosisPointers.Should().Equal(1);
        drug.Drug!.Ndc.Should().Be(NationalDrugCode.Parse("00409-3795-01"));
        drug.Drug.Quantity.Should().Be(1.5m);
        drug.Drug.Unit.Should().Be(DrugUnit.Milliliter);
    }

    [Fact]
    public void InstitutionalClaim_EveryMappedElement_IsRead()
    {
        var result = FhirClaimReader.ReadJson(Fixture("institutional-claim.json")).Should().ContainSingle().Subject;

        result.Errors.Should().BeEmpty();
        var claim = result.Claim!;
        claim.ClaimId.Should().Be("INP-001");
        claim.Setting.Should().Be(ClaimSetting.Inpatient, "type of bill 11x is a hospital inpatient bill");
        claim.TypeOfBill.Should().Be(TypeOfBill.Parse("11"));
        claim.FrequencyCode.Should().Be("1", "the type of bill's last digit");
        claim.Patient.BirthDate.Should().Be(new DateOnly(1948, 11, 30));
        claim.Patient.Sex.Should().Be(Sex.Male);
        claim.BillingNpi.Should().Be(Npi.Parse("1234567893"));
        claim.AttendingNpi.Should().Be(Npi.Parse("1245319599"));
        claim.RenderingNpi.Should().BeNull();
        claim.StatementFrom.Should().Be(new DateOnly(2026, 2, 10));
        claim.StatementThrough.Should().Be(new DateOnly(2026, 2, 14));
        claim.AdmissionDate.Should().Be(new DateOnly(2026, 2, 10));
        claim.DischargeDate.Should().Be(new DateOnly(2026, 2, 14));
        claim.AdmissionType.Should().Be("1");
        claim.AdmissionSource.Should().Be("7");
        claim.DischargeStatus.Should().Be(DischargeStatus.Parse("01"));
        claim.Diagnoses.Should().Equal(IcdCode.Parse("I21.4"), IcdCode.Parse("E11.9"));
        claim.PresentOnAdmission.Should().Equal(PresentOnAdmission.Yes, PresentOnAdmission.Exempt);
        claim.AdmittingDiagnosis.Should().Be(IcdCode.Parse("R07.9"));
        claim.ExternalCauseDiagnoses.Should().Equal(IcdCode.Parse("W19.XXXA"));
        claim.PcsProcedures.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = PcsCode.Parse("02703ZZ"), Date = (DateOnly?)new DateOnly(2026, 2, 11) });
        claim.Coverage.ResponsibilitySequence.Should().Be("P");
        claim.Coverage.MemberId.Should().BeNull("the coverage is not resolvable");

        var room = claim.Lines.Should().ContainSingle().Subject;
        room.RevenueCode.Should().Be("0120");
        room.ProcedureCode.Should().BeNull("a room-and-board line bills its revenue code alone");
        room.Units.Should().Be(4m);
        room.Charge.Should().Be(8000.00m);
        room.ServiceDate.Should().Be(new DateOnly(2026, 2, 10));
        room.ServiceDateTo.Should().Be(new DateOnly(2026, 2, 13));
    }

    [Theory]
    [InlineData("0131", ClaimSetting.OutpatientHospital, "1")]
    [InlineData("0137", ClaimSetting.OutpatientHospital, "7")]
    [InlineData("0851", ClaimSetting.OutpatientHospital, "1")]
    [InlineData("0711", ClaimSetting.OtherInstitutional, "1")]
    [InlineData("111", ClaimSetting.Inpatient, "1")]
    public void InstitutionalSetting_FollowsTheTypeOfBill(string typeOfBill, ClaimSetting setting, string frequency)
    {
        var json = Fixture("institutional-claim.json").Replace("\"0111\"", $"\"{typeOfBill}\"", StringComparison.Ordinal);

        var claim = FhirClaimReader.ReadJson(json).Single().Claim!;

        claim.Setting.Should().Be(setting);
        claim.FrequencyCode.Should().Be(frequency);
    }

    [Fact]
    public void BundleOfSeveralClaims_GivesOneResultPerClaim_InBundleOrder_WithEachFaultNamedByItsFhirPath()
    {
        var claim = Fixture("institutional-claim.json");
        var broken = claim.Replace("\"I21.4\"", "\"I21.\"", StringComparison.Ordinal).Replace("\"INP-001\"", "\"INP-002\"", StringComparison.Ordinal);
        var bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": " + claim
            + "}, {\"resource\": {\"resourceType\": \"Patient\", \"id\": \"x\"}}, {\"resource\": " + broken + "}]}";

        var results = FhirClaimReader.ReadJson(bundle);

        results.Select(r => (r.Ordinal, r.ClaimId, r.IsReadable)).Should().Equal((1, "INP-001", true), (2, "INP-002", false));
        var error = results[1].Errors.Should().ContainSingle().Subject;
        error.Element.Should().Be("Bundle.entry[2].resource.diagnosis[0].diagnosisCodeableConcept");
        error.Code.Should().Be("I21.");
    }

    [Theory]
    [InlineData("\"code\": \"25\" }", "\"code\": \"2\" }", "Claim.item[0].modifier[0]", 1, "2")]
    [InlineData("\"code\": \"99214\"", "\"code\": \"9921\"", "Claim.item[0].productOrService", 1, "9921")]
    [InlineData("\"value\": \"1234567893\"", "\"value\": \"123\"", "Claim.provider", null, "123")]
    [InlineData("\"code\": \"11\" }", "\"code\": \"1A\" }", "Claim.item[0].locationCodeableConcept", 1, "1A")]
    [InlineData("\"diagnosisSequence\": [ 1, 2 ]", "\"diagnosisSequence\": [ 1, 9 ]", "Claim.item[0].diagnosisSequence[1]", 1, null)]
    [InlineData("\"servicedDate\": \"2026-03-02\"", "\"servicedDate\": \"2026-03\"", "Claim.item[0].servicedDate", 1, null)]
    [InlineData("\"code\": \"00409-3795-01\"", "\"code\": \"4093795\"", "Claim.item[1].detail[0].productOrService", 2, "4093795")]
    [InlineData("\"code\": \"mL\" }", "\"code\": \"tsp\" }", "Claim.item[1].detail[0].quantity", 2, "tsp")]
    [InlineData("\"code\": \"professional\"", "\"code\": \"pharmacy\"", "Claim.type", null, "pharmacy")]
    [InlineData("\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"I10\"", "\"system\": \"http://hl7.org/fhir/sid/icd-9-cm\", \"code\": \"401.9\"", "Claim.diagnosis[0].diagnosisCodeableConcept", null, "401.9")]
    public void MalformedElement_MakesTheClaimUnreadable_NamingItsFhirPath(string original, string replacement, string element, int? line, string? code)
    {
        var json = ProfessionalClaimAlone().Replace(original, replacement, StringComparison.Ordinal);
        json.Should().NotBe(ProfessionalClaimAlone(), "the fixture must contain the element to break");

        var result = FhirClaimReader.ReadJson(json).Should().ContainSingle().Subject;

        result.IsReadable.Should().BeFalse();
        result.ClaimId.Should().Be("PRO-001");
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Element.Should().Be(element);
        error.ServiceLine.Should().Be(line);
        error.Code.Should().Be(code);
        error.Message.Should().NotContain("2026").And.NotContain("1950", "messages never echo dates");
    }

    [Fact]
    public void InvalidFhirValue_IsAnErrorAtItsPath_WithoutEchoingTheValue()
    {
        var json = Fixture("professional-bundle.json").Replace("\"birthDate\": \"1950-04-02\"", "\"birthDate\": \"04/02/1950\"", StringComparison.Ordinal);

        var result = FhirClaimReader.ReadJson(json).Should().ContainSingle().Subject;

        result.IsReadable.Should().BeFalse("the claim's patient could not be read");
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Element.Should().Be("Bundle.entry[0].resource.birthDate", "the Patient's element, where it sits in the Bundle");
        error.Message.Should().NotContain("04/02/1950");
    }

    [Fact]
    public void InstitutionalClaim_WithoutTypeOfBill_IsUnreadable()
    {
        var json = Fixture("institutional-claim.json").Replace("\"typeofbill\"", "\"other\"", StringComparison.Ordinal);

        var error = FhirClaimReader.ReadJson(json).Single().Errors.Should().ContainSingle().Subject;

        error.Element.Should().Be("Claim.supportingInfo");
        error.Message.Should().Contain("type of bill");
    }

    [Theory]
    [InlineData("not json", "The input is not FHIR JSON")]
    [InlineData("{\"resourceType\": \"Patient\", \"id\": \"p\"}", "A Patient is not a Claim or a Bundle of Claims.")]
    public void InputThatIsNoClaim_IsRefusedWhole(string json, string problem)
    {
        var read = () => FhirClaimReader.ReadJson(json, "input.json");

        read.Should().Throw<ClaimReadException>().Which.Message.Should().Contain(problem).And.Contain("input.json");
    }

    private static string ProfessionalClaimAlone()
    {
        // The professional claim with its provider and patient resolved from contained resources.
        var bundle = Fixture("professional-bundle.json");
        var start = bundle.IndexOf("\"resourceType\": \"Claim\"", StringComparison.Ordinal);
        var claim = "{\n" + bundle[start..bundle.LastIndexOf("}\n    }\n  ]", StringComparison.Ordinal)] + "}";
        return claim.Replace("\"id\": \"claim-1\",", """
            "id": "claim-1",
            "contained": [
              { "resourceType": "Patient", "id": "pt", "gender": "female", "birthDate": "1950-04-02" },
              { "resourceType": "Organization", "id": "bp", "identifier": [ { "system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893" } ] }
            ],
            """, StringComparison.Ordinal)
            .Replace("urn:uuid:patient-1", "#pt", StringComparison.Ordinal)
            .Replace("urn:uuid:billing-1", "#bp", StringComparison.Ordinal);
    }
}
