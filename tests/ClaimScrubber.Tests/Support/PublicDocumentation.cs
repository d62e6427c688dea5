using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Checks a package's documentation file against Roslyn: it must hold the documentation of every member a user can see
/// that the compiler documented, and of nothing else (eng/PublicDocumentation writes it).
/// </summary>
public static class PublicDocumentation
{
    /// <summary>Gets the documentation ids of every type and member of the assembly that another assembly can see, by Roslyn.</summary>
    public static HashSet<string> VisibleIds(string assemblyPath)
    {
        var folder = Path.GetDirectoryName(assemblyPath)!;
        var reference = MetadataReference.CreateFromFile(assemblyPath);
        var others = Directory.EnumerateFiles(folder, "*.dll").Where(p => p != assemblyPath).Select(p => MetadataReference.CreateFromFile(p));
        var runtime = Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System*.dll").Select(p => MetadataReference.CreateFromFile(p));

        // Named unlike any friend assembly, so that internals are not imported.
        var compilation = CSharpCompilation.Create("PublicDocumentationOracle", references: [reference, .. others, .. runtime]);
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Visit(assembly.GlobalNamespace, ids);
        return ids;
    }

    /// <summary>
    /// Asserts that the documentation beside <paramref name="assembly"/> (as the package ships it) holds every public
    /// member the compiler documented, no other member, and that the compiler's own file (kept in obj/) did hold others.
    /// </summary>
    /// <returns>The shipped documentation's member ids, for further assertions.</returns>
    public static HashSet<string> ShouldHoldPublicMembersOnly(System.Reflection.Assembly assembly)
    {
        var project = assembly.GetName().Name!;
        var visible = VisibleIds(assembly.Location);
        var shipped = DocumentedIds(Path.ChangeExtension(assembly.Location, ".xml"));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var compiled = DocumentedIds(Path.Combine(CmsData.RepositoryRoot, "src", project, "obj", configuration, "net10.0", project + ".compiler.xml"));

        shipped.Except(visible).Should().BeEmpty("the documentation beside the assembly and in the package holds public members only");
        compiled.Intersect(visible).Except(shipped).Should().BeEmpty("no public member's documentation is lost");
        compiled.Except(visible).Should().NotBeEmpty("the compiler documents internal members too, which is why the file is filtered");
        return shipped;
    }

    /// <summary>Gets the member names of a documentation file.</summary>
    public static HashSet<string> DocumentedIds(string xmlPath) =>
        XDocument.Load(xmlPath).Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static void Visit(INamespaceOrTypeSymbol container, HashSet<string> ids)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Visit(ns, ids);
            }
            else if (member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
            {
                // The compiler's own ids, as it writes them into documentation files.
                ids.Add(member.GetDocumentationCommentId()!);
                if (member is INamedTypeSymbol type)
                {
                    Visit(type, ids);
                }
            }
        }
    }
}
