using System.Collections.Concurrent;
using System.Globalization;

namespace ClaimScrubber.Cli.Output;

/// <summary>
/// An output file that appears in full or not at all: written under a hidden temporary name beside the target (so that
/// the rename stays on one file system), flushed to disk and renamed over the target by <see cref="Commit"/>; disposed
/// without a commit (a failure, an interruption) it is deleted. A process killed outright leaves at most the hidden
/// <c>.NAME.PID.partial</c> file, never a target that could pass for complete.
/// </summary>
public sealed class AtomicOutputFile : IDisposable
{
    private static readonly ConcurrentDictionary<string, AtomicOutputFile> Unfinished = new(StringComparer.Ordinal);

    private readonly FileStream stream;
    private bool finished;

    private AtomicOutputFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        this.stream = stream;
    }

    /// <summary>Gets the target's full path.</summary>
    public string Path { get; }

    /// <summary>Gets the path written until the commit.</summary>
    public string TemporaryPath { get; }

    /// <summary>Gets the stream to write; it stays open until <see cref="Commit"/> or <see cref="Dispose"/>.</summary>
    public Stream Stream => stream;

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The temporary file cannot be created (no such folder, no room, no permission).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static AtomicOutputFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full) ?? throw new IOException($"'{path}' names no file.");
        var temporary = System.IO.Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial"));
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var file = new AtomicOutputFile(full, temporary, stream);
        Unfinished[temporary] = file;
        return file;
    }

    /// <summary>Removes every output file not yet committed: the last act of a process that must end now.</summary>
    public static void DeleteUnfinished()
    {
        foreach (var file in Unfinished.Values)
        {
            file.Dispose();
        }
    }

    /// <summary>Flushes the file to disk and renames it over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        File.Move(TemporaryPath, Path, overwrite: true);
        finished = true;
        Unfinished.TryRemove(TemporaryPath, out _);
    }

    /// <summary>Deletes the file unless it was committed.</summary>
    public void Dispose()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        Unfinished.TryRemove(TemporaryPath, out _);
        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
            // A write that could not be flushed (a full disk): the file is deleted below all the same.
        }

        try
        {
            File.Delete(TemporaryPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the hidden temporary name still cannot pass for the target.
        }
    }
}
