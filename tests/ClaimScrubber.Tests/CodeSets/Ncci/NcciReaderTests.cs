using System.IO.Compression;
using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Ncci;

/// <summary>Hand-written files in the CMS layouts: their quirks, and every refused row named by file and line.</summary>
public sealed class NcciReaderTests : IDisposable
{
    /// <summary>The official practitioner PTP text layout: AMA notice, a header wrapped over four lines, tab-separated rows.</summary>
    private const string TabLayoutQ3 =
        "CPT codes, descriptions and other data only are copyright 2023 American Medical Association. All Rights Reserved.\r\n" +
        "Applicable FARS/DFARS Clauses Apply.\r\n" +
        "\r\n" +
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n" +
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n" +
        "\t\t\t\t*=no data\t1=allowed\t\r\n" +
        "\t\t\t\t\t9=not applicable\t\r\n" +
        "11042\t97597\t\t20090101\t*\t0\tMutually exclusive procedures\r\n" +
        "20610\t99213\t*\t19960101\t*\t1\tCPT Manual or CMS manual coding instruction\r\n" +
        "29881\t20610\t\t20100101\t20231231\t1\tMisuse of Column Two code with Column One code\r\n" +
        "29881\t20610\t\t20250101\t*\t0\tMisuse of Column Two code with Column One code\r\n";

    /// <summary>A later quarter in the same layout, where 20610/99213 became indicator 0.</summary>
    private const string TabLayoutQ2Of2026 =
        "CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\n" +
        "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\n" +
        "20610\t99213\t*\t19960101\t*\t0\tCPT Manual or CMS manual coding instruction\n";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ncci-fixture-");

    public void Dispose() => folder.Delete(recursive: true);

    private static ProcedureCode P(string code) => ProcedureCode.Parse(code);

    private static ushort Day(int year, int month, int day) => NcciDay.Of(new DateOnly(year, month, day));

    private void Write(string name, string text, Encoding? encoding = null) => File.WriteAllText(Path.Combine(folder.FullName, name), text, encoding ?? Encoding.Latin1);

    /// <summary>The text without the (1-based) lines a test refused, to read what its good rows give.</summary>
    private static string Without(string text, params int[] lines) => string.Join('\n', text.Split('\n').Where((_, i) => !lines.Contains(i + 1)));

    private CodeSetLoadResult Load() => SampleLoad.Load(folder.FullName);

    [Fact]
    public void PtpTextLayout_NoticeAndWrappedHeader_AreSkippedAndRowsKeepTheirDates()
    {
        Write("ccipra-v302r0-f1.txt", TabLayoutQ3);
        var result = Load();
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Ptp!.Practitioner!;
        table.Count.Should().Be(4);
        result.Index.Ptp.OutpatientHospital.Should().BeNull();
        var release = result.Index.Releases.Single();
        (release.Table, release.Release, release.SourceFile, release.EffectiveFrom, release.RowCount).Should().Be(("NCCI PTP practitioner", "v30.2r0", "ccipra-v302r0-f1.txt", new DateOnly(2024, 7, 1), 4));

        var row = table.Find(P("11042"), P("97597"), Day(2024, 8, 1));
        (table.Indicator(row), table.Effective(row), table.IsMutuallyExclusive(row)).Should().Be((PtpModifierIndicator.NotAllowed, new DateOnly(2009, 1, 1), true));
        table.Find(P("11042"), P("97597"), Day(2008, 12, 31)).Should().Be(-1, "the edit starts on its effective date");

        // The same pair deleted and added again: the effective dates tell the rows apart, with a gap in 2024.
        table.Indicator(table.Find(P("29881"), P("20610"), Day(2023, 12, 31))).Should().Be(PtpModifierIndicator.Allowed);
        table.Find(P("29881"), P("20610"), Day(2024, 6, 1)).Should().Be(-1);
        table.Indicator(table.Find(P("29881"), P("20610"), Day(2025, 1, 1))).Should().Be(PtpModifierIndicator.NotAllowed);
    }

    [Fact]
    public void PtpTextLayout_SeveralQuarters_TheQuarterInForceOnTheDateDecides()
    {
        Write("ccipra-v302r0-f1.txt", TabLayoutQ3);
        Write("ccipra-v321r0-f1.txt", TabLayoutQ2Of2026);
        var table = Load().Index.Ptp!.Practitioner!;
        table.Count.Should().Be(5);
        table.Indicator(table.Find(P("20610"), P("99213"), Day(2026, 3, 31))).Should().Be(PtpModifierIndicator.Allowed);
        table.Indicator(table.Find(P("20610"), P("99213"), Day(2026, 4, 1))).Should().Be(PtpModifierIndicator.NotAllowed);
        table.Source(table.Find(P("20610"), P("99213"), Day(2026, 4, 1))).Release.Should().Be("v32.1r0");
        table.Indicator(table.Find(P("20610"), P("99213"), Day(2020, 1, 1))).Should().Be(PtpModifierIndicator.Allowed, "before the first loaded quarter, that quarter applies");
        table.Find(P("11042"), P("97597"), Day(2026, 5, 1)).Should().Be(-1, "the 2026 quarter does not list the pair");
    }

