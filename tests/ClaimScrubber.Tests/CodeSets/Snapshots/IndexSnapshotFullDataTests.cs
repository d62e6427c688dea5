using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Generation;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Snapshots;

/// <summary>The whole <c>../shared/cms</c> index saved as a snapshot and loaded back: every table equal, and scrubbing unchanged.</summary>
public sealed class IndexSnapshotFullDataTests(ITestOutputHelper output)
{
    private static readonly Lazy<(string Path, CodeSetIndex Index)> Snapshot = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("claimscrubber-snapshot-").FullName, "full.csindex");
        FullCmsData.Result.Index.SaveSnapshot(path);
        return (path, CodeSetIndex.LoadSnapshot(path));
    });

    [CmsFact]
    public void SaveAndLoad_FullIndex_EveryTableEqual_AndSavingAgainIsByteIdentical()
    {
        var raw = FullCmsData.Result;
        var path = Path.Combine(Directory.CreateTempSubdirectory("claimscrubber-snapshot-").FullName, "full.csindex");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            raw.Index.SaveSnapshot(path);
            var saved = stopwatch.Elapsed;

            // The first load pays for JIT compilation; the second is what a process that loads once sees after warm-up.
            stopwatch.Restart();
            _ = IndexSnapshot.Load(path);
            var cold = stopwatch.Elapsed;
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            stopwatch.Restart();
            var loaded = IndexSnapshot.Load(path);
            var warm = stopwatch.Elapsed;
            var heapKept = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            GC.KeepAlive(loaded);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"snapshot {new FileInfo(path).Length:N0} bytes; saved in {saved.TotalMilliseconds:0} ms; loaded in {cold.TotalMilliseconds:0} ms (first) / {warm.TotalMilliseconds:0} ms (again); heap kept {heapKept / 1e6:0.0} MB; raw folder load {raw.Report.Elapsed.TotalMilliseconds:0} ms"));

            SnapshotTestSupport.AssertSameIndex(raw.Index, loaded.Index);
            loaded.Index.Tables.Should().HaveCount(12);
            loaded.Report.Tables.Should().Equal(raw.Report.Tables);
            loaded.Report.Problems.Should().Equal(raw.Report.Problems);
            loaded.Report.SkippedFiles.Should().Equal(raw.Report.SkippedFiles);
            loaded.Report.Folder.Should().Be(path);
            SnapshotTestSupport.SnapshotBytes(loaded.Index).AsSpan().SequenceEqual(File.ReadAllBytes(path)).Should().BeTrue("a loaded snapshot saves to the same bytes");

            // Checked against the folder it was built from: every source file hashed again, none changed.
            stopwatch.Restart();
            IndexSnapshot.Load(path, SnapshotTestSupport.Options(CmsData.RequireFolder())).Index.SourceFiles.Should().Equal(raw.Index.SourceFiles);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded and checked against {CmsData.RequireFolder()} in {stopwatch.Elapsed.TotalMilliseconds:0} ms"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [CmsFact]
    public void SourceFiles_FullFolder_AreTheFilesRead_WithTheirSizesAndHashes()
    {
        var sources = FullCmsData.Result.Index.SourceFiles;
        sources.Select(s => s.Path).Should().Equal(
            "hcpcs/HCPC2025_OCT_ANWEB.csv",
            "hcpcs/modifier_codes_cpt_and_hcpcs_2024-06.csv",
            "icd10cm/cms_2024_dx.zip",
            "icd10cm/cms_2025_dx.zip",
            "icd10cm/cms_2026_dx.zip",
            "icd10cm/cms_2026_pcs.zip",
            "icd10cm/icd10cm_order_addenda_2027.txt",
            "icd10cm/icd10cm_tabular_2021.xml.gz",
            "mce/Definitions of Medicare Code Edits_v_43_1.txt",
            "mce/mce_v41.1_fy2024_age_sex_manifestation.csv",
            "ncci/AOC_V2026Q2-MCR.csv",
            "ncci/MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv",
            "ncci/MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv",
            "ncci/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv",
            "ncci/ptp_outpatient_hospital_2024-07-01.csv.gz",
            "ncci/ptp_practitioner_2024-07-01.csv.gz",
            "ncd/2026100-Initial-ICD10-NCD-Spreadsheet-20250721.csv",
            "pfs/PPRRVU2025_Oct.csv",
            "pos/place_of_service_codes.csv");
        var pos = sources.Single(s => s.Path == "pos/place_of_service_codes.csv");
        pos.Length.Should().Be(new FileInfo(CmsData.File("pos", "place_of_service_codes.csv")).Length);
        pos.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(CmsData.File("pos", "place_of_service_codes.csv")))));
    }

    [CmsTheory]
    [InlineData("typical", 0.1)]
    [InlineData("errorHeavy", 0.6)]
    public void Scrub_GeneratedClaims_GiveIdenticalFindingsFromEitherForm(string workload, double errorRate)
    {
        var raw = FullCmsData.Result.Index;
        var snapshot = Snapshot.Value.Index;
        var claims = new ClaimGenerator(raw, ClaimGeneratorOptions.Default with { Seed = 20261123, ErrorRate = errorRate }).Generate(20_000).ToArray();
        var options = ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) };
        var fromRaw = Scrubber.Create(raw, options);
        var fromSnapshot = Scrubber.Create(snapshot, options);

        var findings = 0;
        foreach (var claim in claims)
        {
            var expected = fromRaw.Scrub(claim);
            var actual = SnapshotTestSupport.Describe(fromSnapshot.Scrub(claim));
            if (actual != SnapshotTestSupport.Describe(expected))
            {
                actual.Should().Be(SnapshotTestSupport.Describe(expected), workload);
            }

            findings += expected.Findings.Length;
        }

        output.WriteLine($"{workload}: {claims.Length} claims, {findings} findings, identical from either form");
        findings.Should().BeGreaterThan(claims.Length / 20);
    }
}
