using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// Finds the CMS files it knows in a folder (by the names CMS publishes them under, or by a manifest), reads
/// them, and reports what it loaded, with releases and row counts, and every file and line it could not read.
/// </summary>
public static class CmsFolderLoader
{
    // When CMS ships one table in several forms (a workbook and its CSV), the fastest form is read.
    private static readonly string[] FormPreference = [".csv", ".txt", ".zip", ".gz", ".xlsx"];

    /// <summary>
    /// Loads a folder, keeping every file that could be read whole and reporting the rest. A file that meets any
    /// error (unreadable, damaged, cut short, a row refused, a table far smaller than any CMS release) contributes
    /// nothing: its tables are left out, never loaded in part. A folder in which no file is a table this library
    /// recognises is an error too.
    /// </summary>
    /// <param name="folder">The folder of CMS files.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="CmsLoadOptions.Default"/>.</param>
    /// <returns>The index and the load report; check <see cref="LoadReport.HasErrors"/>.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="CmsDataException">The manifest is unreadable.</exception>
    public static CodeSetLoadResult Load(string folder, CmsLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= CmsLoadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The CMS data folder '{folder}' does not exist.");
        }

        var stopwatch = Stopwatch.StartNew();
        var root = Path.GetFullPath(folder);
        var manifestPath = options.ManifestPath ?? Path.Combine(root, CmsLoadOptions.ManifestFileName);
        var manifest = Manifest.Read(manifestPath, mustExist: options.ManifestPath is not null);
        var problems = new ConcurrentQueue<LoadProblem>();
        var manifestName = Path.GetRelativePath(root, manifestPath).Replace('\\', '/');
        if (manifest.IsSample)
        {
            problems.Enqueue(new LoadProblem(manifestName, null, Manifest.SampleNotice, IsError: false));
        }

        var skipped = ImmutableArray.CreateBuilder<string>();
        var assignments = new List<(string Path, string Name, ICmsFileReader Reader)>();
        foreach (var path in FilesUnder(root, problems).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (string.Equals(Path.GetFileName(path), CmsLoadOptions.ManifestFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var reader = manifest.Readers.TryGetValue(name, out var id)
                ? ReaderFor(id, name)
                : CmsReaders.All.FirstOrDefault(r => r.Recognizes(Path.GetFileName(path)));
            if (reader is null)
            {
                skipped.Add(name);
            }
            else
            {
                assignments.Add((path, name, reader));
            }
        }

        var chosen = ChooseOneFormPerTable(assignments, problems);
        if (chosen.Count == 0)
        {
            problems.Enqueue(new LoadProblem(".", null, string.Create(CultureInfo.InvariantCulture,
                $"No file in the folder is a CMS table this library recognises ({skipped.Count} file(s) passed over): keep the names CMS publishes (README, 'Point it at a full CMS download') or map them in {CmsLoadOptions.ManifestFileName}."), IsError: true));
        }

        var builder = new CodeSetIndexBuilder();
        var files = chosen.Select(a => new CmsFile(a.Path, a.Name, builder, problems, manifest.IsSample)).ToList();
        var readersByFile = chosen.ToDictionary(a => a.Name, a => a.Reader, StringComparer.Ordinal);

        // Largest first, so that the long reads start early and the short ones fill in.
        var ordered = files.OrderByDescending(f => LengthOf(f.FullPath)).ToList();
        var sources = new ConcurrentBag<IndexSourceFile>();
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, file =>
        {
            try
            {
                readersByFile[file.Name].Read(file);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever a damaged file makes a reader or the zip, gzip, XML or workbook libraries throw is this file's problem alone.
                file.Error(null, Unreadable(ex));
            }

            file.Commit();

            // Hashed while the file is still in the OS cache (even when refused: replacing it changes the index), so
            // that a snapshot of the index can tell when it is stale. A file that cannot be opened is reported above.
            try
            {
                sources.Add(SourceFileOf(file.FullPath, file.Name));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (file.ErrorCount == 0)
                {
                    file.Warning(null, $"The file's SHA-256 could not be computed ({ex.Message}); a snapshot of this index cannot tell when it changes.");
                }
            }
        });

        if (manifest.Exists)
        {
            try
            {
                sources.Add(SourceFileOf(manifestPath, manifestName));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Enqueue(new LoadProblem(manifestName, null, $"The manifest's SHA-256 could not be computed ({ex.Message}); a snapshot of this index cannot tell when it changes.", IsError: false));
            }
        }

        // Composing multi-file tables at Build() reports problems of its own, so they are gathered after it.
        var built = Build(builder, problems);
        ImmutableArray<LoadProblem> allProblems = [.. problems, .. builder.Problems];
        var provenance = new IndexProvenance([.. sources.OrderBy(s => s.Path, StringComparer.Ordinal)], skipped.ToImmutable(), allProblems);
        var index = built.WithProvenance(provenance);
        var report = new LoadReport(root, index.Releases, provenance.SkippedFiles, allProblems, stopwatch.Elapsed);
        return new CodeSetLoadResult(index, report);
    }

