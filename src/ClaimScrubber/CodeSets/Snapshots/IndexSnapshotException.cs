namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>
/// Thrown when an index snapshot is refused: not a snapshot, written by another format version, truncated, corrupt,
/// holding a table this library does not know, or stale against the CMS files it was built from. The message says
/// which, and how to rebuild it.
/// </summary>
public sealed class IndexSnapshotException : IOException
{
    /// <summary>Creates the exception.</summary>
    public IndexSnapshotException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why the snapshot was refused.</param>
    public IndexSnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Why the snapshot was refused.</param>
    /// <param name="innerException">The cause.</param>
    public IndexSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
