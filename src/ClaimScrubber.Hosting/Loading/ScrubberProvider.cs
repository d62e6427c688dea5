using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Hosting.Diagnostics;
using ClaimScrubber.Hosting.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimScrubber.Hosting.Loading;

/// <summary>
/// Holds the host's <see cref="LoadedScrubber"/> in one field that readers read without a lock and a reload replaces
/// with one atomic write, so that a scrub in flight keeps the scrubber it took and the next one sees the new one.
/// </summary>
internal sealed class ScrubberProvider : IScrubberProvider, IDisposable
{
    /// <summary>How many load problems of each kind are logged one by one; a damaged full download can have thousands.</summary>
    internal const int ProblemsLogged = 50;

    private readonly IOptionsMonitor<ClaimScrubberOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ScrubberInstruments instruments;

    // One load at a time, first or reload, so that generations follow the order of the loads.
    private readonly SemaphoreSlim loadGate = new(1, 1);
    private LoadedScrubber? current;
    private long generation;

    public ScrubberProvider(IOptionsMonitor<ClaimScrubberOptions> options, ILoggerFactory loggerFactory, IMeterFactory meterFactory, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        this.time = time ?? TimeProvider.System;
        logger = loggerFactory.CreateLogger(Log.Category);
        instruments = new ScrubberInstruments(meterFactory, () => Volatile.Read(ref current)?.Generation ?? 0);
    }

    public LoadedScrubber Current
    {
        get
        {
            if (Volatile.Read(ref current) is { } loaded)
            {
                return loaded;
            }

            try
            {
                return EnsureLoaded();
            }
            catch (Exception ex) when (ex is not InvalidOperationException)
            {
                throw new InvalidOperationException($"ClaimScrubber could not load its code sets: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Gets the scrubber in use, or <see langword="null"/> before the first load has succeeded.</summary>
    internal LoadedScrubber? CurrentOrNull => Volatile.Read(ref current);

    /// <summary>Loads the code sets unless they are loaded; a failure throws the loader's own exception.</summary>
    internal LoadedScrubber EnsureLoaded()
    {
        loadGate.Wait();
        try
        {
            if (current is { } loaded)
            {
                return loaded;
            }

            loaded = Load();
            Volatile.Write(ref current, loaded);
            return loaded;
        }
        finally
        {
            loadGate.Release();
        }
    }

    public async Task<LoadedScrubber> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LoadedScrubber loaded;
            try
            {
                loaded = await Task.Run(Load, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                if (current is { } kept)
                {
                    Log.ReloadFailed(logger, ex, kept.Generation);
                }

                throw;
            }

            // The swap: scrubs in flight hold the LoadedScrubber they read, which stays whole until they let go of it.
            Interlocked.Exchange(ref current, loaded);
            return loaded;
        }
        finally
        {
            loadGate.Release();
        }
    }

    public void Dispose() => loadGate.Dispose();

    /// <summary>Loads the data as the options say now, logs the load report, and builds the scrubber.</summary>
    private LoadedScrubber Load()
    {
        var settings = options.CurrentValue;
        var dataPath = Path.GetFullPath(settings.DataPath!);
        using var activity = ScrubberInstruments.Source.StartActivity(ClaimScrubberTelemetry.LoadActivity);
        activity?.SetTag("claimscrubber.data.path", dataPath);
        var started = Stopwatch.GetTimestamp();
        try
        {
            Log.LoadStarted(logger, dataPath);
            var result = File.Exists(dataPath)
                ? IndexSnapshot.Load(dataPath, IndexSnapshotLoadOptions.Default with { SourceFolder = settings.SnapshotSourceFolder })
                : CmsFolderLoader.Load(dataPath);
            var report = result.Report;
            LogReport(report, dataPath);
            var errors = report.Problems.Count(p => p.IsError);
            if (errors > 0 && !settings.AllowPartialData)
            {
                Log.LoadRefused(logger, dataPath, errors);
                throw new CmsDataException(report.Problems);
            }

            if (errors > 0)
            {
                Log.PartialDataUsed(logger, dataPath, errors);
            }

            var scrubber = Scrubber.Create(result.Index, WithHostClock(settings.Scrubber));
            var loaded = new LoadedScrubber(scrubber, report, dataPath, time.GetUtcNow(), generation + 1, settings, instruments);
            generation++;
            var elapsed = Stopwatch.GetElapsedTime(started);
            instruments.RecordLoad(succeeded: true, elapsed);
            Log.Loaded(logger, loaded.Generation, dataPath, elapsed.TotalMilliseconds, report.Tables.Length, errors, report.Problems.Length - errors);
            return loaded;
        }
        catch (Exception ex)
        {
            instruments.RecordLoad(succeeded: false, Stopwatch.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Log.LoadFailed(logger, ex, dataPath);
            throw;
        }
    }

    /// <summary>The scrubber options, with the host's clock when the options keep the system's.</summary>
    private ScrubberOptions WithHostClock(ScrubberOptions scrubberOptions) =>
        ReferenceEquals(scrubberOptions.TimeProvider, TimeProvider.System) && !ReferenceEquals(time, TimeProvider.System)
            ? scrubberOptions with { TimeProvider = time }
            : scrubberOptions;

    private void LogReport(LoadReport report, string dataPath)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            foreach (var table in report.Tables)
            {
                Log.TableLoaded(logger, table.Table, table.Release, table.RowCount, table.SourceFile, DateText(table.EffectiveFrom), DateText(table.EffectiveTo));
            }
        }

        var errors = report.Problems.Where(p => p.IsError).ToList();
        var warnings = report.Problems.Where(p => !p.IsError).ToList();
        foreach (var problem in errors.Take(ProblemsLogged))
        {
            Log.LoadError(logger, problem.ToString());
        }

        foreach (var problem in warnings.Take(ProblemsLogged))
        {
            Log.LoadWarning(logger, problem.ToString());
        }

        var notLogged = Math.Max(0, errors.Count - ProblemsLogged) + Math.Max(0, warnings.Count - ProblemsLogged);
        if (notLogged > 0)
        {
            Log.ProblemsNotLogged(logger, notLogged, dataPath);
        }
    }

    private static string DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
}
