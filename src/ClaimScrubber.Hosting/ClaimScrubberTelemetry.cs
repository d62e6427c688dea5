namespace ClaimScrubber.Hosting;

/// <summary>
/// The names under which the hosting package reports metrics (<see cref="System.Diagnostics.Metrics.Meter"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>), for OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>.
/// </summary>
/// <remarks>
/// <para>Instruments of the meter <see cref="MeterName"/>:</para>
/// <list type="table">
/// <listheader><term>instrument</term><description>what it measures</description></listheader>
/// <item><term><see cref="ClaimsScrubbed"/> (counter, <c>{claim}</c>)</term><description>claims scrubbed, by <see cref="OutcomeTag"/>.</description></item>
/// <item><term><see cref="Findings"/> (counter, <c>{finding}</c>)</term><description>findings reported, by <see cref="RuleTag"/> and <see cref="SeverityTag"/>.</description></item>
/// <item><term><see cref="ScrubDuration"/> (histogram, <c>s</c>)</term><description>the time to scrub one claim, by <see cref="OutcomeTag"/>.</description></item>
/// <item><term><see cref="IndexLoads"/> (counter, <c>{load}</c>)</term><description>loads and reloads of the code sets, by <see cref="LoadResultTag"/>.</description></item>
/// <item><term><see cref="IndexLoadDuration"/> (histogram, <c>s</c>)</term><description>the time a load took, by <see cref="LoadResultTag"/>.</description></item>
/// <item><term><see cref="IndexGeneration"/> (gauge, <c>{generation}</c>)</term><description>the generation of the code sets in use: 1 after the first load, one more per reload.</description></item>
/// </list>
/// <para>
/// Activities of the source <see cref="ActivitySourceName"/>: <see cref="ScrubActivity"/> per claim and
/// <see cref="LoadActivity"/> per load. No metric or trace carries a claim id or patient data: only rule ids,
/// severities, outcomes and counts.
/// </para>
/// </remarks>
public static class ClaimScrubberTelemetry
{
    /// <summary>The name of the meter: <c>ClaimScrubber</c>.</summary>
    public const string MeterName = "ClaimScrubber";

    /// <summary>The name of the activity source: <c>ClaimScrubber</c>.</summary>
    public const string ActivitySourceName = "ClaimScrubber";

    /// <summary>The counter of claims scrubbed: <c>claimscrubber.claims.scrubbed</c>.</summary>
    public const string ClaimsScrubbed = "claimscrubber.claims.scrubbed";

    /// <summary>The counter of findings: <c>claimscrubber.findings</c>.</summary>
    public const string Findings = "claimscrubber.findings";

    /// <summary>The histogram of the time to scrub one claim, in seconds: <c>claimscrubber.scrub.duration</c>.</summary>
    public const string ScrubDuration = "claimscrubber.scrub.duration";

    /// <summary>The counter of code-set loads and reloads: <c>claimscrubber.index.loads</c>.</summary>
    public const string IndexLoads = "claimscrubber.index.loads";

    /// <summary>The histogram of the time a load took, in seconds: <c>claimscrubber.index.load.duration</c>.</summary>
    public const string IndexLoadDuration = "claimscrubber.index.load.duration";

    /// <summary>The gauge of the code sets' generation in use: <c>claimscrubber.index.generation</c>.</summary>
    public const string IndexGeneration = "claimscrubber.index.generation";

    /// <summary>
    /// The tag of a claim's outcome: <c>clean</c> (no finding), <c>findings</c> (none an error), <c>errors</c> (an
    /// error-severity finding) or <c>unreadable</c> (the claim could not be read).
    /// </summary>
    public const string OutcomeTag = "claimscrubber.outcome";

    /// <summary>The tag of a finding's rule id, such as <c>DX002</c>.</summary>
    public const string RuleTag = "claimscrubber.rule.id";

    /// <summary>The tag of a finding's severity after the options' overrides: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public const string SeverityTag = "claimscrubber.severity";

    /// <summary>The tag of a load's result: <c>success</c> or <c>failure</c>.</summary>
    public const string LoadResultTag = "claimscrubber.load.result";

    /// <summary>The activity of scrubbing one claim: <c>claimscrubber.scrub</c>.</summary>
    public const string ScrubActivity = "claimscrubber.scrub";

    /// <summary>The activity of loading the code sets: <c>claimscrubber.index.load</c>.</summary>
    public const string LoadActivity = "claimscrubber.index.load";
}
