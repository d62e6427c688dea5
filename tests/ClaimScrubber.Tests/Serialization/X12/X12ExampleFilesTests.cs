using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;

namespace ClaimScrubber.Tests.Serialization.X12;

/// <summary>
/// The 837 files written for the project in the shapes of the implementation guides' own examples (Files/), read
/// and compared with the claims they hold, every mapped element included: a claim compared with
/// <c>BeEquivalentTo</c> fails on any member read wrong, missing or extra.
/// </summary>
public class X12ExampleFilesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Npi N(string npi) => Npi.Parse(npi);

    private static ServiceLine Line(string code, decimal charge, DateOnly date, int[] pointers, string[]? modifiers = null, decimal units = 1) => new()
    {
        ProcedureCode = ProcedureCode.Parse(code),
        Modifiers = [.. (modifiers ?? []).Select(ModifierCode.Parse)],
        Units = units,
        Charge = charge,
        ServiceDate = date,
        DiagnosisPointers = [.. pointers],
    };

    private static Coverage Coverage(string responsibility, string? relationship, string filing, string member, string payerId, string payerName, decimal? paid = null) => new()
    {
        ResponsibilitySequence = responsibility,
        PatientRelationship = relationship,
        ClaimFilingIndicator = filing,
        MemberId = member,
        PayerId = payerId,
        PayerName = payerName,
        PaidAmount = paid,
    };

    [Fact]
    public void OfficeVisits_ReadEveryElement_UnderSubscriberAndPatientLevels()
    {
        var results = X12Files.Read("professional-office-visits.837");
        results.Should().HaveCount(3).And.OnlyContain(r => r.IsReadable);
        var janeCoverage = Coverage("P", "18", "CI", "JS00111223333", "999996666", "KEY INSURANCE COMPANY");

        results[0].Claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "26463774",
            Setting = ClaimSetting.Professional,
            Patient = new Patient { BirthDate = D(1943, 5, 1), Sex = Sex.Female },
            BillingNpi = N("1234567893"),
            RenderingNpi = N("1442852491"),
            ReferringNpi = N("1936044506"),
            ServiceFacility = new ServiceFacility { Npi = N("1581218215"), PostalCode = "331112345" },
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            PriorAuthorization = "AUTH0012",
            ReferralNumber = "REF7781",
            Diagnoses = [IcdCode.Parse("J03.00"), IcdCode.Parse("J32.9")],
            Coverage = janeCoverage,
            Lines =
            [
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("99213"), Units = 1, Charge = 40, ServiceDate = D(2026, 3, 10),
                    DiagnosisPointers = [1], LineItemControlNumber = "LN0001",
                },
                Line("87070", 15, D(2026, 3, 10), [1]),
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("99214"), Modifiers = [ModifierCode.Parse("25")], Units = 1, Charge = 35,
                    ServiceDate = D(2026, 3, 10), ServiceDateTo = D(2026, 3, 11), PlaceOfService = PlaceOfServiceCode.Parse("22"), DiagnosisPointers = [1, 2],
                },
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("86663"), Units = 1, Charge = 10, ServiceDate = D(2026, 3, 10),
                    DiagnosisPointers = [2], RenderingNpi = N("1975142120"),
                },
            ],
        });

        results[1].Claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "26463775",
            Setting = ClaimSetting.Professional,
            Patient = new Patient { BirthDate = D(1943, 5, 1), Sex = Sex.Female },
            BillingNpi = N("1234567893"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            CliaNumber = "12D4567890",
            Diagnoses = [IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            Coverage = janeCoverage,
            Lines =
            [
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("80053"), Units = 1, Charge = 35.5m, ServiceDate = D(2026, 3, 11),
                    DiagnosisPointers = [1, 2], OrderingNpi = N("1811407455"), ReferringNpi = N("1138930155"),
                },
                Line("83036", 17, D(2026, 3, 11), [1]),
            ],
        });

        results[2].Claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "26463776",
            Setting = ClaimSetting.Professional,
            Patient = new Patient { BirthDate = D(2015, 9, 1), Sex = Sex.Male },
            BillingNpi = N("1234567893"),
            SupervisingNpi = N("1724948140"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("J06.9")],
            Coverage = Coverage("P", "19", "CI", "JS00111223333", "999996666", "KEY INSURANCE COMPANY"),
            Lines = [Line("99213", 75, D(2026, 3, 11), [1])],
        });

        results.Select(r => (r.Ordinal, r.X12Source!.ClaimOrdinal, r.X12Source.TransactionControlNumber, r.X12Source.GroupControlNumber, r.X12Source.InterchangeControlNumber, r.X12Source.ImplementationGuide))
            .Should().Equal((1, 1, "0001", "101", "000000101", "005010X222A1"), (2, 2, "0001", "101", "000000101", "005010X222A1"), (3, 3, "0001", "101", "000000101", "005010X222A1"));
        results.Select(r => r.SourceLine).Should().Equal(22, 47, 68);
        results.Select(r => r.X12Source!.SegmentPosition).Should().Equal(20, 45, 66);
    }

    [Fact]
    public void Ambulance_ReadsMileageUnits_AndPassesOverTransportSegmentsAndLocations()
    {
        var claim = X12Files.Read("professional-ambulance.837").Should().ContainSingle().Subject.Claim;
        claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "AMB20260305",
            Setting = ClaimSetting.Professional,
            Patient = new Patient { BirthDate = D(1938, 7, 22), Sex = Sex.Male },
            BillingNpi = N("1245319599"),
            PlaceOfService = PlaceOfServiceCode.Parse("41"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("S72.001A"), IcdCode.Parse("W01.0XXA")],
            Coverage = Coverage("P", "18", "MB", "1EG4TE5MK73", "09102", "MEDICARE B"),
            Lines =
            [
                Line("A0427", 900, D(2026, 3, 5), [1], ["RH"]),
                Line("A0425", 108, D(2026, 3, 5), [1], ["RH"], units: 12.5m),
            ],
        });
    }

    [Fact]
    public void DrugsAndAnesthesia_ReadTheNdcWithItsQuantity_AndAnesthesiaMinutes()
    {
        var results = X12Files.Read("professional-drugs-anesthesia.837");
        results.Should().HaveCount(2).And.OnlyContain(r => r.IsReadable);
        var coverage = Coverage("P", "18", "MB", "2EG4TE5MK74", "09102", "MEDICARE B");
        var patient = new Patient { BirthDate = D(1950, 6, 12), Sex = Sex.Female };
        results[0].Claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "DRG20260301",
            Patient = patient,
            BillingNpi = N("1434272815"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("C50.911"), IcdCode.Parse("Z51.11")],
            Coverage = coverage,
            Lines =
            [
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("J9355"), Units = 6, Charge = 450, ServiceDate = D(2026, 3, 1), DiagnosisPointers = [1, 2],
                    LineItemControlNumber = "DRUGLINE1", OrderingNpi = N("1971038900"),
                    Drug = new DrugIdentification { Ndc = NationalDrugCode.Parse("50242-0134-01"), Quantity = 420, Unit = DrugUnit.Milligram },
                },
                Line("96413", 75, D(2026, 3, 1), [1, 2]),
            ],
        });
        results[1].Claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "ANES20260302",
            Patient = patient,
            BillingNpi = N("1434272815"),
            PlaceOfService = PlaceOfServiceCode.Parse("22"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("K35.80")],
            Coverage = coverage,
            Lines =
            [
                new ServiceLine
                {
                    ProcedureCode = ProcedureCode.Parse("00790"), Modifiers = [ModifierCode.Parse("QK")], Units = 1, AnesthesiaMinutes = 120, Charge = 800,
                    ServiceDate = D(2026, 3, 2), DiagnosisPointers = [1], SupervisingNpi = N("1169596255"),
                },
            ],
        });
    }

    [Fact]
    public void CoordinationOfBenefits_ReadsEveryOtherPayer_AndKeepsTheirControlNumbersApart()
    {
        var claim = X12Files.Read("professional-coordination-of-benefits.837").Should().ContainSingle().Subject.Claim;
        claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "COB20260320",
            Patient = new Patient { BirthDate = D(1952, 1, 1), Sex = Sex.Female },
            BillingNpi = N("1310522283"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "7",
            PayerClaimControlNumber = "PAYERCCN778899",
            Diagnoses = [IcdCode.Parse("M54.50"), IcdCode.Parse("M62.83")],
            Coverage = Coverage("S", "18", "MB", "3EG4TE5MK75", "09102", "MEDICARE B"),
            OtherCoverages =
            [
                Coverage("P", "01", "CI", "XYZ123456", "ACME01", "ACME HEALTH", paid: 100),
                Coverage("T", "18", "MC", "MCD998877", "SKMCD", "STATE MEDICAID", paid: 0),
            ],
            Lines = [Line("99214", 150, D(2026, 3, 18), [1, 2])],
        });
    }

    [Fact]
    public void InpatientStay_ReadsTheInstitutionalHeader_CodesWithPresentOnAdmission_AndPcsProcedures()
    {
        var result = X12Files.Read("institutional-inpatient.837").Should().ContainSingle().Subject;
        result.Claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "INP20260001",
            Setting = ClaimSetting.Inpatient,
            TypeOfBill = TypeOfBill.Parse("11"),
            FrequencyCode = "1",
            Patient = new Patient { BirthDate = D(1945, 3, 15), Sex = Sex.Female },
            BillingNpi = N("1251942474"),
            AttendingNpi = N("1310522283"),
            OperatingNpi = N("1599012592"),
            ReferringNpi = N("1729573810"),
            StatementFrom = D(2026, 3, 1),
            StatementThrough = D(2026, 3, 5),
            DischargeDate = D(2026, 3, 5),
            AdmissionDate = D(2026, 3, 1),
            AdmissionHour = 8,
            AdmissionType = "1",
            AdmissionSource = "7",
            DischargeStatus = DischargeStatus.Parse("01"),
            PriorAuthorization = "PA998877",
            Diagnoses = [IcdCode.Parse("S72.001A"), IcdCode.Parse("I10"), IcdCode.Parse("E11.9"), IcdCode.Parse("Z91.81")],
            PresentOnAdmission = [PresentOnAdmission.Yes, PresentOnAdmission.Yes, PresentOnAdmission.No],
            AdmittingDiagnosis = IcdCode.Parse("S72.001A"),
            ExternalCauseDiagnoses = [IcdCode.Parse("W01.0XXA"), IcdCode.Parse("Y92.009")],
            ExternalCausePresentOnAdmission = [PresentOnAdmission.Yes, PresentOnAdmission.Exempt],
            PcsProcedures =
            [
                new PcsProcedure { Code = PcsCode.Parse("0SR9019"), Date = D(2026, 3, 2) },
                new PcsProcedure { Code = PcsCode.Parse("3E0234Z"), Date = D(2026, 3, 3) },
            ],
            OccurrenceCodes =
            [
                new OccurrenceCode { Code = NubcCode.Parse("11"), Date = D(2026, 3, 1) },
                new OccurrenceCode { Code = NubcCode.Parse("42"), Date = D(2026, 3, 5) },
            ],
            OccurrenceSpanCodes = [new OccurrenceSpanCode { Code = NubcCode.Parse("70"), From = D(2026, 2, 1), Through = D(2026, 2, 5) }],
            ValueCodes = [new ValueCode { Code = NubcCode.Parse("80"), Amount = 4 }, new ValueCode { Code = NubcCode.Parse("01"), Amount = 350.00m }],
            ConditionCodes = [NubcCode.Parse("07"), NubcCode.Parse("39")],
            Coverage = Coverage("P", "18", "MA", "1EG4TE5MK73", "00431", "MEDICARE A"),
            Lines =
            [
                new ServiceLine { RevenueCode = "0120", Units = 4, Charge = 6000 },
                new ServiceLine
                {
                    RevenueCode = "0250", Units = 30, Charge = 1200,
                    Drug = new DrugIdentification { Ndc = NationalDrugCode.Parse("00409490234"), Quantity = 30, Unit = DrugUnit.Unit },
                },
                new ServiceLine { RevenueCode = "0360", Units = 1, Charge = 8200 },
            ],
        });
        result.X12Source!.ImplementationGuide.Should().Be("005010X223A2");
    }

    [Fact]
    public void OutpatientVisit_ReadsRevenueCodesWithHcpcs_AndTheReasonForVisit()
    {
        var claim = X12Files.Read("institutional-outpatient.837").Should().ContainSingle().Subject.Claim;
        claim.Should().BeEquivalentTo(new Claim
        {
            ClaimId = "OUT20260002",
            Setting = ClaimSetting.OutpatientHospital,
            TypeOfBill = TypeOfBill.Parse("13"),
            FrequencyCode = "1",
            Patient = new Patient { BirthDate = D(1960, 7, 4), Sex = Sex.Male },
            BillingNpi = N("1251942474"),
            AttendingNpi = N("1442852491"),
            RenderingNpi = N("1442852491"),
            StatementFrom = D(2026, 3, 10),
            StatementThrough = D(2026, 3, 10),
            DischargeStatus = DischargeStatus.Parse("01"),
            Diagnoses = [IcdCode.Parse("R07.9"), IcdCode.Parse("I10")],
            ReasonForVisitDiagnoses = [IcdCode.Parse("R07.89")],
            Coverage = Coverage("P", "18", "MA", "4EG4TE5MK76", "00431", "MEDICARE A"),
            Lines =
            [
                new ServiceLine { RevenueCode = "0450", ProcedureCode = ProcedureCode.Parse("99284"), Modifiers = [ModifierCode.Parse("25")], Units = 1, Charge = 900, ServiceDate = D(2026, 3, 10) },
                new ServiceLine { RevenueCode = "0300", ProcedureCode = ProcedureCode.Parse("80053"), Units = 1, Charge = 150, ServiceDate = D(2026, 3, 10) },
                new ServiceLine { RevenueCode = "0320", ProcedureCode = ProcedureCode.Parse("71046"), Units = 1, Charge = 300, ServiceDate = D(2026, 3, 10), RenderingNpi = N("1581218215") },
            ],
        });
    }

    [Fact]
    public void Locate_NamesTheLoopSegmentElementAndPosition()
    {
        var office = X12Files.Read("professional-office-visits.837")[0].X12Source!;
        office.Locate("lines[3].modifiers[1]")!.ToString().Should().Be("2400 SV1-01-3 (segment 39)");
        office.Locate("lines[3].procedureCode")!.ToString().Should().Be("2400 SV1-01-2 (segment 39)");
        office.Locate("lines[3].serviceDate")!.ToString().Should().Be("2400 DTP-03 (segment 40)");
        office.Locate("lines[4].renderingNpi")!.ToString().Should().Be("2420A NM1-09 (segment 44)");
        office.Locate("diagnoses[2]")!.ToString().Should().Be("2300 HI-02-2 (segment 24)");
        office.Locate("patient.birthDate")!.ToString().Should().Be("2010BA DMG-02 (segment 17)");
        office.Locate("billingNpi")!.ToString().Should().Be("2010AA NM1-09 (segment 8)");
        office.Locate("renderingNpi")!.ToString().Should().Be("2310B NM1-09 (segment 26)");
        office.Locate("claimId")!.ToString().Should().Be("2300 CLM-01 (segment 20)");
        office.Locate("claim")!.ToString().Should().Be("2300 CLM (segment 20)");
        office.Locate("lines[2].units")!.ToString().Should().Be("2400 SV1-04 (segment 36)");
        office.Locate("lines[2].renderingNpi")!.ToString().Should().Be("2420A NM1-09 (absent)");
        office.Locate("cliaNumber")!.ToString().Should().Be("2300 REF-02 (absent)");
        office.Locate("something.unknown")!.ToString().Should().Be("2300 CLM (segment 20)");

        var child = X12Files.Read("professional-office-visits.837")[2].X12Source!;
        child.Locate("patient.sex")!.ToString().Should().Be("2010CA DMG-03 (segment 65)");
        child.Locate("coverage.patientRelationship")!.ToString().Should().Be("2000C PAT-01 (segment 61)");

        var inpatient = X12Files.Read("institutional-inpatient.837")[0].X12Source!;
        inpatient.Locate("presentOnAdmission[3]")!.ToString().Should().Be("2300 HI-03-9 (segment 25)");
        inpatient.Locate("pcsProcedures[2].date")!.ToString().Should().Be("2300 HI-02-4 (segment 28)");
        inpatient.Locate("valueCodes[2].amount")!.ToString().Should().Be("2300 HI-02-5 (segment 31)");
        inpatient.Locate("dischargeDate")!.ToString().Should().Be("2300 DTP-03 (segment 21)");
        inpatient.Locate("lines[2].drug.ndc")!.ToString().Should().Be("2410 LIN-03 (segment 40)");
        inpatient.Locate("lines[1].revenueCode")!.ToString().Should().Be("2400 SV2-01 (segment 37)");
        inpatient.Locate("attendingNpi")!.ToString().Should().Be("2310A NM1-09 (segment 33)");
    }
}

/// <summary>The 837 files of Files/.</summary>
internal static class X12Files
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Serialization", "X12", "Files", name);

    public static List<ClaimReadResult> Read(string name) => [.. X12ClaimReader.ReadFile(PathOf(name))];

    public static List<ClaimReadResult> ReadText(string text, Action<X12EnvelopeError>? envelopeErrors = null) =>
        [.. X12ClaimReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "test.837", envelopeErrors)];
}
