using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>What a folder load did: the tables loaded with their releases and row counts, the files passed over, and every problem.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class LoadReport
{
    internal LoadReport(string folder, ImmutableArray<TableRelease> tables, ImmutableArray<string> skippedFiles, ImmutableArray<LoadProblem> problems, TimeSpan elapsed)
    {
        Folder = folder;
        Tables = tables;
        SkippedFiles = skippedFiles;
        Problems = problems;
        Elapsed = elapsed;
    }

    /// <summary>Gets the folder that was loaded (the snapshot file, for a report of <see cref="Snapshots.IndexSnapshot.Load"/>).</summary>
    public string Folder { get; }

    /// <summary>Gets the release and row count of every table loaded.</summary>
    public ImmutableArray<TableRelease> Tables { get; }

    /// <summary>Gets the files that no reader recognised, relative to <see cref="Folder"/>.</summary>
    public ImmutableArray<string> SkippedFiles { get; }

    /// <summary>Gets every problem met, in the order met.</summary>
    public ImmutableArray<LoadProblem> Problems { get; }

    /// <summary>Gets a value indicating whether any data was refused.</summary>
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>Gets how long the load took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Throws when any data was refused.</summary>
    /// <exception cref="CmsDataException">Some data was refused; the message names every file and line.</exception>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new CmsDataException(Problems);
        }
    }
}
