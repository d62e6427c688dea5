using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Gathers one claim (loop 2300 and what it encloses) as its segments are read, and builds the immutable claim at its
/// end. One builder is reused for every claim of a file; only the built claim outlives it.
/// </summary>
internal sealed class X12ClaimBuilder
{
    private readonly List<X12LineBuilder> linePool = [];

    public string? ClaimId { get; set; }

    public bool ClaimIdUnreadable { get; set; }

    public PlaceOfServiceCode? PlaceOfService { get; set; }

    public TypeOfBill? TypeOfBill { get; set; }

    public string? FrequencyCode { get; set; }

    public DateOnly? DischargeDate { get; set; }

    public DateOnly? AdmissionDate { get; set; }

    public int? AdmissionHour { get; set; }

    public DateOnly? StatementFrom { get; set; }

    public DateOnly? StatementThrough { get; set; }

    public string? AdmissionType { get; set; }

    public string? AdmissionSource { get; set; }

    public DischargeStatus? DischargeStatus { get; set; }

    public IcdCode? Principal { get; set; }

    public PresentOnAdmission PrincipalPresentOnAdmission { get; set; }

    public List<IcdCode> OtherDiagnoses { get; } = [];

    public List<PresentOnAdmission> OtherPresentOnAdmission { get; } = [];

    public IcdCode? AdmittingDiagnosis { get; set; }

    public List<IcdCode> ReasonForVisit { get; } = [];

    public List<IcdCode> ExternalCauses { get; } = [];

    public List<PresentOnAdmission> ExternalCausePresentOnAdmission { get; } = [];

    public PcsProcedure? PrincipalProcedure { get; set; }

    public List<PcsProcedure> OtherProcedures { get; } = [];

    public List<NubcCode> ConditionCodes { get; } = [];

    public List<OccurrenceCode> OccurrenceCodes { get; } = [];

    public List<OccurrenceSpanCode> OccurrenceSpanCodes { get; } = [];

    public List<ValueCode> ValueCodes { get; } = [];

    public Npi? AttendingNpi { get; set; }

    public Npi? OperatingNpi { get; set; }

    public Npi? ReferringNpi { get; set; }

    public Npi? RenderingNpi { get; set; }

    public Npi? SupervisingNpi { get; set; }

    public bool HasServiceFacility { get; set; }

    public Npi? ServiceFacilityNpi { get; set; }

    public string? ServiceFacilityPostalCode { get; set; }

    public string? PriorAuthorization { get; set; }

    public string? ReferralNumber { get; set; }

    public string? PayerClaimControlNumber { get; set; }

    public string? CliaNumber { get; set; }

    public List<X12OtherCoverageBuilder> OtherCoverages { get; } = [];

    public List<X12LineBuilder> Lines { get; } = [];

    /// <summary>Gets the number of LX segments seen, including those beyond the limit, which are not kept.</summary>
    public int LineCount { get; set; }

    public List<ClaimElementError> Errors { get; } = [];

    public List<X12Mark> Marks { get; } = [];

    /// <summary>Gets or sets the claim-level roles seen once already, one bit per <see cref="X12Role"/>.</summary>
    public ulong Seen { get; set; }

    /// <summary>Gets or sets the lists whose limit was reported already, one bit per <see cref="X12Role"/>.</summary>
    public ulong Overflowed { get; set; }

    /// <summary>Gets the number of diagnoses read so far (principal included), for the limit and element paths.</summary>
    public int DiagnosisCount => (Principal is null ? 0 : 1) + OtherDiagnoses.Count;

    public X12LineBuilder? CurrentLine => Lines.Count == 0 || LineCount > Lines.Count ? null : Lines[^1];

    public void Reset()
    {
        ClaimId = null;
        ClaimIdUnreadable = false;
        PlaceOfService = null;
        TypeOfBill = null;
        FrequencyCode = null;
        DischargeDate = null;
        AdmissionDate = null;
        AdmissionHour = null;
        StatementFrom = null;
        StatementThrough = null;
        AdmissionType = null;
        AdmissionSource = null;
        DischargeStatus = null;
        Principal = null;
        PrincipalPresentOnAdmission = PresentOnAdmission.NotReported;
        OtherDiagnoses.Clear();
        OtherPresentOnAdmission.Clear();
        AdmittingDiagnosis = null;
        ReasonForVisit.Clear();
        ExternalCauses.Clear();
        ExternalCausePresentOnAdmission.Clear();
        PrincipalProcedure = null;
        OtherProcedures.Clear();
        ConditionCodes.Clear();
        OccurrenceCodes.Clear();
        OccurrenceSpanCodes.Clear();
        ValueCodes.Clear();
        AttendingNpi = null;
        OperatingNpi = null;
        ReferringNpi = null;
        RenderingNpi = null;
        SupervisingNpi = null;
        HasServiceFacility = false;
        ServiceFacilityNpi = null;
        ServiceFacilityPostalCode = null;
        PriorAuthorization = null;
        ReferralNumber = null;
        PayerClaimControlNumber = null;
        CliaNumber = null;
        OtherCoverages.Clear();
        foreach (var line in Lines)
        {
            linePool.Add(line);
        }

        Lines.Clear();
        LineCount = 0;
        Errors.Clear();
        Marks.Clear();
        Seen = 0;
        Overflowed = 0;
    }

