using System.IO.Compression;
using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.CodeSets.Icd10Cm;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Loading;

/// <summary>Each way a CMS file is refused, by hand, with the exact problem a user reads.</summary>
public sealed class DamagedDataTests : IDisposable
{
    private const string Pos = "place_of_service_codes.csv";
    private const string PosHeader = "pos_code,pfs_facility_type,pos_name,pos_description";

    private readonly ReaderHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void LastLineWithoutLineBreak_IsCutShort_AndTheFileContributesNothing()
    {
        harness.Write(Pos, PosHeader + "\n11,Non-Facility,Office,Office\n21,Facility,Inpatient Hospital,Inpat");
        var result = harness.LoadFolder();
        result.Report.Problems.Should().Equal(new LoadProblem(Pos, 3,
            "The file ends in the middle of a line (its last line has no line break, as every line of a CMS file has): it is cut short, so its last row may be incomplete.", IsError: true),
            new LoadProblem(Pos, null, "Refused whole: nothing from this file was loaded, because of the 1 row(s) refused above (a damaged file is never half-used).", IsError: false));
        result.Index.PlacesOfService.Should().BeNull();
        result.Index.Releases.Should().BeEmpty();
    }

    [Fact]
    public void HeaderOnly_HoldsNoRows()
    {
        harness.Write(Pos, PosHeader + "\n");
        harness.LoadFolder().Report.Problems.Should().Equal(new LoadProblem(Pos, null,
            "The file holds no place-of-service rows: it is empty, holds only its header, or is cut short.", IsError: true));
    }

    [Fact]
    public void Empty_IsUnreadable()
    {
        harness.Write(Pos, string.Empty);
        harness.LoadFolder().Report.Problems.Should().Equal(new LoadProblem(Pos, null,
            "The file could not be read (InvalidDataException: no header row names the columns pos_code, pfs_facility_type, pos_name, pos_description); it may be corrupt, truncated or not in the layout CMS publishes.", IsError: true));
    }

    [Fact]
    public void FarSmallerThanAnyRelease_IsRefused_UnlessTheFolderIsASample()
    {
        harness.Write(Pos, PosHeader + "\n11,Non-Facility,Office,Office\n99,Non-Facility,Other Place of Service,Other\n");
        harness.Sample = false;
        var real = harness.LoadFolder();
        real.Report.Problems.Should().Equal(new LoadProblem(Pos, null,
            "The file holds 2 place-of-service rows; every release CMS has published holds far more (the least accepted is 50, see docs/data-loading.md): it is cut short or not the whole table.", IsError: true));
        real.Index.PlacesOfService.Should().BeNull();

        harness.Sample = true;
        var sample = harness.LoadFolder();
        sample.Report.Problems.Should().BeEmpty();
        sample.Index.PlacesOfService!.Count.Should().Be(2);
    }

    [Fact]
    public void StoppingBeforeTheCodesEveryReleaseEndsWith_IsCutShort()
    {
        var rows = Enumerable.Range(1, 60).Select(n => $"{n:D2},Non-Facility,Place {n},Place {n}");
        harness.Write(Pos, string.Join('\n', [PosHeader, .. rows, string.Empty]));
        harness.Sample = false;
        harness.LoadFolder().Report.Problems.Should().Equal(new LoadProblem(Pos, null,
            "The file stops before code 99 (other place of service), with which every release of the table ends: it is cut short.", IsError: true));
    }

    [Fact]
    public void RowsRunTogether_AreRefused()
    {
        harness.Write(Pos, PosHeader + "\n99,Non-Facility,Other Place of Service,Other\n11,Non-Facility,Office,Office21,Facility,Inpatient Hospital,Inpatient\n");
        harness.LoadFolder().Report.Problems.Should().Equal(
            new LoadProblem(Pos, 3, "The row holds 7 cells, more than the 4 columns of the header (rows run together, or a shifted row); the row was refused.", IsError: true),
            new LoadProblem(Pos, null, "Refused whole: nothing from this file was loaded, because of the 1 row(s) refused above (a damaged file is never half-used).", IsError: false));
    }

