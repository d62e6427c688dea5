using System.Text;

namespace ClaimScrubber.Cli.Output;

/// <summary>
/// Where a command's bytes go: an <c>--output</c> file (all or nothing, see <see cref="AtomicOutputFile"/>), the
/// process's standard output (streamed as written), or an in-process caller's writer (buffered and copied at the end).
/// </summary>
public sealed class OutputTarget : IDisposable
{
    private readonly AtomicOutputFile? file;
    private readonly MemoryStream? buffer;
    private readonly TextWriter? copyTo;

    private OutputTarget(Stream stream, AtomicOutputFile? file = null, MemoryStream? buffer = null, TextWriter? copyTo = null)
    {
        Stream = stream;
        this.file = file;
        this.buffer = buffer;
        this.copyTo = copyTo;
    }

    /// <summary>Gets the stream to write.</summary>
    public Stream Stream { get; }

    /// <summary>Gets the file written, or <see langword="null"/> for standard output.</summary>
    public string? FilePath => file?.Path;

    /// <summary>Starts writing the file <paramref name="path"/>, or standard output when it is <see langword="null"/>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be created.</exception>
    public static OutputTarget Open(string? path, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (path is not null)
        {
            var output = AtomicOutputFile.Create(path);
            return new OutputTarget(output.Stream, file: output);
        }

        if (ReferenceEquals(stdout, Console.Out))
        {
            return new OutputTarget(Console.OpenStandardOutput());
        }

        var memory = new MemoryStream();
        return new OutputTarget(memory, buffer: memory, copyTo: stdout);
    }

    /// <summary>Makes what was written final: renames the file into place, or copies the buffer out.</summary>
    public void Commit()
    {
        if (file is not null)
        {
            file.Commit();
        }
        else if (buffer is not null && copyTo is not null)
        {
            copyTo.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            copyTo.Flush();
        }
        else
        {
            Stream.Flush();
        }
    }

    /// <summary>Closes the output; an uncommitted file is deleted.</summary>
    public void Dispose()
    {
        if (file is not null)
        {
            file.Dispose();
        }
        else
        {
            Stream.Dispose();
        }
    }
}
