using System.CommandLine;
using System.Diagnostics;
using ClaimScrubber.Cli.Commands;

namespace ClaimScrubber.Tests.Support;

/// <summary>Runs the sample harness in-process, as its command line would, capturing what it writes; or the built harness as a process.</summary>
public static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunWith(new CliContext(Interruption.Manual()), args);

    /// <summary>Runs with <paramref name="context"/>, whose interruption a test may trigger.</summary>
    public static (int Exit, string Output, string Error) RunWith(CliContext context, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // Qualified: a web app referenced beside the harness (the service's tests) has a public Program of its own.
        var exit = ClaimScrubber.Cli.Program.CreateRootCommand(context).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Starts the built harness (<c>ClaimScrubber.Cli.dll</c>, copied beside the tests) as a child process, with standard
    /// output and error redirected, so that a test can signal it as a user or a scheduler would.
    /// </summary>
    public static Process Start(params string[] args) => StartBuilt("ClaimScrubber.Cli.dll", args);

    /// <summary>Starts a built program copied beside the tests (<paramref name="assembly"/>, such as the service's) as <see cref="Start"/> does the harness.</summary>
    public static Process StartBuilt(string assembly, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host))
        {
            host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        }

        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start.");
    }
}
