namespace ClaimScrubber;

/// <summary>An occurrence span code of an institutional claim and its dates (UB-04 form locators 35–36, 837I HI with qualifier BI).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class OccurrenceSpanCode
{
    /// <summary>Gets the NUBC occurrence span code.</summary>
    public required NubcCode Code { get; init; }

    /// <summary>Gets the first date of the span, or <see langword="null"/> when missing.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Gets the last date of the span, or <see langword="null"/> when missing.</summary>
    public DateOnly? Through { get; init; }
}
