using System.Collections.Immutable;

namespace ClaimScrubber;

/// <summary>
/// A medical claim as far as coding edits see it: setting, patient demographics, payers, providers, the institutional
/// header (type of bill, admission, statement period, condition, occurrence and value codes), diagnoses, procedures and
/// service lines. It carries what an 837P or 837I claim carries for edits, and no names or addresses.
/// </summary>
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
    private readonly ImmutableArray<PresentOnAdmission> presentOnAdmission;
    private readonly ImmutableArray<IcdCode> reasonForVisitDiagnoses;
    private readonly ImmutableArray<IcdCode> externalCauseDiagnoses;
    private readonly ImmutableArray<PresentOnAdmission> externalCausePresentOnAdmission;
    private readonly ImmutableArray<PcsProcedure> pcsProcedures;
    private readonly ImmutableArray<NubcCode> conditionCodes;
    private readonly ImmutableArray<OccurrenceCode> occurrenceCodes;
    private readonly ImmutableArray<OccurrenceSpanCode> occurrenceSpanCodes;
    private readonly ImmutableArray<ValueCode> valueCodes;
    private readonly ImmutableArray<Coverage> otherCoverages;

    /// <summary>Gets the submitter's identifier of the claim, echoed in results.</summary>
    public required string ClaimId { get; init; }

    /// <summary>Gets the billing setting: professional for an 837P claim; for an 837I claim, what its <see cref="TypeOfBill"/> says (<see cref="TypeOfBill.Setting"/>).</summary>
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

    /// <summary>
    /// Gets the present-on-admission indicators of <see cref="Diagnoses"/>, one per diagnosis in the same order (837I
    /// HI-xx-9), or empty when the claim reports none; see <see cref="PresentOnAdmissionOf"/>.
    /// </summary>
    public ImmutableArray<PresentOnAdmission> PresentOnAdmission
    {
        get => presentOnAdmission.IsDefault ? ImmutableArray<PresentOnAdmission>.Empty : presentOnAdmission;
        init => presentOnAdmission = value;
    }

    /// <summary>Gets the diagnosis the patient was admitted with (837I HI with qualifier ABJ), or <see langword="null"/>.</summary>
    public IcdCode? AdmittingDiagnosis { get; init; }

    /// <summary>Gets the patient's reasons for an unscheduled outpatient visit (837I HI with qualifier APR), at most 3.</summary>
    public ImmutableArray<IcdCode> ReasonForVisitDiagnoses
    {
        get => reasonForVisitDiagnoses.IsDefault ? ImmutableArray<IcdCode>.Empty : reasonForVisitDiagnoses;
        init => reasonForVisitDiagnoses = value;
    }

    /// <summary>Gets the external causes of injury (837I HI with qualifier ABN), at most 12.</summary>
    public ImmutableArray<IcdCode> ExternalCauseDiagnoses
    {
        get => externalCauseDiagnoses.IsDefault ? ImmutableArray<IcdCode>.Empty : externalCauseDiagnoses;
        init => externalCauseDiagnoses = value;
    }

    /// <summary>
    /// Gets the present-on-admission indicators of <see cref="ExternalCauseDiagnoses"/>, one per code in the same order,
    /// or empty when the claim reports none.
    /// </summary>
    public ImmutableArray<PresentOnAdmission> ExternalCausePresentOnAdmission
    {
        get => externalCausePresentOnAdmission.IsDefault ? ImmutableArray<PresentOnAdmission>.Empty : externalCausePresentOnAdmission;
        init => externalCausePresentOnAdmission = value;
    }

    /// <summary>Gets the ICD-10-PCS procedures of an inpatient claim; the first is the principal procedure (837I HI BBR, then BBQ).</summary>
    public ImmutableArray<PcsProcedure> PcsProcedures
    {
        get => pcsProcedures.IsDefault ? ImmutableArray<PcsProcedure>.Empty : pcsProcedures;
        init => pcsProcedures = value;
    }

    /// <summary>
    /// Gets the type of facility and bill classification of an institutional claim (837I CLM05-1), or
    /// <see langword="null"/> on a professional claim or when missing; its frequency digit is <see cref="FrequencyCode"/>.
    /// </summary>
    public TypeOfBill? TypeOfBill { get; init; }

    /// <summary>Gets the admission date of an inpatient stay (837 DTP with qualifier 435), or <see langword="null"/>.</summary>
    public DateOnly? AdmissionDate { get; init; }

    /// <summary>Gets the hour of admission, 0 to 23 (837I DTP*435 in the DT format; UB-04 form locator 13), or <see langword="null"/>.</summary>
    public int? AdmissionHour { get; init; }

    /// <summary>Gets the priority (type) of admission or visit, one digit (837I CL1-01; UB-04 form locator 14), or <see langword="null"/>.</summary>
    public string? AdmissionType { get; init; }

    /// <summary>Gets the point of origin (source) of the admission or visit, one character (837I CL1-02; UB-04 form locator 15), or <see langword="null"/>.</summary>
    public string? AdmissionSource { get; init; }

    /// <summary>Gets the patient discharge status (837I CL1-03; UB-04 form locator 17), or <see langword="null"/>.</summary>
    public DischargeStatus? DischargeStatus { get; init; }

    /// <summary>Gets the first date the institutional bill covers (837I DTP*434; UB-04 form locator 6), or <see langword="null"/>.</summary>
    public DateOnly? StatementFrom { get; init; }

    /// <summary>Gets the last date the institutional bill covers (837I DTP*434; UB-04 form locator 6), or <see langword="null"/>.</summary>
    public DateOnly? StatementThrough { get; init; }

    /// <summary>Gets the condition codes (837I HI with qualifier BG; UB-04 form locators 18–28), at most 24.</summary>
    public ImmutableArray<NubcCode> ConditionCodes
    {
        get => conditionCodes.IsDefault ? ImmutableArray<NubcCode>.Empty : conditionCodes;
        init => conditionCodes = value;
    }

    /// <summary>Gets the occurrence codes and their dates (837I HI with qualifier BH; UB-04 form locators 31–34), at most 24.</summary>
    public ImmutableArray<OccurrenceCode> OccurrenceCodes
    {
        get => occurrenceCodes.IsDefault ? ImmutableArray<OccurrenceCode>.Empty : occurrenceCodes;
        init => occurrenceCodes = value;
    }

    /// <summary>Gets the occurrence span codes and their dates (837I HI with qualifier BI; UB-04 form locators 35–36), at most 24.</summary>
    public ImmutableArray<OccurrenceSpanCode> OccurrenceSpanCodes
    {
        get => occurrenceSpanCodes.IsDefault ? ImmutableArray<OccurrenceSpanCode>.Empty : occurrenceSpanCodes;
        init => occurrenceSpanCodes = value;
    }

    /// <summary>Gets the value codes and their amounts (837I HI with qualifier BE; UB-04 form locators 39–41), at most 24.</summary>
    public ImmutableArray<ValueCode> ValueCodes
    {
        get => valueCodes.IsDefault ? ImmutableArray<ValueCode>.Empty : valueCodes;
        init => valueCodes = value;
    }

    /// <summary>Gets the attending provider of an institutional claim (837I loop 2310A), or <see langword="null"/>.</summary>
    public Npi? AttendingNpi { get; init; }

    /// <summary>Gets the operating physician of an institutional claim (837I loop 2310B), or <see langword="null"/>.</summary>
    public Npi? OperatingNpi { get; init; }

    /// <summary>Gets the referring provider (837P loop 2310A, 837I loop 2310F), or <see langword="null"/>.</summary>
    public Npi? ReferringNpi { get; init; }

    /// <summary>Gets the supervising provider of a professional claim (837P loop 2310D), or <see langword="null"/>.</summary>
    public Npi? SupervisingNpi { get; init; }

    /// <summary>Gets the service facility, when the services were not rendered at the billing provider's address, or <see langword="null"/>.</summary>
    public ServiceFacility? ServiceFacility { get; init; }

    /// <summary>Gets the prior authorization number (2300 REF with qualifier G1), or <see langword="null"/>.</summary>
    public string? PriorAuthorization { get; init; }

    /// <summary>Gets the referral number (2300 REF with qualifier 9F), or <see langword="null"/>.</summary>
    public string? ReferralNumber { get; init; }

    /// <summary>
    /// Gets the payer's control number of the claim that a replacement (frequency 7) or void (8) replaces (2300 REF with
    /// qualifier F8), or <see langword="null"/>.
    /// </summary>
    public string? PayerClaimControlNumber { get; init; }

    /// <summary>Gets the CLIA certificate number of the laboratory (837P 2300 REF with qualifier X4), or <see langword="null"/>.</summary>
    public string? CliaNumber { get; init; }

    /// <summary>Gets the destination payer's coverage: the payer, the subscriber's membership and the payer's responsibility (837 loop 2000B).</summary>
    public Coverage Coverage { get; init; } = Coverage.None;

    /// <summary>Gets the coverage of the other payers of the claim, for coordination of benefits (837 loops 2320 and 2330), at most 10.</summary>
    public ImmutableArray<Coverage> OtherCoverages
    {
        get => otherCoverages.IsDefault ? ImmutableArray<Coverage>.Empty : otherCoverages;
        init => otherCoverages = value;
    }

    /// <summary>Gets the present-on-admission indicator of diagnosis <paramref name="diagnosis"/> (1-based, as pointers count).</summary>
    /// <param name="diagnosis">The 1-based position in <see cref="Diagnoses"/>.</param>
    /// <returns>The indicator, or <see cref="ClaimScrubber.PresentOnAdmission.NotReported"/> when the claim reports none for it.</returns>
    public PresentOnAdmission PresentOnAdmissionOf(int diagnosis)
    {
        var indicators = PresentOnAdmission;
        return (uint)(diagnosis - 1) < (uint)indicators.Length ? indicators[diagnosis - 1] : ClaimScrubber.PresentOnAdmission.NotReported;
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
