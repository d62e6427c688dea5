namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>How <see cref="IndexSnapshot.Load"/> loads a snapshot.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record IndexSnapshotLoadOptions
{
    /// <summary>Gets the default options.</summary>
    public static IndexSnapshotLoadOptions Default { get; } = new();

    /// <summary>
    /// Gets the folder of CMS files the snapshot was built from, to check it against: every file the snapshot records
    /// is hashed again, and the snapshot is refused as stale when one changed or is missing. Files added to the folder
    /// since are not looked for. Default: <see langword="null"/> (no check).
    /// </summary>
    public string? SourceFolder { get; init; }

    /// <summary>Gets how many tables are decoded at once. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
