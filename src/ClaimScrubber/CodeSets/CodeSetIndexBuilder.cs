using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets;

/// <summary>Collects tables, from CMS readers or from the caller, into an immutable <see cref="CodeSetIndex"/>.</summary>
/// <remarks>This type is not thread-safe; the index it builds is.</remarks>
public sealed partial class CodeSetIndexBuilder
{
    internal ImmutableArray<TableRelease>.Builder Releases { get; } = ImmutableArray.CreateBuilder<TableRelease>();

    /// <summary>Builds the index from the tables added so far.</summary>
    /// <returns>The index.</returns>
    public CodeSetIndex Build() => new(this);

    internal void AddRelease(TableRelease release) => Releases.Add(release);

    /// <summary>
    /// Called by the folder loader after every file was read and before <see cref="Build"/>, so that tables
    /// made of several files (fiscal years, addenda, quarters) can be checked and composed.
    /// </summary>
    internal void Complete(System.Collections.Concurrent.ConcurrentQueue<Loading.LoadProblem> problems)
    {
        foreach (var step in CompletionSteps)
        {
            step(problems);
        }
    }

    /// <summary>Gets the steps that compose multi-file tables; a reader adds one when it first adds a part.</summary>
    internal List<Action<System.Collections.Concurrent.ConcurrentQueue<Loading.LoadProblem>>> CompletionSteps { get; } = [];
}
