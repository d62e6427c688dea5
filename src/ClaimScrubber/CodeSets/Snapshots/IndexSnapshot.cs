using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.IO.Hashing;
using System.Security.Cryptography;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>
/// The binary snapshot of a whole <see cref="CodeSetIndex"/>: one file that loads in a fraction of the time the raw
/// CMS files take. Write one with <see cref="CodeSetIndex.SaveSnapshot(string)"/>; load it with
/// <see cref="CodeSetIndex.LoadSnapshot"/> or, with a report, <see cref="Load"/>.
/// </summary>
/// <remarks>
/// Layout (little-endian): the signature <c>CSINDEX\0</c>, the format version, the informational version of the
/// library that wrote it, the releases, the source files (path, size, SHA-256), the files passed over and the problems
/// of the load, then one section per table (tag, byte length, payload), then the SHA-256 of everything before it,
/// then the XXH128 of everything before that. Every load checks the XXH128 (a fast non-cryptographic hash: a few
/// milliseconds for the whole file, where the SHA-256 took most of a cold start); the SHA-256 is checked on request
/// (<see cref="IndexSnapshotLoadOptions.VerifySha256"/>, as <c>index verify</c> does).
/// A snapshot of another format version, a truncated or corrupt one, or one holding a table this library does not
/// know is refused with an <see cref="IndexSnapshotException"/> saying to rebuild it.
/// </remarks>
public static class IndexSnapshot
{
    /// <summary>The format version this library writes and reads; a change of layout changes it.</summary>
    /// <remarks>Version 2 added the XXH128 checksum after the SHA-256; version 3, the MCE's procedure and claim edits and the OPPS Addendum B section.</remarks>
    public const int FormatVersion = 3;

    private const int Sha256Length = SHA256.HashSizeInBytes;

    private const int FastHashLength = 16;

    /// <summary>The bytes after the body: its SHA-256, then the XXH128 of the body and the SHA-256.</summary>
    private const int TrailerLength = Sha256Length + FastHashLength;

    private static ReadOnlySpan<byte> Signature => "CSINDEX\0"u8;

