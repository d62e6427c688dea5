namespace ClaimScrubber;

/// <summary>
/// One payer's coverage of the claim: the payer, the subscriber's membership and the payer's place in the order of
/// payment. The destination payer's is <see cref="Claim.Coverage"/> (837 loops 2000B, 2010BA, 2010BB); those of the
/// other payers are <see cref="Claim.OtherCoverages"/> (loops 2320, 2330A, 2330B).
/// </summary>
/// <remarks>
/// Optional elements are <see langword="null"/> when the claim omits them, so that the rules can report what is missing.
/// No names or addresses are kept: coding edits do not need them, and findings must not echo them.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Coverage
{
    /// <summary>The coverage of a claim that gives none: every element missing. Shared, since it never changes.</summary>
    internal static Coverage None { get; } = new();

    /// <summary>
    /// Gets the payer responsibility sequence (SBR01): <c>P</c> primary, <c>S</c> secondary, <c>T</c> tertiary,
    /// <c>A</c>–<c>H</c> payers 4 to 11, <c>U</c> unknown; or <see langword="null"/> when missing.
    /// </summary>
    public string? ResponsibilitySequence { get; init; }

    /// <summary>
    /// Gets the patient's relationship to the subscriber (SBR02, or PAT01 when the patient is not the subscriber):
    /// <c>18</c> self, <c>01</c> spouse, <c>19</c> child, <c>20</c> employee, <c>G8</c> other…; or <see langword="null"/>.
    /// </summary>
    public string? PatientRelationship { get; init; }

    /// <summary>
    /// Gets the claim filing indicator (SBR09): <c>MB</c> Medicare Part B, <c>MA</c> Medicare Part A, <c>MC</c>
    /// Medicaid, <c>CI</c> commercial, <c>16</c> Medicare Advantage HMO…; or <see langword="null"/> when missing.
    /// </summary>
    public string? ClaimFilingIndicator { get; init; }

    /// <summary>Gets the subscriber's member identifier with this payer (NM109 of the subscriber), or <see langword="null"/>.</summary>
    public string? MemberId { get; init; }

    /// <summary>Gets the payer identifier (NM109 of the payer, qualifier PI or XV), or <see langword="null"/>.</summary>
    public string? PayerId { get; init; }

    /// <summary>Gets the payer's name (NM103 of the payer), or <see langword="null"/>.</summary>
    public string? PayerName { get; init; }

    /// <summary>
    /// Gets the amount this payer paid on the claim (2320 AMT with qualifier D), or <see langword="null"/>; only another
    /// payer, one that has adjudicated the claim already, carries it.
    /// </summary>
    public decimal? PaidAmount { get; init; }
}
