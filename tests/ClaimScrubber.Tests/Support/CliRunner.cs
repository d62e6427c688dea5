using System.CommandLine;
using ClaimScrubber.Cli;

namespace ClaimScrubber.Tests.Support;

/// <summary>Runs the sample harness in-process, as its command line would, capturing what it writes.</summary>
public static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.CreateRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
