using System.Collections.Immutable;

namespace ClaimScrubber;

/// <summary>What scrubbing one claim found. A clean claim's result allocates nothing.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly struct ScrubResult
{
    private readonly ImmutableArray<Finding> findings;

    /// <summary>Creates a result.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="findings">The findings, in the order the rules reported them.</param>
    public ScrubResult(string claimId, ImmutableArray<Finding> findings)
    {
        ClaimId = claimId;
        this.findings = findings;
    }

    /// <summary>Gets the id of the claim the result is for.</summary>
    public string ClaimId { get; }

    /// <summary>Gets the findings, in rule order then claim order.</summary>
    public ImmutableArray<Finding> Findings => findings.IsDefault ? ImmutableArray<Finding>.Empty : findings;

    /// <summary>Gets a value indicating whether the claim had no finding at all.</summary>
    public bool IsClean => Findings.IsEmpty;

    /// <summary>Gets a value indicating whether any finding is an error.</summary>
    public bool HasErrors => HighestSeverity == Severity.Error;

    /// <summary>Gets the most serious severity found, or <see langword="null"/> for a clean claim.</summary>
    public Severity? HighestSeverity
    {
        get
        {
            Severity? highest = null;
            foreach (var finding in Findings)
            {
                if (highest is null || finding.Severity > highest)
                {
                    highest = finding.Severity;
                }
            }

            return highest;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ClaimId}: {Findings.Length} finding(s)";
}
