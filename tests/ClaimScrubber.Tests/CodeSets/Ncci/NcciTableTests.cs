using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Ncci;

[Collection(NcciFullDataCollection.Name)]
public class NcciTableTests
{
    private static readonly ushort Today = NcciDay.Of(new DateOnly(2026, 3, 2));
    private readonly ITestOutputHelper output;

    public NcciTableTests(ITestOutputHelper output) => this.output = output;

    private static ProcedureCode P(string code) => ProcedureCode.Parse(code);

    [CmsFact]
    public void FullFolder_Loads_EveryTableWithItsCmsRowCount()
    {
        var result = NcciFullData.Result;
        result.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        var index = result.Index;
        index.Ptp!.Practitioner!.Count.Should().Be(2_546_017);
        index.Ptp.OutpatientHospital!.Count.Should().Be(1_775_818);
        index.Mue!.All(NcciSetting.Practitioner).Single().Count.Should().Be(15_095);
        index.Mue.All(NcciSetting.OutpatientHospital).Single().Count.Should().Be(15_045);
        index.Mue.All(NcciSetting.DmeSupplier).Single().Count.Should().Be(3_083);
        index.AddOnCodes!.All.Single().Count.Should().Be(9_000);
        index.Releases.Select(r => (r.Table, r.Release, r.SourceFile, r.RowCount)).Should().Equal(
            ("NCCI MUE DME supplier", "2026-04-01", "MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv", 3_083),
            ("NCCI MUE outpatient hospital", "2026-04-01", "MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv", 15_045),
            ("NCCI MUE practitioner", "2026-04-01", "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", 15_095),
            ("NCCI PTP outpatient hospital", "2024-07-01", "ptp_outpatient_hospital_2024-07-01.csv.gz", 1_775_818),
            ("NCCI PTP practitioner", "2024-07-01", "ptp_practitioner_2024-07-01.csv.gz", 2_546_017),
            ("NCCI add-on codes", "2026 Q2", "AOC_V2026Q2-MCR.csv", 9_000));
    }

    [CmsFact]
    public void FullTables_CostAtMost100MegabytesOfManagedHeap()
    {
        _ = NcciFullData.Index;
        var megabytes = NcciFullData.HeapBytes / (1024.0 * 1024.0);
        output.WriteLine($"NCCI index (PTP x2, MUE x3, add-on): {megabytes:F1} MB managed heap; folder load {NcciFullData.LoadTime.TotalSeconds:F2} s wall, {NcciFullData.LoadCpuTime.TotalSeconds:F2} s CPU");
        megabytes.Should().BeLessThan(100);
    }

    [CmsFact]
    public void PractitionerPtp_SpotValues_MatchTheFile()
    {
        var table = NcciFullData.Index.Ptp!.Practitioner!;

        // "10060","64483","*",0,"Anesthesia service included in surgical procedure"
        var row = table.Find(P("10060"), P("64483"), Today);
        (table.Indicator(row), table.Rationale(row), table.Deleted(row), table.Effective(row)).Should().Be((PtpModifierIndicator.NotAllowed, "Anesthesia service included in surgical procedure", (DateOnly?)null, (DateOnly?)null));
        table.Find(P("64483"), P("10060"), Today).Should().Be(-1, "pairs are ordered: column 1 then column 2");

        // "0001A","99213","20231231",1,"CPT Manual or CMS manual coding instruction": in force through its deletion date.
        row = table.Find(P("0001A"), P("99213"), NcciDay.Of(new DateOnly(2023, 12, 31)));
        (table.Indicator(row), table.Deleted(row)).Should().Be((PtpModifierIndicator.Allowed, new DateOnly(2023, 12, 31)));
        table.Find(P("0001A"), P("99213"), NcciDay.Of(new DateOnly(2024, 1, 1))).Should().Be(-1);

        // "G0439","99213" appears twice (deleted 20191231, and again with no deletion): both mutually exclusive.
        row = table.Find(P("G0439"), P("99213"), NcciDay.Of(new DateOnly(2019, 6, 3)));
        (table.Deleted(row), table.IsMutuallyExclusive(row)).Should().Be((new DateOnly(2019, 12, 31), true));
        row = table.Find(P("G0439"), P("99213"), Today);
        (table.Deleted(row), table.IsMutuallyExclusive(row)).Should().Be(((DateOnly?)null, true));
        table.Source(row).SourceFile.Should().Be("ptp_practitioner_2024-07-01.csv.gz");
        table.Codes.Contains(P("0001A").Value).Should().BeTrue();
    }

