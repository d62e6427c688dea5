using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// Finds the CMS files it knows in a folder (by the names CMS publishes them under, or by a manifest), reads
/// them, and reports what it loaded, with releases and row counts, and every file and line it could not read.
/// </summary>
public static class CmsFolderLoader
{
    // When CMS ships one table in several forms (a workbook and its CSV), the fastest form is read.
    private static readonly string[] FormPreference = [".csv", ".txt", ".zip", ".gz", ".xlsx"];

    /// <summary>Loads a folder, keeping whatever could be read and reporting the rest.</summary>
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
        var manifest = ReadManifest(root, options);
        var problems = new ConcurrentQueue<LoadProblem>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var assignments = new List<(string Path, string Name, ICmsFileReader Reader)>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (string.Equals(Path.GetFileName(path), CmsLoadOptions.ManifestFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var reader = manifest.TryGetValue(name, out var id)
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
        var builder = new CodeSetIndexBuilder();
        var files = chosen.Select(a => new CmsFile(a.Path, a.Name, builder, problems)).ToList();
        var readersByFile = chosen.ToDictionary(a => a.Name, a => a.Reader, StringComparer.Ordinal);

        // Largest first, so that the long reads start early and the short ones fill in.
        var ordered = files.OrderByDescending(f => new FileInfo(f.FullPath).Length).ToList();
        var sources = new ConcurrentBag<IndexSourceFile>();
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, file =>
        {
            try
            {
                readersByFile[file.Name].Read(file);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or OpenXmlReadException)
            {
                file.Error(null, $"The file could not be read ({ex.GetType().Name}: {ex.Message}); it may be corrupt, truncated or not in the layout CMS publishes.");
            }

            // Hashed while the file is still in the OS cache (even when refused: replacing it changes the index), so
            // that a snapshot of the index can tell when it is stale. A file that cannot be opened is reported above.
            try
            {
                sources.Add(SourceFileOf(file.FullPath, file.Name));
            }
            catch (Exception ex) when ((ex is IOException or UnauthorizedAccessException) && file.ErrorCount == 0)
            {
                file.Warning(null, $"The file's SHA-256 could not be computed ({ex.Message}); a snapshot of this index cannot tell when it changes.");
            }
        });

        var manifestPath = options.ManifestPath ?? Path.Combine(root, CmsLoadOptions.ManifestFileName);
        if (File.Exists(manifestPath))
        {
            sources.Add(SourceFileOf(manifestPath, Path.GetRelativePath(root, manifestPath).Replace('\\', '/')));
        }

        // Composing multi-file tables at Build() reports problems of its own, so they are gathered after it.
        var built = builder.Build();
        ImmutableArray<LoadProblem> allProblems = [.. problems, .. builder.Problems];
        var provenance = new IndexProvenance([.. sources.OrderBy(s => s.Path, StringComparer.Ordinal)], skipped.ToImmutable(), allProblems);
        var index = built.WithProvenance(provenance);
        var report = new LoadReport(root, index.Releases, provenance.SkippedFiles, allProblems, stopwatch.Elapsed);
        return new CodeSetLoadResult(index, report);
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

    private static Dictionary<string, string> ReadManifest(string root, CmsLoadOptions options)
    {
        var path = options.ManifestPath ?? Path.Combine(root, CmsLoadOptions.ManifestFileName);
        if (!File.Exists(path))
        {
            if (options.ManifestPath is not null)
            {
                throw new FileNotFoundException($"The manifest '{path}' does not exist.", path);
            }

            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            using var stream = File.OpenRead(path);
            var map = JsonSerializer.Deserialize(stream, LoaderJsonContext.Default.DictionaryStringString);
            return map is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(map, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new CmsDataException([new LoadProblem(Path.GetFileName(path), (int?)(ex.LineNumber + 1), $"The manifest is not a JSON object of file paths to reader ids: {ex.Message}", true)]);
        }
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
