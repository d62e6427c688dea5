using System.Diagnostics;
using System.Text;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.FeeSchedule;

public sealed class RvuFileReaderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rvu-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper output;

    public RvuFileReaderTests(ITestOutputHelper output)
    {
        this.output = output;
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ProcedureCode P(string code) => ProcedureCode.Parse(code);

    private static ModifierCode Mod(string code) => ModifierCode.Parse(code);

    [Fact]
    public void SampleCsv_Loads_WithReleaseFromTitleAndNoProblems()
    {
        var result = CmsData.LoadSample("pfs");
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.FeeSchedule!;
        table.Count.Should().Be(54);
        table.Release.Should().Be(new TableRelease("PFS RVU", "2025 October", "PPRRVU2025_Oct.csv", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 54));
        result.Index.IsKnownProcedure(P("27447")).Should().BeTrue();
    }

    [Fact]
    public void SampleCsv_Row_HoldsEveryIndicatorOfTheLine()
    {
        var table = CmsData.LoadSample("pfs").Index.FeeSchedule!;

        // 27447 in the CMS file: A, non-facility NA, PC/TC 0, 090, mult 2, bilat 1, asst 2, co 1, team 0.
        table.TryGet(P("27447"), out var knee).Should().BeTrue();
        knee.Should().Be(new FeeScheduleEntry('A', 0, GlobalPeriod.Days90, 2, 1, 2, 1, 0, NonFacilityNotPriced: true, FacilityNotPriced: false, NotUsedForMedicarePayment: false, default, ProcedureClass.None));

        // 29881 has multiple-procedure indicator 3 and endoscopic base 29870.
        table.TryGet(P("29881"), out var scope).Should().BeTrue();
        (scope.MultipleProcedure, scope.EndoscopicBase).Should().Be(((byte)3, P("29870")));

        // Component rows are their own keys: 71046-TC is facility NA, 71046-26 is not.
        table.TryGet(P("71046"), Mod("TC"), out var technical).Should().BeTrue();
        table.TryGet(P("71046"), Mod("26"), out var professional).Should().BeTrue();
        (technical.FacilityNotPriced, professional.FacilityNotPriced).Should().Be((true, false));
        table.HasRow(P("45378"), Mod("53")).Should().BeTrue();
        table.HasRow(P("45380"), Mod("53")).Should().BeFalse();

        // 22526 carries the "not used for Medicare payment" flag (+).
        table.TryGet(P("22526"), out var idet).Should().BeTrue();
        (idet.Status, idet.NotUsedForMedicarePayment).Should().Be(('N', true));
    }

    [Theory]
    [InlineData("99202", nameof(ProcedureClass.EvaluationAndManagement))]
    [InlineData("99499", nameof(ProcedureClass.EvaluationAndManagement))]
    [InlineData("99201", nameof(ProcedureClass.None))]
    [InlineData("99500", nameof(ProcedureClass.None))]
    [InlineData("G0439", nameof(ProcedureClass.None))]
    [InlineData("80053", nameof(ProcedureClass.LaboratoryTest))]
    [InlineData("89398", nameof(ProcedureClass.LaboratoryTest))]
    [InlineData("0001U", nameof(ProcedureClass.LaboratoryTest))]
    [InlineData("36415", nameof(ProcedureClass.None))]
    [InlineData("0001F", nameof(ProcedureClass.None))]
    public void Classify_ByCptSection(string code, string expected) => RvuFileReader.Classify(code).ToString().Should().Be(expected);

    [Fact]
    public void FixedWidthText_ReadsTheCobolPositions_AndReportsBadRecordsWithTheirLine()
    {
        var text = new StringBuilder()
            .Append("HDR CPT CODES AND DESCRIPTIONS ONLY ARE COPYRIGHT \r\n")
            .Append(Record("27447", "  ", 'A', ' ', "NA", "  ", '0', "090", '2', '1', '2', '1', '0', "     ")).Append("\r\n")
            .Append(Record("71046", "TC", 'A', ' ', "  ", "NA", '1', "XXX", '0', '0', '0', '0', '0', "     ")).Append("\r\n")
            .Append(Record("29881", "  ", 'A', ' ', "NA", "  ", '0', "090", '3', '1', '0', '0', '0', "29870")).Append("\r\n")
            .Append(Record("22526", "  ", 'N', '+', "  ", "  ", '9', "010", '9', '9', '9', '9', '9', "     ")).Append("\r\n")
            .Append(Record("99213", "  ", 'Q', ' ', "  ", "  ", '0', "XXX", '0', '0', '0', '0', '0', "     ")).Append("\r\n")
            .Append(Record("10060", "  ", 'A', ' ', "  ", "  ", '0', "045", '2', '0', '1', '0', '0', "     ")).Append("\r\n")
            .Append("11042  truncated\r\n")
            .ToString();
        File.WriteAllText(Path.Combine(folder, "PPRRVU2025_Oct.txt"), text, Encoding.Latin1);

        var result = SampleLoad.Load(folder);
        result.Report.Problems.Select(p => (p.Line, p.IsError)).Should().Equal((6, true), (7, true), (8, true), (null, false));
        result.Report.Problems[0].Message.Should().Contain("status code 'Q'");
        result.Report.Problems[1].Message.Should().Contain("global days '045'");
        result.Report.Problems[2].Message.Should().Contain("at least 120");
        result.Index.FeeSchedule.Should().BeNull("a file with a refused row contributes nothing");

        File.WriteAllText(Path.Combine(folder, "PPRRVU2025_Oct.txt"), string.Join("\r\n", text.Split("\r\n").Take(5)) + "\r\n", Encoding.Latin1);
        result = SampleLoad.Load(folder);
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.FeeSchedule!;
        table.Release.Should().Be(new TableRelease("PFS RVU", "2025 October", "PPRRVU2025_Oct.txt", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 4));
        table.TryGet(P("27447"), out var knee).Should().BeTrue();
        (knee.NonFacilityNotPriced, knee.Global, knee.Bilateral, knee.Assistant, knee.CoSurgeons).Should().Be((true, GlobalPeriod.Days90, (byte)1, (byte)2, (byte)1));
        table.TryGet(P("71046"), Mod("TC"), out var tc).Should().BeTrue();
        tc.FacilityNotPriced.Should().BeTrue();
        table.TryGet(P("29881"), out var scope).Should().BeTrue();
        scope.EndoscopicBase.Should().Be(P("29870"));
        table.TryGet(P("22526"), out var idet).Should().BeTrue();
        idet.NotUsedForMedicarePayment.Should().BeTrue();
    }

    [Fact]
    public void Csv_BadRows_AreRefusedWithTheirLine_AndTheRestLoads()
    {
        var lines = File.ReadAllLines(Path.Combine(CmsData.SampleFolder, "cms", "pfs", "PPRRVU2025_Oct.csv"), Encoding.Latin1).Take(12).ToList();
        lines.Add("99213,,,A,,1.30,1.31,,0.55,,0.10,2.71,1.95,0,XXX,0.00,0.00,0.00,0,0,0,0,7,,32.3465,09,0,99,0.00,0.00,0.00");
        lines.Add("9921,,,A,,1.30,1.31,,0.55,,0.10,2.71,1.95,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00");
        File.WriteAllLines(Path.Combine(folder, "PPRRVU2025_Oct.csv"), lines, Encoding.Latin1);

        var result = SampleLoad.Load(folder);
        result.Report.Problems.Select(p => (p.Line, p.IsError)).Should().Equal((13, true), (14, true), (null, false));
        result.Report.Problems[0].Message.Should().Contain("team '7'");
        result.Report.Problems[1].Message.Should().Contain("'9921' is not a HCPCS/CPT code");
        result.Report.Problems[2].Message.Should().Be("Refused whole: nothing from this file was loaded, because of the 2 row(s) refused above (a damaged file is never half-used).");
        result.Index.FeeSchedule.Should().BeNull("a file with a refused row contributes nothing");
    }

    [Fact]
    public void Csv_WithoutAnIndicatorColumn_IsRefusedAsAWhole()
    {
        var lines = File.ReadAllLines(Path.Combine(CmsData.SampleFolder, "cms", "pfs", "PPRRVU2025_Oct.csv"), Encoding.Latin1).Take(11).ToList();
        lines[8] = lines[8].Replace("BILAT", "BILATERAL", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(folder, "PPRRVU2025_Oct.csv"), lines, Encoding.Latin1);

        var result = SampleLoad.Load(folder);
        result.Index.FeeSchedule.Should().BeNull();
        result.Report.Problems.Should().ContainSingle().Which.Message.Should().Contain("BILATSURG");
    }

    [Fact]
    public void Csv_TruncatedBeforeTheHeader_IsRefusedAsAWhole()
    {
        var lines = File.ReadAllLines(Path.Combine(CmsData.SampleFolder, "cms", "pfs", "PPRRVU2025_Oct.csv"), Encoding.Latin1).Take(7);
        File.WriteAllLines(Path.Combine(folder, "PPRRVU2025_Oct.csv"), lines, Encoding.Latin1);

        var result = SampleLoad.Load(folder);
        result.Index.FeeSchedule.Should().BeNull();
        result.Report.Problems.Should().ContainSingle().Which.Message.Should().Contain("ended before a header row");
    }

    [Fact]
    public void BothForms_InOneFolder_OnlyTheCsvIsRead()
    {
        File.Copy(Path.Combine(CmsData.SampleFolder, "cms", "pfs", "PPRRVU2025_Oct.csv"), Path.Combine(folder, "PPRRVU2025_Oct.csv"));
        File.WriteAllText(Path.Combine(folder, "PPRRVU2025_Oct.txt"), "not read\r\n");

        var result = SampleLoad.Load(folder);
        result.Report.Problems.Should().ContainSingle().Which.Should().Be(new LoadProblem("PPRRVU2025_Oct.txt", null, "Holds the same table as 'PPRRVU2025_Oct.csv', which was read instead.", IsError: false));
        result.Index.Releases.Should().ContainSingle().Which.SourceFile.Should().Be("PPRRVU2025_Oct.csv");
    }

    [Fact]
    public void TwoQuarterlyReleases_InOneFolder_TheLaterIsUsed()
    {
        var sample = File.ReadAllLines(Path.Combine(CmsData.SampleFolder, "cms", "pfs", "PPRRVU2025_Oct.csv"), Encoding.Latin1);
        Directory.CreateDirectory(Path.Combine(folder, "jul"));
        File.WriteAllLines(Path.Combine(folder, "PPRRVU2025_Oct.csv"), sample, Encoding.Latin1);
        File.WriteAllLines(Path.Combine(folder, "jul", "PPRRVU2025_Jul.csv"), [sample[0].Replace("October", "July", StringComparison.Ordinal), .. sample.Skip(1).Take(12)], Encoding.Latin1);

        var result = SampleLoad.Load(folder);
        result.Index.FeeSchedule!.Release.Release.Should().Be("2025 October");
        result.Index.Releases.Should().ContainSingle();
        result.Report.Problems.Should().ContainSingle().Which.Message.Should().Be("RVU release 2025 July is not used: the folder also holds the later release 2025 October (PPRRVU2025_Oct.csv).");
    }

    [CmsFact]
    public void FullCsv_Loads19090Rows_WithSpotValues()
    {
        // The first load pays for JIT and CsvHelper's start-up; the second is the steady-state figure.
        var first = Stopwatch.StartNew();
        _ = CmsFolderLoader.Load(CmsData.File("pfs"));
        output.WriteLine($"csv: first load {first.ElapsedMilliseconds} ms");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = CmsFolderLoader.Load(CmsData.File("pfs"));
        watch.Stop();

        // The folder holds both forms; the loader reads the CSV and notes the text twin.
        result.Report.Problems.Should().ContainSingle().Which.IsError.Should().BeFalse();
        var table = result.Index.FeeSchedule!;
        var tableBytes = table.Count * (sizeof(ulong) + System.Runtime.CompilerServices.Unsafe.SizeOf<FeeScheduleEntry>());
        output.WriteLine($"csv: {table.Count} rows in {watch.ElapsedMilliseconds} ms, ~{(GC.GetAllocatedBytesForCurrentThread() - before) / 1024} KiB allocated while loading on the test thread, table arrays {tableBytes / 1024} KiB");

        table.Count.Should().Be(19_090);
        table.Release.Should().Be(new TableRelease("PFS RVU", "2025 October", "PPRRVU2025_Oct.csv", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 19_090));
        // 16,851 rows have no modifier; one lab code is listed only with 26, so 16,852 distinct codes.
        table.ProcedureCodes.Count().Should().Be(16_852);

        // Values read from the file: 93000 global-test-only (PC/TC 4), 93010 PC only (2), 93005 TC only (3).
        table.TryGet(P("93000"), out var ecg).Should().BeTrue();
        table.TryGet(P("93010"), out var ecgPc).Should().BeTrue();
        table.TryGet(P("93005"), out var ecgTc).Should().BeTrue();
        (ecg.PcTc, ecgPc.PcTc, ecgTc.PcTc).Should().Be(((byte)4, (byte)2, (byte)3));
        table.TryGet(P("83020"), Mod("26"), out var labInterpretation).Should().BeTrue();
        (labInterpretation.Status, labInterpretation.PcTc).Should().Be(('A', (byte)6));
        table.TryGet(P("85060"), out var smear).Should().BeTrue();
        smear.PcTc.Should().Be(8);
        table.TryGet(P("69210"), out var cerumen).Should().BeTrue();
        (cerumen.Bilateral, cerumen.Global).Should().Be(((byte)2, GlobalPeriod.Days0));
        table.TryGet(P("17003"), out var addOn).Should().BeTrue();
        addOn.Global.Should().Be(GlobalPeriod.AddOn);
        table.TryGet(P("36591"), out var injection).Should().BeTrue();
        injection.Status.Should().Be('T');
        table.TryGet(P("59400"), out var maternity).Should().BeTrue();
        maternity.Global.Should().Be(GlobalPeriod.Maternity);
        table.HasRow(P("G0121"), Mod("53")).Should().BeTrue();
        table.TryGet(P("0001A"), out _).Should().BeFalse();
    }

    [CmsFact]
    public void FullText_HoldsTheSameRowsAsTheCsv()
    {
        var csv = CmsFolderLoader.Load(CmsData.File("pfs")).Index.FeeSchedule!;
        var only = Path.Combine(folder, "PPRRVU2025_Oct.txt");
        File.Copy(CmsData.File("pfs", "PPRRVU2025_Oct.txt"), only);
        var watch = Stopwatch.StartNew();
        var result = CmsFolderLoader.Load(folder);
        output.WriteLine($"txt: loaded in {watch.ElapsedMilliseconds} ms");

        result.Report.Problems.Should().BeEmpty();
        var text = result.Index.FeeSchedule!;

        text.Count.Should().Be(19_090);
        text.Release.Release.Should().Be("2025 October");
        ModifierCode[] modifiers = [default, Mod("26"), Mod("TC"), Mod("53")];
        var compared = 0;
        foreach (var code in csv.ProcedureCodes)
        {
            foreach (var modifier in modifiers)
            {
                if (csv.TryGet(code, modifier, out var expected))
                {
                    text.TryGet(code, modifier, out var actual).Should().BeTrue();
                    actual.Should().Be(expected, "{0}-{1}", code, modifier);
                    compared++;
                }
            }
        }

        compared.Should().Be(19_090);
    }

    /// <summary>Lays out one data record by the RVU25D COBOL positions (1-based), 172 characters like the CMS file.</summary>
    private static string Record(string code, string modifier, char status, char notUsed, string nonFacilityNa, string facilityNa, char pcTc, string global,
        char multiple, char bilateral, char assistant, char coSurgeons, char team, string endoBase)
    {
        var line = new string(' ', 172).ToCharArray();
        void Put(int position, string value) => value.CopyTo(0, line, position - 1, value.Length);
        Put(1, code);
        Put(6, modifier);
        Put(58, status.ToString());
        Put(59, notUsed.ToString());
        Put(60, "  1.00");
        Put(73, nonFacilityNa);
        Put(82, facilityNa);
        Put(103, pcTc.ToString());
        Put(104, global);
        Put(107, ".00.00.00");
        Put(116, string.Concat(multiple, bilateral, assistant, coSurgeons, team));
        Put(128, endoBase);
        Put(133, " 32.3465");
        return new string(line);
    }
}
