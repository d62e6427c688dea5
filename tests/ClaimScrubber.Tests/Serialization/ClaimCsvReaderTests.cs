using ClaimScrubber.Serialization;

namespace ClaimScrubber.Tests.Serialization;

public class ClaimCsvReaderTests
{
    private const string Header = "claimId,setting,birthDate,sex,billingNpi,renderingNpi,placeOfService,frequencyCode,dischargeDate,diagnoses,procedureCode,modifiers,units,charge,serviceDate,serviceDateTo,linePlaceOfService,diagnosisPointers,lineRenderingNpi,revenueCode";

    private static List<ClaimReadResult> Read(params string[] rows) =>
        [.. ClaimCsvReader.Read(new StringReader(string.Join("\n", rows)), "lines.csv")];

    private static List<(string Element, string Message, int? SourceLine)> Errors(ClaimReadResult result) =>
        [.. result.Errors.Select(e => (e.Element, e.Message, e.SourceLine))];

    [Fact]
    public void Read_RowsOfAClaim_AreGroupedByClaimIdInFileOrder()
    {
        var results = Read(
            Header,
            "A,professional,1961-07-14,F,1234567893,1245319599,11,1,,E11.9|I10,99214,25;XS,1,180.00,2026-05-04,,,1 2,,",
            "A,,,,,,,,,,36415,,2,12.50,2026-05-04,2026-05-05,22,1,1003000126,0300",
            "B,outpatientHospital,1955-01-30,M,1003000126,,,1,,\"M54.50, R51.9\",97110,,,60,2026-06-08,,,,,");

        results.Select(r => (r.ClaimId, r.Ordinal, r.SourceLine)).Should().Equal(("A", 1, (int?)2), ("B", 2, (int?)4));
        var a = results[0].Claim!;
        a.Setting.Should().Be(ClaimSetting.Professional);
        a.Patient.BirthDate.Should().Be(new DateOnly(1961, 7, 14));
        a.Patient.Sex.Should().Be(Sex.Female);
        a.BillingNpi.Should().Be(Npi.Parse("1234567893"));
        a.PlaceOfService.Should().Be(PlaceOfServiceCode.Parse("11"));
        a.Diagnoses.Should().Equal(IcdCode.Parse("E11.9"), IcdCode.Parse("I10"));
        a.Lines.Should().HaveCount(2);
        a.Lines[0].Modifiers.Should().Equal(ModifierCode.Parse("25"), ModifierCode.Parse("XS"));
        a.Lines[0].DiagnosisPointers.Should().Equal(1, 2);
        a.Lines[1].ProcedureCode.Should().Be(ProcedureCode.Parse("36415"));
        (a.Lines[1].Units, a.Lines[1].Charge).Should().Be((2m, 12.50m));
        a.Lines[1].ServiceDateTo.Should().Be(new DateOnly(2026, 5, 5));
        a.Lines[1].PlaceOfService.Should().Be(PlaceOfServiceCode.Parse("22"));
        a.Lines[1].RenderingNpi.Should().Be(Npi.Parse("1003000126"));
        a.Lines[1].RevenueCode.Should().Be("0300");
        var b = results[1].Claim!;
        b.Setting.Should().Be(ClaimSetting.OutpatientHospital);
        b.Diagnoses.Should().Equal(IcdCode.Parse("M54.50"), IcdCode.Parse("R51.9"));
        b.Lines.Single().Units.Should().Be(1m);
        b.Lines.Single().DiagnosisPointers.Should().BeEmpty();
    }

