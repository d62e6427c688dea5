using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Packaging;

/// <summary>
/// The packages as packed into artifacts/packages (<c>dotnet pack ClaimScrubber.sln -c Release -o artifacts/packages</c>;
/// CI packs before it tests): what a user downloads.
/// </summary>
public partial class PackageTests
{
    /// <summary>The SourceLink entry of a portable PDB's custom debug information.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Packages => [.. PackedPackages.Packages.Select(p => Path.GetFileName(p))];

    [PackageTheory]
    [MemberData(nameof(Packages))]
    public void Package_ShipsItsReadmeWithAbsoluteLinks_ItsLicence_AndPublicDocumentationOnly(string package)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(PackedPackages.Folder, package));
        var id = Id(zip);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        entries.Should().Contain(["README.md", "LICENSE", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"]);

        var readme = Read(zip, "README.md");
        RelativeLink().Matches(readme).Select(m => m.Value).Should().BeEmpty("a package page has no repository around it to resolve relative links");
        var folder = id == "ClaimScrubber" ? "" : $"src/{id}/";
        var source = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, folder, "README.md"));
        var madeAbsolute = new Regex(@"\]\(https://github\.com/claimscrubber/claimscrubber/blob/[0-9a-f]{40}/" + Regex.Escape(folder));
        madeAbsolute.Replace(readme, "](").TrimEnd().Should().Be(source.TrimEnd(), "the packed README is the project's, with links made absolute");

        var documentation = XDocument.Parse(Read(zip, $"lib/net10.0/{id}.xml"));
        var members = documentation.Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var built = PublicDocumentation.DocumentedIds(Path.Combine(CmsData.RepositoryRoot, "src", id, "bin", configuration, "net10.0", id + ".xml"));
        members.Should().NotBeEmpty().And.BeEquivalentTo(built, "the package ships the documentation of public members only that the build wrote (DocumentationFileTests)");
        documentation.Root!.Nodes().OfType<XComment>().Should().ContainSingle(c => c.Value.Contains("eng/PublicDocumentation", StringComparison.Ordinal));
    }

    [PackageTheory]
    [MemberData(nameof(Packages))]
    public void SymbolPackage_MapsEverySourceFileToTheRepositoryAtItsCommit(string package)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(PackedPackages.Folder, package));
        var id = Id(zip);
        var commit = XDocument.Parse(Read(zip, $"{id}.nuspec")).Descendants().Single(e => e.Name.LocalName == "repository").Attribute("commit")!.Value;
        commit.Should().MatchRegex("^[0-9a-f]{40}$");
        var symbols = Path.Combine(PackedPackages.Folder, Path.ChangeExtension(package, ".snupkg"));
        File.Exists(symbols).Should().BeTrue("every package has its symbol package");
        using var symbolZip = ZipFile.OpenRead(symbols);
        using var pdb = new MemoryStream();
        using (var entry = symbolZip.GetEntry($"lib/net10.0/{id}.pdb")!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation).Where(c => reader.GetGuid(c.Kind) == SourceLinkKind)
            .Select(c => Encoding.UTF8.GetString(reader.GetBlobBytes(c.Value))).Should().ContainSingle().Subject;
        sourceLink.Should().Contain($"https://raw.githubusercontent.com/claimscrubber/claimscrubber/{commit}/*");
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        documents.Should().Contain(d => d.EndsWith(".cs", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            // ContinuousIntegrationBuild: no path of the machine that built it, so that builds are reproducible.
            documents.Should().OnlyContain(d => d.StartsWith("/_/", StringComparison.Ordinal));
        }
    }

    private static string Id(ZipArchive zip) => Path.GetFileNameWithoutExtension(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName);

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\]\((?!https?:|mailto:|#)[^)\s]+\)")]
    private static partial Regex RelativeLink();

}

/// <summary>
/// A theory over the packed packages: skipped, saying why, when none is packed, unless
/// <c>CLAIMSCRUBBER_REQUIRE_PACKAGES=1</c> (as CI sets it, after packing).
/// </summary>
public sealed class PackageTheoryAttribute : TheoryAttribute
{
    public PackageTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("CLAIMSCRUBBER_REQUIRE_PACKAGES") == "1")
        {
            return;
        }

        if (!PackedPackages.Packages.Any())
        {
            Skip = "No package in artifacts/packages: run 'dotnet pack ClaimScrubber.sln -c Release -o artifacts/packages' first.";
        }
        else if (PackedPackages.StaleReason() is { } stale)
        {
            Skip = stale;
        }
    }
}

/// <summary>The packages in artifacts/packages.</summary>
public static class PackedPackages
{
    public static string Folder => Path.Combine(CmsData.RepositoryRoot, "artifacts", "packages");

    public static IEnumerable<string> Packages => Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.nupkg").Order(StringComparer.Ordinal) : [];

    /// <summary>Says why the packages are of another commit than the work tree's, or <see langword="null"/> when they are not.</summary>
    public static string? StaleReason()
    {
        using var zip = ZipFile.OpenRead(Packages.First());
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var packed = XDocument.Parse(reader.ReadToEnd()).Descendants().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("commit")?.Value;
        var head = GitHead();
        return packed is not null && head is not null && packed != head
            ? $"The packages in artifacts/packages were packed at commit {packed[..7]}, not at the work tree's {head[..7]}: pack again."
            : null;
    }

    private static string? GitHead()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = CmsData.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
