namespace ClaimScrubber.Tests.Support;

/// <summary>The repository's whole sample folder (<c>data/cms</c>), loaded once per test run.</summary>
public static class SampleCmsData
{
    private static readonly Lazy<CodeSetIndex> Loaded = new(() => CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms")));

    public static CodeSetIndex Index => Loaded.Value;
}
