using System.Text.Json;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// A folder's <c>claimscrubber-manifest.json</c>: a JSON object mapping file paths (relative to the folder) to reader
/// ids (<c>"skip"</c> passes a file over), and optionally <c>"sample": true</c>, which declares the folder a
/// hand-made sample whose tables may be far smaller than CMS's (the loader then asks one row of a table, not the
/// size every CMS release has; see <see cref="TableMinimum"/>) and is reported as a notice on every load.
/// </summary>
internal sealed class Manifest
{
    /// <summary>The member that declares a sample folder; no CMS file is named so.</summary>
    public const string SampleMember = "sample";

    public const string SampleNotice =
        "The manifest declares this folder a hand-made sample (\"sample\": true): its tables were accepted without the sizes real CMS releases have. Do not scrub real claims against it.";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private Manifest(bool exists, Dictionary<string, string> readers, bool isSample)
    {
        Exists = exists;
        Readers = readers;
        IsSample = isSample;
    }

    /// <summary>Gets a value indicating whether there is a manifest.</summary>
    public bool Exists { get; }

    /// <summary>Gets the reader id of each file the manifest maps.</summary>
    public Dictionary<string, string> Readers { get; }

    /// <summary>Gets a value indicating whether the manifest declares the folder a sample.</summary>
    public bool IsSample { get; }

    /// <summary>Reads the manifest at <paramref name="path"/>; none there is an empty manifest unless <paramref name="mustExist"/>.</summary>
    /// <exception cref="FileNotFoundException">The manifest was named but does not exist.</exception>
    /// <exception cref="CmsDataException">The manifest is not a JSON object of file paths to reader ids.</exception>
    public static Manifest Read(string path, bool mustExist)
    {
        var readers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return mustExist
                ? throw new FileNotFoundException($"The manifest '{path}' does not exist.", path)
                : new Manifest(false, readers, false);
        }

        var name = Path.GetFileName(path);
        var sample = false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Refuse(name, null, $"it is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (string.Equals(member.Name, SampleMember, StringComparison.Ordinal))
                {
                    sample = member.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw Refuse(name, null, $"\"{SampleMember}\" must be true or false"),
                    };
                }
                else if (member.Value.ValueKind == JsonValueKind.String)
                {
                    readers[member.Name] = member.Value.GetString()!;
                }
                else
                {
                    throw Refuse(name, null, $"the value for '{member.Name}' is not a reader id (a string)");
                }
            }
        }
        catch (JsonException ex)
        {
            throw Refuse(name, (int?)(ex.LineNumber + 1), ex.Message);
        }

        return new Manifest(true, readers, sample);
    }

    private static CmsDataException Refuse(string name, int? line, string detail) =>
        new([new LoadProblem(name, line, $"The manifest is not a JSON object of file paths to reader ids: {detail}", true)]);
}