    [Fact]
    public void MueWithoutItsRationaleColumn_IsRefused()
    {
        const string Mue = "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv";
        harness.Write(Mue, "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator\n99213,1,3 Date of Service Edit: Clinical\n");
        harness.LoadFolder().Report.Problems.Should().Equal(new LoadProblem(Mue, null,
            "The file could not be read (InvalidDataException: the MUE header has 3 column(s), not code, MUE value, adjudication indicator and rationale; a column is missing); it may be corrupt, truncated or not in the layout CMS publishes.", IsError: true));
    }

    [Fact]
    public void Utf16WithItsByteOrderMark_ReadsAsTheSameTable()
    {
        const string text = PosHeader + "\n11,Non-Facility,Office,Office\n";
        harness.Write(Pos, text);
        var utf8 = harness.LoadFolder();
        harness.WriteBytes(Pos, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var utf16 = harness.LoadFolder();
        utf16.Report.Problems.Should().BeEmpty();
        utf16.Index.PlacesOfService!.TryGet(ClaimScrubber.PlaceOfServiceCode.Parse("11"), out var office).Should().BeTrue();
        utf8.Index.PlacesOfService!.TryGet(ClaimScrubber.PlaceOfServiceCode.Parse("11"), out var same).Should().BeTrue();
        office.Should().Be(same);
    }

    [Fact]
    public void ZipEntryWhoseBytesChanged_FailsItsCrc()
    {
        var path = harness.WriteBytes("cms_2026_dx.zip", StoredZip("icd10cm_order_2026.txt", Encoding.Latin1.GetBytes(IcdFixtures.Row(1, "E119", '1', "Type 2 diabetes mellitus without complications") + "\r\n")));
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("E119"u8);
        bytes[at + 1] = (byte)'2';
        File.WriteAllBytes(path, bytes);

        harness.LoadFolder().Report.Problems.Should().Equal(new LoadProblem("cms_2026_dx.zip", null,
            "The file could not be read (InvalidDataException: cms_2026_dx.zip/icd10cm_order_2026.txt is damaged: its CRC-32 does not match the one its zip directory records); it may be corrupt, truncated or not in the layout CMS publishes.", IsError: true));
    }

    [Fact]
    public void ZipEntryRowsRefused_NameTheEntry()
    {
        harness.WriteBytes("cms_2026_dx.zip", StoredZip("icd10cm_order_2026.txt", Encoding.Latin1.GetBytes(IcdFixtures.Row(1, "E1.9", '1', "Dotted") + "\r\n")));
        harness.LoadFolder().Report.Problems.Should().Equal(
            new LoadProblem("cms_2026_dx.zip", 1, "icd10cm_order_2026.txt: 'E1.9' in columns 7–13 is not an undotted code.", IsError: true),
            new LoadProblem("cms_2026_dx.zip", null, "'cms_2026_dx.zip/icd10cm_order_2026.txt' holds no ICD-10-CM order-file rows: it is empty, holds only its header, or is cut short.", IsError: true));
    }

    [Fact]
    public void OrderNumbersThatSkip_LoseARecord()
    {
        harness.Write("icd10cm_order_2026.txt", string.Concat(new[]
        {
            IcdFixtures.Row(1, "E11", '0', "Type 2 diabetes mellitus"),
            IcdFixtures.Row(3, "E119", '1', "Type 2 diabetes mellitus without complications"),
        }.Select(l => l + "\r\n")));
        harness.Sample = false;
        harness.LoadFolder().Report.Problems.Should().Equal(
            new LoadProblem("icd10cm_order_2026.txt", 2, "The order number 00003 follows 00001: a record is missing or out of order.", IsError: true),
            new LoadProblem("icd10cm_order_2026.txt", null, "The file holds 2 ICD-10-CM order-file rows; every release CMS has published holds far more (the least accepted is 75,000, see docs/data-loading.md): it is cut short or not the whole table.", IsError: true));
    }

    [Fact]
    public void GzipCutInsideItsTrailer_IsCutShort()
    {
        var csv = "\"column1\",\"column2\",\"deletion_date\",\"modifier_indicator\",\"rationale\"\n\"10060\",\"64483\",\"*\",0,\"Anesthesia service included in surgical procedure\"\n";
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(Encoding.Latin1.GetBytes(csv));
        }

        harness.WriteBytes("ptp_practitioner_2024-07-01.csv.gz", gz.ToArray()[..^2]);
        var problem = harness.LoadFolder().Report.Problems.Should().ContainSingle().Subject;
        problem.Message.Should().Match($"The file could not be read (InvalidDataException: ptp_practitioner_2024-07-01.csv.gz ends after {csv.Length} bytes, but its gzip trailer gives *: it is cut short or damaged); it may be corrupt, truncated or not in the layout CMS publishes.");
    }

