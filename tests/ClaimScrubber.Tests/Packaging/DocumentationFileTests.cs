using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Packaging;

public class DocumentationFileTests
{
    [Fact]
    public void DocumentationFile_HoldsEveryPublicMemberDocumented_AndNoOther()
    {
        var assembly = typeof(Scrubber).Assembly.Location;
        var visible = PublicDocumentation.VisibleIds(assembly);
        var shipped = PublicDocumentation.DocumentedIds(Path.ChangeExtension(assembly, ".xml"));
        var compiled = PublicDocumentation.DocumentedIds(CompilerDocumentation("ClaimScrubber"));

        shipped.Except(visible).Should().BeEmpty("the documentation beside the assembly and in the package holds public members only");
        compiled.Intersect(visible).Except(shipped).Should().BeEmpty("no public member's documentation is lost");
        compiled.Except(visible).Should().NotBeEmpty("the compiler documents internal members too, which is why the file is filtered");
        shipped.Should().Contain(["T:ClaimScrubber.Scrubbing.Scrubber", "M:ClaimScrubber.Scrubbing.Scrubber.Scrub(ClaimScrubber.Claims.Claim)"]);
    }

    /// <summary>The compiler's own documentation file, kept in obj/ by the build for this comparison.</summary>
    internal static string CompilerDocumentation(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        return Path.Combine(CmsData.RepositoryRoot, "src", project, "obj", configuration, "net10.0", project + ".compiler.xml");
    }
}
