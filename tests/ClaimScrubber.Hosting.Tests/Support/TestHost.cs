using System.Collections.Concurrent;
using ClaimScrubber.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimScrubber.Hosting.Tests.Support;

/// <summary>Builds hosts over the repository's sample data, with their log captured.</summary>
internal static class TestHost
{
    public static string SampleData => Path.Combine(CmsData.SampleFolder, "cms");

    /// <summary>Builds (does not start) a host whose ClaimScrubber section is <paramref name="settings"/>.</summary>
    public static IHost Build(IDictionary<string, string?> settings, LogSink? log = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(p => KeyValuePair.Create("ClaimScrubber:" + p.Key, p.Value)));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(log ?? new LogSink());
        builder.Services.AddClaimScrubber(builder.Configuration.GetSection("ClaimScrubber"));
        builder.Services.AddHealthChecks().AddClaimScrubber();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, LogSink? log = null, Action<IServiceCollection>? services = null)
    {
        var host = Build(settings, log, services);
        await host.StartAsync();
        return host;
    }

    /// <summary>A claim the sample data finds nothing wrong with on its date.</summary>
    public static Claim CleanClaim(string id = "C1", decimal units = 1) => new()
    {
        ClaimId = id,
        Setting = ClaimSetting.Professional,
        Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
        BillingNpi = Npi.Parse("1234567893"),
        PlaceOfService = PlaceOfServiceCode.Parse("11"),
        FrequencyCode = "1",
        Diagnoses = [IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
        Lines =
        [
            new ServiceLine
            {
                ProcedureCode = ProcedureCode.Parse("99213"),
                Units = units,
                Charge = 125m,
                ServiceDate = new DateOnly(2026, 3, 2),
                DiagnosisPointers = [1, 2],
            },
        ],
    };

    /// <summary>Copies the sample data folder to a new temporary folder.</summary>
    public static TempFolder CopyOfSampleData()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(SampleData, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, Path.GetRelativePath(SampleData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}

/// <summary>A temporary folder, deleted with what it holds.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "claimscrubber-hosting-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Captures log entries.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
