using System.CommandLine;
using ClaimScrubber.Cli.Commands;

namespace ClaimScrubber.Cli;

public static class Program
{
    /// <summary>How long a command may take to stop after SIGINT or SIGTERM before the process ends anyway.</summary>
    private static readonly TimeSpan InterruptionGrace = TimeSpan.FromSeconds(5);

    public static int Main(string[] args)
    {
        using var interruption = Interruption.FromSignals(InterruptionGrace);

        // The commands handle failures themselves (one line, the documented exit code), and signals through the
        // interruption: System.CommandLine's own handlers would print stack traces and race them.
        return CreateRootCommand(new CliContext(interruption)).Parse(args).Invoke(new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    /// <summary>The command tree for an in-process caller: no signal handling.</summary>
    public static RootCommand CreateRootCommand() => CreateRootCommand(new CliContext(Interruption.Manual()));

    /// <summary>The command tree; a new command is one line here and a class in Commands/.</summary>
    public static RootCommand CreateRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("ClaimScrubber sample harness: scrub claims against CMS code sets and edit tables.")
        {
            ScrubCommand.Create(context),
            GenerateCommand.Create(context),
            DataReportCommand.Create(context),
            MceCompatCommand.Create(context),
            IndexCommand.Create(context),
            ConvertCommand.Create(context),
        };
        root.Options.Add(context.Verbose);
        root.Options.Add(context.Quiet);
        return root;
    }
}
