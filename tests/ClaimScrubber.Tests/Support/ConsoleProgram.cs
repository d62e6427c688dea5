using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Compiles C# as the <c>Program.cs</c> of a new console app (<c>dotnet new console</c>: top-level statements, nullable
/// on, the SDK's implicit usings) that references the given packages' assemblies, with Roslyn, offline.
/// </summary>
public static partial class ConsoleProgram
{
    /// <summary>The global usings <c>ImplicitUsings</c> gives a console app (Microsoft.NET.Sdk).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        [.. Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Where(IsAssembly).Select(p => MetadataReference.CreateFromFile(p))]);

    /// <summary>Compiles <paramref name="program"/>; returns its errors, each with its line, or none.</summary>
    /// <param name="program">The whole Program.cs.</param>
    /// <param name="packageAssemblies">The assemblies of the packages the app references, their dependencies included.</param>
    public static IReadOnlyList<string> Errors(string program, IEnumerable<string> packageAssemblies)
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeExample",
            [CSharpSyntaxTree.ParseText(program, parse, "Program.cs"), CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "GlobalUsings.g.cs")],
            [.. Framework.Value, .. packageAssemblies.Select(p => MetadataReference.CreateFromFile(p))],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
    }

    /// <summary>Asserts that every C# block of a Markdown file compiles alone as a new console app's Program.cs.</summary>
    /// <param name="markdownPath">The README.</param>
    /// <param name="packageAssemblies">The assemblies of the packages the app references, their dependencies included.</param>
    public static void ShouldCompileEveryBlock(string markdownPath, IReadOnlyCollection<string> packageAssemblies)
    {
        var blocks = CSharpBlocks(markdownPath);
        blocks.Should().NotBeEmpty();
        for (var i = 0; i < blocks.Count; i++)
        {
            Errors(blocks[i], packageAssemblies).Should().BeEmpty($"C# block {i + 1} of {Path.GetFileName(markdownPath)} must compile as a console app's Program.cs:\n{blocks[i]}");
        }
    }

    /// <summary>Gets the C# blocks (<c>```csharp</c>) of a Markdown file, in order.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string markdownPath) =>
        [.. CSharpBlock().Matches(File.ReadAllText(markdownPath).ReplaceLineEndings("\n")).Select(m => m.Groups["body"].Value)];

    /// <summary>Gets the assemblies in <paramref name="folder"/> whose names start with one of <paramref name="prefixes"/>.</summary>
    public static IEnumerable<string> AssembliesIn(string folder, params string[] prefixes) =>
        Directory.EnumerateFiles(folder, "*.dll").Where(p => prefixes.Any(x => Path.GetFileName(p).StartsWith(x, StringComparison.Ordinal)));

    private static bool IsAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.HasMetadata;
    }

    [GeneratedRegex(@"```csharp\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
