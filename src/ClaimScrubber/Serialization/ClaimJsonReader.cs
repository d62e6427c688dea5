using System.Text;
using System.Text.Json;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Reads claims in the JSON contract (see <c>docs/json-contract.md</c>) from a JSON array of claims, from NDJSON
/// (one claim per line), or from claim objects written over several lines, streaming: one claim is held in memory at a
/// time, whatever the size of the input, and the claims are parsed straight from the UTF-8 bytes.
/// </summary>
/// <remarks>
/// The layout is told from the input: <c>[</c> starts an array; <c>{</c> starts NDJSON when the first claim ends on
/// its first line, else claim objects delimited by JSON alone. Input is UTF-8, with or without a byte-order mark. Every
/// claim yields one <see cref="ClaimReadResult"/>, in input order: a claim with malformed elements (bad encoding, a
/// member given twice, a value beyond <see cref="ClaimScrubber.ClaimLimits"/> included) is reported with all of them, never
/// dropped, and a claim larger than <see cref="MaxClaimBytes"/> is reported unread. Only where claims can no longer be
/// delimited does reading stop, with a <see cref="ClaimReadException"/> naming the line and position: JSON that is
/// not well formed in an array or in multi-line objects (in NDJSON it only makes that line's claim unreadable).
/// </remarks>
public static class ClaimJsonReader
{
    /// <summary>The largest single claim read, in bytes; a larger one (or a longer NDJSON line) is reported unread and skipped without being held.</summary>
    public const int MaxClaimBytes = 16 * 1024 * 1024;

    /// <summary>Reads the claims of a file, lazily.</summary>
    /// <param name="path">A <c>.json</c>, <c>.ndjson</c> or <c>.jsonl</c> file.</param>
    /// <returns>One result per claim, in file order.</returns>
    /// <exception cref="ClaimReadException">The file is not JSON claims, or an array or multi-line claims are not well formed.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static IEnumerable<ClaimReadResult> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadFileIterator(path);
    }

    /// <summary>Reads the claims of a stream, lazily; the stream is read forward only and not disposed.</summary>
    /// <param name="stream">UTF-8 JSON: an array of claims, or one claim per line.</param>
    /// <param name="inputName">The name to use in error messages, such as the file name, or <see langword="null"/>.</param>
    /// <returns>One result per claim, in input order.</returns>
    /// <exception cref="ClaimReadException">The input is not JSON claims, or an array or multi-line claims are not well formed.</exception>
    public static IEnumerable<ClaimReadResult> Read(Stream stream, string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new JsonClaimStream(stream, inputName).ReadAll();
    }

    /// <summary>Reads one claim from its JSON text.</summary>
    /// <param name="json">One claim object.</param>
    /// <returns>The claim, or its element errors.</returns>
    /// <exception cref="ClaimReadException">The text is not well-formed JSON.</exception>
    public static ClaimReadResult ReadClaim(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonClaimStream.ReadOne(Encoding.UTF8.GetBytes(json), 1, 1, new ClaimJsonParser());
        }
        catch (JsonException ex)
        {
            throw new ClaimReadException(null, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, ClaimJsonParser.SyntaxProblem(ex), ex);
        }
    }

    private static IEnumerable<ClaimReadResult> ReadFileIterator(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var result in Read(stream, Path.GetFileName(path)))
        {
            yield return result;
        }
    }
}
