using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Fhir.Tests;

public class PackagingTests
{
    [Fact]
    public void EveryCSharpBlockOfThePackageReadme_CompilesAsPastedIntoANewConsoleApp()
    {
        var assemblies = ConsoleProgram.AssembliesIn(AppContext.BaseDirectory, "ClaimScrubber", "CsvHelper", "DocumentFormat.OpenXml", "Hl7.", "Microsoft.Extensions.")
            .Where(p => !Path.GetFileName(p).StartsWith("ClaimScrubber.Fhir.Tests", StringComparison.Ordinal)).ToList();
        var blocks = ConsoleProgram.CSharpBlocks(Path.Combine(CmsData.RepositoryRoot, "src", "ClaimScrubber.Fhir", "README.md"));
        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            ConsoleProgram.Errors(block, assemblies).Should().BeEmpty($"the README block must compile as a console app's Program.cs:\n{block}");
        }
    }

    [Fact]
    public void DocumentationFile_HoldsEveryPublicMemberDocumented_AndNoOther()
    {
        var assembly = typeof(FhirClaimReader).Assembly.Location;
        var visible = PublicDocumentation.VisibleIds(assembly);
        var shipped = PublicDocumentation.DocumentedIds(Path.ChangeExtension(assembly, ".xml"));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var compiled = PublicDocumentation.DocumentedIds(Path.Combine(CmsData.RepositoryRoot, "src", "ClaimScrubber.Fhir", "obj", configuration, "net10.0", "ClaimScrubber.Fhir.compiler.xml"));

        shipped.Except(visible).Should().BeEmpty();
        compiled.Intersect(visible).Except(shipped).Should().BeEmpty();
        shipped.Should().Contain("T:ClaimScrubber.Fhir.FhirClaimReader");
        compiled.Except(visible).Should().Contain("T:ClaimScrubber.Fhir.Reading.ClaimMapper");
    }
}
