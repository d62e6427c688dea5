using ClaimScrubber.CodeSets.Icd10Pcs;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.CodeSets.Icd10Cm;
using ClaimScrubber.Tests.Support;
using F = ClaimScrubber.Tests.CodeSets.Icd10Cm.IcdFixtures;

namespace ClaimScrubber.Tests.CodeSets.Icd10Pcs;

public sealed class PcsCodeSetTests : IDisposable
{
    private readonly IcdFixtures fixtures = new();

    public void Dispose() => fixtures.Dispose();

    [Fact]
    public void Load_PcsOrderFile_KeepsCodesAndTablesAndRefusesMismatchedRows()
    {
        string[] good =
        [
            F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"),
            F.Row(2, "0016070", '1', "Bypass Cereb Vent to Nasophar with Autol Sub, Open Approach"),
        ];
        fixtures.Write("icd10pcs_order_2026.txt",
        [
            .. good,
            F.Row(3, "0016071", '0', "Flagged as a header"),
            F.Row(4, "00I6072", '1', "Letter I"),
            F.Row(5, "0016", '1', "Four characters"),
        ]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: icd10pcs_order_2026.txt:3: '0016071' is flagged 0 (header) but a PCS header is a 3-character table.",
            "error: icd10pcs_order_2026.txt:4: '00I6072' in columns 7–13 is not an undotted code.",
            "error: icd10pcs_order_2026.txt:5: '0016' in columns 7–13 is not an undotted code.",
            "warning: icd10pcs_order_2026.txt: Refused whole: nothing from this file was loaded, because of the 3 row(s) refused above (a damaged file is never half-used).");
        result.Index.Icd10Pcs.Should().BeNull("a file with a refused row contributes nothing");

        fixtures.Write("icd10pcs_order_2026.txt", good);
        result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Icd10Pcs!;
        (table.CodeCount(2026), table.TableCount(2026)).Should().Be((1, 1));
        table.Lookup(PcsCode.Parse("0016070"), new DateOnly(2026, 9, 30)).Status.Should().Be(PcsStatus.Valid);
        table.TableDescription(PcsCode.Parse("0016070")).Should().Be("Central Nervous System and Cranial Nerves, Bypass");
    }

