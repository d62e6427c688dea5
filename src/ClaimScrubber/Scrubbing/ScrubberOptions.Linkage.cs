using System.Collections.Immutable;

namespace ClaimScrubber;

public sealed partial record ScrubberOptions
{
    private readonly int labNcdSuggestionCount = 3;

    /// <summary>
    /// Gets how many covered diagnoses of the same ICD-10-CM category a lab NCD finding suggests in its fix hint,
    /// from 0 to 10. Default: 3.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 0 or above 10.</exception>
    public int LabNcdSuggestionCount
    {
        get => labNcdSuggestionCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 10);
            labNcdSuggestionCount = value;
        }
    }

    /// <summary>
    /// Gets a value indicating whether diagnoses that no line points to are reported (LNK013, informational). Off by
    /// default: a coexisting condition on the claim that supports no line is common and correct, so the finding is for
    /// audits that want every diagnosis accounted for. Default: <see langword="false"/>.
    /// </summary>
    public bool ReportUnlinkedDiagnoses { get; init; }

    /// <summary>
    /// Gets a value indicating whether modifier KX on a line lifts the procedure sex edit (PX040), as Medicare does for
    /// sex-specific services a patient of the other recorded sex may need. Payers that do not honour KX set it
    /// <see langword="false"/>. Default: <see langword="true"/>.
    /// </summary>
    public bool ProcedureSexEditHonorsKx { get; init; } = true;

    /// <summary>
    /// Gets the procedure codes (as billed, such as <c>G0101</c>) the payer does not edit for the patient's sex or age
    /// (PX040, PX041). Default: none.
    /// </summary>
    public ImmutableHashSet<string> ProcedureDemographicExemptions { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
}
