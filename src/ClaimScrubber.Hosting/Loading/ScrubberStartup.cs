using ClaimScrubber.Hosting.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimScrubber.Hosting.Loading;

/// <summary>
/// Loads the code sets while the host starts, before any other service starts (a web server included), so that a host
/// whose data is missing or damaged refuses to start instead of answering without it; then watches the data path when
/// asked to.
/// </summary>
internal sealed class ScrubberStartup : IHostedLifecycleService, IDisposable
{
    private readonly ScrubberProvider provider;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private DataWatcher? watcher;

    public ScrubberStartup(ScrubberProvider provider, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        this.provider = provider;
        this.time = time ?? TimeProvider.System;
        logger = loggerFactory.CreateLogger(Log.Category);
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var loaded = await Task.Run(provider.EnsureLoaded, cancellationToken).ConfigureAwait(false);
        if (loaded.Settings.WatchDataPath)
        {
            watcher = new DataWatcher(loaded.DataPath, loaded.Settings.WatchDelay, time, () => provider.ReloadAsync(), logger);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        watcher?.Dispose();
        watcher = null;
    }
}
