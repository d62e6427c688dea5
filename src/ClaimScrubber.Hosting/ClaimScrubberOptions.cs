using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.Hosting;

/// <summary>
/// How a host loads its code sets and scrubs: where the CMS data is, what to do with damaged data, whether to watch it
/// for a new release, and the <see cref="ScrubberOptions"/> (rules on and off, severities, as-of date).
/// </summary>
/// <remarks>
/// <para>
/// Bound from configuration by <see cref="Microsoft.Extensions.DependencyInjection.ClaimScrubberServiceCollectionExtensions.AddClaimScrubber(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, Action{ClaimScrubberOptions}?)"/>,
/// section <c>ClaimScrubber</c> by convention:
/// </para>
/// <code language="json">
/// "ClaimScrubber": {
///   "DataPath": "/var/lib/claimscrubber/cms.csindex",
///   "WatchDataPath": true,
///   "Scrubber": {
///     "DisabledRules": [ "CLM010" ],
///     "SeverityOverrides": { "LNK003": "Info" },
///     "AsOfDate": "2026-06-30"
///   }
/// }
/// </code>
/// <para>
/// Every problem with the options, from a misspelt key to an unknown rule id, is reported together when the host
/// starts. Settings of <see cref="Scrubber"/> that configuration cannot express (<see cref="ScrubberOptions.AdditionalRules"/>,
/// <see cref="ScrubberOptions.TimeProvider"/>) are set in code; a <see cref="TimeProvider"/> registered with the host is
/// used when the options keep the system clock.
/// </para>
/// <para>This type is mutable, as options classes are: it is read once per load.</para>
/// </remarks>
public sealed class ClaimScrubberOptions
{
    /// <summary>The configuration section the options are read from by convention.</summary>
    public const string DefaultSectionName = "ClaimScrubber";

    /// <summary>
    /// Gets or sets the CMS data: a folder of CMS files as CMS publishes them, or an index snapshot file
    /// (<c>index build</c>, <see cref="ClaimScrubber.CodeSetIndex.SaveSnapshot(string)"/>). Required.
    /// </summary>
    public string? DataPath { get; set; }

    /// <summary>
    /// Gets or sets, for a snapshot, the CMS folder it was built from: a snapshot whose CMS files have changed since is
    /// refused (<see cref="IndexSnapshotLoadOptions.SourceFolder"/>). Default: <see langword="null"/>, not checked.
    /// </summary>
    public string? SnapshotSourceFolder { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether data with refused files or rows may be used. When <see langword="false"/>
    /// (the default), a load with any error refuses to start (or, for a reload, keeps the data in use); when
    /// <see langword="true"/>, what could be read is used, the errors are logged and the health check reports them.
    /// </summary>
    public bool AllowPartialData { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to reload when the files under <see cref="DataPath"/> change, for
    /// example when a new snapshot is moved into place. Default: <see langword="false"/>.
    /// </summary>
    public bool WatchDataPath { get; set; }

    /// <summary>
    /// Gets or sets how long the files must stay unchanged before a watched change is reloaded, so that a copy in
    /// progress is not read half-written. Default: 2 seconds.
    /// </summary>
    public TimeSpan WatchDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets the names of tables that must be loaded (as <see cref="ClaimScrubber.TableRelease.Table"/> names them, such as
    /// <c>ICD-10-CM order file</c>); the health check reports the host unhealthy without them. Default: none.
    /// </summary>
    public ISet<string> RequiredTables { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the scrubber's options: which rules run, at which severity, the as-of date and the payer-dependent
    /// choices. Default: <see cref="ScrubberOptions.Default"/>.
    /// </summary>
    public ScrubberOptions Scrubber { get; set; } = ScrubberOptions.Default;

    /// <summary>Gets the problems met while reading the options from configuration, reported when they are validated.</summary>
    internal List<string> ConfigurationProblems { get; } = [];
}
