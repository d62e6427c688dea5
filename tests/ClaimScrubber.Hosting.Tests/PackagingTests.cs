using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Hosting.Tests;

public class PackagingTests
{
    [Fact]
    public void EveryCSharpBlockOfThePackageReadme_CompilesAsPastedIntoANewConsoleApp()
    {
        // The package and its dependencies, with Microsoft.Extensions.Hosting, which the README's console app adds.
        var assemblies = ConsoleProgram.AssembliesIn(AppContext.BaseDirectory, "ClaimScrubber", "CsvHelper", "DocumentFormat.OpenXml", "Microsoft.Extensions.")
            .Where(p => !Path.GetFileName(p).StartsWith("ClaimScrubber.Hosting.Tests", StringComparison.Ordinal)).ToList();
        var blocks = ConsoleProgram.CSharpBlocks(Path.Combine(CmsData.RepositoryRoot, "src", "ClaimScrubber.Hosting", "README.md"));
        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            ConsoleProgram.Errors(block, assemblies).Should().BeEmpty($"the README block must compile as a console app's Program.cs:\n{block}");
        }
    }

    [Fact]
    public void DocumentationFile_HoldsEveryPublicMemberDocumented_AndNoOther()
    {
        var assembly = typeof(IScrubberProvider).Assembly.Location;
        var visible = PublicDocumentation.VisibleIds(assembly);
        var shipped = PublicDocumentation.DocumentedIds(Path.ChangeExtension(assembly, ".xml"));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var compiled = PublicDocumentation.DocumentedIds(Path.Combine(CmsData.RepositoryRoot, "src", "ClaimScrubber.Hosting", "obj", configuration, "net10.0", "ClaimScrubber.Hosting.compiler.xml"));

        shipped.Except(visible).Should().BeEmpty();
        compiled.Intersect(visible).Except(shipped).Should().BeEmpty();
        compiled.Except(visible).Should().Contain("T:ClaimScrubber.Hosting.Loading.ScrubberProvider");
        shipped.Should().Contain("M:Microsoft.Extensions.DependencyInjection.ClaimScrubberServiceCollectionExtensions.AddClaimScrubber(Microsoft.Extensions.DependencyInjection.IServiceCollection,Microsoft.Extensions.Configuration.IConfiguration,System.Action{ClaimScrubber.Hosting.ClaimScrubberOptions})");
    }
}