    /// <summary>Starts the next service line (a reused builder).</summary>
    public X12LineBuilder AddLine()
    {
        X12LineBuilder line;
        if (linePool.Count > 0)
        {
            line = linePool[^1];
            linePool.RemoveAt(linePool.Count - 1);
            line.Reset();
        }
        else
        {
            line = new X12LineBuilder();
        }

        Lines.Add(line);
        return line;
    }

    public void Mark(X12Role role, int position, int line = 0, int item = 0, int element = 0) =>
        Marks.Add(new X12Mark(role, (short)line, (short)item, (byte)element, position));

    /// <summary>Builds the claim; the caller has made sure no error was collected.</summary>
    public Claim Build(X12Form form, Npi? billingNpi, Patient patient, Coverage coverage)
    {
        var setting = form == X12Form.Professional ? ClaimSetting.Professional : TypeOfBill?.Setting ?? ClaimSetting.OtherInstitutional;
        var diagnoses = ImmutableArray<IcdCode>.Empty;
        var presentOnAdmission = ImmutableArray<PresentOnAdmission>.Empty;
        if (Principal is { } principal)
        {
            var codes = new IcdCode[DiagnosisCount];
            codes[0] = principal;
            OtherDiagnoses.CopyTo(codes, 1);
            diagnoses = ImmutableCollectionsMarshal.AsImmutableArray(codes);
            presentOnAdmission = Trimmed(PrincipalPresentOnAdmission, OtherPresentOnAdmission);
        }

        var lines = new ServiceLine[Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Lines[i].Build();
        }

        var procedures = ImmutableArray<PcsProcedure>.Empty;
        if (PrincipalProcedure is { } principalProcedure)
        {
            var all = new PcsProcedure[OtherProcedures.Count + 1];
            all[0] = principalProcedure;
            OtherProcedures.CopyTo(all, 1);
            procedures = ImmutableCollectionsMarshal.AsImmutableArray(all);
        }

        return new Claim
        {
            ClaimId = ClaimId ?? string.Empty,
            Setting = setting,
            Patient = patient,
            BillingNpi = billingNpi,
            RenderingNpi = RenderingNpi,
            PlaceOfService = PlaceOfService,
            FrequencyCode = FrequencyCode,
            DischargeDate = form == X12Form.Professional ? DischargeDate : setting == ClaimSetting.Inpatient ? StatementThrough : null,
            Diagnoses = diagnoses,
            Lines = ImmutableCollectionsMarshal.AsImmutableArray(lines),
            PresentOnAdmission = presentOnAdmission,
            AdmittingDiagnosis = AdmittingDiagnosis,
            ReasonForVisitDiagnoses = ClaimExtension.Immutable(ReasonForVisit),
            ExternalCauseDiagnoses = ClaimExtension.Immutable(ExternalCauses),
            ExternalCausePresentOnAdmission = Trimmed(null, ExternalCausePresentOnAdmission),
            PcsProcedures = procedures,
            TypeOfBill = TypeOfBill,
            AdmissionDate = AdmissionDate,
            AdmissionHour = AdmissionHour,
            AdmissionType = AdmissionType,
            AdmissionSource = AdmissionSource,
            DischargeStatus = DischargeStatus,
            StatementFrom = StatementFrom,
            StatementThrough = StatementThrough,
            ConditionCodes = ClaimExtension.Immutable(ConditionCodes),
            OccurrenceCodes = ClaimExtension.Immutable(OccurrenceCodes),
            OccurrenceSpanCodes = ClaimExtension.Immutable(OccurrenceSpanCodes),
            ValueCodes = ClaimExtension.Immutable(ValueCodes),
            AttendingNpi = AttendingNpi,
            OperatingNpi = OperatingNpi,
            ReferringNpi = ReferringNpi,
            SupervisingNpi = SupervisingNpi,
            ServiceFacility = HasServiceFacility ? new ServiceFacility { Npi = ServiceFacilityNpi, PostalCode = ServiceFacilityPostalCode } : null,
            PriorAuthorization = PriorAuthorization,
            ReferralNumber = ReferralNumber,
            PayerClaimControlNumber = PayerClaimControlNumber,
            CliaNumber = CliaNumber,
            Coverage = coverage,
            OtherCoverages = OtherCoverages.Count == 0 ? [] : [.. OtherCoverages.Select(o => o.Build())],
        };
    }

