using System.Collections.Immutable;

namespace ClaimScrubber;

/// <summary>
/// How a <see cref="ScrubPipeline"/> spreads a stream over threads: how many threads scrub, and how many claims travel
/// between the threads together. Validated once, when the pipeline is built; every problem is reported together.
/// </summary>
/// <remarks>
/// Configure with <c>ScrubPipelineOptions.Default with { … }</c>.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record ScrubPipelineOptions
{
    /// <summary>The most scrubbing threads a pipeline runs (the bound <see cref="Scrubber.ScrubMany"/> also sets).</summary>
    public const int MaxThreads = 512;

    /// <summary>The largest <see cref="BatchSize"/>.</summary>
    public const int MaxBatchSize = 65_536;

    /// <summary>Gets the options with one scrubbing thread per processor and batches of 128 claims.</summary>
    public static ScrubPipelineOptions Default { get; } = new();

    /// <summary>
    /// Gets how many threads scrub, from 1 to <see cref="MaxThreads"/>; reading the source and consuming the results
    /// have threads of their own. Default: <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Gets how many claims are read, scrubbed and handed over together, from 1 to <see cref="MaxBatchSize"/>. Larger
    /// batches cost less per claim to hand between threads; a source that yields claims slowly (a socket, a queue)
    /// holds its results back until a batch is full or the source ends, so give such a source small batches.
    /// At most <c>2 × <see cref="MaxDegreeOfParallelism"/> + 2</c> batches are in flight at once, which bounds the
    /// memory a pipeline holds and makes the reading thread wait for a slow consumer. Default: 128.
    /// </summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Gets how many batches may be read ahead of the consumer: the bound of the pipeline's channels.</summary>
    internal int BatchesInFlight => (2 * MaxDegreeOfParallelism) + 2;

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    /// <returns>The problems, one sentence each.</returns>
    internal ImmutableArray<string> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (MaxDegreeOfParallelism is < 1 or > MaxThreads)
        {
            problems.Add($"{nameof(MaxDegreeOfParallelism)} is {MaxDegreeOfParallelism}; it must be from 1 to {MaxThreads}.");
        }

        if (BatchSize is < 1 or > MaxBatchSize)
        {
            problems.Add($"{nameof(BatchSize)} is {BatchSize}; it must be from 1 to {MaxBatchSize}.");
        }

        return problems.ToImmutable();
    }
}
