using ClaimScrubber.CodeSets.Loading;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Finds the full CMS files (<c>../shared/cms</c> beside the repository, or <c>CLAIMSCRUBBER_CMS_DATA</c>) and the
/// golden vectors beside them. Tests that need them are <see cref="CmsFactAttribute"/>: when the folder is absent they
/// are skipped, all in one line that gives the reason, and they fail instead when <c>CLAIMSCRUBBER_REQUIRE_CMS_DATA=1</c>
/// (as CI sets it).
/// </summary>
public static class CmsData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static bool Required => Environment.GetEnvironmentVariable("CLAIMSCRUBBER_REQUIRE_CMS_DATA") == "1";

    /// <summary>Gets the CMS folder, or <see langword="null"/> when absent.</summary>
    public static string? Folder => Root.Value;

    /// <summary>Gets the CMS folder, failing the test when absent (call only from a <see cref="CmsFactAttribute"/> test).</summary>
    public static string RequireFolder() => Folder ?? throw new InvalidOperationException(MissingReason);

    /// <summary>Gets a path inside the CMS folder.</summary>
    public static string File(params string[] parts) => Path.Combine([RequireFolder(), .. parts]);

    /// <summary>Gets the golden-vector folder (<c>../shared/golden</c>), beside the CMS folder.</summary>
    public static string GoldenFolder => Path.Combine(Path.GetDirectoryName(RequireFolder().TrimEnd(Path.DirectorySeparatorChar))!, "golden");

    /// <summary>Gets the repository's own sample data folder, <c>data/</c>.</summary>
    public static string SampleFolder => Path.Combine(RepositoryRoot, "data");

    /// <summary>Gets the manifest of the repository's sample, <c>data/cms/claimscrubber-manifest.json</c>, which declares it a sample.</summary>
    public static string SampleManifest => Path.Combine(SampleFolder, "cms", CmsLoadOptions.ManifestFileName);

    /// <summary>
    /// Loads the repository's sample <c>data/cms</c>, or a subfolder of it, as the sample its manifest declares it to
    /// be: checks that the load reports the sample notice, and returns the result without it, so that tests see only
    /// the problems of the sample's files.
    /// </summary>
    public static CodeSetLoadResult LoadSample(params string[] subfolder) =>
        SampleLoad.Load(Path.Combine([SampleFolder, "cms", .. subfolder]), SampleManifest, Environment.ProcessorCount);

    /// <summary>Loads a subfolder of the repository's sample as <see cref="ClaimScrubber.CodeSetIndex.LoadFolder"/> would: failing on any error.</summary>
    public static ClaimScrubber.CodeSetIndex LoadSampleStrict(params string[] subfolder)
    {
        var loaded = LoadSample(subfolder);
        loaded.Report.ThrowIfErrors();
        return loaded.Index;
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ClaimScrubber.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("The repository root (with ClaimScrubber.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Gets a value indicating whether the tests that need the full data are left out: it is absent, and not required.</summary>
    public static bool SkipsFullDataTests => Folder is null && !Required;

    /// <summary>Gets how many test methods need the full data.</summary>
    public static int FullDataTestCount => typeof(CmsData).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods())
        .Count(m => m.IsDefined(typeof(CmsFactAttribute), false) || m.IsDefined(typeof(CmsTheoryAttribute), false));

    public static string MissingReason =>
        "The full CMS data folder was not found: set CLAIMSCRUBBER_CMS_DATA or place it at ../shared/cms beside the repository.";

    private static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CLAIMSCRUBBER_CMS_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }

        var beside = Path.Combine(RepositoryRoot, "..", "shared", "cms");
        return Directory.Exists(beside) ? Path.GetFullPath(beside) : null;
    }
}

/// <summary>
/// A fact that needs the full CMS data. When the data is absent (and CI does not require it) the test is not run, and
/// not listed one by one either: <see cref="CmsDataNoticeAttribute"/> stands for all of them, in one skipped line that
/// says why. When CI requires the data, the test runs and fails without it.
/// </summary>
[XunitTestCaseDiscoverer("ClaimScrubber.Tests.Support.CmsFactDiscoverer", "ClaimScrubber.Tests")]
public sealed class CmsFactAttribute : FactAttribute
{
}

/// <summary>A theory that needs the full CMS data; see <see cref="CmsFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("ClaimScrubber.Tests.Support.CmsTheoryDiscoverer", "ClaimScrubber.Tests")]
public sealed class CmsTheoryAttribute : TheoryAttribute
{
}

/// <summary>
/// The one skipped test that stands for every <see cref="CmsFactAttribute"/> and <see cref="CmsTheoryAttribute"/> test
/// when the full CMS data is absent: its name says how many there are and why they did not run, so that
/// <c>dotnet test</c> prints one line instead of one per test (and hides no reason). Absent otherwise.
/// </summary>
[XunitTestCaseDiscoverer("ClaimScrubber.Tests.Support.CmsDataNoticeDiscoverer", "ClaimScrubber.Tests")]
public sealed class CmsDataNoticeAttribute : FactAttribute
{
    public CmsDataNoticeAttribute()
    {
        DisplayName = $"{CmsData.FullDataTestCount} tests skipped: they need the full CMS data, which was not found (set CLAIMSCRUBBER_CMS_DATA or place it at ../shared/cms beside the repository).";
        Skip = CmsData.MissingReason;
    }
}

public sealed class CmsFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        CmsData.SkipsFullDataTests ? [] : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class CmsTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        CmsData.SkipsFullDataTests ? [] : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

public sealed class CmsDataNoticeDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        CmsData.SkipsFullDataTests ? base.Discover(discoveryOptions, testMethod, factAttribute) : [];
}

/// <summary>Where the skipped full-data tests are accounted for when the data is absent.</summary>
public sealed class FullCmsDataTests
{
    [CmsDataNotice]
    public void Absent()
    {
    }
}
