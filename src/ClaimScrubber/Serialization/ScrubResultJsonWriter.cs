using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Writes scrub results in the result contract (see <c>docs/json-contract.md</c>), one object per claim, as a JSON array
/// or NDJSON: <c>{"claimId","findings":[{"ruleId","family","severity","disposition","line","element","codes","message",
/// "fixHint","carc","rarc","source"}]}</c>. Enum values are camelCase strings; <c>line</c> is <see langword="null"/>
/// for claim-level findings; <c>source</c> is the deciding table release's text or <see langword="null"/>.
/// </summary>
/// <remarks>
/// Results are written straight to UTF-8 as they come, compact unless indentation is asked for; an NDJSON line reaches
/// the stream as soon as it is written, an array in blocks of about 64 KB. <see cref="Dispose"/> closes the array and
/// flushes. Not thread-safe.
/// </remarks>
public sealed class ScrubResultJsonWriter : IDisposable
{
    private readonly JsonSequenceWriter writer;
    private readonly SourceTexts sources = new();

    /// <summary>Creates a writer over <paramref name="stream"/>.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="format">An array (default) or NDJSON.</param>
    /// <param name="indented">Whether to indent an array's objects for reading; the default is compact. NDJSON is always compact.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open when the writer is disposed.</param>
    public ScrubResultJsonWriter(Stream stream, JsonOutputFormat format = JsonOutputFormat.Array, bool indented = false, bool leaveOpen = false) =>
        writer = new JsonSequenceWriter(stream, format, indented, leaveOpen);

    /// <summary>Returns one result as compact JSON text.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON object.</returns>
    public static string Serialize(ScrubResult result) => ContractJson.ToText(result, static (w, r) => ContractJson.WriteResult(w, r, null, new SourceTexts()));

    /// <summary>Writes one result.</summary>
    /// <param name="result">The result.</param>
    public void Write(ScrubResult result) => Write(result, null);

    /// <summary>Writes one result with its claim's linkage report as <c>"linkage"</c> (see <see cref="Scrubber.ExplainLinkage"/>).</summary>
    /// <param name="result">The result.</param>
    /// <param name="linkage">The linkage report, or <see langword="null"/> for an unreadable claim.</param>
    public void Write(ScrubResult result, LinkageReport? linkage)
    {
        ContractJson.WriteResult(writer.Begin(), result, linkage, sources);
        writer.End();
    }

    /// <summary>Closes the array (when writing one), flushes, and disposes the stream unless asked to leave it open.</summary>
    public void Dispose() => writer.Dispose();
}
