namespace ClaimScrubber;

/// <summary>The drug a service line administered or supplied: its NDC and the quantity dispensed (837 loop 2410, LIN and CTP).</summary>
/// <remarks>
/// Optional elements are <see langword="null"/> when the claim omits them, so that the rules can report what is missing.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class DrugIdentification
{
    /// <summary>Gets the National Drug Code in its 11-digit form.</summary>
    public required NationalDrugCode Ndc { get; init; }

    /// <summary>Gets the quantity of the drug in <see cref="Unit"/>s, or <see langword="null"/> when missing.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>Gets the unit of <see cref="Quantity"/>, or <see langword="null"/> when missing.</summary>
    public DrugUnit? Unit { get; init; }
}