    [Fact]
    public void PtpCsv_Gzipped_HasNoEffectiveDates_AndRefusesBadRowsByLine()
    {
        var csv = "\"column1\",\"column2\",\"deletion_date\",\"modifier_indicator\",\"rationale\"\n" +
                  "\"0001A\",\"99213\",\"20231231\",1,\"CPT Manual or CMS manual coding instruction\"\n" +
                  "\"10060\",\"64483\",\"*\",0,\"Anesthesia service included in surgical procedure\"\n" +
                  "\"1006\",\"64483\",\"*\",0,\"Anesthesia service included in surgical procedure\"\n" +
                  "\"10060\",\"64484\",\"2023-12-31\",0,\"Misuse of Column Two code with Column One code\"\n" +
                  "\"10060\",\"93000\",\"*\",2,\"Standards of medical/surgical practice\"\n" +
                  "\"10060\",\"99213\",\"*\"\n" +
                  "\"10060\",\"99214\",\"*,1,\"CPT Manual or CMS manual coding instruction\"\n";
        using (var gz = new GZipStream(File.Create(Path.Combine(folder.FullName, "ptp_outpatient_hospital_2024-07-01.csv.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.Latin1.GetBytes(csv));
        }

        var result = Load();
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: ptp_outpatient_hospital_2024-07-01.csv.gz:4: PTP row refused: '1006' / '64483' is not a pair of procedure codes.",
            "error: ptp_outpatient_hospital_2024-07-01.csv.gz:5: PTP row refused: deletion date '2023-12-31' is neither a YYYYMMDD date nor *.",
            "error: ptp_outpatient_hospital_2024-07-01.csv.gz:6: PTP row refused: modifier indicator '2' is not 0, 1 or 9.",
            "error: ptp_outpatient_hospital_2024-07-01.csv.gz:7: PTP row refused: 3 cell(s) where the layout has 5.",
            "error: ptp_outpatient_hospital_2024-07-01.csv.gz:8: PTP row refused: a quoted cell is not closed.",
            "warning: ptp_outpatient_hospital_2024-07-01.csv.gz: Refused whole: nothing from this file was loaded, because of the 5 row(s) refused above (a damaged file is never half-used).");
        result.Index.Ptp.Should().BeNull("a file with a refused row contributes nothing");

        using (var gz = new GZipStream(File.Create(Path.Combine(folder.FullName, "ptp_outpatient_hospital_2024-07-01.csv.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.Latin1.GetBytes(Without(csv, 4, 5, 6, 7, 8)));
        }

        result = Load();
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Ptp!.OutpatientHospital!;
        table.Count.Should().Be(2);
        var row = table.Find(P("0001A"), P("99213"), Day(1997, 1, 1));
        table.Effective(row).Should().BeNull("the CSV form is effective from the start");
    }

    [Fact]
    public void PtpCsv_Truncated_IsAnErrorOnTheFile()
    {
        var bytes = new MemoryStream();
        using (var gz = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var i = 0; i < 2000; i++)
            {
                gz.Write("\"10060\",\"64483\",\"*\",0,\"Anesthesia service included in surgical procedure\"\n"u8);
            }
        }

        File.WriteAllBytes(Path.Combine(folder.FullName, "ptp_practitioner_2024-07-01.csv.gz"), bytes.ToArray()[..(int)(bytes.Length / 2)]);
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.IsError).Should().Be(("ptp_practitioner_2024-07-01.csv.gz", null, true));
        // The inflated length depends on where the compressed stream was cut, which the compressor decides.
        problem.Message.Should().Match("The file could not be read (InvalidDataException: ptp_practitioner_2024-07-01.csv.gz ends after * bytes, but its gzip trailer gives *: it is cut short or damaged); it may be corrupt, truncated or not in the layout CMS publishes.");
    }

    [Fact]
    public void PtpText_WithoutHeader_IsNotAPtpTable()
    {
        Write("ccioph-v302r0-f1.txt", "hello\nworld\n");
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        problem.Message.Should().Contain("no PTP header (Column 1, Column 2, …) was found; this is not a PTP table");
    }

    [Fact]
    public void MueCsv_CmsQuirks_AreRead_AndBadRowsNamed()
    {
        var csv = "\"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved. \n\nCPT\u00ae is a registered trademark of the American Medical Association.\n\nApplicable FARS/DFARS Restrictions Apply to Government Use. \",,,\n" +
                  "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n" +
                  "36415,2,3 Date of Service Edit: Clinical,CMS Policy\n" +
                  "A0425,250,1 Line Edit,Clinical: Data\n" +
                  "G0439,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n" +
                  "E0100,0,3 Date of Service Edit: Clinical,CMS Policy\n" +
                  "99213,two,3 Date of Service Edit: Clinical,Clinical: Data\n" +
                  "99214,2,4 Date of Service Edit: Clinical,Clinical: Data\n" +
                  "36415,3,3 Date of Service Edit: Clinical,CMS Policy\n" +
                  "9921,2,3 Date of Service Edit: Clinical,Clinical: Data\n" +
                  ",,,\n";
        Write("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", csv);
        var result = Load();
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: MCR_MUE_PractitionerServices_Eff_04-01-2026.csv:12: MUE row refused: the MUE value 'two' of 99213 is not a whole number of units.",
            "error: MCR_MUE_PractitionerServices_Eff_04-01-2026.csv:13: MUE row refused: the adjudication indicator '4 Date of Service Edit: Clinical' of 99214 does not start with 1, 2 or 3.",
            "error: MCR_MUE_PractitionerServices_Eff_04-01-2026.csv:14: MUE row refused: 36415 is listed again (first on line 8, which is kept).",
            "error: MCR_MUE_PractitionerServices_Eff_04-01-2026.csv:15: MUE row refused: '9921' is not a procedure code.",
            "warning: MCR_MUE_PractitionerServices_Eff_04-01-2026.csv: Refused whole: nothing from this file was loaded, because of the 4 row(s) refused above (a damaged file is never half-used).");
        result.Index.Mue.Should().BeNull("a file with a refused row contributes nothing");

        Write("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", Without(csv, 12, 13, 14, 15));
        result = Load();
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Mue!.For(NcciSetting.Practitioner, Day(2026, 5, 1))!;
        table.Count.Should().Be(4);
        (table.Value(table.Find(P("36415"))), table.Indicator(table.Find(P("36415")))).Should().Be((2, MueIndicator.DateClinical));
        table.Indicator(table.Find(P("A0425"))).Should().Be(MueIndicator.Line);
        table.Release.Should().Be(new TableRelease("NCCI MUE practitioner", "2026-04-01", "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", new DateOnly(2026, 4, 1), null, 4));
    }

    [Fact]
    public void AddOnCsv_JulianDatesAndContractorPrimaries_AreRead_AndBadRowsNamed()
    {
        var csv = "\"Current Procedural Terminology (CPT) codes, descriptions and other data only are copyright 2025 American Medical Association.\",,,,,,,\r\n" +
                  "AOC_Edit_Type,Add-On_Code,AOC_DelDT,Primary_Code,Primary_Code_DelDT,AOC_Edit_EffDT,AOC_Edit_DelDT,Special_Instruction_Notes\r\n" +
                  "1,11045,,11042,,2013091,,\r\n" +
                  "2,0054T,,CCCCC,,2013091,,Contractor Defined Primary Codes\r\n" +
                  "1,99481,2014365,99292,,2014001,2014365,\r\n" +
                  "4,11045,,11043,,2013091,,\r\n" +
                  "1,11045,,1104,,2013091,,\r\n" +
                  "1,11045,,11043,,2013400,,\r\n";
        Write("AOC_V2026Q2-MCR.csv", csv);
        var result = Load();
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: AOC_V2026Q2-MCR.csv:6: Add-on code row refused: edit type '4' is not 1, 2 or 3.",
            "error: AOC_V2026Q2-MCR.csv:7: Add-on code row refused: primary '1104' of 11045 is neither a procedure code nor CCCCC.",
            "error: AOC_V2026Q2-MCR.csv:8: Add-on code row refused: a date of 11045 / 11043 is not a Julian YYYYDDD date (effective '2013400', deletions '', '', '').",
            "warning: AOC_V2026Q2-MCR.csv: Refused whole: nothing from this file was loaded, because of the 3 row(s) refused above (a damaged file is never half-used).");
        result.Index.AddOnCodes.Should().BeNull("a file with a refused row contributes nothing");

        Write("AOC_V2026Q2-MCR.csv", Without(csv, 6, 7, 8));
        result = Load();
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.AddOnCodes!.For(Day(2026, 5, 1));
        table.Count.Should().Be(3);
        table.Release.Release.Should().Be("2026 Q2");
        table.TypeOf(P("11045"), Day(2013, 4, 1)).Should().Be(AddOnType.ListedPrimaries, "2013091 is 2013-04-01");
        table.TypeOf(P("11045"), Day(2013, 3, 31)).Should().BeNull();
        table.TypeOf(P("99481"), Day(2014, 12, 31)).Should().Be(AddOnType.ListedPrimaries, "2014365 is the last day");
        table.TypeOf(P("99481"), Day(2015, 1, 1)).Should().BeNull();
        table.TypeOf(P("0054T"), Day(2026, 5, 1)).Should().Be(AddOnType.ContractorDefined);
    }
}
