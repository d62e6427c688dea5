using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.Tests.Support;
using F = ClaimScrubber.Tests.CodeSets.Icd10Cm.IcdFixtures;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

public sealed class IcdOrderFileReaderTests : IDisposable
{
    private readonly IcdFixtures fixtures = new();

    public void Dispose() => fixtures.Dispose();

    [Theory]
    [InlineData("icd10cm_order_2026.txt", true)]
    [InlineData("cms_2026_dx.zip", true)]
    [InlineData("2026-code-descriptions-tabular-order.zip", true)]
    [InlineData("icd10cm_order_addenda_2026.txt", false)]
    [InlineData("icd10cm_codes_2026.txt", false)]
    [InlineData("cms_2026_pcs.zip", false)]
    public void Recognizes_CmsFileNames(string name, bool expected) => new IcdOrderFileReader().Recognizes(name).Should().Be(expected);

    [Fact]
    public void Load_LooseOrderFile_GivesTheFiscalYearWithItsRelease()
    {
        fixtures.Write("icd10cm_order_2026.txt", F.Year(z5986IsHeader: true));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Icd10Cm!;
        table.FiscalYears.Should().Equal(2026);
        (table.RowCount(2026), table.BillableCount(2026)).Should().Be((5, 3));
        result.Index.Releases.Should().Equal(new ClaimScrubber.TableRelease("ICD-10-CM order file", "FY2026", "icd10cm_order_2026.txt", new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), 5));
        table.ShortDescription(IcdCode.Parse("Z59.869"), 2026).Should().Be("Financial insecurity, unspecified");
    }

    [Fact]
    public void Load_BadRows_AreRefusedWithFileAndLineAndTheRestLoads()
    {
        fixtures.Write("icd10cm_order_2026.txt",
        [
            F.Row(1, "E11", '0', "Type 2 diabetes mellitus"),
            F.Row(2, "E11.9", '1', "Dotted code"),
            F.Row(3, "E119", '2', "Bad flag"),
            "00004 E119    1 Too short",
            F.Row(5, "E119", '1', "Type 2 diabetes mellitus without complications"),
            "0000X " + F.Row(6, "I10", '1', "Hypertension")[6..],
            F.Row(7, "1E1", '1', "Digit first"),
            F.Row(8, "E119", '1', "Again"),
            F.Row(9, "I10", '1', "Essential (primary) hypertension").Remove(15, 1).Insert(15, "X"),
            string.Empty,
        ]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: icd10cm_order_2026.txt:2: 'E11.9' in columns 7–13 is not an undotted code.",
            "error: icd10cm_order_2026.txt:3: The billable flag in column 15 is '2', not 1 (billable) or 0 (header).",
            "error: icd10cm_order_2026.txt:4: The record is 25 characters long; the order-file layout needs at least 78 (a long description from column 78).",
            "error: icd10cm_order_2026.txt:6: The order number '0000X' in columns 1–5 is not a number.",
            "error: icd10cm_order_2026.txt:7: '1E1' in columns 7–13 is not an undotted code.",
            "error: icd10cm_order_2026.txt:8: E11.9 is listed twice; the first record was kept.",
            "error: icd10cm_order_2026.txt:9: Column 16 holds 'X' where the order-file layout has a blank between fields.",
            "warning: icd10cm_order_2026.txt: Refused whole: nothing from this file was loaded, because of the 7 row(s) refused above (a damaged file is never half-used).");
        result.Index.Icd10Cm.Should().BeNull("a file with a refused row contributes nothing");
    }

    [Fact]
    public void Load_OrderFileInsideZip_ReadsOnlyTheOrderEntry()
    {
        fixtures.Zip("cms_2025_dx.zip",
            ("icd10cm_codes_2025.txt", ["E119    Type 2 diabetes mellitus without complications"]),
            ("icd10cm_order_addenda_2025.txt", ["garbage"]),
            ("icd10cm_order_2025.txt", F.Year(z5986IsHeader: false)));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Should().BeEmpty();
        result.Index.Releases.Single().SourceFile.Should().Be("cms_2025_dx.zip/icd10cm_order_2025.txt");
        result.Index.Icd10Cm!.IsBillable(IcdCode.Parse("Z59.86"), 2025).Should().BeTrue();
    }

    [Fact]
    public void Load_ZipWithoutOrderFile_IsAnErrorNamingTheZip()
    {
        fixtures.Zip("cms_2026_dx.zip", ("icd10cm_codes_2026.txt", ["E119    Type 2 diabetes mellitus without complications"]));
        var problem = SampleLoad.Load(fixtures.Folder).Report.Problems.Should().ContainSingle().Subject;
        (problem.File, problem.Line, problem.IsError).Should().Be(("cms_2026_dx.zip", null, true));
        problem.Message.Should().Contain("holds no ICD-10-CM order file (icd10cm_order_YYYY.txt); it holds: icd10cm_codes_2026.txt.");
    }

    [Fact]
    public void Load_TruncatedZip_IsAnErrorNamingTheZipAndLoadsNothing()
    {
        var path = fixtures.Zip("cms_2026_dx.zip", ("icd10cm_order_2026.txt", F.Year(z5986IsHeader: true)));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var result = SampleLoad.Load(fixtures.Folder);
        var problem = result.Report.Problems.Should().ContainSingle().Subject;
        (problem.File, problem.IsError).Should().Be(("cms_2026_dx.zip", true));
        problem.Message.Should().StartWith("The file could not be read (InvalidDataException:");
        result.Index.Icd10Cm.Should().BeNull();
    }

    [Fact]
    public void Load_LooseFileAndZipOfTheSameYear_KeepsTheLooseFileAndWarns()
    {
        fixtures.Write("icd10cm_order_2026.txt", F.Year(z5986IsHeader: true));
        fixtures.Zip("cms_2026_dx.zip", ("icd10cm_order_2026.txt", F.Year(z5986IsHeader: true)));
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "warning: cms_2026_dx.zip: Holds the FY2026 ICD-10-CM order file, as does 'icd10cm_order_2026.txt', which was used instead.");
        result.Index.Releases.Should().ContainSingle().Which.SourceFile.Should().Be("icd10cm_order_2026.txt");
        result.Index.Icd10Cm!.RowCount(2026).Should().Be(5);
    }

    [Fact]
    public void Load_RepositorySample_HoldsFy2025AndFy2026WithTheZ5986Edge()
    {
        var result = CmsData.LoadSample("icd10cm");
        // The sample tabular XML beside the order files is read by the Excludes1 reader, which reports that it predates newer codes.
        result.Report.Problems.Where(p => !p.File.StartsWith("icd10cm_tabular_", StringComparison.Ordinal)).Should().BeEmpty();
        var table = result.Index.Icd10Cm!;
        table.FiscalYears.Should().Equal(2025, 2026);
        (table.RowCount(2025), table.RowCount(2026)).Should().Be((69, 72));
        table.Lookup(IcdCode.Parse("Z59.86"), new DateOnly(2025, 9, 30)).Status.Should().Be(IcdStatus.Billable);
        table.Lookup(IcdCode.Parse("Z59.86"), new DateOnly(2025, 10, 1)).Status.Should().Be(IcdStatus.Header);
        foreach (var code in new[] { "E11.9", "E11.65", "E78.5", "I10", "J06.9", "J45.909", "M54.50", "R51.9", "R07.9", "N39.0", "Z00.00", "Z00.01", "Z59.861", "E03.9", "R53.83", "D64.9", "N40.0", "O80", "Z3A.39", "F02.80", "W19.XXXA", "Y93.01" })
        {
            table.IsBillable(IcdCode.Parse(code), 2026).Should().BeTrue(code);
        }
    }
}
