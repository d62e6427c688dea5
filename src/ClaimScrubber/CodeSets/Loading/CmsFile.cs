using System.Collections.Concurrent;
using System.Text;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>One file handed to a reader: where it is, how to open it, and where its problems go.</summary>
internal sealed class CmsFile
{
    private readonly ConcurrentQueue<LoadProblem> problems;
    private readonly CodeSetIndexBuilder builder;

    static CmsFile()
    {
        // Windows-1252, which CMS uses for several text files, is not in .NET's default encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public CmsFile(string fullPath, string name, CodeSetIndexBuilder builder, ConcurrentQueue<LoadProblem> problems)
    {
        FullPath = fullPath;
        Name = name;
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

    public int ErrorCount { get; private set; }

    public Stream OpenRead() => new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Records that data at <paramref name="line"/> was refused.</summary>
    public void Error(int? line, string message)
    {
        ErrorCount++;
        problems.Enqueue(new LoadProblem(Name, line, message, IsError: true));
    }

    /// <summary>Records something worth knowing that lost no data.</summary>
    public void Warning(int? line, string message) => problems.Enqueue(new LoadProblem(Name, line, message, IsError: false));

    /// <summary>Adds what the reader parsed to the index being built; readers may run in parallel, so this serialises.</summary>
    public void AddTo(Action<CodeSetIndexBuilder> add)
    {
        lock (builder)
        {
            add(builder);
        }
    }
}
