using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// One file handed to a reader: where it is, how to open it, where its problems go, and what it will add to the
/// index. What a reader parsed is held back (<see cref="AddTo"/>) and added only by <see cref="Commit"/>, and only
/// when the file met no error: a damaged file contributes nothing, so no table is ever built from part of a file.
/// </summary>
internal sealed class CmsFile
{
    private readonly ConcurrentQueue<LoadProblem> problems;
    private readonly CodeSetIndexBuilder builder;
    private readonly List<Action<CodeSetIndexBuilder>> contributions = [];
    private int errorCount;
    private int wholeFileErrors;

    static CmsFile()
    {
        // Windows-1252, which CMS uses for several text files, is not in .NET's default encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public CmsFile(string fullPath, string name, CodeSetIndexBuilder builder, ConcurrentQueue<LoadProblem> problems, bool isSample = false)
    {
        FullPath = fullPath;
        Name = name;
        IsSample = isSample;
        this.builder = builder;
        this.problems = problems;
    }

    /// <summary>Gets Windows-1252, the encoding of CMS's MCE definitions and several text files.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public string FullPath { get; }

    /// <summary>Gets the path relative to the loaded folder, as problems name it.</summary>
    public string Name { get; }

    /// <summary>Gets the file name without folders.</summary>
    public string FileName => Path.GetFileName(FullPath);

    /// <summary>Gets a value indicating whether the file belongs to a folder declared a hand-made sample, whose tables need not be the size of CMS's.</summary>
    public bool IsSample { get; }

    public int ErrorCount => Volatile.Read(ref errorCount);

    /// <summary>Opens the file for one sequential read; the stream remembers its last byte for <see cref="CheckLineEnd"/>.</summary>
    public CheckedStream OpenRead() => CheckedStream.Plain(OpenFile(), FileName);

    /// <summary>Opens the file, inflating it when its name ends in <c>.gz</c>, and checking then that it is not cut short.</summary>
    public CheckedStream OpenContent() => FileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
        ? CheckedStream.Gzip(OpenFile(), FileName)
        : OpenRead();

    /// <summary>Opens the file as a zip archive (the caller checks each entry it reads with <see cref="OpenEntry"/>).</summary>
    /// <exception cref="InvalidDataException">The file is not a zip, or its directory is damaged or missing (a zip cut short).</exception>
    public ZipArchive OpenZip() => new(OpenFile(), ZipArchiveMode.Read);

    /// <summary>Opens a zip entry for reading, checking at its end its CRC-32 and size against the zip's directory.</summary>
    public CheckedStream OpenEntry(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return CheckedStream.ZipEntry(entry.Open(), $"{FileName}/{entry.FullName}", entry.Crc32, entry.Length);
    }

    /// <summary>Records that data at <paramref name="line"/> was refused, or, without a line, that the file as a whole was.</summary>
    public void Error(int? line, string message)
    {
        Interlocked.Increment(ref errorCount);
        if (line is null)
        {
            Interlocked.Increment(ref wholeFileErrors);
        }

        problems.Enqueue(new LoadProblem(Name, line, message, IsError: true));
    }

    /// <summary>Records something worth knowing that lost no data.</summary>
    public void Warning(int? line, string message) => problems.Enqueue(new LoadProblem(Name, line, message, IsError: false));

    /// <summary>
    /// Reports a text file whose last line has no line break: CMS ends every line of its files with one, so the last
    /// row may have been cut anywhere inside it, and the file is refused. Call after the whole stream was read.
    /// </summary>
    /// <param name="content">The stream the reader read to its end.</param>
    /// <param name="encoding">The encoding the text was read in.</param>
    /// <param name="lastLine">The number of the last line read.</param>
    /// <param name="lastLineBlank">Whether that line is blank (a blank line cut short loses nothing).</param>
    /// <param name="part">The zip entry read, or <see langword="null"/> for the file itself.</param>
    public void CheckLineEnd(CheckedStream content, Encoding encoding, int lastLine, bool lastLineBlank = false, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!lastLineBlank && content.EndsMidLine(encoding))
        {
            Error(lastLine, $"{Subject(part)} ends in the middle of a line (its last line has no line break, as every line of a CMS file has): it is cut short, so its last row may be incomplete.");
        }
    }

    /// <summary>
    /// Reports a table too small to be what it claims (see <see cref="TableMinimum"/>): no rows at all, fewer than any
    /// release of its kind, or stopping before the codes every release ends with. A sample folder needs one row only.
    /// </summary>
    /// <param name="minimum">The kind's minimum.</param>
    /// <param name="rows">The rows read.</param>
    /// <param name="reachesEnd">Whether the table holds the codes every release of its kind ends with (ignored when the kind has no end).</param>
    /// <param name="part">The zip entry read, or <see langword="null"/> for the file itself.</param>
    /// <returns><see langword="true"/> when the size is plausible.</returns>
    public bool CheckSize(TableMinimum minimum, int rows, bool reachesEnd = true, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        if (rows == 0)
        {
            Error(null, $"{Subject(part)} holds no {minimum.Kind} rows: it is empty, holds only its header, or is cut short.");
            return false;
        }

        if (IsSample)
        {
            return true;
        }

        if (rows < minimum.Rows)
        {
            Error(null, string.Create(CultureInfo.InvariantCulture,
                $"{Subject(part)} holds {rows:N0} {minimum.Kind} rows; every release CMS has published holds far more (the least accepted is {minimum.Rows:N0}, see docs/data-loading.md): it is cut short or not the whole table."));
            return false;
        }

        if (!reachesEnd && minimum.End is { } end)
        {
            Error(null, $"{Subject(part)} stops before {end}, with which every release of the table ends: it is cut short.");
            return false;
        }

        return true;
    }

    /// <summary>Holds back what the reader parsed, to be added to the index by <see cref="Commit"/> when the file met no error.</summary>
    public void AddTo(Action<CodeSetIndexBuilder> add)
    {
        lock (contributions)
        {
            contributions.Add(add);
        }
    }

    /// <summary>
    /// Adds what the reader parsed to the index being built when the file met no error; otherwise adds nothing, and
    /// when only rows were refused (no problem speaks of the whole file), says so once. Readers run in parallel, so
    /// adding serialises on the builder.
    /// </summary>
    /// <returns><see langword="true"/> when the file's tables were added.</returns>
    public bool Commit()
    {
        List<Action<CodeSetIndexBuilder>> adds;
        lock (contributions)
        {
            adds = [.. contributions];
            contributions.Clear();
        }

        if (ErrorCount > 0)
        {
            // A note, not a further error: the refused rows are the errors, and error counts stay the count of damages.
            if (Volatile.Read(ref wholeFileErrors) == 0)
            {
                problems.Enqueue(new LoadProblem(Name, null, string.Create(CultureInfo.InvariantCulture,
                    $"Refused whole: nothing from this file was loaded, because of the {ErrorCount} row(s) refused above (a damaged file is never half-used)."), IsError: false));
            }

            return false;
        }

        lock (builder)
        {
            foreach (var add in adds)
            {
                add(builder);
            }
        }

        return true;
    }

    private static string Subject(string? part) => part is null ? "The file" : $"'{part}'";

    private FileStream OpenFile() => new(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
