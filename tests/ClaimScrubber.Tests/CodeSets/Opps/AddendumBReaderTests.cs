using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Opps;
using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClaimScrubber.Tests.CodeSets.Opps;

/// <summary>The OPPS Addendum B reader on the repository's sample (CMS's layout, real codes) and on damaged copies of it.</summary>
public sealed class AddendumBReaderTests : IDisposable
{
    private const string SampleName = "2026_january_web_addendum_b.csv";

    private static readonly string Header = "HCPCS Code,Short Descriptor,SI,APC,Relative Weight,Payment Rate,National Unadjusted Copayment,Minimum Unadjusted Copayment,Note: Actual copayments would be lower due to the cap on copayments at the Inpatient Deductible,* Indicates a Change";

    private readonly string folder = Directory.CreateTempSubdirectory("opps-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_Sample_ReadsEveryCodeWithItsQuarter()
    {
        var result = CmsData.LoadSample("opps");
        result.Report.Problems.Should().BeEmpty();
        var quarter = result.Index.Opps!.Quarters.Should().ContainSingle().Subject;
        (quarter.Release.Table, quarter.Release.Release, quarter.Release.EffectiveFrom, quarter.Release.EffectiveTo, quarter.Release.RowCount)
            .Should().Be(("OPPS Addendum B", "2026 Q1 (January)", (DateOnly?)new DateOnly(2026, 1, 1), (DateOnly?)new DateOnly(2026, 3, 31), 21));
        Status(quarter, "G0463").Should().Be(new OppsCodeStatus(OppsStatusIndicator.J2, 5012));
        Status(quarter, "33533").Should().Be(new OppsCodeStatus(OppsStatusIndicator.C, 0));
        Status(quarter, "99213").Should().Be(new OppsCodeStatus(OppsStatusIndicator.B, 0));
        Status(quarter, "A9270").Should().Be(new OppsCodeStatus(OppsStatusIndicator.E1, 0));
        Status(quarter, "76942").Should().Be(new OppsCodeStatus(OppsStatusIndicator.N, 0));
        quarter.TryGet(ProcedureCode.Parse("99215"), out _).Should().BeFalse();
        result.Index.IsKnownProcedure(ProcedureCode.Parse("33533")).Should().BeTrue("Addendum B lists every code OPPS knows that quarter");
        result.Index.UnavailableEdits.Select(u => u.Table).Should().Equal("ICD-10-PCS order file", "Medicare Code Editor");
    }

    [Fact]
    public void Load_DamagedRows_AreRefusedByLine_AndTheFileContributesNothing()
    {
        Write(SampleName,
            "Addendum B.-- OPPS Payment by HCPCS Code for CY 2026",
            string.Empty,
            Header,
            "G0463,Hospital outpt clinic visit,J2,5012",
            "3353,,C,",
            "99213,,Z9,",
            "66984,,J1,54A1",
            "G0463,Hospital outpt clinic visit,J2,5012",
            "CPT codes and descriptions only are copyright the AMA,,,",
            "27447,,J1,5115");
        var result = Load();
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            $"error: {SampleName}:5: '3353' is not a HCPCS code; the row was skipped.",
            $"error: {SampleName}:6: 99213: the status indicator 'Z9' is not one OPPS Addendum D1 defines; the row was skipped.",
            $"error: {SampleName}:7: 66984: the APC '54A1' is not a number of up to four digits; the row was skipped.",
            $"error: {SampleName}:8: G0463 is listed twice; the first row was kept.",
            $"warning: {SampleName}:9: 'CPT codes and descriptions only are c…' is not a HCPCS code and the row has no status indicator: it was read as a note and skipped.",
            $"warning: {SampleName}: Refused whole: nothing from this file was loaded, because of the 4 row(s) refused above (a damaged file is never half-used).");
        result.Index.Opps.Should().BeNull();
    }

    [Theory]
    [InlineData("Addendum B.-- OPPS Payment by HCPCS Code for CY 2026\nHCPCS Code,Short Descriptor,Payment Rate\nG0463,Clinic visit,136.02\n", "no header row names the columns HCPCS Code, SI, APC")]
    [InlineData("Addendum B.-- OPPS Payment by HCPCS Code for CY 2026\nHCPCS Code,Short Descriptor,SI,APC\n", "the file holds no code rows after its header")]
    [InlineData("", "no header row names the columns HCPCS Code, SI, APC")]
    public void Load_NoHeaderOrNoRows_IsAFileError(string text, string reason)
    {
        File.WriteAllText(Path.Combine(folder, SampleName), text, Encoding.Latin1);
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        (problem.IsError, problem.Message.Contains(reason, StringComparison.Ordinal)).Should().Be((true, true), problem.Message);
    }

    [Theory]
    [InlineData("web_addendum_b.csv", "does not name the quarter's month and year")]
    [InlineData("2026_february_web_addendum_b.02022026.csv", "names february, but Addendum B is quarterly")]
    public void Load_FileNameWithoutItsQuarter_IsAFileError(string name, string reason)
    {
        Write(name, Header, "G0463,,J2,5012");
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        (problem.IsError, problem.Message.Contains(reason, StringComparison.Ordinal)).Should().Be((true, true), problem.Message);
    }