    [Fact]
    public void Read_BadRow_MakesItsClaimUnreadable_NamingTheFileLine_AndKeepsTheOthers()
    {
        var results = Read(
            Header,
            "A,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,",
            "B,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,",
            "B,,,,,,,,,,9721,2,one,1.2.3,2026-13-01,,,x,,",
            "C,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,");

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("A", true), ("B", false), ("C", true));
        Errors(results[1]).Should().Equal(
            ("lines[2].procedureCode", "'9721' is not a HCPCS/CPT procedure code: expected five letters or digits.", (int?)4),
            ("lines[2].modifiers[1]", "'2' is not a modifier: expected two letters or digits.", 4),
            ("lines[2].units", "The value is not a number (digits with an optional sign and decimal point).", 4),
            ("lines[2].charge", "The value is not a number (digits with an optional sign and decimal point).", 4),
            ("lines[2].serviceDate", "The date is not a calendar date in the form yyyy-MM-dd.", 4),
            ("lines[2].diagnosisPointers[1]", "The diagnosis pointer is not a whole number.", 4));
        results[1].Errors.Should().OnlyContain(e => e.ServiceLine == 2);
    }

    [Fact]
    public void Read_BadClaimLevelCell_IsReportedAtTheLineThatGaveIt()
    {
        var result = Read(
            Header,
            "A,professional,,X,123,,11,1,,E11.9!|I10,99213,,1,100,2026-05-04,,,1,,",
            "A,,1961-02-30,,,,,,,,99213,,1,100,2026-05-05,,,1,,").Single();

        Errors(result).Should().Equal(
            ("patient.birthDate", "The date is not a calendar date in the form yyyy-MM-dd.", (int?)3),
            ("patient.sex", "The sex is not F, M or U.", 2),
            ("billingNpi", "'123' is not an NPI: expected ten digits.", 2),
            ("diagnoses[1]", "'E11.9!' is not an ICD-10-CM code: expected a letter, then 2 to 6 letters or digits, with an optional dot after the third character.", 2));
    }

    [Fact]
    public void Read_ClaimLevelCellThatChangesWithinAClaim_IsAnError()
    {
        var result = Read(
            Header,
            "A,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,",
            "A,professional,1961-07-14,F,1003000126,,11,1,,E11.9,36415,,1,10,2026-05-04,,,1,,").Single();

        Errors(result).Should().Equal(("billingNpi", "The billingNpi column differs from line 2; claim-level columns must hold the same value on every row of a claim.", (int?)3));
    }

    [Fact]
    public void Read_RowsOfAClaimNotContiguous_MakeTheSecondRunUnreadable()
    {
        var results = Read(
            Header,
            "A,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,",
            "B,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,",
            "A,professional,1961-07-14,F,1234567893,,11,1,,E11.9,36415,,1,10,2026-05-04,,,1,,");

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("A", true), ("B", true), ("A", false));
        Errors(results[2]).Should().Equal(("claimId", "The rows of claim 'A' are not contiguous: it appeared earlier in the file. Keep each claim's rows together.", (int?)4));
    }

    [Fact]
    public void Read_RowWithoutClaimId_OrWithTheWrongCellCount_IsNeverDropped()
    {
        var results = Read(
            Header,
            ",professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,",
            "",
            "B,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213",
            "C,professional,1961-07-14,F,1234567893,,11,1,,E11.9,99213,,1,100,2026-05-04,,,1,,,extra");

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("#1", false), ("B", false), ("C", false));
        Errors(results[0]).Should().Equal(("claimId", "The row has no claimId, so it belongs to no claim.", (int?)2));
        Errors(results[1]).Should().Equal(("lines[1]", "The row has 11 cells; the header has 20.", (int?)4));
        Errors(results[2]).Should().Equal(("lines[1]", "The row has 21 cells; the header has 20.", (int?)5));
    }

    [Fact]
    public void Read_QuotedCellWithLineBreak_CountsFileLinesFromTheRecordStart()
    {
        var results = Read(
            "claimId,diagnoses,procedureCode",
            "A,\"E11.9\nI10\",99213",
            "B,I10,9921");

        Errors(results[0]).Should().BeEmpty();
        results[0].Claim!.Diagnoses.Should().HaveCount(2);
        Errors(results[1]).Should().Equal(("lines[1].procedureCode", "'9921' is not a HCPCS/CPT procedure code: expected five letters or digits.", (int?)4));
    }

    [Fact]
    public void Read_MalformedQuoting_IsReportedOnTheRow()
    {
        var result = Read("claimId,procedureCode", "A,99\"213").Single();

        Errors(result).Should().Contain(("lines[1]", "The row's quoting is malformed: a quote inside an unquoted cell, or a quoted cell never closed.", (int?)2));
    }

    [Theory]
    [InlineData("claimId,modifier", "The header names the column 'modifier', which the claims CSV does not have.")]
    [InlineData("claimId,units,UNITS", "The header names the column 'UNITS' twice.")]
    [InlineData("procedureCode,units", "The header has no claimId column; the first row must be the header (see docs/json-contract.md).")]
    public void Read_BadHeader_StopsTheFileAtLineOne(string header, string problem)
    {
        var act = () => Read(header, "A,1");

        var ex = act.Should().Throw<ClaimReadException>().Which;
        ex.LineNumber.Should().Be(1);
        ex.Message.Should().StartWith($"lines.csv:1: {problem}");
    }

    [Fact]
    public void ReadFile_SampleLines_ReadsThreeClaims_OneWithABadRow()
    {
        var path = Path.Combine(ClaimJsonReaderTests.RepoRoot(), "data", "claims", "sample-lines.csv");

        var results = ClaimCsvReader.ReadFile(path).ToList();

        results.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(("CSV-01", true), ("CSV-02", false), ("CSV-03", true));
        results[0].Claim!.Lines.Should().HaveCount(3);
        Errors(results[1]).Should().Equal(("lines[2].units", "The value is not a number (digits with an optional sign and decimal point).", (int?)6));
    }
}
