using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Loads a folder of hand-made fixture files as the sample it is: through a manifest beside the folder declaring
/// <c>"sample": true</c> (tables need one row, not the size of a CMS release). The load must report the sample notice
/// once; it is left out of the returned report, so that tests see only their fixtures' problems.
/// </summary>
public static class SampleLoad
{
    public static CodeSetLoadResult Load(string folder, string? manifest = null, int maxDegreeOfParallelism = 1)
    {
        var written = manifest is null;
        manifest ??= Path.Combine(Path.GetTempPath(), $"claimscrubber-sample-{Guid.NewGuid():N}.json");
        if (written)
        {
            File.WriteAllText(manifest, """{ "sample": true }""");
        }

        try
        {
            return WithoutNotice(CmsFolderLoader.Load(folder, new CmsLoadOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, ManifestPath = manifest }));
        }
        finally
        {
            if (written)
            {
                File.Delete(manifest);
            }
        }
    }

    /// <summary>Checks that <paramref name="loaded"/> reports the sample notice once, and returns it without.</summary>
    public static CodeSetLoadResult WithoutNotice(CodeSetLoadResult loaded)
    {
        var report = loaded.Report;
        report.Problems.Where(p => p.Message == Manifest.SampleNotice).Should().ContainSingle("the manifest declares the folder a sample");
        ImmutableArray<LoadProblem> problems = [.. report.Problems.Where(p => p.Message != Manifest.SampleNotice)];
        return loaded with { Report = new LoadReport(report.Folder, report.Tables, report.SkippedFiles, problems, report.Elapsed) };
    }
}
