using System.Collections.Concurrent;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.Tests.Support;

/// <summary>Runs readers on files directly or through the folder loader, and writes fixture files to a temporary folder.</summary>
public sealed class ReaderHarness : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("claimscrubber-").FullName;

    /// <summary>Gets the problems every read reported, in order.</summary>
    public List<LoadProblem> Problems { get; } = [];

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="fileName"/> in the fixture folder.</summary>
    public string Write(string fileName, string content)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes raw bytes to <paramref name="fileName"/> in the fixture folder.</summary>
    public string WriteBytes(string fileName, byte[] content)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// Gets or sets a value indicating whether the fixture files are read as a hand-made sample (tables need one row,
    /// not the size of a CMS release), as <see cref="Read"/> reads them and <see cref="LoadFolder"/> declares them by
    /// default. Set it to <see langword="false"/> to test the sizes real files must have.
    /// </summary>
    public bool Sample { get; set; } = true;

    /// <summary>
    /// Reads <paramref name="paths"/> with the registered readers that recognise them, as the loader does, into one
    /// index: a file that met an error adds nothing (its problems say what was refused).
    /// </summary>
    internal CodeSetIndex Read(params string[] paths)
    {
        var problems = new ConcurrentQueue<LoadProblem>();
        var builder = new CodeSetIndexBuilder();
        foreach (var path in paths)
        {
            var file = new CmsFile(path, Path.GetFileName(path), builder, problems, Sample);
            var reader = CmsReaders.All.Single(r => r.Recognizes(file.FileName));
            reader.Read(file);
            file.Commit();
        }

        var index = builder.Build();
        Problems.AddRange(problems);
        Problems.AddRange(builder.Problems);
        return index;
    }

    /// <summary>
    /// Loads the fixture folder with the folder loader, which turns unreadable files into problems; when
    /// <see cref="Sample"/>, through a manifest beside the folder declaring it a sample (whose notice is left out of
    /// the report's problems, so that tests see only their fixtures' problems).
    /// </summary>
    public CodeSetLoadResult LoadFolder()
    {
        if (!Sample)
        {
            return CmsFolderLoader.Load(folder, new CmsLoadOptions { MaxDegreeOfParallelism = 1 });
        }

        return SampleLoad.Load(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
