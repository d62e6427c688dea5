using System.Collections.Immutable;
using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Tests.Serialization;

public class ClaimCsvWriterTests
{
    private static string Write(params Claim[] claims)
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

    [Fact]
    public void Write_OneRowPerLine_ClaimColumnsRepeated_ListsSeparatedByBars()
    {
        var claim = new Claim
        {
            ClaimId = "A,1",
            Setting = ClaimSetting.OutpatientHospital,
            Patient = new Patient { BirthDate = new DateOnly(1961, 7, 14), Sex = Sex.Female },
            BillingNpi = Npi.Parse("1234567893"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            Lines =
            [
                new ServiceLine { ProcedureCode = ProcedureCode.Parse("99214"), Modifiers = [ModifierCode.Parse("25"), ModifierCode.Parse("XS")], Units = 1, Charge = 180.00m, ServiceDate = new DateOnly(2026, 5, 4), DiagnosisPointers = [1, 2] },
                new ServiceLine { ProcedureCode = ProcedureCode.Parse("36415"), Units = 2.5m, Charge = 12.50m, ServiceDate = new DateOnly(2026, 5, 4), ServiceDateTo = new DateOnly(2026, 5, 5), PlaceOfService = PlaceOfServiceCode.Parse("22"), DiagnosisPointers = [1], RenderingNpi = Npi.Parse("1003000126"), RevenueCode = "0300" },
            ],
        };

        // The claim model v2 columns follow each group of the first layout's, blank for a claim that has none of them.
        var noClaimV2 = new string(',', ClaimCsvReader.ClaimColumns.Length - 10);
        var noLineV2 = new string(',', ClaimCsvReader.LineColumns.Length - 10);
        Write(claim).Split("\r\n").Should().Equal(
            "claimId,setting,birthDate,sex,billingNpi,renderingNpi,placeOfService,frequencyCode,dischargeDate,diagnoses,"
                + "typeOfBill,admissionDate,admissionHour,admissionType,admissionSource,dischargeStatus,statementFrom,statementThrough,presentOnAdmission,"
                + "admittingDiagnosis,reasonForVisitDiagnoses,externalCauseDiagnoses,externalCausePresentOnAdmission,conditionCodes,attendingNpi,operatingNpi,"
                + "referringNpi,supervisingNpi,serviceFacilityNpi,serviceFacilityPostalCode,priorAuthorization,referralNumber,payerClaimControlNumber,cliaNumber,"
                + "responsibilitySequence,patientRelationship,claimFilingIndicator,memberId,payerId,payerName,"
                + "procedureCode,modifiers,units,charge,serviceDate,serviceDateTo,linePlaceOfService,diagnosisPointers,lineRenderingNpi,revenueCode,"
                + "drugNdc,drugQuantity,drugUnit,lineItemControlNumber,anesthesiaMinutes,lineReferringNpi,lineOrderingNpi,lineSupervisingNpi,lineOperatingNpi",
            "\"A,1\",outpatientHospital,1961-07-14,F,1234567893,,,1,,E11.9|I10" + noClaimV2 + ",99214,25|XS,1,180.00,2026-05-04,,,1|2,," + noLineV2,
            "\"A,1\",outpatientHospital,1961-07-14,F,1234567893,,,1,,E11.9|I10" + noClaimV2 + ",36415,,2.5,12.50,2026-05-04,2026-05-05,22,1,1003000126,0300" + noLineV2,
            string.Empty);
    }

    [Fact]
    public void Write_GeneratedClaims_ReadBackUnchangedByTheCsvReader()
    {
        var claims = new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { ErrorRate = 0.6 }).Generate(1000).ToArray();

        var read = ClaimCsvReader.Read(new StringReader(Write(claims))).ToList();

        read.Should().OnlyContain(r => r.IsReadable);
        read.Select(r => ClaimJsonWriter.Serialize(r.Claim!)).Should().Equal(claims.Select(ClaimJsonWriter.Serialize));
    }

    [Fact]
    public void Write_ClaimWithoutLines_IsRefused()
    {
        var claim = new Claim { ClaimId = "EMPTY", Patient = new Patient(), Diagnoses = [], Lines = ImmutableArray<ServiceLine>.Empty };

        var act = () => Write(claim);

        act.Should().Throw<ArgumentException>().WithMessage("Claim 'EMPTY' cannot be written as CSV: lines: The claim has no service line, and the CSV layout holds a claim as its lines; write it as JSON or X12.*");
    }
}
