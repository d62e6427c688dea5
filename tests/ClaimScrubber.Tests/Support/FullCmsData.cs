using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.Tests.Support;

/// <summary>The whole <c>../shared/cms</c> folder, loaded once per test run for the tests that need every table.</summary>
public static class FullCmsData
{
    private static readonly Lazy<CodeSetLoadResult> Loaded = new(() => CmsFolderLoader.Load(CmsData.RequireFolder()));

    public static CodeSetLoadResult Result => Loaded.Value;
}
