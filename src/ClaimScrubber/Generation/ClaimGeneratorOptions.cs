namespace ClaimScrubber.Generation;

/// <summary>How <see cref="ClaimGenerator"/> shapes the claims it makes.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ClaimGeneratorOptions
{
    /// <summary>Gets the default options: professional claims, 4 diagnoses, up to 5 lines, 10% with an NCCI PTP pair, 10% with an injected error.</summary>
    public static ClaimGeneratorOptions Default { get; } = new();

    /// <summary>Gets the seed; the same seed, options and index give the same claims. Default: 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the claim setting. Default: <see cref="ClaimSetting.Professional"/>.</summary>
    public ClaimSetting Setting { get; init; } = ClaimSetting.Professional;

    /// <summary>Gets the number of diagnoses per claim. Default: 4.</summary>
    public int DiagnosesPerClaim { get; init; } = 4;

    /// <summary>Gets the number of service lines per claim. Default: 5.</summary>
    public int LinesPerClaim { get; init; } = 5;

    /// <summary>Gets the share of claims (0 to 1) that carry one deliberately injected coding error. Default: 0.1.</summary>
    public double ErrorRate { get; init; } = 0.1;

    /// <summary>
    /// Gets the share of claims (0 to 1) that bill both codes of an NCCI procedure-to-procedure edit drawn from the
    /// loaded practitioner PTP table (office codes only; needs 3 lines or more); for an edit that a modifier can bypass,
    /// half of them carry a distinct-service modifier (XS, 59 or XU) on the column 2 line. Default: 0.1.
    /// </summary>
    public double NcciPairRate { get; init; } = 0.1;

    /// <summary>Gets the first date of service drawn. Default: 2025-10-01.</summary>
    public DateOnly FirstServiceDate { get; init; } = new(2025, 10, 1);

    /// <summary>Gets the last date of service drawn. Default: 2026-09-30.</summary>
    public DateOnly LastServiceDate { get; init; } = new(2026, 9, 30);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(DiagnosesPerClaim, 1, nameof(DiagnosesPerClaim));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DiagnosesPerClaim, Claim.MaxProfessionalDiagnoses, nameof(DiagnosesPerClaim));
        ArgumentOutOfRangeException.ThrowIfLessThan(LinesPerClaim, 1, nameof(LinesPerClaim));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LinesPerClaim, 50, nameof(LinesPerClaim));
        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorRate), ErrorRate, "The error rate is a share from 0 to 1.");
        }

        if (NcciPairRate is < 0 or > 1 || double.IsNaN(NcciPairRate))
        {
            throw new ArgumentOutOfRangeException(nameof(NcciPairRate), NcciPairRate, "The NCCI pair rate is a share from 0 to 1.");
        }

        if (LastServiceDate < FirstServiceDate)
        {
            throw new ArgumentException($"{nameof(LastServiceDate)} is before {nameof(FirstServiceDate)}.", nameof(LastServiceDate));
        }
    }
}
