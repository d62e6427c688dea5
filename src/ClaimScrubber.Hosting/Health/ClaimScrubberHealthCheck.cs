using System.Globalization;
using ClaimScrubber.Hosting.Loading;
using ClaimScrubber.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimScrubber.Hosting.Health;

/// <summary>
/// Reports whether the code sets in use can scrub today's claims: unhealthy when they are not loaded or a required
/// table is missing; degraded when an enabled rule cannot run for want of its table, when a table has no release in
/// effect on the as-of date (stale, or not yet in effect), or when data was refused and partial data allowed.
/// </summary>
internal sealed class ClaimScrubberHealthCheck : IHealthCheck
{
    private readonly ScrubberProvider provider;

    public ClaimScrubberHealthCheck(ScrubberProvider provider) => this.provider = provider;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (provider.CurrentOrNull is not { } loaded)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The code sets are not loaded."));
        }

        var scrubber = loaded.Scrubber;
        var asOf = scrubber.Options.AsOfDate ?? DateOnly.FromDateTime(scrubber.Options.TimeProvider.GetUtcNow().UtcDateTime);
        var present = scrubber.Index.Releases.Select(r => r.Table).ToHashSet(StringComparer.Ordinal);
        var missing = loaded.Settings.RequiredTables.Where(t => !present.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var idle = RulesWithoutTables(scrubber);
        var uncovered = TableCoverage.Uncovered(scrubber.Index.Releases, asOf).ToList();
        var errors = loaded.Report.Problems.Count(p => p.IsError);

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"Required tables are not loaded: {string.Join(", ", missing)}.");
        }

        if (idle.Count > 0)
        {
            problems.Add($"{idle.Count} enabled rules cannot run because their tables are not loaded: {string.Join(", ", idle)}.");
        }

        problems.AddRange(uncovered);
        if (errors > 0)
        {
            problems.Add($"{errors} files or rows of the data were refused (partial data allowed); the load report lists them.");
        }

        var status = missing.Count > 0 ? context.Registration.FailureStatus : problems.Count > 0 ? HealthStatus.Degraded : HealthStatus.Healthy;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["generation"] = loaded.Generation,
            ["dataPath"] = loaded.DataPath,
            ["loadedAt"] = loaded.LoadedAt.ToString("O", CultureInfo.InvariantCulture),
            ["asOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["tables"] = scrubber.Index.Releases.Length,
            ["missingTables"] = missing,
            ["rulesNotRunning"] = idle,
            ["tablesNotInEffect"] = uncovered,
            ["loadErrors"] = errors,
        };
        var description = problems.Count > 0
            ? string.Join(" ", problems)
            : string.Create(CultureInfo.InvariantCulture, $"Code sets generation {loaded.Generation}: {scrubber.Index.Releases.Length} table releases, each table in effect on {asOf:yyyy-MM-dd}.");
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }

    /// <summary>The built-in rules the options leave on that the scrubber cannot run, since their table is not loaded.</summary>
    private static List<string> RulesWithoutTables(Scrubber scrubber)
    {
        var options = scrubber.Options;
        var running = scrubber.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return [.. RuleCatalog.All
            .Where(r => options.IsEnabled(r) && !running.Contains(r.Id))
            .Select(r => r.Id)];
    }
}