    [Fact]
    public void Load_TitleOfAnotherYear_IsAWarningAndTheFileNameDecides()
    {
        Write("April_2026_OPPS_Web_Addendum_B.03202026.csv", "Addendum B.-- OPPS Payment by HCPCS Code for CY 2025", Header, "G0463,,J2,5012");
        var result = Load();
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "warning: April_2026_OPPS_Web_Addendum_B.03202026.csv:1: The title names CY 2025, but the file name names April 2026; the file name's quarter was used.");
        result.Index.Opps!.Quarters.Single().Release.Release.Should().Be("2026 Q2 (April), posted 2026-03-20");
    }

    [Fact]
    public void Load_CorrectionOfAQuarter_ReplacesTheEarlierPosting()
    {
        Write("2026_january_web_addendum_b.12232025.csv", Header, "G0463,,J2,5012", "99213,,V,5012");
        Write("January 2026 Addendum B CORRECTION.01152026.csv", Header, "G0463,,J2,5012", "99213,,B,");
        var result = Load();
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "warning: 2026_january_web_addendum_b.12232025.csv: Holds the same quarter's Addendum B as 'January 2026 Addendum B CORRECTION.01152026.csv', posted later, which was used instead.");
        var quarter = result.Index.Opps!.Quarters.Single();
        Status(quarter, "99213").Indicator.Should().Be(OppsStatusIndicator.B);
        result.Index.Releases.Where(r => r.Table == OppsTable.TableName).Select(r => r.Release).Should().Equal("2026 Q1 (January), posted 2026-01-15");
    }

    [Fact]
    public void Table_QuarterFor_IsTheLatestQuarterBegunByTheDate()
    {
        Write("2026_january_web_addendum_b.csv", Header, "G0463,,J2,5012");
        Write("2026_april_web_addendum_b.csv", Header, "G0463,,J2,5012");
        var table = Load().Index.Opps!;
        table.QuarterFor(new DateOnly(2025, 12, 31)).Should().BeNull();
        table.QuarterFor(new DateOnly(2026, 3, 31))!.Release.Release.Should().Be("2026 Q1 (January)");
        table.QuarterFor(new DateOnly(2026, 4, 1))!.Release.Release.Should().Be("2026 Q2 (April)");
        table.QuarterFor(new DateOnly(2027, 1, 1))!.Release.Release.Should().Be("2026 Q2 (April)");
    }

    [Fact]
    public void Load_Workbook_ReadsAsTheCsvDoes()
    {
        WriteWorkbook("2026_july_web_addendum_b.06202026.xlsx",
            ["Addendum B.-- OPPS Payment by HCPCS Code for CY 2026"],
            [],
            Header.Split(','),
            ["G0463", "Hospital outpt clinic visit", "J2", "5012", "1.4879"],
            ["33533", string.Empty, "C"]);
        var result = Load();
        result.Report.Problems.Should().BeEmpty();
        var quarter = result.Index.Opps!.Quarters.Single();
        (Status(quarter, "G0463"), Status(quarter, "33533")).Should().Be((new OppsCodeStatus(OppsStatusIndicator.J2, 5012), new OppsCodeStatus(OppsStatusIndicator.C, 0)));
    }

    [Fact]
    public void Load_TruncatedWorkbook_IsAFileError()
    {
        File.WriteAllBytes(Path.Combine(folder, "2026_july_web_addendum_b.06202026.xlsx"), [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]);
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        (problem.IsError, problem.Line, problem.Message).Should().Be((true, (int?)null,
            "The file could not be read (InvalidDataException: Central Directory corrupt.); it may be corrupt, truncated or not in the layout CMS publishes."));
    }

    [Fact]
    public void Snapshot_RoundTripsTheQuarters()
    {
        var index = CmsData.LoadSample("opps").Index;
        var path = Path.Combine(folder, "opps.csindex");
        index.SaveSnapshot(path);
        var loaded = ClaimScrubber.CodeSetIndex.LoadSnapshot(path);
        var quarter = loaded.Opps!.Quarters.Single();
        Status(quarter, "G0463").Should().Be(new OppsCodeStatus(OppsStatusIndicator.J2, 5012));
        quarter.Release.Should().Be(index.Opps!.Quarters.Single().Release);
        loaded.Releases.Should().Equal(index.Releases);
        IndexSnapshot.FormatVersion.Should().Be(3);
    }

    [Fact]
    public void UnavailableEdits_NameTheRulesOffAndTheFilesThatTurnThemOn()
    {
        var full = CmsData.LoadSample().Index;
        full.UnavailableEdits.Should().BeEmpty();
        var empty = ClaimScrubber.CodeSetIndex.Empty.UnavailableEdits;
        empty.Select(u => u.Table).Should().Equal("OPPS Addendum B", "ICD-10-PCS order file", "Medicare Code Editor");
        empty[0].RuleIds.Should().Equal("OPPS001", "OPPS002", "OPPS003", "OPPS004", "OPPS005", "OPPS006", "OPPS007");
        empty[0].FilesToLoad.Should().Contain("web_addendum_b");
        empty[1].RuleIds.Should().Equal("PCS001", "PCS002");
        empty[2].RuleIds.Should().Contain("DX012").And.Contain("PCS010").And.NotContain("DX020").And.NotContain("PCS003");
    }

    private static OppsCodeStatus Status(OppsQuarter quarter, string code)
    {
        quarter.TryGet(ProcedureCode.Parse(code), out var status).Should().BeTrue(code);
        return status;
    }

    private void Write(string name, params string[] lines) =>
        File.WriteAllText(Path.Combine(folder, name), string.Concat(lines.Select(l => l + "\r\n")), Encoding.Latin1);

    private void WriteWorkbook(string name, params string[][] rows)
    {
        using var document = SpreadsheetDocument.Create(Path.Combine(folder, name), SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + c)}{r + 1}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(rows[r][c])),
                });
            }

            data.Append(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Addendum B" }));
        workbook.Workbook.Save();
    }

    private CodeSetLoadResult Load() => SampleLoad.Load(folder);
}
