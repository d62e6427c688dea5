using System.Collections.Concurrent;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Ncd;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Ncd;

public class LabNcdReaderTests
{
    private const string FileName = "2026100-Initial-ICD10-NCD-Spreadsheet-20250721";

    private static readonly Lazy<LabNcdTable> FullCsv = new(() => Read(CmsData.File("ncd", FileName + ".csv")).Table!);

    [CmsFact]
    public void FullCsv_LoadsEveryNcdWithForwardFill()
    {
        var (table, problems) = Read(CmsData.File("ncd", FileName + ".csv"));
        problems.Should().BeEmpty();
        table!.Ncds.Should().HaveCount(26);
        table.Ncds[0].Number.Should().Be("190.12");
        table.Ncds[^1].Number.Should().Be("190.34");
        table.Release.RowCount.Should().Be(66_278);
        table.Release.ToString().Should().Be("Lab NCD 2026100 (January 2026) (" + FileName + ".csv)");
        table.Release.EffectiveFrom.Should().Be(new DateOnly(2026, 1, 1));
        table.ProcedureCount.Should().Be(60);
        table.Ncds.Sum(n => n.DiagnosisCount).Should().Be(66_278 - 26);
        table.Ncds.Should().OnlyContain(n => n.OtherCodes != null);

        // Thyroid testing: the description sits on the first row only and its four codes on its first four rows.
        var thyroid = table.Ncds.Single(n => n.Number == "190.22");
        thyroid.Description.Should().Be("Thyroid Testing");
        thyroid.Procedures.Select(p => p.Code.ToString()).Should().Equal("84436", "84439", "84443", "84479");
        thyroid.DiagnosisCount.Should().Be(1717);
    }

    [CmsFact]
    public void FullXlsx_ReadsTheSameTableAsTheCsv()
    {
        var (xlsx, problems) = Read(CmsData.File("ncd", FileName + ".xlsx"));
        problems.Should().BeEmpty();
        var csv = FullCsv.Value;
        xlsx!.Release.RowCount.Should().Be(csv.Release.RowCount);
        xlsx.Ncds.Select(n => (n.Number, n.Description, n.DiagnosisCount, n.OtherCodes))
            .Should().Equal(csv.Ncds.Select(n => (n.Number, n.Description, n.DiagnosisCount, n.OtherCodes)));

        // Serial day numbers become the same dates as the CSV's text: 85004 under NCD 190.15 since 2003-07-01.
        xlsx.TryGetProcedure(ProcedureCode.Parse("85004"), out var cbc).Should().BeTrue();
        cbc.Dates.EffectiveFrom.Should().Be(new DateOnly(2003, 7, 1));
        xlsx.Ncds.Single(n => n.Number == "190.30").Procedures.Single().Code.ToString().Should().Be("86301");
    }

    [CmsTheory]
    [InlineData("84443", "E03.9", "2026-03-02", "190.22", 1, true)] // line 51293
    [InlineData("84443", "Z00.00", "2026-03-02", "190.22", 2, true)] // line 52708
    [InlineData("85025", "Z99.2", "2026-03-02", "190.15", 3, true)] // line 25610
    [InlineData("85025", "E11.9", "2026-03-02", "190.15", 1, false)] // catch-all row 25611
    [InlineData("84443", "J06.9", "2026-03-02", "190.22", 3, false)] // catch-all row 52952
    [InlineData("82272", "Z84.1", "2025-09-30", "190.34", 2, true)] // listed until 2025-09-30
    [InlineData("82272", "Z84.11", "2026-03-02", "190.34", 2, true)] // its successor since 2025-10-01
    [InlineData("86304", "C53.1", "2026-01-01", "190.28", 1, true)] // line 58950, new in January 2026
    public void FullCsv_ResolvesSpotRows(string hcpcs, string icd, string date, string ncdNumber, int resolution, bool listed)
    {
        FullCsv.Value.TryGetNcd(ProcedureCode.Parse(hcpcs), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), out var ncd).Should().BeTrue();
        ncd!.Number.Should().Be(ncdNumber);
        var lookup = ncd.Resolve(IcdCode.Parse(icd), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        ((int)lookup.Resolution, lookup.Listed).Should().Be((resolution, listed));
    }

