using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.Tests.CodeSets.Loading;

public sealed class CmsFolderLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("claimscrubber-loader-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_MissingFolder_SaysWhichFolder()
    {
        var missing = Path.Combine(folder, "nope");
        var act = () => CmsFolderLoader.Load(missing);
        act.Should().Throw<DirectoryNotFoundException>().WithMessage($"*'{missing}'*");
    }

    [Fact]
    public void Load_UnrecognisedFiles_AreListedAsSkipped_AndAFolderOfNoTableIsAnError()
    {
        File.WriteAllText(Path.Combine(folder, "notes.md"), "hello");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "sub", "layout.pdf"), "%PDF");
        var result = CmsFolderLoader.Load(folder);
        result.Report.SkippedFiles.Should().Equal("notes.md", "sub/layout.pdf");
        result.Report.Problems.Should().Equal(new LoadProblem(".", null,
            "No file in the folder is a CMS table this library recognises (2 file(s) passed over): keep the names CMS publishes (README, 'Point it at a full CMS download') or map them in claimscrubber-manifest.json.", IsError: true));
        result.Index.Releases.Should().BeEmpty();
    }

    [Fact]
    public void Load_ManifestNamingAnUnknownReader_ListsTheKnownOnes()
    {
        File.WriteAllText(Path.Combine(folder, "codes.txt"), "x");
        File.WriteAllText(Path.Combine(folder, CmsLoadOptions.ManifestFileName), """{ "codes.txt": "no-such-reader" }""");
        var act = () => CmsFolderLoader.Load(folder);
        act.Should().Throw<CmsDataException>().WithMessage("*'codes.txt'*'no-such-reader'*Known readers:*");
    }

    [Fact]
    public void Load_ManifestThatIsNotJson_NamesTheManifestAndLine()
    {
        File.WriteAllText(Path.Combine(folder, CmsLoadOptions.ManifestFileName), "{\n  \"a.txt\": \"skip\",\n  oops\n}");
        var act = () => CmsFolderLoader.Load(folder);
        act.Should().Throw<CmsDataException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Match<LoadProblem>(p => p.File == CmsLoadOptions.ManifestFileName && p.Line == 3 && p.IsError);
    }

    [Fact]
    public void Load_ManifestSkip_PassesTheFileOver()
    {
        File.WriteAllText(Path.Combine(folder, "odd.csv"), "x");
        File.WriteAllText(Path.Combine(folder, CmsLoadOptions.ManifestFileName), """{ "odd.csv": "skip" }""");
        var result = CmsFolderLoader.Load(folder);
        result.Report.SkippedFiles.Should().BeEmpty();
        result.Report.Problems.Should().ContainSingle().Which.Message.Should().StartWith("No file in the folder is a CMS table this library recognises (0 file(s) passed over)");
    }

    [Fact]
    public void LoadFolder_WithNoTables_Throws()
    {
        var act = () => CodeSetIndex.LoadFolder(folder);
        act.Should().Throw<CmsDataException>().Which.Problems.Should().ContainSingle().Which.File.Should().Be(".");
    }

    [Fact]
    public void CmsDataException_ListsErrorsWithFileAndLine()
    {
        var exception = new CmsDataException([new LoadProblem("ncci/mue.csv", 12, "the MUE value 'x' is not a number", true), new LoadProblem("a.pdf", null, "skipped", false)]);
        exception.Message.Should().Be("CMS data could not be loaded: 1 error(s)." + Environment.NewLine + "  error: ncci/mue.csv:12: the MUE value 'x' is not a number");
    }
}
