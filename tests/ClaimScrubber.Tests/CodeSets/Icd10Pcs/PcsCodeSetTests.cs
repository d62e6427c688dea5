using ClaimScrubber.CodeSets.Icd10Pcs;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Codes;
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
            table.FiscalYears.Should().Equal(2026);
            (table.CodeCount(2026), table.TableCount(2026)).Should().Be((79_115, 914));
            result.Index.Releases.Single().ToString().Should().Be("ICD-10-PCS order file FY2026 (cms_2026_pcs.zip/icd10pcs_order_2026.txt)");
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
}