    [CmsFact]
    public void WorkbookPartWhoseBytesChanged_IsRefusedNamingThePart()
    {
        // Stored (uncompressed) so that the changed byte lands in the worksheet's XML, not in its compression.
        using var original = ZipFile.OpenRead(CmsData.File("ncci", "AOC_V2026Q2-MCR.xlsx"));
        var stored = new MemoryStream();
        using (var copy = new ZipArchive(stored, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in original.Entries)
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                from.CopyTo(to);
            }
        }

        var bytes = stored.ToArray();
        var at = bytes.AsSpan().IndexOf("<sheetData>"u8);
        bytes[at + 1] = (byte)'S';
        harness.WriteBytes("AOC_V2026Q2-MCR.xlsx", bytes);
        var result = harness.LoadFolder();
        result.Report.Problems.Should().Equal(new LoadProblem("AOC_V2026Q2-MCR.xlsx", null,
            "The file could not be read (InvalidDataException: AOC_V2026Q2-MCR.xlsx/xl/worksheets/sheet1.xml is damaged: its CRC-32 does not match the one its zip directory records); it may be corrupt, truncated or not in the layout CMS publishes.", IsError: true));
        result.Index.AddOnCodes.Should().BeNull();
    }

    [CmsFact]
    public void WorkbookWithoutItsWorksheet_IsRefusedNamingThePart()
    {
        using var original = ZipFile.OpenRead(CmsData.File("ncci", "AOC_V2026Q2-MCR.xlsx"));
        var rebuilt = new MemoryStream();
        using (var copy = new ZipArchive(rebuilt, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in original.Entries.Where(e => e.FullName != "xl/worksheets/sheet1.xml"))
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
        }

        harness.WriteBytes("AOC_V2026Q2-MCR.xlsx", rebuilt.ToArray());
        var problem = harness.LoadFolder().Report.Problems.Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.IsError).Should().Be(("AOC_V2026Q2-MCR.xlsx", null, true));
        problem.Message.Should().StartWith("The file could not be read (OpenXmlReadException: ").And.Contain("xl/workbook.xml");
    }

    [Fact]
    public void SampleDeclaration_IsReportedAsANotice_AndMustBeTrueOrFalse()
    {
        var folder = Directory.CreateTempSubdirectory("claimscrubber-sample-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, Pos), PosHeader + "\n11,Non-Facility,Office,Office\n");
            File.WriteAllText(Path.Combine(folder, CmsLoadOptions.ManifestFileName), """{ "sample": true }""");
            CmsFolderLoader.Load(folder).Report.Problems.Should().Equal(new LoadProblem(CmsLoadOptions.ManifestFileName, null,
                "The manifest declares this folder a hand-made sample (\"sample\": true): its tables were accepted without the sizes real CMS releases have. Do not scrub real claims against it.", IsError: false));

            File.WriteAllText(Path.Combine(folder, CmsLoadOptions.ManifestFileName), """{ "sample": "yes" }""");
            var act = () => CmsFolderLoader.Load(folder);
            act.Should().Throw<CmsDataException>().Which.Problems.Should().Equal(new LoadProblem(CmsLoadOptions.ManifestFileName, null,
                "The manifest is not a JSON object of file paths to reader ids: \"sample\" must be true or false", IsError: true));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RepositorySample_LoadsClean_WithItsSampleNotice()
    {
        var result = CmsFolderLoader.Load(Path.Combine(CmsData.SampleFolder, "cms"));
        result.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        result.Report.Problems.Should().ContainSingle(p => p.File == CmsLoadOptions.ManifestFileName && p.Message.StartsWith("The manifest declares this folder a hand-made sample", StringComparison.Ordinal));
        CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms")).Releases.Should().HaveCount(19);
    }

    private static byte[] StoredZip(string entry, byte[] content)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry(entry, CompressionLevel.NoCompression).Open();
            stream.Write(content);
        }

        return zip.ToArray();
    }
}
