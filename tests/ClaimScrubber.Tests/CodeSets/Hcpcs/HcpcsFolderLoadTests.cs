using System.Diagnostics;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Hcpcs;

public sealed class HcpcsFolderLoadTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("claimscrubber-hcpcs-");

    public void Dispose() => folder.Delete(recursive: true);

    [CmsFact]
    public void LoadFolder_FullHcpcsAndPosFiles_ReadsTheCsvFormAndReportsEveryTable()
    {
        // Links keep the other tables of the shared folder (NCCI, ICD-10…) out of this load.
        foreach (var (sub, name) in new[] { ("hcpcs", "HCPC2025_OCT_ANWEB.csv"), ("hcpcs", "HCPC2025_OCT_ANWEB.xlsx"), ("hcpcs", "modifier_codes_cpt_and_hcpcs_2024-06.csv"), ("pos", "place_of_service_codes.csv") })
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, sub));
            File.CreateSymbolicLink(Path.Combine(folder.FullName, sub, name), CmsData.File(sub, name));
        }

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        var result = CmsFolderLoader.Load(folder.FullName);
        var elapsed = stopwatch.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;

        result.Report.Problems.Should().Equal(new LoadProblem("hcpcs/HCPC2025_OCT_ANWEB.xlsx", null, "Holds the same table as 'hcpcs/HCPC2025_OCT_ANWEB.csv', which was read instead.", false));
        result.Report.Tables.Select(t => (t.Table, t.Release, t.SourceFile, t.RowCount)).Should().Equal(
            ("CMS place of service codes", "undated", "place_of_service_codes.csv", 99),
            ("CPT and HCPCS modifier list", "2024-06", "modifier_codes_cpt_and_hcpcs_2024-06.csv", 426),
            ("HCPCS Level II modifiers", "2025 Q4 (October)", "HCPC2025_OCT_ANWEB.csv", 383),
            ("HCPCS Level II procedure codes", "2025 Q4 (October)", "HCPC2025_OCT_ANWEB.csv", 8463));
        result.Index.Modifiers!.IsComplete.Should().BeTrue();
        GC.KeepAlive(result);
        var warm = CmsFolderLoader.Load(folder.FullName).Report.Elapsed;
        Console.WriteLine($"HCPCS + modifier list + POS folder load: first {elapsed.TotalMilliseconds:F0} ms, warm {warm.TotalMilliseconds:F0} ms, retained ≈ {retained / 1024} KiB");
    }
}
