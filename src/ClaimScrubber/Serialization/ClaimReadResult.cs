using System.Collections.Immutable;

namespace ClaimScrubber.Serialization;

/// <summary>
/// One claim of an input file as read: either the <see cref="Claim"/>, or every element error that kept it from being
/// read. Readers produce exactly one result per input claim, in input order, so that no claim is dropped silently.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ClaimReadResult
{
    internal ClaimReadResult(int ordinal, int? sourceLine, string claimId, Claim? claim, ImmutableArray<ClaimElementError> errors, X12.X12ClaimSource? x12Source = null)
    {
        X12Source = x12Source;
        Ordinal = ordinal;
        SourceLine = sourceLine;
        ClaimId = claimId;
        Claim = claim;
        Errors = errors.IsDefault ? ImmutableArray<ClaimElementError>.Empty : errors;
    }

    /// <summary>Makes the result of a claim that was read, for a reader of another format (FHIR, a format of one's own).</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="ordinal">The claim's 1-based position in its input.</param>
    /// <param name="sourceLine">The 1-based line of the input where the claim starts, or <see langword="null"/> when unknown.</param>
    /// <returns>The result, with <see cref="ClaimId"/> the claim's id.</returns>
    public static ClaimReadResult Read(Claim claim, int ordinal, int? sourceLine = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        return new ClaimReadResult(ordinal, sourceLine, claim.ClaimId, claim, []);
    }

    /// <summary>
    /// Makes the result of a claim that could not be read, for a reader of another format: every element error, so that
    /// scrubbing reports each as a <c>CLM001</c> finding and the claim never looks clean.
    /// </summary>
    /// <param name="claimId">The claim's id as written, or <see langword="null"/> when it could not be read (the result's id is then <c>#</c> and the ordinal).</param>
    /// <param name="errors">The element errors; at least one.</param>
    /// <param name="ordinal">The claim's 1-based position in its input.</param>
    /// <param name="sourceLine">The 1-based line of the input where the claim starts, or <see langword="null"/> when unknown.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty: an unreadable claim without a reason would scrub clean.</exception>
    public static ClaimReadResult Unreadable(string? claimId, IEnumerable<ClaimElementError> errors, int ordinal, int? sourceLine = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        var list = errors.ToImmutableArray();
        if (list.IsEmpty || list.Any(e => e is null))
        {
            throw new ArgumentException("An unreadable claim needs at least one element error, and no null one.", nameof(errors));
        }

        return new ClaimReadResult(ordinal, sourceLine, claimId ?? Placeholder(ordinal), null, list);
    }

    /// <summary>Gets the claim's 1-based position in its input.</summary>
    public int Ordinal { get; }

    /// <summary>Gets the 1-based line of the input where the claim starts, or <see langword="null"/> when unknown.</summary>
    public int? SourceLine { get; }

    /// <summary>
    /// Gets the claim's id as written, or, when the id itself could not be read, the placeholder <c>#</c> followed by
    /// <see cref="Ordinal"/> (such as <c>#7</c>). A readable claim with no id at all has the empty id, which
    /// the structure rules report.
    /// </summary>
    public string ClaimId { get; }

    /// <summary>Gets the claim, or <see langword="null"/> when it could not be read.</summary>
    public Claim? Claim { get; }

    /// <summary>Gets every element error of the claim; empty when it was read.</summary>
    public ImmutableArray<ClaimElementError> Errors { get; }

    /// <summary>
    /// Gets where the claim stood in its 837 file (interchange, group and transaction control numbers, the claim's place
    /// in the transaction) and how its element paths map to loops, segments and elements; <see langword="null"/> for
    /// claims read from JSON or CSV.
    /// </summary>
    public X12.X12ClaimSource? X12Source { get; }

    /// <summary>Gets a value indicating whether the claim was read.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Claim))]
    public bool IsReadable => Claim is not null;

    /// <summary>Scrubs the claim, or, when it could not be read, reports its element errors as <c>CLM001</c> findings.</summary>
    /// <param name="scrubber">The scrubber.</param>
    /// <returns>The result for this input claim.</returns>
    public ScrubResult Scrub(Scrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        return IsReadable ? scrubber.Scrub(Claim) : scrubber.ReportUnreadable(ClaimId, Errors);
    }

    internal static string Placeholder(int ordinal) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{ordinal}");

    /// <inheritdoc/>
    public override string ToString() => IsReadable ? $"{ClaimId}: read" : $"{ClaimId}: {Errors.Length} element error(s)";
}
