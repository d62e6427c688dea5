using System.Runtime.CompilerServices;
using ClaimScrubber.Serialization;

namespace ClaimScrubber;

/// <summary>
/// Scrubs a stream of claims with reading, scrubbing and consuming on threads of their own: one thread enumerates the
/// source, <see cref="ScrubPipelineOptions.MaxDegreeOfParallelism"/> threads scrub, and the thread that enumerates the
/// results (the one writing them, typically) receives them in input order. The stages are joined by bounded channels,
/// so a slow consumer makes the reading wait instead of filling memory.
/// </summary>
/// <remarks>
/// <para>
/// Nothing runs until the results are enumerated; each enumeration reads the source once. Every claim yields exactly
/// one result, in input order, or the enumeration ends with one exception after the results before it:
/// the source's own exception (such as a <see cref="ClaimReadException"/>) when reading it fails, a
/// <see cref="ScrubPipelineException"/> naming the claim when scrubbing one throws (a custom rule), or an
/// <see cref="OperationCanceledException"/> when the token is cancelled. Ending an enumeration early (disposing it,
/// breaking out of the loop, or an exception in the loop's body) stops the threads and waits for them; the source is
/// then enumerated no further than its current claim.
/// </para>
/// <para>This type is immutable and thread-safe; each enumeration has its own threads.</para>
/// </remarks>
/// <example>
/// <code>
/// var pipeline = new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 2 });
/// using var writer = new ScrubResultJsonWriter(output, JsonOutputFormat.Ndjson);
/// foreach (var (read, result) in pipeline.Scrub(ClaimJsonReader.ReadFile(path), cancellationToken))
/// {
///     writer.Write(result);
/// }
/// </code>
/// </example>
public sealed partial class ScrubPipeline
{
    /// <summary>Creates a pipeline that scrubs with <paramref name="scrubber"/>.</summary>
    /// <param name="scrubber">The scrubber.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ScrubPipelineOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public ScrubPipeline(Scrubber scrubber, ScrubPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        options ??= ScrubPipelineOptions.Default;
        var problems = options.Validate();
        if (!problems.IsEmpty)
        {
            throw new ArgumentException("The scrub pipeline options are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)), nameof(options));
        }

        Scrubber = scrubber;
        Options = options;
    }

    /// <summary>Gets the scrubber the pipeline scrubs with.</summary>
    public Scrubber Scrubber { get; }

    /// <summary>Gets the options the pipeline was built with.</summary>
    public ScrubPipelineOptions Options { get; }

    /// <summary>
    /// Scrubs claims as read (from <see cref="ClaimJsonReader"/>, <see cref="ClaimCsvReader"/>…): each readable claim is
    /// scrubbed, each unreadable one reported (see <see cref="ClaimReadResult.Scrub"/>).
    /// </summary>
    /// <param name="reads">The claims as read, enumerated once, on the pipeline's reading thread.</param>
    /// <param name="cancellationToken">Stops the pipeline; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per claim, in input order, lazily.</returns>
    public IEnumerable<ScrubbedClaim> Scrub(IEnumerable<ClaimReadResult> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        return Iterate(reads, CreateRun, cancellationToken);
    }

    /// <summary>Scrubs claims (see <see cref="Scrub(IEnumerable{ClaimReadResult}, CancellationToken)"/>).</summary>
    /// <param name="claims">The claims, enumerated once, on the pipeline's reading thread.</param>
    /// <param name="cancellationToken">Stops the pipeline; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per claim, in input order, lazily.</returns>
    public IEnumerable<ScrubResult> ScrubClaims(IEnumerable<Claim> claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Iterate(claims, CreateRun, cancellationToken);
    }

    /// <summary>Scrubs claims as read, handing the results to an asynchronous consumer (see <see cref="Scrub(IEnumerable{ClaimReadResult}, CancellationToken)"/>).</summary>
    /// <param name="reads">The claims as read, enumerated once, on the pipeline's reading thread.</param>
    /// <param name="cancellationToken">Stops the pipeline; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per claim, in input order.</returns>
    public IAsyncEnumerable<ScrubbedClaim> ScrubAsync(IEnumerable<ClaimReadResult> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        return IterateAsync(reads, CreateRun, cancellationToken);
    }

    /// <summary>Scrubs claims, handing the results to an asynchronous consumer.</summary>
    /// <param name="claims">The claims, enumerated once, on the pipeline's reading thread.</param>
    /// <param name="cancellationToken">Stops the pipeline; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per claim, in input order.</returns>
    public IAsyncEnumerable<ScrubResult> ScrubClaimsAsync(IEnumerable<Claim> claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return IterateAsync(claims, CreateRun, cancellationToken);
    }

    private Run<ClaimReadResult, ScrubbedClaim> CreateRun(IEnumerable<ClaimReadResult> reads, CancellationToken cancellationToken)
    {
        var scrubber = Scrubber;
        return new Run<ClaimReadResult, ScrubbedClaim>(reads, read => new ScrubbedClaim(read, read.Scrub(scrubber)), read => read.ClaimId, Options, cancellationToken);
    }

    private Run<Claim, ScrubResult> CreateRun(IEnumerable<Claim> claims, CancellationToken cancellationToken) =>
        new(claims, Scrubber.Scrub, claim => claim.ClaimId, Options, cancellationToken);

    // The run (its threads, its link to the token) is made when enumeration starts, so an enumerable never enumerated holds nothing.
    private static IEnumerable<TOut> Iterate<TIn, TOut>(IEnumerable<TIn> source, Func<IEnumerable<TIn>, CancellationToken, Run<TIn, TOut>> createRun, CancellationToken cancellationToken)
        where TIn : class
    {
        using (var run = createRun(source, cancellationToken))
        {
            while (run.NextBatch() is { } batch)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    yield return batch.Outputs[i];
                }

                batch.ThrowIfFailed();
            }
        }
    }

    private static async IAsyncEnumerable<TOut> IterateAsync<TIn, TOut>(
        IEnumerable<TIn> source,
        Func<IEnumerable<TIn>, CancellationToken, Run<TIn, TOut>> createRun,
        CancellationToken cancellationToken,
        [EnumeratorCancellation] CancellationToken enumerationToken = default)
        where TIn : class
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumerationToken);
        var run = createRun(source, linked.Token);
        await using (run.ConfigureAwait(false))
        {
            while (await run.NextBatchAsync().ConfigureAwait(false) is { } batch)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    yield return batch.Outputs[i];
                }

                batch.ThrowIfFailed();
            }
        }
    }
}
