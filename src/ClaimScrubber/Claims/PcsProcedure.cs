namespace ClaimScrubber;

/// <summary>An ICD-10-PCS procedure of an inpatient claim and its date (UB-04 form locators 74, 837I HI with qualifiers BBR and BBQ).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class PcsProcedure
{
    /// <summary>Gets the ICD-10-PCS code.</summary>
    public required PcsCode Code { get; init; }

    /// <summary>Gets the date the procedure was performed, or <see langword="null"/> when missing.</summary>
    public DateOnly? Date { get; init; }
}
