using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>
/// What an index was loaded from and what its load met: the CMS files read, the files passed over and every problem,
/// so that a snapshot carries them and its report reads as the folder load's did.
/// </summary>
internal sealed record IndexProvenance(ImmutableArray<IndexSourceFile> SourceFiles, ImmutableArray<string> SkippedFiles, ImmutableArray<LoadProblem> Problems)
{
    /// <summary>The provenance of an index composed by hand.</summary>
    public static IndexProvenance None { get; } = new([], [], []);
}
