namespace ClaimScrubber.CodeSets.Loading;

/// <summary>How <see cref="CmsFolderLoader"/> loads a folder.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CmsLoadOptions
{
    /// <summary>The name of the optional manifest file in a folder that maps file names to readers.</summary>
    public const string ManifestFileName = "claimscrubber-manifest.json";

    /// <summary>Gets the default options.</summary>
    public static CmsLoadOptions Default { get; } = new();

    /// <summary>Gets how many files are read at once. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Gets the manifest to use, or <see langword="null"/> to use <see cref="ManifestFileName"/> in the folder when
    /// present. A manifest is a JSON object mapping file paths (relative to the folder) to reader ids; it overrides
    /// recognition by name, and a reader id of <c>"skip"</c> passes a file over. Default: <see langword="null"/>.
    /// </summary>
    public string? ManifestPath { get; init; }
}
