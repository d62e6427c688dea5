using Microsoft.Extensions.Logging;

namespace ClaimScrubber.Hosting.Logging;

/// <summary>What the host logs, as source-generated messages (category <c>ClaimScrubber.Hosting</c>, event ids 1–99).</summary>
internal static partial class Log
{
    /// <summary>The logger category.</summary>
    public const string Category = "ClaimScrubber.Hosting";

    [LoggerMessage(1, LogLevel.Information, "Loading the code sets from {DataPath}")]
    public static partial void LoadStarted(ILogger logger, string dataPath);

    [LoggerMessage(2, LogLevel.Information, "Code sets generation {Generation} loaded from {DataPath} in {ElapsedMs:F0} ms: {TableCount} tables, {ErrorCount} errors, {WarningCount} warnings")]
    public static partial void Loaded(ILogger logger, long generation, string dataPath, double elapsedMs, int tableCount, int errorCount, int warningCount);

    [LoggerMessage(3, LogLevel.Information, "Table {Table} {Release}: {RowCount} rows from {SourceFile}, effective {EffectiveFrom} to {EffectiveTo}")]
    public static partial void TableLoaded(ILogger logger, string table, string release, int rowCount, string sourceFile, string effectiveFrom, string effectiveTo);

    [LoggerMessage(4, LogLevel.Warning, "Load problem: {Problem}")]
    public static partial void LoadWarning(ILogger logger, string problem);

    [LoggerMessage(5, LogLevel.Error, "Load error: {Problem}")]
    public static partial void LoadError(ILogger logger, string problem);

    [LoggerMessage(6, LogLevel.Warning, "{Count} more load problems are not logged one by one; run 'data-report --data {DataPath}' to list them all")]
    public static partial void ProblemsNotLogged(ILogger logger, int count, string dataPath);

    [LoggerMessage(7, LogLevel.Error, "The code sets from {DataPath} were refused: {ErrorCount} files or rows could not be read. Mend the data, or set AllowPartialData to use what could be read")]
    public static partial void LoadRefused(ILogger logger, string dataPath, int errorCount);

    [LoggerMessage(8, LogLevel.Warning, "The code sets from {DataPath} are used without {ErrorCount} files or rows that could not be read, since AllowPartialData is set: claims are not checked against what is missing")]
    public static partial void PartialDataUsed(ILogger logger, string dataPath, int errorCount);

    [LoggerMessage(9, LogLevel.Error, "Loading the code sets from {DataPath} failed")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string dataPath);

    [LoggerMessage(10, LogLevel.Error, "The reload failed; code sets generation {Generation} stays in use")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, long generation);

    [LoggerMessage(11, LogLevel.Information, "Watching {DataPath} for new code sets; a change is reloaded after {Delay} without further change")]
    public static partial void Watching(ILogger logger, string dataPath, TimeSpan delay);

    [LoggerMessage(12, LogLevel.Information, "{DataPath} changed; reloading the code sets")]
    public static partial void ChangeSeen(ILogger logger, string dataPath);

    [LoggerMessage(13, LogLevel.Warning, "Watching {DataPath} failed; changes are no longer reloaded until the host restarts")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string dataPath);
}