    /// <summary>The text of the problem that says a file could not be read, from what the read threw.</summary>
    internal static string Unreadable(Exception ex)
    {
        var cause = ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex;
        return $"The file could not be read ({cause.GetType().Name}: {cause.Message}); it may be corrupt, truncated or not in the layout CMS publishes.";
    }

    private static CodeSetIndex Build(CodeSetIndexBuilder builder, ConcurrentQueue<LoadProblem> problems)
    {
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Composing tables from files that each read whole should not fail; if it does, no table is half-built.
            problems.Enqueue(new LoadProblem(".", null, $"The tables read could not be composed into an index ({ex.GetType().Name}: {ex.Message}); nothing was loaded.", IsError: true));
            return CodeSetIndex.Empty;
        }
    }

    /// <summary>Lists the files under <paramref name="root"/>, reporting (as errors) folders that cannot be listed, whose files would otherwise be missed in silence.</summary>
    private static List<string> FilesUnder(string root, ConcurrentQueue<LoadProblem> problems)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                files.AddRange(Directory.EnumerateFiles(directory));
                foreach (var child in Directory.EnumerateDirectories(directory))
                {
                    pending.Push(child);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var name = Path.GetRelativePath(root, directory).Replace('\\', '/');
                problems.Enqueue(new LoadProblem(name, null, $"The folder could not be listed ({ex.Message}); any CMS file in it was not loaded.", IsError: true));
            }
        }

        return files;
    }

    private static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reading it will say what is wrong.
            return 0;
        }
    }

    private static IndexSourceFile SourceFileOf(string path, string name) => new(name, new FileInfo(path).Length, IndexSnapshot.HashFile(path));

    private static ICmsFileReader ReaderFor(string id, string file)
    {
        if (string.Equals(id, "skip", StringComparison.Ordinal))
        {
            return SkipReader.Instance;
        }

        return CmsReaders.All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal))
            ?? throw new CmsDataException([new LoadProblem(CmsLoadOptions.ManifestFileName, null, $"The manifest assigns '{file}' to reader '{id}', which does not exist. Known readers: {string.Join(", ", CmsReaders.All.Select(r => r.Id))}, skip.", true)]);
    }

    private static List<(string Path, string Name, ICmsFileReader Reader)> ChooseOneFormPerTable(List<(string Path, string Name, ICmsFileReader Reader)> assignments, ConcurrentQueue<LoadProblem> problems)
    {
        var chosen = new List<(string Path, string Name, ICmsFileReader Reader)>();
        foreach (var group in assignments.GroupBy(a => (a.Reader.Id, Stem: StemOf(a.Path))))
        {
            var ranked = group.OrderBy(a => Rank(a.Path)).ToList();
            chosen.Add(ranked[0]);
            foreach (var other in ranked.Skip(1))
            {
                problems.Enqueue(new LoadProblem(other.Name, null, $"Holds the same table as '{ranked[0].Name}', which was read instead.", IsError: false));
            }
        }

        return chosen.Where(c => c.Reader != SkipReader.Instance).ToList();
    }

    private static string StemOf(string path) => Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path));

    private static int Rank(string path)
    {
        var rank = Array.IndexOf(FormPreference, Path.GetExtension(path).ToLowerInvariant());
        return rank < 0 ? FormPreference.Length : rank;
    }

    private sealed class SkipReader : ICmsFileReader
    {
        public static readonly SkipReader Instance = new();

        public string Id => "skip";

        public bool Recognizes(string fileName) => false;

        public void Read(CmsFile file)
        {
        }
    }
}