    [CmsFact]
    public void FullCsv_CodeOutsideItsEffectiveDates_FallsToTheCatchAllRow()
    {
        var table = FullCsv.Value;
        table.TryGetNcd(ProcedureCode.Parse("82272"), new DateOnly(2026, 3, 2), out var ncd).Should().BeTrue();

        // Z84.1 (line 66277) was terminated 2025-09-30; after that it is not listed and the catch-all 3 applies.
        var after = ncd!.Resolve(IcdCode.Parse("Z84.1"), new DateOnly(2026, 3, 2));
        (after.Resolution, after.Listed).Should().Be((NcdResolution.NotMedicallyNecessary, false));
        after.OutOfEffect!.Value.Dates.TerminatedAfter.Should().Be(new DateOnly(2025, 9, 30));

        // C53.1 under CA 125 is listed from 2026-01-01 only.
        table.TryGetNcd(ProcedureCode.Parse("86304"), new DateOnly(2025, 12, 31), out var ca125).Should().BeTrue();
        ca125!.Resolve(IcdCode.Parse("C53.1"), new DateOnly(2025, 12, 31)).Listed.Should().BeFalse();

        // 85004 falls under the blood counts NCD only from 2003-07-01.
        table.TryGetNcd(ProcedureCode.Parse("85004"), new DateOnly(2003, 6, 30), out _).Should().BeFalse();
    }

    [CmsFact]
    public void CoveredInCategory_ListsCoveredSiblings()
    {
        FullCsv.Value.TryGetNcd(ProcedureCode.Parse("84443"), new DateOnly(2026, 3, 2), out var thyroid).Should().BeTrue();
        thyroid!.CoveredInCategory(IcdCode.Parse("E03.9"), new DateOnly(2026, 3, 2), 3).Select(c => c.ToDottedString())
            .Should().Equal("E03.0", "E03.1", "E03.2");
    }

    [Fact]
    public void Sample_LoadsFromTheRepository()
    {
        var result = CmsData.LoadSample("ncd");
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.LabNcds!;
        table.Release.Release.Should().Be("2026100 (January 2026)");
        table.TryGetNcd(ProcedureCode.Parse("84443"), new DateOnly(2026, 3, 2), out var thyroid).Should().BeTrue();
        thyroid!.Resolve(IcdCode.Parse("E03.9"), new DateOnly(2026, 3, 2)).Resolution.Should().Be(NcdResolution.Covered);
    }

    [Fact]
    public void Preamble_TwoRowHeader_AndForwardFill()
    {
        var (table, problems) = ReadText("""
            ,,,MEDICARE NATIONAL COVERAGE DETERMINATIONS,,,,,
            ,,Legend,,,,Resolution Code Definitions ,,
            NCD ,NCD,CPT/HCPCS ,CPT/HCPCS,CPT/HCPCS,ICD-10,ICD-10 EFF,ICD-10 TERM,RESOLUTION
            Number,DESCRIPTION,CODES,EFF DATE,TERM DATE,CODE, DATE,DATE,CODE 1/
            190.22,Thyroid Testing,84436,,,E039,2015-10-01 00:00:00,,1
            ,,84443,2003-07-01 00:00:00,,Z0000,2015-10-01 00:00:00,,2
            190.22,,,,,Z841,2015-10-01 00:00:00,2025-09-30 00:00:00,2
            190.22,,,,,@@@@@@@,2015-10-01 00:00:00,,3
            """);
        problems.Should().BeEmpty();
        var ncd = table!.Ncds.Should().ContainSingle().Subject;
        (ncd.Number, ncd.Description, ncd.DiagnosisCount).Should().Be(("190.22", "Thyroid Testing", 3));
        table.TryGetNcd(ProcedureCode.Parse("84443"), new DateOnly(2026, 3, 2), out var found).Should().BeTrue();
        found.Should().BeSameAs(ncd);
        table.TryGetNcd(ProcedureCode.Parse("84443"), new DateOnly(2003, 6, 30), out _).Should().BeFalse();
        ncd.Resolve(IcdCode.Parse("Z00.00"), new DateOnly(2026, 3, 2)).Resolution.Should().Be(NcdResolution.Denied);
        table.Release.RowCount.Should().Be(4);
    }

