using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization.X12;

public class X12ClaimWriterTests
{
    private static readonly X12WriterOptions Options = new() { Created = new DateTime(2026, 3, 12, 12, 53, 0, DateTimeKind.Unspecified) };

    private static string Write(IEnumerable<Claim> claims, X12WriterOptions? options = null)
    {
        var stream = new MemoryStream();
        using (var writer = new X12ClaimWriter(stream, options ?? Options, leaveOpen: true))
        {
            foreach (var claim in claims)
            {
                writer.Write(claim);
            }
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<ClaimReadResult> WriteAndRead(List<Claim> claims, X12WriterOptions? options = null)
    {
        var envelope = new List<X12EnvelopeError>();
        var results = X12Files.ReadText(Write(claims, options), envelope.Add);
        envelope.Should().BeEmpty();
        results.Should().HaveCount(claims.Count);
        return results;
    }

    [Fact]
    [Trait("Category", "Fuzz")]
    public void AnyClaim_WritesAndReadsBackUnchanged() =>
        Fuzz.Run(suiteSeed: 8370, cases: 150, random =>
        {
            var claims = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomFullClaims.Next(random)).ToList();
            foreach (var claim in claims)
            {
                X12ClaimWriter.Check(claim).Should().BeEmpty();
            }

            var results = WriteAndRead(claims, Options with { MaxClaimsPerTransaction = random.Next(1, 4), LineBreaks = random.Next(2) == 0 });
            for (var i = 0; i < claims.Count; i++)
            {
                results[i].Errors.Should().BeEmpty();
                results[i].Claim.Should().BeEquivalentTo(claims[i], o => o.RespectingRuntimeTypes(), $"claim {i + 1}");
            }
        });

    [Fact]
    public void ExampleFiles_ReadWriteAndReadBackUnchanged()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(X12Files.PathOf("x"))!, "*.837"))
        {
            var claims = X12ClaimReader.ReadFile(file).Select(r => r.Claim!).ToList();
            var again = WriteAndRead(claims);
            again.Select(r => r.Claim).Should().BeEquivalentTo(claims, Path.GetFileName(file));
        }
    }

    [Fact]
    public void Envelope_HasItsCountsAndControlNumbers_AndGroupsByForm()
    {
        var professional = RandomFullClaims.Professional(new Random(1));
        var institutional = RandomFullClaims.Institutional(new Random(2));
        var text = Write([professional, professional, institutional, professional], Options with { MaxClaimsPerTransaction = 1, InterchangeControlNumber = 42 });
        var segments = text.Split("~\n", StringSplitOptions.RemoveEmptyEntries);
        segments[0].Should().Be("ISA*00*          *00*          *ZZ*CLAIMSCRUBBER  *ZZ*RECEIVER       *260312*1253*^*00501*000000042*0*T*:");
        segments.Where(s => s.StartsWith("GS*", StringComparison.Ordinal)).Should().Equal(
            "GS*HC*CLAIMSCRUBBER*RECEIVER*20260312*1253*1*X*005010X222A1",
            "GS*HC*CLAIMSCRUBBER*RECEIVER*20260312*1253*2*X*005010X223A3",
            "GS*HC*CLAIMSCRUBBER*RECEIVER*20260312*1253*3*X*005010X222A1");
        segments.Where(s => s.StartsWith("GE*", StringComparison.Ordinal)).Should().Equal("GE*2*1", "GE*1*2", "GE*1*3");
        segments[^1].Should().Be("IEA*3*000000042");
        segments.Where(s => s.StartsWith("ST*", StringComparison.Ordinal)).Select(s => s.Split('*')[2]).Should().Equal("0001", "0002", "0003", "0004");
        WriteAndRead([professional, professional, institutional, professional], Options with { MaxClaimsPerTransaction = 1 })
            .Select(r => (r.X12Source!.TransactionControlNumber, r.X12Source.ClaimOrdinal)).Should().Equal(("0001", 1), ("0002", 1), ("0003", 1), ("0004", 1));
    }

    [Fact]
    public void NoClaims_IsAnEmptyInterchange() =>
        Write([]).Should().Be("ISA*00*          *00*          *ZZ*CLAIMSCRUBBER  *ZZ*RECEIVER       *260312*1253*^*00501*000000001*0*T*:~\nIEA*0*000000001~\n");

    [Fact]
    public void ProfessionalClaim_IsWrittenInTheImplementationGuidesShape()
    {
        var claim = new Claim
        {
            ClaimId = "C1",
            Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
            BillingNpi = Npi.Parse("1234567893"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            Diagnoses = [IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            Coverage = new Coverage { ResponsibilitySequence = "P", PatientRelationship = "18", ClaimFilingIndicator = "MB", MemberId = "1EG4TE5MK73", PayerId = "09102", PayerName = "MEDICARE B" },
            Lines = [new ServiceLine { ProcedureCode = ProcedureCode.Parse("99213"), Modifiers = [ModifierCode.Parse("25")], Units = 1, Charge = 125.00m, ServiceDate = new DateOnly(2026, 3, 2), DiagnosisPointers = [1, 2] }],
        };
        var segments = Write([claim]).Split("~\n", StringSplitOptions.RemoveEmptyEntries);
        segments[2..^3].Should().Equal(
            "ST*837*0001*005010X222A1",
            "BHT*0019*00*0001*20260312*1253*CH",
            "NM1*41*2*CLAIMSCRUBBER*****46*CLAIMSCRUBBER",
            "NM1*40*2*RECEIVER*****46*RECEIVER",
            "HL*1**20*1",
            "NM1*85*2******XX*1234567893",
            "HL*2*1*22*0",
            "SBR*P*18*******MB",
            "NM1*IL*1******MI*1EG4TE5MK73",
            "DMG*D8*19500402*F",
            "NM1*PR*2*MEDICARE B*****PI*09102",
            "CLM*C1*125.00***11:B:1*Y*A*Y*Y",
            "HI*ABK:E119*ABF:I10",
            "LX*1",
            "SV1*HC:99213:25*125.00*UN*1***1:2",
            "DTP*472*D8*20260302");
        segments[^3].Should().Be("SE*17*0001");
    }

    [Fact]
    public void PatientWhoIsNotTheSubscriber_GetsAPatientLevel()
    {
        var claim = RandomFullClaims.Professional(new Random(5));
        var child = new Claim
        {
            ClaimId = "K1",
            Patient = new Patient { BirthDate = new DateOnly(2015, 9, 1), Sex = Sex.Male },
            Coverage = new Coverage { PatientRelationship = "19", MemberId = "M1" },
            Lines = claim.Lines,
        };
        var text = Write([child]);
        text.Should().Contain("HL*2*1*22*1~\nSBR~\nNM1*IL*1******MI*M1~\nNM1*PR*2~\nHL*3*2*23*0~\nPAT*19~\nNM1*QC*1~\nDMG*D8*20150901*M~\nCLM*K1*");
        WriteAndRead([child])[0].Claim.Should().BeEquivalentTo(child);
    }

    [Fact]
    public void Check_ListsWhatTheTransactionCannotCarry()
    {
        var professional = new Claim
        {
            ClaimId = "C*1",
            TypeOfBill = TypeOfBill.Parse("13"),
            AttendingNpi = Npi.Parse("1234567893"),
            PcsProcedures = [new PcsProcedure { Code = PcsCode.Parse("0SR9019") }],
            Coverage = new Coverage { PaidAmount = 5 },
            Lines =
            [
                new ServiceLine { RevenueCode = "0450", Charge = 1.005m, DiagnosisPointers = [1, 2, 3, 4, 5], AnesthesiaMinutes = 30, Units = 2 },
            ],
        };
        X12ClaimWriter.Check(professional).Select(e => (e.Element, e.Message)).Should().Equal(
            ("typeOfBill", "the 837P has no place for a type of bill (an institutional claim is written as an 837I)."),
            ("claimId", "the text holds an X12 delimiter (* : ^ ~) or a line break, which would split the element."),
            ("pcsProcedures", "the 837P has no place for ICD-10-PCS procedures."),
            ("attendingNpi", "the 837P has no place for an attending provider."),
            ("coverage.paidAmount", "only another payer, one that has adjudicated the claim (2320 AMT*D), carries a paid amount."),
            ("lines[1].charge", "the 837 carries at most 99,999,999.99 with 2 decimals here."),
            ("lines[1].diagnosisPointers", "the 837P carries at most 4 diagnosis pointers on a line; the claim has 5."),
            ("lines[1].revenueCode", "the 837P has no place for a revenue code."),
            ("lines[1].units", "an anesthesia line carries its minutes where units go (SV1-04 with MJ), so it bills one unit."));

        var institutional = new Claim
        {
            ClaimId = "I1",
            Setting = ClaimSetting.Inpatient,
            TypeOfBill = TypeOfBill.Parse("13"),
            PlaceOfService = PlaceOfServiceCode.Parse("21"),
            StatementFrom = new DateOnly(2026, 3, 1),
            DischargeDate = new DateOnly(2026, 3, 4),
            Lines = [new ServiceLine { DiagnosisPointers = [1], OrderingNpi = Npi.Parse("1234567893") }],
        };
        X12ClaimWriter.Check(institutional).Select(e => e.Element).Should().Equal(
            "setting", "dischargeDate", "statementFrom", "placeOfService", "lines[1].diagnosisPointers", "lines[1].orderingNpi");
        X12ClaimWriter.Check(institutional)[0].Message.Should().Be("the 837I tells the setting by the type of bill, and type of bill 13 is outpatientHospital, not inpatient.");

        var writer = new X12ClaimWriter(new MemoryStream(), Options);
        FluentActions.Invoking(() => writer.Write(institutional)).Should().Throw<ArgumentException>().WithMessage("Claim 'I1' cannot be written as an 837: setting: the 837I tells*");
    }

    [Fact]
    public void Options_ThatCannotGoInAnIsa_AreRefused()
    {
        FluentActions.Invoking(() => new X12ClaimWriter(new MemoryStream(), Options with { SenderId = "A*B" })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new X12ClaimWriter(new MemoryStream(), Options with { ReceiverId = new string('R', 16) })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new X12ClaimWriter(new MemoryStream(), Options with { InterchangeControlNumber = 0 })).Should().Throw<ArgumentOutOfRangeException>();
    }
}
