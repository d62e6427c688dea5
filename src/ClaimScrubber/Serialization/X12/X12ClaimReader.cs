namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Reads claims from HIPAA X12 005010 837 files: professional (837P, 005010X222A1) and institutional (837I,
/// 005010X223A2/A3) transactions, streaming: one claim is held in memory at a time, whatever the size of the file.
/// </summary>
/// <remarks>
/// <para>
/// The delimiters are taken from each interchange's ISA segment (element separator, ISA-11 repetition separator,
/// ISA-16 component separator, segment terminator); segments may be separated by line breaks or not. A file may hold
/// several interchanges, functional groups and transaction sets. Names and addresses are not read: the claim model
/// carries what coding edits need (see <see cref="ClaimScrubber.Claim"/>).
/// </para>
/// <para>
/// Every CLM segment yields exactly one <see cref="ClaimReadResult"/>, in file order, with its
/// <see cref="ClaimReadResult.X12Source"/>. A claim with an element that cannot be read (a malformed code, date or
/// amount, a composite whose components contradict ISA-16, an ICD-9 qualifier, a segment out of place, more lines or
/// codes than an 837 carries) is reported with every such error, each naming the element path, the loop, segment and
/// element, and the segment's position in the transaction set, such as
/// <c>2400 SV1-01-2 (segment 25): 'XYZ12!' is not a procedure code…</c>.
/// </para>
/// <para>
/// Faults of the envelopes that leave the claims readable (control numbers or counts of SE, GE and IEA that do not
/// match, a missing trailer) are handed to the <c>envelopeErrors</c> callback as they are met; without a callback, they
/// are thrown as one <see cref="ClaimReadException"/> after the last claim has been yielded. Only input whose
/// segments cannot be delimited (no ISA at the start, an ISA whose delimiters are unusable, a segment with no
/// terminator) stops the file at once with a <see cref="ClaimReadException"/> naming the segment.
/// </para>
/// </remarks>
public static class X12ClaimReader
{
    /// <summary>Reads the claims of an 837 file, lazily.</summary>
    /// <param name="path">The file.</param>
    /// <param name="envelopeErrors">Receives envelope faults that leave the claims readable; <see langword="null"/> to have them thrown after the last claim.</param>
    /// <returns>One result per CLM, in file order.</returns>
    /// <exception cref="ClaimReadException">The file's segments cannot be delimited, or (without a callback) its envelopes are faulty.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static IEnumerable<ClaimReadResult> ReadFile(string path, Action<X12EnvelopeError>? envelopeErrors = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadFileIterator(path, envelopeErrors);
    }

    /// <summary>Reads the claims of a stream, lazily; the stream is read forward only and not disposed.</summary>
    /// <param name="stream">An 837: ISA first, after optional white space.</param>
    /// <param name="inputName">The name to use in error messages, such as the file name, or <see langword="null"/>.</param>
    /// <param name="envelopeErrors">Receives envelope faults that leave the claims readable; <see langword="null"/> to have them thrown after the last claim.</param>
    /// <returns>One result per CLM, in input order.</returns>
    /// <exception cref="ClaimReadException">The input's segments cannot be delimited, or (without a callback) its envelopes are faulty.</exception>
    public static IEnumerable<ClaimReadResult> Read(Stream stream, string? inputName = null, Action<X12EnvelopeError>? envelopeErrors = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new X12ClaimParser(stream, inputName, envelopeErrors).Read();
    }

    /// <summary>
    /// Tells whether input starts as an X12 interchange does: <c>ISA</c> and a separator, after an optional UTF-8
    /// byte-order mark and white space. Whatever the file's extension, this tells an 837 from JSON or CSV.
    /// </summary>
    /// <param name="start">The first bytes of the input (16 are enough).</param>
    /// <returns><see langword="true"/> when the input looks like X12.</returns>
    public static bool LooksLikeX12(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        start = start.TrimStart(" \t\r\n"u8);
        return start.Length >= 4 && start.StartsWith("ISA"u8) && !char.IsAsciiLetterOrDigit((char)start[3]);
    }

    private static IEnumerable<ClaimReadResult> ReadFileIterator(string path, Action<X12EnvelopeError>? envelopeErrors)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var result in Read(stream, Path.GetFileName(path), envelopeErrors))
        {
            yield return result;
        }
    }
}
