namespace ClaimScrubber;

/// <summary>An occurrence code of an institutional claim and the date of the event (UB-04 form locators 31–34, 837I HI with qualifier BH).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class OccurrenceCode
{
    /// <summary>Gets the NUBC occurrence code.</summary>
    public required NubcCode Code { get; init; }

    /// <summary>Gets the date of the occurrence, or <see langword="null"/> when missing.</summary>
    public DateOnly? Date { get; init; }
}
