using System.Collections.Immutable;

namespace ClaimScrubber;

/// <summary>One service line of a claim: a procedure, its modifiers, units, charge, dates and diagnosis pointers.</summary>
/// <remarks>
/// Optional elements are <see langword="null"/> when the claim omits them, so that the structure rules can
/// report what is missing instead of the reader refusing the claim.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ServiceLine
{
    /// <summary>The most modifiers a service line carries on the 837 and CMS-1500.</summary>
    public const int MaxModifiers = 4;

    /// <summary>The most diagnosis pointers a professional service line carries.</summary>
    public const int MaxDiagnosisPointers = 4;

    /// <summary>Gets the HCPCS/CPT procedure code, or <see langword="null"/> when missing.</summary>
    public ProcedureCode? ProcedureCode { get; init; }

    /// <summary>Gets the modifiers in billed order.</summary>
    public ImmutableArray<ModifierCode> Modifiers
    {
        get => modifiers.IsDefault ? ImmutableArray<ModifierCode>.Empty : modifiers;
        init => modifiers = value;
    }

    /// <summary>Gets the units of service.</summary>
    public decimal Units { get; init; } = 1m;

    /// <summary>Gets the line charge.</summary>
    public decimal Charge { get; init; }

    /// <summary>Gets the first (or only) date of service, or <see langword="null"/> when missing.</summary>
    public DateOnly? ServiceDate { get; init; }

    /// <summary>Gets the last date of service for a span, or <see langword="null"/> for a single date.</summary>
    public DateOnly? ServiceDateTo { get; init; }

    /// <summary>Gets the line's place of service, or <see langword="null"/> when the claim's applies.</summary>
    public PlaceOfServiceCode? PlaceOfService { get; init; }

    /// <summary>Gets the 1-based indexes into <see cref="Claim.Diagnoses"/> that the service is for, primary first.</summary>
    public ImmutableArray<int> DiagnosisPointers
    {
        get => diagnosisPointers.IsDefault ? ImmutableArray<int>.Empty : diagnosisPointers;
        init
        {
            diagnosisPointers = value;
            pointerMask = 0;
            foreach (var pointer in value.IsDefault ? [] : value.AsSpan())
            {
                // A pointer past 63 (never valid) leaves the mask unusable, and PointsTo searches instead.
                pointerMask |= (uint)pointer < 64 ? 1UL << pointer : 1;
            }
        }
    }

    /// <summary>Gets the line's rendering provider, or <see langword="null"/> when the claim's applies.</summary>
    public Npi? RenderingNpi { get; init; }

    /// <summary>Gets the institutional revenue code, or <see langword="null"/> on professional claims.</summary>
    public string? RevenueCode { get; init; }

    /// <summary>Gets the drug the line administered or supplied (837 loop 2410), or <see langword="null"/>.</summary>
    public DrugIdentification? Drug { get; init; }

    /// <summary>Gets the submitter's line item control number (2400 REF with qualifier 6R), or <see langword="null"/>.</summary>
    public string? LineItemControlNumber { get; init; }

    /// <summary>
    /// Gets the anesthesia time in minutes of an anesthesia line (837P SV1-03 unit basis MJ with the minutes in SV1-04),
    /// or <see langword="null"/> for a line billed in units. An anesthesia line bills one service: its <see cref="Units"/> is 1.
    /// </summary>
    public int? AnesthesiaMinutes { get; init; }

    /// <summary>Gets the line's referring provider (837P loop 2420F, 837I loop 2420D), or <see langword="null"/> when the claim's applies.</summary>
    public Npi? ReferringNpi { get; init; }

    /// <summary>Gets the line's ordering provider (837P loop 2420E), or <see langword="null"/>.</summary>
    public Npi? OrderingNpi { get; init; }

    /// <summary>Gets the line's supervising provider (837P loop 2420D), or <see langword="null"/> when the claim's applies.</summary>
    public Npi? SupervisingNpi { get; init; }

    /// <summary>Gets the line's operating physician (837I loop 2420A), or <see langword="null"/> when the claim's applies.</summary>
    public Npi? OperatingNpi { get; init; }

    private readonly ImmutableArray<ModifierCode> modifiers;
    private readonly ImmutableArray<int> diagnosisPointers;

    // Bit n set when the line points to diagnosis n: several rules ask, for every diagnosis and line of every claim.
    private readonly ulong pointerMask;

    /// <summary>Tells whether the line carries <paramref name="modifier"/>.</summary>
    /// <param name="modifier">The modifier to look for.</param>
    /// <returns><see langword="true"/> when the modifier is on the line.</returns>
    public bool HasModifier(ModifierCode modifier)
    {
        foreach (var m in Modifiers)
        {
            if (m == modifier)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tells whether the line points to diagnosis <paramref name="diagnosis"/> (1-based).</summary>
    internal bool PointsTo(int diagnosis) => (pointerMask & 1) == 0
        ? (uint)diagnosis < 64 && (pointerMask & (1UL << diagnosis)) != 0
        : DiagnosisPointers.AsSpan().Contains(diagnosis);
}
