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
            compiled.Should().Contain(block, "every C# block of the README must match a '// README:' region of ReadmeExamples.cs");
        }
    }

    [Fact]
    public void ReadmeCommands_AreTheOnesCiRuns()
    {
        var readme = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, "README.md"));
        var ci = File.ReadAllText(Path.Combine(CmsData.RepositoryRoot, ".ci", "run"));
        readme.Should().Contain("dotnet test ClaimScrubber.sln -c Release");
        ci.Should().Contain("dotnet test ClaimScrubber.sln -c Release");
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex(@"// README: [a-z-]+\n(?<body>.*?)// README: end", RegexOptions.Singleline)]
    private static partial Regex ExampleRegions();

    [GeneratedRegex(@"```csharp\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();
}
