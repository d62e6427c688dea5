using ClaimScrubber.Hosting.Health;
using ClaimScrubber.Hosting.Loading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

#pragma warning disable IDE0130 // Namespace does not match folder structure: found where health checks are registered.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers ClaimScrubber's health check.</summary>
public static class ClaimScrubberHealthChecksBuilderExtensions
{
    /// <summary>The health check's default name.</summary>
    public const string DefaultName = "claimscrubber";

    /// <summary>
    /// Adds a health check of the code sets in use (register ClaimScrubber with <c>AddClaimScrubber</c> too). It
    /// reports <paramref name="failureStatus"/> when the code sets are not loaded or a table of
    /// <c>ClaimScrubberOptions.RequiredTables</c> is missing, and <see cref="HealthStatus.Degraded"/> when an enabled rule
    /// cannot run for want of its table, when a table has no release in effect on the as-of date (stale, or not yet in
    /// effect), or when refused data was allowed; its data lists each.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; default <see cref="DefaultName"/>.</param>
    /// <param name="failureStatus">The status of a failure; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddClaimScrubber(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(name, sp => new ClaimScrubberHealthCheck(sp.GetRequiredService<ScrubberProvider>()), failureStatus, tags));
    }
}
