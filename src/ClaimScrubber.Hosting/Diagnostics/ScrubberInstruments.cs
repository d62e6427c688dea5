using System.Diagnostics;
using System.Diagnostics.Metrics;
using T = ClaimScrubber.Hosting.ClaimScrubberTelemetry;

namespace ClaimScrubber.Hosting.Diagnostics;

/// <summary>
/// The instruments and activity source the host reports through (names in <see cref="ClaimScrubberTelemetry"/>).
/// Recording allocates nothing: tags are cached strings, and nothing is measured while no one listens.
/// </summary>
internal sealed class ScrubberInstruments
{
    /// <summary>Buckets from 1 µs to 10 ms: a claim scrubs in microseconds, which the default buckets (from 5 ms) cannot tell apart.</summary>
    private static readonly double[] ScrubBuckets = [1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 1e-2];

    private static readonly KeyValuePair<string, object?> Clean = new(T.OutcomeTag, "clean");
    private static readonly KeyValuePair<string, object?> WithFindings = new(T.OutcomeTag, "findings");
    private static readonly KeyValuePair<string, object?> WithErrors = new(T.OutcomeTag, "errors");
    private static readonly KeyValuePair<string, object?> Unreadable = new(T.OutcomeTag, "unreadable");
    private static readonly KeyValuePair<string, object?>[] Severities =
    [
        new(T.SeverityTag, "info"),
        new(T.SeverityTag, "warning"),
        new(T.SeverityTag, "error"),
    ];

    private static readonly KeyValuePair<string, object?> LoadSuccess = new(T.LoadResultTag, "success");
    private static readonly KeyValuePair<string, object?> LoadFailure = new(T.LoadResultTag, "failure");

    private readonly Counter<long> claims;
    private readonly Counter<long> findings;
    private readonly Histogram<double> duration;
    private readonly Counter<long> loads;
    private readonly Histogram<double> loadDuration;

    public ScrubberInstruments(IMeterFactory meterFactory, Func<long> generation)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(T.MeterName) { Version = Version });
        claims = meter.CreateCounter<long>(T.ClaimsScrubbed, "{claim}", "Claims scrubbed, by outcome.");
        findings = meter.CreateCounter<long>(T.Findings, "{finding}", "Findings reported, by rule and severity.");
        duration = meter.CreateHistogram(T.ScrubDuration, "s", "The time to scrub one claim.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ScrubBuckets });
        loads = meter.CreateCounter<long>(T.IndexLoads, "{load}", "Loads and reloads of the code sets, by result.");
        loadDuration = meter.CreateHistogram<double>(T.IndexLoadDuration, "s", "The time a load of the code sets took.");
        meter.CreateObservableGauge(T.IndexGeneration, generation, "{generation}", "The generation of the code sets in use.");
    }

    /// <summary>Gets the activity source of scrubs and loads.</summary>
    public static ActivitySource Source { get; } = new(T.ActivitySourceName, Version);

    private static string? Version => typeof(ScrubberInstruments).Assembly.GetName().Version?.ToString();

    /// <summary>Gets a value indicating whether anyone measures scrub durations, so that the clock is read only then.</summary>
    public bool MeasuresDuration => duration.Enabled;

    /// <summary>Records one claim's result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="unreadable">Whether the claim could not be read.</param>
    /// <param name="startTimestamp">The <see cref="Stopwatch.GetTimestamp"/> when scrubbing began, or 0 when not measured.</param>
    /// <param name="activity">The claim's activity, or <see langword="null"/>.</param>
    public void Record(in ScrubResult result, bool unreadable, long startTimestamp, Activity? activity)
    {
        var outcome = unreadable ? Unreadable : result.IsClean ? Clean : result.HasErrors ? WithErrors : WithFindings;
        if (startTimestamp != 0)
        {
            duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, outcome);
        }

        claims.Add(1, outcome);
        if (findings.Enabled)
        {
            foreach (var finding in result.Findings)
            {
                findings.Add(1, new KeyValuePair<string, object?>(T.RuleTag, finding.RuleId), SeverityTag(finding.Severity));
            }
        }

        if (activity is not null)
        {
            activity.SetTag(outcome.Key, outcome.Value);
            activity.SetTag("claimscrubber.findings.count", result.Findings.Length);
            activity.Dispose();
        }
    }

    /// <summary>Records a load of the code sets.</summary>
    public void RecordLoad(bool succeeded, TimeSpan elapsed)
    {
        var result = succeeded ? LoadSuccess : LoadFailure;
        loads.Add(1, result);
        loadDuration.Record(elapsed.TotalSeconds, result);
    }

    private static KeyValuePair<string, object?> SeverityTag(Severity severity) =>
        (uint)severity < (uint)Severities.Length ? Severities[(int)severity] : new(T.SeverityTag, severity.ToString().ToLowerInvariant());
}
