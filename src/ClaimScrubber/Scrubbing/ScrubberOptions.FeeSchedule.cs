namespace ClaimScrubber;

public sealed partial record ScrubberOptions
{
    /// <summary>
    /// Gets a value indicating whether MOD018 reports a bilateral-indicator-1 code billed on two lines, LT and RT,
    /// on the same date. Medicare asks for one line with modifier 50; some payers ask for the two-line form instead,
    /// and then this should be <see langword="false"/>. Default: <see langword="true"/>.
    /// </summary>
    public bool ReportSidesInsteadOfBilateral { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether POS012 reports a line whose place of service differs from the claim's, for
    /// payers that accept one place of service per claim. Default: <see langword="false"/> (the 837P allows a line
    /// place of service that overrides the claim's).
    /// </summary>
    public bool RequireSinglePlaceOfService { get; init; }
}
