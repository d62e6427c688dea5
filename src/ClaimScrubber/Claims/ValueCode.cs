namespace ClaimScrubber;

/// <summary>A value code of an institutional claim and its amount (UB-04 form locators 39–41, 837I HI with qualifier BE).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ValueCode
{
    /// <summary>Gets the NUBC value code.</summary>
    public required NubcCode Code { get; init; }

    /// <summary>Gets the amount (money or a count, as the code defines it), or <see langword="null"/> when missing.</summary>
    public decimal? Amount { get; init; }
}
