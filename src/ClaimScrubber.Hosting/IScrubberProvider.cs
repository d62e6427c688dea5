namespace ClaimScrubber.Hosting;

/// <summary>
/// Hands out the host's one shared scrubber and swaps in a new load of the code sets atomically. Registered by
/// <see cref="Microsoft.Extensions.DependencyInjection.ClaimScrubberServiceCollectionExtensions.AddClaimScrubber(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, Action{ClaimScrubberOptions}?)"/>
/// as a singleton.
/// </summary>
/// <remarks>
/// Take <see cref="Current"/> once per unit of work (a request, a batch) and scrub through it: a reload never changes
/// a <see cref="LoadedScrubber"/> already handed out, so scrubs in flight finish on the data they started with.
/// <para>Implementations are thread-safe.</para>
/// </remarks>
public interface IScrubberProvider
{
    /// <summary>
    /// Gets the scrubber in use. In a host it was loaded when the host started; outside one, the first read loads it.
    /// Reading it takes no lock.
    /// </summary>
    /// <exception cref="InvalidOperationException">The code sets could not be loaded (the inner exception says why).</exception>
    LoadedScrubber Current { get; }

    /// <summary>
    /// Loads the code sets again with the options as configured now (a new release in place of the old, changed
    /// rule settings) and, when the load succeeds, makes it <see cref="Current"/>. Reloads run one at a time.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for a reload already running; a load once begun runs to its end.</param>
    /// <returns>The new scrubber, now current.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are not valid now; every problem is listed.</exception>
    /// <exception cref="CodeSets.Loading.CmsDataException">Data was refused and <see cref="ClaimScrubberOptions.AllowPartialData"/> is off.</exception>
    /// <exception cref="CodeSets.Snapshots.IndexSnapshotException">The snapshot is truncated, corrupt, of another format version, or out of date with its source folder.</exception>
    /// <exception cref="IOException">The data could not be read.</exception>
    /// <remarks>When the load fails, the scrubber in use stays current, and the failure is logged as well as thrown.</remarks>
    Task<LoadedScrubber> ReloadAsync(CancellationToken cancellationToken = default);
}
