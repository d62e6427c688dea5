namespace ClaimScrubber.Service;

/// <summary>
/// What one request to <c>POST /scrub</c> may hold (configuration section <see cref="SectionName"/>); beyond it the
/// answer is a 413 problem, before any result. Validated when the service starts.
/// </summary>
public sealed class ServiceLimits
{
    /// <summary>The configuration section of the limits.</summary>
    public const string SectionName = "Limits";

    /// <summary>Gets or sets the largest request body, in bytes. Default: 16 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets the most claims one request may hold. Default: 10,000.</summary>
    public int MaxClaims { get; set; } = 10_000;

    /// <summary>Gets or sets the most service lines one request may hold, over all its claims. Default: 100,000.</summary>
    public int MaxLines { get; set; } = 100_000;
}
