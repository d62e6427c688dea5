using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// The managed heap a loaded index keeps: <c>GC.GetTotalMemory(true)</c> after the load minus before, for the whole
/// folder and for each table family alone (the folder loaded with a manifest that skips every other family's files).
/// Run with <c>--memory</c> in a fresh process, so that nothing else is on the heap.
/// </summary>
internal static class IndexMemory
{
    /// <summary>The table families, each the reader ids of its files.</summary>
    public static readonly (string Name, string[] Readers)[] Families =
    [
        ("ICD-10-CM order files, every fiscal year", ["icd10cm-order", "icd10cm-order-addenda"]),
        ("ICD-10-CM tabular Excludes1", ["icd10cm-tabular-excludes1"]),
        ("ICD-10-PCS order file", ["icd10pcs-order"]),
        ("HCPCS Level II and modifier lists", ["hcpcs-quarterly", "modifier-list"]),
        ("PFS RVU", ["pfs-rvu"]),
        ("NCCI PTP, both settings", ["ncci-ptp-csv", "ncci-ptp-txt"]),
        ("NCCI MUE, three settings", ["ncci-mue"]),
        ("NCCI add-on codes", ["ncci-aoc"]),
        ("MCE lists", ["mce-definitions", "mce-age-sex-csv"]),
        ("Lab NCD", ["lab-ncd"]),
        ("Place of service", ["place-of-service"]),
    ];

    /// <summary>Loads <paramref name="folder"/> (only the files of <paramref name="readers"/> when given) and measures the heap the index keeps.</summary>
    public static Measurement Measure(string folder, string[]? readers)
    {
        var manifest = readers is null ? null : WriteManifest(folder, readers);
        try
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            var result = CmsFolderLoader.Load(folder, CmsLoadOptions.Default with { ManifestPath = manifest });
            stopwatch.Stop();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(result);
            return new Measurement(result.Report.Tables.Length, result.Report.Tables.Sum(t => (long)t.RowCount), after - before, stopwatch.Elapsed);
        }
        finally
        {
            if (manifest is not null)
            {
                File.Delete(manifest);
            }
        }
    }

    /// <summary>Prints the whole index's heap and each family's; returns the process exit code.</summary>
    public static int Print(TextWriter output)
    {
        var folder = BenchmarkData.FullFolder;
        if (folder is null)
        {
            output.WriteLine("The full CMS data was not found: set CLAIMSCRUBBER_CMS_DATA or place it at ../shared/cms beside the repository.");
            return 1;
        }

        output.WriteLine($"Managed heap kept by the index loaded from {folder} (GC.GetTotalMemory(true) after the load minus before)");
        output.WriteLine();
        output.WriteLine("| tables | loaded | rows | heap kept | load time |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        var whole = Measure(folder, null);
        Row(output, "**whole folder**", whole);
        long sum = 0;
        foreach (var (name, readers) in Families)
        {
            var family = Measure(folder, readers);
            sum += family.HeapBytes;
            Row(output, name, family);
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Families loaded one at a time: {Megabytes(sum)} MB in all, against {Megabytes(whole.HeapBytes)} MB for the whole folder. The first load's time includes JIT compilation."));
        return 0;
    }

    private static void Row(TextWriter output, string name, Measurement m) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.Tables} | {m.Rows:N0} | {Megabytes(m.HeapBytes)} MB | {m.Elapsed.TotalSeconds:0.00} s |"));

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A manifest, outside the folder, that skips every recognised file that no reader of the family reads.</summary>
    private static string WriteManifest(string folder, string[] readers)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var reader = CmsReaders.All.FirstOrDefault(r => r.Recognizes(Path.GetFileName(path)));
            if (reader is not null && !readers.Contains(reader.Id))
            {
                map[Path.GetRelativePath(folder, path).Replace('\\', '/')] = "skip";
            }
        }

        var manifest = Path.Combine(Path.GetTempPath(), $"claimscrubber-memory-{Environment.ProcessId}-{string.Join('+', readers)}.json");
        File.WriteAllText(manifest, JsonSerializer.Serialize(map));
        return manifest;
    }

    /// <summary>What one load kept: tables, their rows, the heap, and how long the load took.</summary>
    public sealed record Measurement(int Tables, long Rows, long HeapBytes, TimeSpan Elapsed);
}
