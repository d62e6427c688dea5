using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ClaimScrubber.Serialization;

/// <summary>
/// The claim elements a JSON or CSV reader has read beyond the first contract's (the institutional header, condition,
/// occurrence and value codes, present-on-admission indicators, more diagnoses and providers, references, coverage),
/// before the claim is built. A reader keeps one and hands it over (<see cref="ClaimParts.Extension"/>) only for a claim
/// that gives any of them, so that the others cost nothing.
/// </summary>
internal sealed class ClaimExtension
{
    public TypeOfBill? TypeOfBill { get; set; }

    public DateOnly? AdmissionDate { get; set; }

    public int? AdmissionHour { get; set; }

    public string? AdmissionType { get; set; }

    public string? AdmissionSource { get; set; }

    public DischargeStatus? DischargeStatus { get; set; }

    public DateOnly? StatementFrom { get; set; }

    public DateOnly? StatementThrough { get; set; }

    public List<PresentOnAdmission> PresentOnAdmission { get; } = [];

    public IcdCode? AdmittingDiagnosis { get; set; }

    public List<IcdCode> ReasonForVisitDiagnoses { get; } = [];

    public List<IcdCode> ExternalCauseDiagnoses { get; } = [];

    public List<PresentOnAdmission> ExternalCausePresentOnAdmission { get; } = [];

    public List<PcsProcedure> PcsProcedures { get; } = [];

    public List<NubcCode> ConditionCodes { get; } = [];

    public List<OccurrenceCode> OccurrenceCodes { get; } = [];

    public List<OccurrenceSpanCode> OccurrenceSpanCodes { get; } = [];

    public List<ValueCode> ValueCodes { get; } = [];

    public Npi? AttendingNpi { get; set; }

    public Npi? OperatingNpi { get; set; }

    public Npi? ReferringNpi { get; set; }

    public Npi? SupervisingNpi { get; set; }

    public ServiceFacility? ServiceFacility { get; set; }

    public string? PriorAuthorization { get; set; }

    public string? ReferralNumber { get; set; }

    public string? PayerClaimControlNumber { get; set; }

    public string? CliaNumber { get; set; }

    public Coverage? Coverage { get; set; }

    public List<Coverage> OtherCoverages { get; } = [];

    /// <summary>The list as one exact-size immutable array; empty for none.</summary>
    public static ImmutableArray<T> Immutable<T>(List<T>? items) =>
        items is null || items.Count == 0 ? ImmutableArray<T>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(items.ToArray());

    public void Reset()
    {
        TypeOfBill = null;
        AdmissionDate = null;
        AdmissionHour = null;
        AdmissionType = null;
        AdmissionSource = null;
        DischargeStatus = null;
        StatementFrom = null;
        StatementThrough = null;
        PresentOnAdmission.Clear();
        AdmittingDiagnosis = null;
        ReasonForVisitDiagnoses.Clear();
        ExternalCauseDiagnoses.Clear();
        ExternalCausePresentOnAdmission.Clear();
        PcsProcedures.Clear();
        ConditionCodes.Clear();
        OccurrenceCodes.Clear();
        OccurrenceSpanCodes.Clear();
        ValueCodes.Clear();
        AttendingNpi = null;
        OperatingNpi = null;
        ReferringNpi = null;
        SupervisingNpi = null;
        ServiceFacility = null;
        PriorAuthorization = null;
        ReferralNumber = null;
        PayerClaimControlNumber = null;
        CliaNumber = null;
        Coverage = null;
        OtherCoverages.Clear();
    }
}
