using System.CommandLine;
using ClaimScrubber.Cli.Commands;

namespace ClaimScrubber.Cli;

public static class Program
{
    public static int Main(string[] args) => CreateRootCommand().Parse(args).Invoke();

    /// <summary>The command tree; a new command is one line here and a class in Commands/.</summary>
    public static RootCommand CreateRootCommand() => new("ClaimScrubber sample harness: scrub claims against CMS code sets and edit tables.")
    {
        ScrubCommand.Create(),
        GenerateCommand.Create(),
        DataReportCommand.Create(),
        MceCompatCommand.Create(),
        IndexCommand.Create(),
    };
}
