using System.Text.RegularExpressions;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Readme;

public partial class ReadmeTests
{
    [Fact]
    public void EveryCSharpBlockOfTheReadme_IsCompiledInReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var examples = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, "tests", "ClaimScrubber.Tests", "Readme", "ReadmeExamples.cs")).ReplaceLineEndings("\n");
        var compiled = ExampleRegions().Matches(examples).Select(m => Normalize(m.Groups["body"].Value)).ToList();
        var blocks = CSharpBlocks().Matches(readme).Select(m => Normalize(m.Groups["body"].Value)).ToList();
        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            compiled.Should().Contain(block, "every C# block of the README, less its using lines, must match a '// README:' region of ReadmeExamples.cs");
        }
    }

    [Fact]
    public void EveryCSharpBlockOfTheReadme_CompilesAsPastedIntoANewConsoleApp()
    {
        // The package's assembly and its dependencies, as 'dotnet add package ClaimScrubber' brings them.
        var package = ConsoleProgram.AssembliesIn(AppContext.BaseDirectory, "ClaimScrubber.dll", "CsvHelper", "DocumentFormat.OpenXml").ToList();
        package.Should().Contain(p => p.EndsWith("ClaimScrubber.dll", StringComparison.Ordinal));
        ConsoleProgram.ShouldCompileEveryBlock(Path.Combine(CmsData.RepositoryRoot, "README.md"), package);
    }

    [Fact]
    public void ReadmeCommands_AreTheOnesCiRuns()
    {
        var readme = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, "README.md"));
        var ci = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, ".ci", "run"));
        readme.Should().Contain("dotnet test ClaimScrubber.sln -c Release");
        ci.Should().Contain("dotnet test ClaimScrubber.sln -c Release");
    }

    // A block's using lines are for the console app it compiles as; the examples file has them at its top.
    private static string Normalize(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !UsingLine().IsMatch(l)));

    [GeneratedRegex(@"// README: [a-z-]+\n(?<body>.*?)// README: end", RegexOptions.Singleline)]
    private static partial Regex ExampleRegions();

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;$")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"```csharp\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();
}
