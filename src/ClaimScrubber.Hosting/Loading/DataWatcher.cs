using ClaimScrubber.Hosting.Logging;
using Microsoft.Extensions.Logging;

namespace ClaimScrubber.Hosting.Loading;

/// <summary>
/// Reloads the code sets when the files under the data path change and then stay unchanged for a quiet period, so
/// that a release being copied in is read once, whole. A snapshot is best replaced by moving the new file into place.
/// </summary>
internal sealed class DataWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly ITimer quietPeriod;
    private readonly TimeSpan delay;
    private readonly string dataPath;
    private readonly Func<Task> reload;
    private readonly ILogger logger;

    public DataWatcher(string dataPath, TimeSpan delay, TimeProvider time, Func<Task> reload, ILogger logger)
    {
        this.dataPath = dataPath;
        this.delay = delay;
        this.reload = reload;
        this.logger = logger;
        quietPeriod = time.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        watcher = File.Exists(dataPath)
            ? new FileSystemWatcher(Path.GetDirectoryName(dataPath)!, Path.GetFileName(dataPath))
            : new FileSystemWatcher(dataPath) { IncludeSubdirectories = true };
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.Error += (_, e) => Log.WatchFailed(logger, e.GetException(), dataPath);
        watcher.EnableRaisingEvents = true;
        Log.Watching(logger, dataPath, delay);
    }

    public void Dispose()
    {
        watcher.Dispose();
        quietPeriod.Dispose();
    }

    // Every change starts the quiet period again.
    private void OnChanged(object sender, FileSystemEventArgs e) => quietPeriod.Change(delay, Timeout.InfiniteTimeSpan);

    private async Task ReloadAsync()
    {
        Log.ChangeSeen(logger, dataPath);
        try
        {
            await reload().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed reload keeps the data in use; the provider has logged why.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