    /// <summary>
    /// The indicators in claim order without the trailing unreported ones, empty when none is reported: a file cannot
    /// tell "reported as blank" from "not reported", so the claim keeps one form of each.
    /// </summary>
    private static ImmutableArray<PresentOnAdmission> Trimmed(PresentOnAdmission? first, List<PresentOnAdmission> rest)
    {
        var count = rest.Count;
        while (count > 0 && rest[count - 1] == PresentOnAdmission.NotReported)
        {
            count--;
        }

        if (count == 0 && (first ?? PresentOnAdmission.NotReported) == PresentOnAdmission.NotReported)
        {
            return [];
        }

        var offset = first is null ? 0 : 1;
        var indicators = new PresentOnAdmission[count + offset];
        if (first is { } f)
        {
            indicators[0] = f;
        }

        rest.CopyTo(0, indicators, offset, count);
        return ImmutableCollectionsMarshal.AsImmutableArray(indicators);
    }
}

/// <summary>One service line (loops 2400, 2410, 2420) as it is read.</summary>
internal sealed class X12LineBuilder
{
    public bool HasService { get; set; }

    public ProcedureCode? ProcedureCode { get; set; }

    public List<ModifierCode> Modifiers { get; } = [];

    public decimal? Units { get; set; }

    public int? AnesthesiaMinutes { get; set; }

    public decimal? Charge { get; set; }

    public DateOnly? ServiceDate { get; set; }

    public DateOnly? ServiceDateTo { get; set; }

    public PlaceOfServiceCode? PlaceOfService { get; set; }

    public List<int> DiagnosisPointers { get; } = [];

    public string? RevenueCode { get; set; }

    public string? LineItemControlNumber { get; set; }

    public bool HasDrug { get; set; }

    public NationalDrugCode? Ndc { get; set; }

    public decimal? DrugQuantity { get; set; }

    public DrugUnit? DrugUnit { get; set; }

    public Npi? RenderingNpi { get; set; }

    public Npi? ReferringNpi { get; set; }

    public Npi? OrderingNpi { get; set; }

    public Npi? SupervisingNpi { get; set; }

    public Npi? OperatingNpi { get; set; }

    /// <summary>Gets or sets the line-level roles seen once already.</summary>
    public ulong Seen { get; set; }

    public void Reset()
    {
        HasService = false;
        ProcedureCode = null;
        Modifiers.Clear();
        Units = null;
        AnesthesiaMinutes = null;
        Charge = null;
        ServiceDate = null;
        ServiceDateTo = null;
        PlaceOfService = null;
        DiagnosisPointers.Clear();
        RevenueCode = null;
        LineItemControlNumber = null;
        HasDrug = false;
        Ndc = null;
        DrugQuantity = null;
        DrugUnit = null;
        RenderingNpi = null;
        ReferringNpi = null;
        OrderingNpi = null;
        SupervisingNpi = null;
        OperatingNpi = null;
        Seen = 0;
    }

    public ServiceLine Build() => new()
    {
        ProcedureCode = ProcedureCode,
        Modifiers = X12SharedLists.ModifiersOf(Modifiers),
        Units = AnesthesiaMinutes is null ? Units ?? 1m : 1m,
        Charge = Charge ?? 0m,
        ServiceDate = ServiceDate,
        ServiceDateTo = ServiceDateTo,
        PlaceOfService = PlaceOfService,
        DiagnosisPointers = X12SharedLists.PointersOf(DiagnosisPointers),
        RenderingNpi = RenderingNpi,
        RevenueCode = RevenueCode,
        Drug = HasDrug && Ndc is { } ndc ? new DrugIdentification { Ndc = ndc, Quantity = DrugQuantity, Unit = DrugUnit } : null,
        LineItemControlNumber = LineItemControlNumber,
        AnesthesiaMinutes = AnesthesiaMinutes,
        ReferringNpi = ReferringNpi,
        OrderingNpi = OrderingNpi,
        SupervisingNpi = SupervisingNpi,
        OperatingNpi = OperatingNpi,
    };
}

/// <summary>One payer's coverage as it is read: the destination payer's (2000B, 2010BA, 2010BB) or another's (2320, 2330A, 2330B).</summary>
internal class X12CoverageBuilder
{
    public string? ResponsibilitySequence { get; set; }

    public string? Relationship { get; set; }

    public string? ClaimFilingIndicator { get; set; }

    public string? MemberId { get; set; }

    public string? PayerId { get; set; }

    public string? PayerName { get; set; }

    public decimal? PaidAmount { get; set; }

    public Coverage Build(string? relationship) => new()
    {
        ResponsibilitySequence = ResponsibilitySequence,
        PatientRelationship = relationship,
        ClaimFilingIndicator = ClaimFilingIndicator,
        MemberId = MemberId,
        PayerId = PayerId,
        PayerName = PayerName,
        PaidAmount = PaidAmount,
    };

    public void Clear()
    {
        ResponsibilitySequence = Relationship = ClaimFilingIndicator = MemberId = PayerId = PayerName = null;
        PaidAmount = null;
    }
}

/// <summary>Another payer (loops 2320, 2330A, 2330B), with the segments met once already.</summary>
internal sealed class X12OtherCoverageBuilder : X12CoverageBuilder
{
    public ulong Seen { get; set; }

    public Coverage Build() => Build(Relationship);
}