    [CmsFact]
    public void Load_Cms2026PcsZip_HoldsEveryCodeAndTable()
    {
        var folder = Directory.CreateTempSubdirectory("pcs-");
        try
        {
            File.Copy(CmsData.File("icd10cm", "cms_2026_pcs.zip"), Path.Combine(folder.FullName, "cms_2026_pcs.zip"));
            var result = CmsFolderLoader.Load(folder.FullName);
            result.Report.Problems.Should().BeEmpty();
            var table = result.Index.Icd10Pcs!;

            // FY2025 is derived from the zip's addenda, with the counts their summary gives (78,986 codes, 910 headers).
            table.FiscalYears.Should().Equal(2025, 2026);
            (table.CodeCount(2026), table.TableCount(2026)).Should().Be((79_115, 914));
            (table.CodeCount(2025), table.TableCount(2025)).Should().Be((78_986, 910));
            result.Index.Releases.Select(r => r.ToString()).Should().Equal(
                "ICD-10-PCS order file FY2025 (FY2026 order file less its addenda) (cms_2026_pcs.zip/order_addenda_2026.txt)",
                "ICD-10-PCS order file FY2026 (cms_2026_pcs.zip/icd10pcs_order_2026.txt)");
            table.IsValid(PcsCode.Parse("00H033J"), 2026).Should().BeTrue("the FY2026 addenda add it");
            table.IsValid(PcsCode.Parse("00H033J"), 2025).Should().BeFalse();
            table.IsValid(PcsCode.Parse("X2A5312"), 2025).Should().BeTrue("the FY2026 addenda delete it");
            table.IsValid(PcsCode.Parse("X2A5312"), 2026).Should().BeFalse();
            table.Lookup(PcsCode.Parse("00H033J"), new DateOnly(2023, 11, 1)).Status.Should().Be(PcsStatus.NotValidOnDate, "FY2024 dates read the nearest year, FY2025");
            table.ShortDescription(PcsCode.Parse("0016070")).Should().Be("Bypass Cereb Vent to Nasophar with Autol Sub, Open Approach");
            table.IsValid(PcsCode.Parse("0SRC0J9"), 2026).Should().BeTrue();
            var outside = table.Lookup(PcsCode.Parse("0SRC0J9"), new DateOnly(2026, 10, 1));
            (outside.Status, outside.FiscalYear, outside.UsedNearestYear).Should().Be((PcsStatus.Valid, 2026, true));
            table.Lookup(PcsCode.Parse("ZZZZZZZ"), new DateOnly(2026, 3, 1)).Status.Should().Be(PcsStatus.Unknown);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_ZipWithAddenda_DerivesThePriorYear()
    {
        fixtures.Zip("cms_2026_pcs.zip",
            ("icd10pcs_order_2026.txt", [F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"), F.Row(2, "0016070", '1', "Bypass Cereb Vent"), F.Row(3, "00H033J", '1', "Insertion of Infusion Device")]),
            ("order_addenda_2026.txt", [PcsAddendum("Add:", "00H033J", "Insertion of Infusion Device"), PcsAddendum("Delete:", "X2A5312", "Cereb Filtr"), PcsAddendum("Revise from:", "001", "CNS Bypass"), PcsAddendum("Revise to:", "001", "Central Nervous System and Cranial Nerves, Bypass"), string.Empty, "Codes", "      2 codes in icd10pcs_order_2025.txt", "      2 codes in icd10pcs_order_2026.txt", "      1 additions", "Headers", "      1 headers in icd10pcs_order_2025.txt", "      1 headers in icd10pcs_order_2026.txt"]));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Icd10Pcs!;
        (table.CodeCount(2025), table.TableCount(2025)).Should().Be((2, 1));
        table.IsValid(PcsCode.Parse("X2A5312"), 2025).Should().BeTrue();
        table.IsValid(PcsCode.Parse("00H033J"), 2025).Should().BeFalse();
        table.IsValid(PcsCode.Parse("0016070"), 2025).Should().BeTrue();
    }

    [Fact]
    public void Load_AddendaThatDoNotDescribeTheYear_AreRefusedAndNothingIsDerived()
    {
        fixtures.Zip("cms_2026_pcs.zip",
            ("icd10pcs_order_2026.txt", [F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"), F.Row(2, "0016070", '1', "Bypass Cereb Vent")]),
            ("order_addenda_2026.txt", [PcsAddendum("Add:", "00H033J", "Insertion of Infusion Device"), PcsAddendum("Delete:", "0016070", "Bypass Cereb Vent"), "      1 codes in icd10pcs_order_2025.txt", "      1 headers in icd10pcs_order_2025.txt"]));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: cms_2026_pcs.zip:1: 'Add:' 00H033J is not in the FY2026 order file, so the addenda do not describe it.",
            "error: cms_2026_pcs.zip:2: 'Delete:' 0016070 is still in the FY2026 order file, so the addenda do not describe it.",
            "error: cms_2026_pcs.zip: The FY2025 ICD-10-PCS code set was not derived from the FY2026 addenda; FY2025 dates are checked against the nearest loaded year.");
        result.Index.Icd10Pcs!.FiscalYears.Should().Equal(2026);
    }

    [Fact]
    public void Load_AddendaWhoseSummaryDisagrees_AreRefused()
    {
        fixtures.Zip("cms_2026_pcs.zip",
            ("icd10pcs_order_2026.txt", [F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"), F.Row(2, "0016070", '1', "Bypass Cereb Vent")]),
            ("order_addenda_2026.txt", ["Codes", "      5 codes in icd10pcs_order_2025.txt", "Headers", "      1 headers in icd10pcs_order_2025.txt"]));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: cms_2026_pcs.zip: The FY2026 order file less its addenda has 1 codes and 1 headers; the addenda's summary gives FY2025 5 codes and 1 headers.",
            "error: cms_2026_pcs.zip: The FY2025 ICD-10-PCS code set was not derived from the FY2026 addenda; FY2025 dates are checked against the nearest loaded year.");
        result.Index.Icd10Pcs!.FiscalYears.Should().Equal(2026);
    }

    [Fact]
    public void Load_LooseAddendaWithoutTheirOrderFile_AreReportedNotApplied()
    {
        fixtures.Write("icd10pcs_order_2025.txt", [F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"), F.Row(2, "0016070", '1', "Bypass Cereb Vent")]);
        fixtures.Write("icd10pcs_order_addenda_2027.txt", [PcsAddendum("Add:", "00H033J", "Insertion of Infusion Device"), "      1 codes in icd10pcs_order_2026.txt", "      1 headers in icd10pcs_order_2026.txt"]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "warning: icd10pcs_order_addenda_2027.txt: The FY2027 ICD-10-PCS addenda describe changes to the FY2027 order file, which was not loaded; they were not applied.");
        result.Index.Icd10Pcs!.FiscalYears.Should().Equal(2025);
    }

    [Fact]
    public void Load_ZipWithoutItsAddenda_LoadsTheOrderFile_AndSaysTheYearBeforeWasNotDerived()
    {
        fixtures.Zip("cms_2026_pcs.zip",
            ("icd10pcs_order_2026.txt", [F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"), F.Row(2, "0016070", '1', "Bypass Cereb Vent")]));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "warning: cms_2026_pcs.zip: cms_2026_pcs.zip/icd10pcs_order_2026.txt has no addenda (order_addenda_2026.txt) beside it, as CMS's zips have: FY2025 was not derived from them, so FY2025 dates are checked against the nearest loaded year.");
        result.Index.Icd10Pcs!.FiscalYears.Should().Equal(2026);
    }

    [Fact]
    public void Load_AddendaWithABadLineOrNoSummary_RefuseTheWholeZip()
    {
        fixtures.Zip("cms_2026_pcs.zip",
            ("icd10pcs_order_2026.txt", [F.Row(1, "001", '0', "Central Nervous System and Cranial Nerves, Bypass"), F.Row(2, "0016070", '1', "Bypass Cereb Vent")]),
            ("order_addenda_2026.txt", [PcsAddendum("Add:", "0016070", "Bypass Cereb Vent"), "Add:         00H03 bad"]));
        var result = SampleLoad.Load(fixtures.Folder);
        var problems = result.Report.Problems.Select(p => p.ToString()).ToList();
        problems.Should().Contain("error: cms_2026_pcs.zip:2: The record is 22 characters long; the order-file layout needs at least 83 (a long description from column 83).");
        problems.Should().Contain("error: cms_2026_pcs.zip: order_addenda_2026.txt: The closing summary ('NNNNN headers in icd10pcs_order_2025.txt' and 'NNNNN codes in icd10pcs_order_2025.txt') is missing: the file is cut short or not CMS's addenda.");
        result.Index.Icd10Pcs.Should().BeNull("a file with any error contributes nothing");
    }

    /// <summary>A PCS addenda record: the 13-character tag, 14–20 code, 22–81 short, 83+ long (no flag).</summary>
    private static string PcsAddendum(string tag, string code, string text) => $"{tag,-13}{code,-7} {text,-60} {text}";
}