    [Fact]
    public void BadRows_AreRefusedWithTheirLines()
    {
        var (table, problems) = ReadText("""
            NCD ,NCD,CPT/HCPCS ,CPT/HCPCS,CPT/HCPCS,ICD-10,ICD-10 EFF,ICD-10 TERM,RESOLUTION
            Number,DESCRIPTION,CODES,EFF DATE,TERM DATE,CODE, DATE,DATE,CODE 1/
            190.22,Thyroid Testing,84443,,,E039,2015-10-01 00:00:00,,1
            190.22,,,,,E038,2015-10-01 00:00:00,,4
            190.22,,,,,E0,2015-10-01 00:00:00,,1
            190.22,,,,,E037,next year,,1
            190.22,,84443,,,E036,2015-10-01 00:00:00,2014-10-01 00:00:00,1
            190.22,,,,,@@@@@@@,2015-10-01 00:00:00,,3
            """);
        problems.Select(p => (p.Line, p.Message)).Should().Equal(
            (4, "NCD 190.22: ICD-10 E038 has resolution '4', not 1 (covered), 2 (denied) or 3 (does not support medical necessity); refused."),
            (5, "NCD 190.22: 'E0' is not an ICD-10-CM code; refused."),
            (6, "ICD-10 effective date 'next year' or termination date '' is not a date; refused."),
            (7, "NCD 190.22 lists 84443 twice; the second listing is refused."),
            (7, "ICD-10 termination date 2014-10-01 is before its effective date 2015-10-01; refused."),
            (null, "Refused whole: nothing from this file was loaded, because of the 5 row(s) refused above (a damaged file is never half-used)."));
        table.Should().BeNull("a file with a refused row contributes nothing");
    }

    [Fact]
    public void MissingHeader_IsUnreadable()
    {
        var act = () => ReadText("190.22,Thyroid Testing,84443,,,E039,2015-10-01 00:00:00,,1\n");
        act.Should().Throw<InvalidDataException>().WithMessage("*header*not found*");
    }

    [Fact]
    public void HeaderWithoutRows_IsTruncated()
    {
        var (table, problems) = ReadText("NCD ,NCD,CPT/HCPCS ,CPT/HCPCS,CPT/HCPCS,ICD-10,ICD-10 EFF,ICD-10 TERM,RESOLUTION\nNumber,DESCRIPTION,CODES,EFF DATE,TERM DATE,CODE, DATE,DATE,CODE 1/\n");
        problems.Select(p => (p.Line, p.Message)).Should().Equal((null as int?, "The file holds no lab NCD rows: it is empty, holds only its header, or is cut short."));
        table.Should().BeNull();
    }

    [Theory]
    [InlineData("2026100-Initial-ICD10-NCD-Spreadsheet-20250721.xlsx", true)]
    [InlineData("2026100-Initial-ICD10-NCD-Spreadsheet-20250721.csv", true)]
    [InlineData("2025400-ICD10-NCD-Spreadsheet.xlsx", true)]
    [InlineData("NCD-Spreadsheet.xlsx", false)]
    public void Recognizes_TheNamesCmsPublishes(string name, bool expected) => new LabNcdReader().Recognizes(name).Should().Be(expected);

    [Theory]
    [InlineData("2026100-Initial-ICD10-NCD-Spreadsheet-20250721.csv", "2026100 (January 2026)", 2026, 1)]
    [InlineData("2025400-ICD10-NCD-Spreadsheet.csv", "2025400 (October 2025)", 2025, 10)]
    public void ReleaseOf_ReadsYearAndQuarter(string name, string release, int year, int month)
    {
        var r = LabNcdReader.ReleaseOf(name, 1);
        (r.Release, r.EffectiveFrom).Should().Be((release, new DateOnly(year, month, 1)));
    }

    internal static (LabNcdTable? Table, List<LoadProblem> Problems) Read(string path)
    {
        var builder = new CodeSetIndexBuilder();
        var problems = new ConcurrentQueue<LoadProblem>();
        var file = new CmsFile(path, Path.GetFileName(path), builder, problems, isSample: !path.StartsWith(CmsData.Folder ?? "\0", StringComparison.Ordinal));
        new LabNcdReader().Read(file);
        file.Commit();
        return (builder.Build().LabNcds, [.. problems]);
    }

    private static (LabNcdTable? Table, List<LoadProblem> Problems) ReadText(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), FileName + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CMS ends every line with a line break; a raw string literal does not.
            File.WriteAllText(path, csv.EndsWith('\n') ? csv : csv + "\n");
            return Read(path);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