    [CmsFact]
    public void OutpatientPtp_HoldsItsOwnIndicators()
    {
        // The same pair is indicator 0 for practitioners and 1 for outpatient hospitals.
        var table = NcciFullData.Index.Ptp!.OutpatientHospital!;
        table.Indicator(table.Find(P("10060"), P("64483"), Today)).Should().Be(PtpModifierIndicator.Allowed);
        table.Indicator(table.Find(P("27447"), P("29881"), Today)).Should().Be(PtpModifierIndicator.Allowed);
        table.Rationale(table.Find(P("27447"), P("29881"), Today)).Should().Be("More extensive procedure");
    }

    [CmsFact]
    public void MueTables_SpotValues_MatchTheFiles()
    {
        var mue = NcciFullData.Index.Mue!;
        var practitioner = mue.For(NcciSetting.Practitioner, Today)!;
        var row = practitioner.Find(P("36415"));
        (practitioner.Value(row), practitioner.Indicator(row), practitioner.Rationale(row)).Should().Be((2, MueIndicator.DateClinical, "CMS Policy"));
        row = practitioner.Find(P("A0425"));
        (practitioner.Value(row), practitioner.Indicator(row)).Should().Be((250, MueIndicator.Line));
        row = practitioner.Find(P("G0439"));
        (practitioner.Value(row), practitioner.Indicator(row)).Should().Be((1, MueIndicator.DatePolicy));
        var outpatient = mue.For(NcciSetting.OutpatientHospital, Today)!;
        outpatient.Value(outpatient.Find(P("E0100"))).Should().Be(0);
        var dme = mue.For(NcciSetting.DmeSupplier, Today)!;
        dme.Value(dme.Find(P("E0100"))).Should().Be(1);
        dme.Find(P("99213")).Should().Be(-1);
    }

    [CmsFact]
    public void AddOnTable_SpotValues_MatchTheFile()
    {
        var table = NcciFullData.Index.AddOnCodes!.For(Today);
        table.TypeOf(P("11045"), Today).Should().Be(AddOnType.ListedPrimaries);
        table.IsListedPrimary(P("11045"), P("11042"), Today).Should().BeTrue();
        table.TypeOf(P("0054T"), Today).Should().Be(AddOnType.ContractorDefined);
        table.HasListedPrimaries(P("0054T"), Today).Should().BeFalse();
        table.TypeOf(P("96160"), Today).Should().Be(AddOnType.SomeListed);
        table.IsListedPrimary(P("96160"), P("99213"), Today).Should().BeTrue();

        // 3,96160,,99201,2020366,2017001,2020366: the primary was deleted on day 366 of 2020.
        table.IsListedPrimary(P("96160"), P("99201"), NcciDay.Of(new DateOnly(2020, 12, 31))).Should().BeTrue();
        table.IsListedPrimary(P("96160"), P("99201"), NcciDay.Of(new DateOnly(2021, 1, 1))).Should().BeFalse();
        table.TypeOf(P("99213"), Today).Should().BeNull();
    }

    [CmsFact]
    public void AddOnWorkbook_HoldsTheSameEditsAsItsCsv()
    {
        var folder = Directory.CreateTempSubdirectory("ncci-aoc-");
        try
        {
            File.Copy(CmsData.File("ncci", "AOC_V2026Q2-MCR.xlsx"), Path.Combine(folder.FullName, "AOC_V2026Q2-MCR.xlsx"));
            var result = CmsFolderLoader.Load(folder.FullName);
            result.Report.Problems.Should().BeEmpty();
            var fromXlsx = result.Index.AddOnCodes!.All.Single();
            var fromCsv = NcciFullData.Index.AddOnCodes!.All.Single();
            fromXlsx.Count.Should().Be(9_000);
            fromXlsx.Codes.Select(c => c.Value).Should().Equal(fromCsv.Codes.Select(c => c.Value));
            fromXlsx.IsListedPrimary(P("11045"), P("11042"), Today).Should().BeTrue();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
