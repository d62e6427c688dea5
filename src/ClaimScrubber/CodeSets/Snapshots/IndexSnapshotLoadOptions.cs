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

    /// <summary>
    /// Gets a value indicating whether the snapshot's SHA-256 is checked too, as <c>index verify</c> does. Every load
    /// checks the snapshot's fast checksum (XXH128), which finds any damage a disk or a copy does; the SHA-256 costs
    /// most of a second on a full snapshot. Default: <see langword="false"/>.
    /// </summary>
    public bool VerifySha256 { get; init; }

    /// <summary>Gets how many tables are decoded at once. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
