namespace ClaimScrubber.Serialization;

/// <summary>
/// Writes claims in the claim contract (see <c>docs/json-contract.md</c>), as a JSON array or NDJSON, so that
/// <see cref="ClaimJsonReader"/> reads them back unchanged. Diagnoses are written with their dot.
/// </summary>
/// <remarks>Write claims as they come; <see cref="Dispose"/> closes the array and flushes. Not thread-safe.</remarks>
public sealed class ClaimJsonWriter : IDisposable
{
    private readonly JsonSequenceWriter writer;

    /// <summary>Creates a writer over <paramref name="stream"/>.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="format">An array (default) or NDJSON.</param>
    /// <param name="indented">Whether to indent an array's objects for reading; NDJSON is always compact.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open when the writer is disposed.</param>
    public ClaimJsonWriter(Stream stream, JsonOutputFormat format = JsonOutputFormat.Array, bool indented = false, bool leaveOpen = false) =>
        writer = new JsonSequenceWriter(stream, format, indented, leaveOpen);

    /// <summary>Returns one claim as compact JSON text.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The JSON object.</returns>
    public static string Serialize(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ContractJson.ToText(claim, ContractJson.WriteClaim);
    }

    /// <summary>Writes one claim.</summary>
    /// <param name="claim">The claim.</param>
    public void Write(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ContractJson.WriteClaim(writer.Begin(), claim);
        writer.End();
    }

    /// <summary>Closes the array (when writing one), flushes, and disposes the stream unless asked to leave it open.</summary>
    public void Dispose() => writer.Dispose();
}
