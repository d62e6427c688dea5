using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;

using ClaimScrubber.CodeSets;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    private readonly IndexProvenance provenance = IndexProvenance.None;

    private CodeSetIndex(CodeSetIndex source, IndexProvenance provenance)
    {
        tables = source.tables;
        Releases = source.Releases;
        knownProcedures = source.knownProcedures;
        knownProcedureIndex = source.knownProcedureIndex;
        this.provenance = provenance;
    }

    /// <summary>
    /// Gets the CMS files the index was loaded from, with their sizes and SHA-256 hashes, in path order; empty for an
    /// index composed with <see cref="CodeSetIndexBuilder"/>. A snapshot carries them, so that it can be checked
    /// against the folder it was built from.
    /// </summary>
    public ImmutableArray<IndexSourceFile> SourceFiles => provenance.SourceFiles;

    /// <summary>Gets what the index was loaded from and what its load met.</summary>
    internal IndexProvenance Provenance => provenance;

    /// <summary>Gets the loaded tables with their types (for snapshots and tests).</summary>
    internal IEnumerable<KeyValuePair<Type, object>> Tables => tables;

    /// <summary>
    /// Loads an index from either form: a folder of CMS files (as <see cref="LoadFolder"/>) or a snapshot file written
    /// by <see cref="SaveSnapshot(string)"/> (as <see cref="LoadSnapshot"/>). Both fail when the load met errors.
    /// </summary>
    /// <param name="path">A folder of CMS files, or a snapshot file.</param>
    /// <returns>The index.</returns>
    /// <exception cref="CmsDataException">A CMS file is unreadable, or the snapshot's own load recorded errors.</exception>
    /// <exception cref="IndexSnapshotException">The snapshot is not one, is of another format version, truncated or corrupt.</exception>
    /// <exception cref="FileNotFoundException">Neither a folder nor a file exists at <paramref name="path"/>.</exception>
    public static CodeSetIndex Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return LoadFolder(path);
        }

        return File.Exists(path)
            ? LoadSnapshot(path)
            : throw new FileNotFoundException($"There is no CMS data folder or index snapshot at '{path}'.", path);
    }

    /// <summary>
    /// Loads an index from a snapshot file written by <see cref="SaveSnapshot(string)"/>, after checking its format
    /// version and checksum, and fails when the load the snapshot was built from met errors.
    /// </summary>
    /// <param name="path">The snapshot file.</param>
    /// <param name="options">The options (such as the CMS folder to check the snapshot against), or <see langword="null"/> for the defaults.</param>
    /// <returns>The index, with the tables, releases and source files the snapshot holds.</returns>
    /// <exception cref="IndexSnapshotException">The snapshot is refused: not one, another format version, truncated, corrupt or stale.</exception>
    /// <exception cref="CmsDataException">The load the snapshot was built from recorded errors.</exception>
    public static CodeSetIndex LoadSnapshot(string path, IndexSnapshotLoadOptions? options = null)
    {
        var result = IndexSnapshot.Load(path, options);
        result.Report.ThrowIfErrors();
        return result.Index;
    }

    /// <summary>
    /// Writes the whole index (every table, the releases, the source files and the problems of its load) to one
    /// versioned binary file that <see cref="LoadSnapshot"/> reads back far faster than the CMS files load. The file
    /// is written beside its final path and moved there when complete. An index whose load met errors is refused.
    /// </summary>
    /// <param name="path">The snapshot file to write (replaced when it exists).</param>
    /// <exception cref="CmsDataException">The index's load met errors (see <see cref="SaveSnapshot(string, bool)"/>).</exception>
    public void SaveSnapshot(string path) => SaveSnapshot(path, allowLoadErrors: false);

    /// <summary>
    /// Writes the whole index as a snapshot (see <see cref="SaveSnapshot(string)"/>), optionally even when its load
    /// met errors: the snapshot then records them, and <see cref="LoadSnapshot"/> refuses it as the folder load would,
    /// while <see cref="IndexSnapshot.Load"/> reports them.
    /// </summary>
    /// <param name="path">The snapshot file to write (replaced when it exists).</param>
    /// <param name="allowLoadErrors">
    /// <see langword="true"/> to write the snapshot of an index whose load met errors; <see langword="false"/> to
    /// refuse it, so that a damaged load is never passed off as a whole one.
    /// </param>
    /// <exception cref="CmsDataException">The index's load met errors and <paramref name="allowLoadErrors"/> is <see langword="false"/>.</exception>
    public void SaveSnapshot(string path, bool allowLoadErrors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ThrowIfLoadErrors(allowLoadErrors);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SaveSnapshot(stream, allowLoadErrors);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // A half-written snapshot must not be left behind where a later build or glob could pick it up.
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes the whole index as a snapshot (see <see cref="SaveSnapshot(string)"/>) to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <exception cref="CmsDataException">The index's load met errors (see <see cref="SaveSnapshot(string, bool)"/>).</exception>
    public void SaveSnapshot(Stream stream) => SaveSnapshot(stream, allowLoadErrors: false);

    /// <summary>Writes the whole index as a snapshot (see <see cref="SaveSnapshot(string, bool)"/>) to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <param name="allowLoadErrors"><see langword="true"/> to write the snapshot of an index whose load met errors.</param>
    /// <exception cref="CmsDataException">The index's load met errors and <paramref name="allowLoadErrors"/> is <see langword="false"/>.</exception>
    public void SaveSnapshot(Stream stream, bool allowLoadErrors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ThrowIfLoadErrors(allowLoadErrors);
        var writer = IndexSnapshot.Write(this);
        stream.Write(writer.WrittenSpan);
        stream.Flush();
    }

    private void ThrowIfLoadErrors(bool allowLoadErrors)
    {
        var errors = provenance.Problems.Count(p => p.IsError);
        if (errors > 0 && !allowLoadErrors)
        {
            throw new CmsDataException(
                $"The index's load met {errors} error(s), so no snapshot of it was written (a snapshot must not pass a damaged load off as a whole one): mend the files and load again, or allow the errors to record them in the snapshot.",
                provenance.Problems);
        }
    }

    /// <summary>Returns this index carrying <paramref name="provenance"/>.</summary>
    internal CodeSetIndex WithProvenance(IndexProvenance provenance) => new(this, provenance);
}
