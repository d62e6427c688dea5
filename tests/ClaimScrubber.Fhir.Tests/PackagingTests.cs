using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Fhir.Tests;

public class PackagingTests
{
    [Fact]
    public void EveryCSharpBlockOfThePackageReadme_CompilesAsPastedIntoANewConsoleApp()
    {
        // The package and its dependencies, as 'dotnet add package' brings them (and Microsoft.Extensions.Hosting, which the hosting README's app adds).
        var assemblies = ConsoleProgram.AssembliesIn(AppContext.BaseDirectory, "ClaimScrubber", "CsvHelper", "DocumentFormat.OpenXml", "Hl7.", "Microsoft.Extensions.")
            .Where(p => !Path.GetFileName(p).StartsWith("ClaimScrubber.Fhir.Tests", StringComparison.Ordinal)).ToList();
        ConsoleProgram.ShouldCompileEveryBlock(Path.Combine(CmsData.RepositoryRoot, "src", "ClaimScrubber.Fhir", "README.md"), assemblies);
    }

    [Fact]
    public void DocumentationFile_HoldsEveryPublicMemberDocumented_AndNoOther() =>
        PublicDocumentation.ShouldHoldPublicMembersOnly(typeof(FhirClaimReader).Assembly).Should().Contain("T:ClaimScrubber.Fhir.FhirClaimReader");
}
