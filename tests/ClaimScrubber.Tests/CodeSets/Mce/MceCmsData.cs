using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>
/// Loads the full MCE files with the ICD-10-CM and ICD-10-PCS order files once per test run, from a folder of links to the shared CMS
/// files (so that the other CMS tables in the shared folder are not read).
/// </summary>
public static class MceCmsData
{
    private static readonly Lazy<CodeSetLoadResult> Loaded = new(Load);

    public static CodeSetLoadResult Result => Loaded.Value;

    public static CodeSetIndex Index => Loaded.Value.Index;

    private static CodeSetLoadResult Load()
    {
        var folder = Path.Combine(Path.GetTempPath(), "claimscrubber-mce-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        foreach (var source in Directory.GetFiles(CmsData.File("icd10cm"), "cms_20*_dx.zip").Concat(Directory.GetFiles(CmsData.File("icd10cm"), "cms_20*_pcs.zip")).Concat(Directory.GetFiles(CmsData.File("mce"))))
        {
            var link = Path.Combine(folder, Path.GetFileName(source));
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, source);
            }
        }

        return CmsFolderLoader.Load(folder);
    }
}