    /// <summary>
    /// Loads a snapshot and reports what it holds as a folder load would: the tables' releases, and the files passed
    /// over and the problems of the load it was built from (<see cref="LoadReport.Folder"/> is the snapshot's path).
    /// </summary>
    /// <param name="path">The snapshot file.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="IndexSnapshotLoadOptions.Default"/>.</param>
    /// <returns>The index and the report; check <see cref="LoadReport.HasErrors"/>.</returns>
    /// <exception cref="IndexSnapshotException">The snapshot is refused: not one, another format version, truncated, corrupt or stale.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CodeSetLoadResult Load(string path, IndexSnapshotLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= IndexSnapshotLoadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        var stopwatch = Stopwatch.StartNew();
        var full = Path.GetFullPath(path);
        var index = Read(ReadWhole(full), full, options);
        var provenance = index.Provenance;
        var report = new LoadReport(full, index.Releases, provenance.SkippedFiles, provenance.Problems, stopwatch.Elapsed);
        return new CodeSetLoadResult(index, report);
    }

    /// <summary>The library version snapshots record, so that a refused one says what wrote it.</summary>
    internal static string LibraryVersion { get; } =
        typeof(IndexSnapshot).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes <paramref name="index"/> in the snapshot layout.</summary>
    internal static SnapshotWriter Write(CodeSetIndex index)
    {
        var writer = new SnapshotWriter(1 << 20);
        writer.WriteBytes(Signature);
        writer.WriteInt32(FormatVersion);
        writer.WriteString(LibraryVersion);
        writer.WriteReleases(index.Releases);
        var provenance = index.Provenance;
        writer.WriteInt32(provenance.SourceFiles.Length);
        foreach (var file in provenance.SourceFiles)
        {
            writer.WriteString(file.Path);
            writer.WriteInt64(file.Length);
            writer.WriteBytes(Convert.FromHexString(file.Sha256));
        }

        writer.WriteStrings(provenance.SkippedFiles);
        writer.WriteInt32(provenance.Problems.Length);
        foreach (var problem in provenance.Problems)
        {
            writer.WriteString(problem.File);
            writer.WriteNullableInt32(problem.Line);
            writer.WriteString(problem.Message);
            writer.WriteBool(problem.IsError);
        }

        var tables = index.Tables.ToDictionary(t => t.Key, t => t.Value);
        var sections = SnapshotSections.All.Where(s => tables.ContainsKey(s.Type)).ToList();
        writer.WriteInt32(sections.Count);
        foreach (var section in sections)
        {
            writer.WriteString(section.Tag);
            var start = writer.BeginLength();
            section.Write(tables[section.Type], writer);
            writer.EndLength(start);
        }

        writer.WriteBytes(new byte[TrailerLength]);
        Seal(writer.WrittenSpanForSealing);
        return writer;
    }

    /// <summary>Checks and decodes a snapshot held in memory.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="name">The snapshot's name (its path), for messages.</param>
    /// <param name="options">The options.</param>
    internal static CodeSetIndex Read(byte[] data, string name, IndexSnapshotLoadOptions options)
    {
        if (data.Length < Signature.Length || !data.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new IndexSnapshotException($"'{name}' is not a ClaimScrubber index snapshot: it does not start with the snapshot signature. Build one with 'index build'.");
        }

        var limit = Math.Max(Signature.Length, data.Length - TrailerLength);
        var header = new SnapshotReader(data, Signature.Length, limit, name, "header", overrunMeansTruncated: true);
        var version = header.ReadInt32("the format version");
        if (version != FormatVersion)
        {
            throw new IndexSnapshotException(string.Create(CultureInfo.InvariantCulture,
                $"The index snapshot '{name}' was written by snapshot format {version}, and this library reads format {FormatVersion}: rebuild it with 'index build'."));
        }

        // Walk the whole structure before anything else, so that a file cut short is called truncated, not corrupt.
        var writtenBy = header.ReadString("the library version");
        var releases = header.ReadReleases();
        var provenance = ReadProvenance(header);
        var sectionCount = header.ReadCount("the number of sections", 8);
        var sections = new List<(string Tag, int Start, int Length)>(sectionCount);
        for (var i = 0; i < sectionCount; i++)
        {
            var tag = header.ReadString("a section tag");
            var length = header.ReadCount($"the length of section '{tag}'", 0);
            sections.Add((tag, header.Skip(length, $"section '{tag}'"), length));
        }

        header.ExpectEnd();
        if (!XxHash128.Hash(data.AsSpan(0, limit + Sha256Length)).AsSpan().SequenceEqual(data.AsSpan(limit + Sha256Length)))
        {
            throw new IndexSnapshotException($"The index snapshot '{name}' is corrupt: its checksum does not match its contents. Rebuild it with 'index build'.");
        }

        if (options.VerifySha256 && !SHA256.HashData(data.AsSpan(0, limit)).AsSpan().SequenceEqual(data.AsSpan(limit, Sha256Length)))
        {
            throw new IndexSnapshotException($"The index snapshot '{name}' is corrupt: its SHA-256 does not match its contents. Rebuild it with 'index build'.");
        }

        var known = new List<SnapshotSections.Section>(sections.Count);
        foreach (var (tag, _, _) in sections)
        {
            var section = SnapshotSections.All.FirstOrDefault(s => string.Equals(s.Tag, tag, StringComparison.Ordinal))
                ?? throw new IndexSnapshotException($"The index snapshot '{name}' holds a table section '{tag}' that this library does not know (the snapshot was written by ClaimScrubber {writtenBy}, this is {LibraryVersion}): rebuild it with 'index build'.");
            if (known.Contains(section))
            {
                throw new IndexSnapshotException($"The index snapshot '{name}' is corrupt: it holds section '{tag}' twice.");
            }

            known.Add(section);
        }

        if (options.SourceFolder is { } folder)
        {
            CheckSources(name, folder, provenance.SourceFiles);
        }

        // Sections decode in parallel; a refusal is rethrown as itself (not wrapped), the first section's first.
        var tables = new object[sections.Count];
        var refusals = new Exception?[sections.Count];
        Parallel.For(0, sections.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, i =>
        {
            var (tag, start, length) = sections[i];
            var reader = new SnapshotReader(data, start, start + length, name, tag, overrunMeansTruncated: false);
            try
            {
                tables[i] = known[i].Read(reader);
                reader.ExpectEnd();
            }
            catch (IndexSnapshotException ex)
            {
                refusals[i] = ex;
            }
            catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidOperationException)
            {
                // A table constructor refusing what a checksum-valid section holds: the writer and reader disagree.
                refusals[i] = reader.Corrupt($"the table could not be built from it ({ex.Message})");
            }
        });

        if (Array.Find(refusals, r => r is not null) is { } refusal)
        {
            ExceptionDispatchInfo.Throw(refusal);
        }

        var byType = new Dictionary<Type, object>(sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            byType[known[i].Type] = tables[i];
        }

        return new CodeSetIndex(byType, releases).WithProvenance(provenance);
    }

    /// <summary>
    /// Writes the trailer of a snapshot whose last <see cref="TrailerLength"/> bytes are reserved for it: the SHA-256
    /// of the body, then the XXH128 of the body and the SHA-256.
    /// </summary>
    internal static void Seal(Span<byte> snapshot)
    {
        var body = snapshot.Length - TrailerLength;
        SHA256.HashData(snapshot[..body], snapshot.Slice(body, Sha256Length));
        XxHash128.Hash(snapshot[..(body + Sha256Length)], snapshot[(body + Sha256Length)..]);
    }

    /// <summary>Reads the whole file in one sequential read into one array (the file is decoded from memory).</summary>
    private static byte[] ReadWhole(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IndexSnapshotException($"'{path}' is not a ClaimScrubber index snapshot: it is {length:N0} bytes, more than one can be.");
        }

        var data = GC.AllocateUninitializedArray<byte>((int)length);
        var read = 0;
        while (read < data.Length)
        {
            var n = RandomAccess.Read(handle, data.AsSpan(read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == data.Length ? data : data[..read];
    }

    /// <summary>Hashes the files a snapshot records in <paramref name="folder"/> again; refuses it when one changed or is missing.</summary>
    internal static void CheckSources(string name, string folder, ImmutableArray<IndexSourceFile> sources)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The CMS data folder '{folder}' does not exist.");
        }

        var stale = new List<string>();
        foreach (var source in sources)
        {
            var path = Path.Combine(folder, source.Path);
            if (!File.Exists(path))
            {
                stale.Add($"{source.Path} is missing");
            }
            else if (new FileInfo(path).Length != source.Length || !string.Equals(HashFile(path), source.Sha256, StringComparison.Ordinal))
            {
                stale.Add($"{source.Path} changed");
            }
        }

        if (stale.Count > 0)
        {
            throw new IndexSnapshotException($"The index snapshot '{name}' is stale: {string.Join(", ", stale)} since the snapshot was built from '{folder}'. Rebuild it with 'index build'.");
        }
    }

    /// <summary>Returns the SHA-256 of a file as lowercase hexadecimal.</summary>
    internal static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static IndexProvenance ReadProvenance(SnapshotReader header)
    {
        var sourceCount = header.ReadCount("the number of source files", 4 + 8 + Sha256Length);
        var sources = ImmutableArray.CreateBuilder<IndexSourceFile>(sourceCount);
        for (var i = 0; i < sourceCount; i++)
        {
            var path = header.ReadString("a source file's path");
            var length = header.ReadInt64("a source file's size");
            var hash = new byte[Sha256Length];
            for (var b = 0; b < hash.Length; b++)
            {
                hash[b] = header.ReadByte("a source file's SHA-256");
            }

            sources.Add(new IndexSourceFile(path, length, Convert.ToHexStringLower(hash)));
        }

        var skipped = header.ReadStrings("the files passed over");
        var problemCount = header.ReadCount("the number of load problems", 10);
        var problems = ImmutableArray.CreateBuilder<LoadProblem>(problemCount);
        for (var i = 0; i < problemCount; i++)
        {
            problems.Add(new LoadProblem(header.ReadString("a problem's file"), header.ReadNullableInt32("a problem's line"), header.ReadString("a problem's message"), header.ReadBool("a problem's severity")));
        }

        return new IndexProvenance(sources.MoveToImmutable(), skipped, problems.MoveToImmutable());
    }
}
