using System.Collections.Immutable;
using ClaimScrubber.Codes;

namespace ClaimScrubber.Claims;

/// <summary>A medical claim as far as coding edits see it: setting, patient demographics, providers, diagnoses and service lines.</summary>
/// <remarks>
/// Optional elements are <see langword="null"/> when the claim omits them, so that the structure rules can
/// report what is missing. Collections are never default: an omitted collection reads as empty.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Claim
{
    /// <summary>The most diagnoses a professional claim (837P) carries.</summary>
    public const int MaxProfessionalDiagnoses = 12;

    /// <summary>The most diagnoses an institutional claim (837I) carries.</summary>
    public const int MaxInstitutionalDiagnoses = 25;

    private readonly ImmutableArray<IcdCode> diagnoses;
    private readonly ImmutableArray<ServiceLine> lines;

    /// <summary>Gets the submitter's identifier of the claim, echoed in results.</summary>
    public required string ClaimId { get; init; }

    /// <summary>Gets the billing setting.</summary>
    public ClaimSetting Setting { get; init; }

    /// <summary>Gets the patient's demographics.</summary>
    public Patient Patient { get; init; } = new();

    /// <summary>Gets the billing provider, or <see langword="null"/> when missing.</summary>
    public Npi? BillingNpi { get; init; }

    /// <summary>Gets the claim-level rendering provider, or <see langword="null"/> when missing.</summary>
    public Npi? RenderingNpi { get; init; }

    /// <summary>Gets the claim-level place of service, or <see langword="null"/> when missing.</summary>
    public PlaceOfServiceCode? PlaceOfService { get; init; }

    /// <summary>Gets the claim frequency code (1 original, 7 replacement, 8 void…), or <see langword="null"/> when missing.</summary>
    public string? FrequencyCode { get; init; }

    /// <summary>Gets the discharge date of an inpatient claim, or <see langword="null"/>.</summary>
    public DateOnly? DischargeDate { get; init; }

    /// <summary>Gets the ICD-10-CM diagnoses in claim order; the first is the principal or first-listed diagnosis.</summary>
    public ImmutableArray<IcdCode> Diagnoses
    {
        get => diagnoses.IsDefault ? ImmutableArray<IcdCode>.Empty : diagnoses;
        init => diagnoses = value;
    }

    /// <summary>Gets the service lines in claim order.</summary>
    public ImmutableArray<ServiceLine> Lines
    {
        get => lines.IsDefault ? ImmutableArray<ServiceLine>.Empty : lines;
        init => lines = value;
    }

    /// <summary>Gets the rendering provider of <paramref name="line"/>: the line's own, else the claim's.</summary>
    /// <param name="line">A line of this claim.</param>
    /// <returns>The rendering NPI, or <see langword="null"/>.</returns>
    public Npi? RenderingNpiFor(ServiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.RenderingNpi ?? RenderingNpi;
    }

    /// <summary>Gets the place of service of <paramref name="line"/>: the line's own, else the claim's.</summary>
    /// <param name="line">A line of this claim.</param>
    /// <returns>The place of service, or <see langword="null"/>.</returns>
    public PlaceOfServiceCode? PlaceOfServiceFor(ServiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.PlaceOfService ?? PlaceOfService;
    }

    /// <summary>
    /// Gets the date that decides which code sets apply to the claim's diagnoses: the discharge date of an
    /// inpatient claim, else the earliest line date of service, else <see langword="null"/>.
    /// </summary>
    public DateOnly? DiagnosisDate
    {
        get
        {
            if (Setting == ClaimSetting.Inpatient && DischargeDate is { } discharge)
            {
                return discharge;
            }

            DateOnly? earliest = null;
            foreach (var line in Lines)
            {
                if (line.ServiceDate is { } date && (earliest is null || date < earliest))
                {
                    earliest = date;
                }
            }

            return earliest ?? DischargeDate;
        }
    }
}
