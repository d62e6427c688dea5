using System.Diagnostics;
using System.IO.Compression;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

/// <summary>The full CMS ICD-10-CM files: FY2024–FY2026 order files in their zips, and the FY2027 addenda.</summary>
public class IcdFullDataTests(ITestOutputHelper output)
{
    private static readonly Lazy<CodeSetLoadResult> Loaded = new(() => CmsFolderLoader.Load(CmsData.File("icd10cm")));

    private static IcdCodeSet Table => Loaded.Value.Index.Icd10Cm!;

    [CmsFact]
    public void Load_IcdFolder_LoadsEveryFiscalYearWithTheFilesRowCounts()
    {
        // The tabular XML in the same folder is read by the Excludes1 reader, which reports that it predates newer codes.
        Loaded.Value.Report.Problems.Where(p => !p.File.StartsWith("icd10cm_tabular_", StringComparison.Ordinal)).Should().BeEmpty();
        Table.FiscalYears.Should().Equal(2024, 2025, 2026, 2027);
        (Table.RowCount(2024), Table.BillableCount(2024)).Should().Be((97_296, 74_044));
        (Table.RowCount(2025), Table.BillableCount(2025)).Should().Be((97_584, 74_260));
        (Table.RowCount(2026), Table.BillableCount(2026)).Should().Be((98_186, 74_719));
        (Table.RowCount(2027), Table.BillableCount(2027)).Should().Be((98_403, 74_879));
        Loaded.Value.Index.Releases.Where(r => r.Table == IcdCodeSet.TableName).Select(r => r.ToString()).Should().Equal(
            "ICD-10-CM order file FY2024 (cms_2024_dx.zip/icd10cm_order_2024.txt)",
            "ICD-10-CM order file FY2025 (cms_2025_dx.zip/icd10cm_order_2025.txt)",
            "ICD-10-CM order file FY2026 (cms_2026_dx.zip/icd10cm_order_2026.txt)",
            "ICD-10-CM order file FY2027 (icd10cm_order_addenda_2027.txt)");
        var fy2026 = Table.ReleaseFor(2026)!;
        (fy2026.EffectiveFrom, fy2026.EffectiveTo, fy2026.RowCount).Should().Be((new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), 98_186));
    }

    [CmsFact]
    public void IsBillableOn_AgreesWithLookup_ForEveryCodeOnFiscalYearEdgesAndUnloadedYears()
    {
        DateOnly[] dates = [new(2019, 5, 1), new(2023, 9, 30), new(2023, 10, 1), new(2024, 9, 30), new(2024, 10, 1), new(2025, 9, 30), new(2025, 10, 1), new(2026, 9, 30), new(2026, 10, 1), new(2031, 1, 1)];
        var codes = Table.FiscalYears.SelectMany(Table.Records).Select(r => r.Code).Distinct().Append(IcdCode.Parse("Q99.9")).ToArray();
        var billable = 0;
        foreach (var date in dates)
        {
            foreach (var code in codes)
            {
                var expected = Table.Lookup(code, date).IsBillable;
                if (Table.IsBillableOn(code, date) != expected)
                {
                    Assert.Fail($"{code} on {date:yyyy-MM-dd}: IsBillableOn says {!expected}, Lookup {expected}.");
                }

                billable += expected ? 1 : 0;
            }
        }

        codes.Length.Should().BeGreaterThan(98_403);
        billable.Should().BeGreaterThan(dates.Length * 74_000);
    }

    [CmsFact]
    public void Lookup_Z5986_IsBillableUntilSeptember30AndAHeaderFromOctober1()
    {
        var code = IcdCode.Parse("Z59.86");
        var before = Table.Lookup(code, new DateOnly(2025, 9, 30));
        var after = Table.Lookup(code, new DateOnly(2025, 10, 1));
        (before.Status, before.FiscalYear, before.Release!.Release).Should().Be((IcdStatus.Billable, 2025, "FY2025"));
        (after.Status, after.FiscalYear, after.Release!.Release).Should().Be((IcdStatus.Header, 2026, "FY2026"));
        after.IsBillableIn(2025).Should().BeTrue();
        Table.ShortDescription(code, 2026).Should().Be("Financial insecurity");
        Span<IcdCode> children = stackalloc IcdCode[3];
        var count = Table.BillableDescendants(code, 2026, children);
        count.Should().Be(3);
        children.ToArray().Select(c => c.ToDottedString()).Should().Equal("Z59.861", "Z59.868", "Z59.869");
    }

    [CmsFact]
    public void Lookup_SpotValues_MatchTheOrderFiles()
    {
        Table.IsBillable(IcdCode.Parse("E11.9"), 2026).Should().BeTrue();
        Table.IsHeader(IcdCode.Parse("E11"), 2026).Should().BeTrue();
        Table.IsHeader(IcdCode.Parse("A00"), 2024).Should().BeTrue();
        Table.LongDescription(IcdCode.Parse("E11.65"), 2026).Should().Be("Type 2 diabetes mellitus with hyperglycemia");
        Table.Lookup(IcdCode.Parse("Q99.9"), 2026).Status.Should().Be(IcdStatus.Billable);
        Table.Lookup(IcdCode.Parse("Z99.99"), 2026).Status.Should().Be(IcdStatus.Unknown);
        Table.Lookup(IcdCode.Parse("D69.1"), 2027).Status.Should().Be(IcdStatus.Header);
        Table.Lookup(IcdCode.Parse("D69.11"), 2026).Status.Should().Be(IcdStatus.NotValidOnDate);
    }

    [CmsFact]
    public void Addenda2027_AppliedToFy2026_GiveEveryRowOfCmsExpectedFy2027()
    {
        var expected = new List<IcdOrderRecord>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(CmsData.File("icd10cm", "icd10cm_fy2027_expected_after_addenda.tsv.gz")), CompressionMode.Decompress)))
        {
            reader.ReadLine().Should().Be("code\tbillable\tshort_description\tlong_description");
            while (reader.ReadLine() is { } line)
            {
                var cells = line.Split('\t');
                expected.Add(new IcdOrderRecord(IcdCode.Parse(cells[0]), cells[1] == "1", cells[2], cells[3]));
            }
        }

        expected.Should().HaveCount(98_403);
        expected.Count(r => r.Billable).Should().Be(74_879);
        var actual = Table.Records(2027).ToList();
        actual.Should().HaveCount(expected.Count);
        var mismatches = expected.OrderBy(r => r.Code).Zip(actual).Where(p => p.First != p.Second).Take(5).ToList();
        mismatches.Should().BeEmpty();
    }

    [CmsTheory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void AddendaInsideTheZip_AppliedToTheYearBefore_GiveThatYearsOrderFile(int year)
    {
        var folder = Directory.CreateTempSubdirectory("icd-addenda-");
        try
        {
            File.Copy(CmsData.File("icd10cm", $"cms_{year - 1}_dx.zip"), Path.Combine(folder.FullName, $"cms_{year - 1}_dx.zip"));
            using (var zip = ZipFile.OpenRead(CmsData.File("icd10cm", $"cms_{year}_dx.zip")))
            {
                zip.GetEntry($"icd10cm_order_addenda_{year}.txt")!.ExtractToFile(Path.Combine(folder.FullName, $"icd10cm_order_addenda_{year}.txt"));
            }

            var result = CmsFolderLoader.Load(folder.FullName);
            result.Report.Problems.Should().BeEmpty();
            var composed = result.Index.Icd10Cm!.Records(year).ToList();
            var published = Table.Records(year).ToList();
            composed.Should().HaveCount(published.Count);
            composed.Zip(published).Where(p => p.First != p.Second).Take(5).Should().BeEmpty();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [CmsFact]
    public void Load_ThreeIcdZips_TimeAndManagedMemory()
    {
        var folder = Directory.CreateTempSubdirectory("icd-zips-");
        try
        {
            foreach (var year in new[] { 2024, 2025, 2026 })
            {
                File.Copy(CmsData.File("icd10cm", $"cms_{year}_dx.zip"), Path.Combine(folder.FullName, $"cms_{year}_dx.zip"));
            }

            var before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            var result = CmsFolderLoader.Load(folder.FullName);
            stopwatch.Stop();
            var table = result.Index.Icd10Cm!;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(table);
            result.Report.Problems.Should().BeEmpty();
            table.FiscalYears.Should().Equal(2024, 2025, 2026);
            table.DistinctCodeCount.Should().BeGreaterThan(98_186);
            output.WriteLine($"load {stopwatch.ElapsedMilliseconds} ms; table {(after - before) / 1024.0 / 1024.0:F1} MiB managed; {table.DistinctCodeCount} distinct codes");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
