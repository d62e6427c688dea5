using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>The two 837 transactions the reader and writer know.</summary>
internal enum X12Form : byte
{
    /// <summary>837P, 005010X222A1.</summary>
    Professional,

    /// <summary>837I, 005010X223A2/A3.</summary>
    Institutional,
}

/// <summary>
/// A segment occurrence that carries claim elements: which loop and segment it is. The reader records where each one
/// stood in the transaction set (<see cref="X12Mark"/>), so that a claim element's path can be turned into its place
/// in the file afterwards without the scrubber knowing about X12.
/// </summary>
internal enum X12Role : byte
{
    None,
    BillingProvider,
    Subscriber,
    SubscriberName,
    SubscriberDemographics,
    Payer,
    Patient,
    PatientDemographics,
    Claim,
    AdmissionDate,
    DischargeDate,
    StatementDates,
    InstitutionalCode,
    PriorAuthorization,
    ReferralNumber,
    PayerClaimControlNumber,
    CliaNumber,
    Diagnosis,
    AdmittingDiagnosis,
    ReasonForVisit,
    ExternalCause,
    PcsProcedure,
    ConditionCode,
    OccurrenceCode,
    OccurrenceSpanCode,
    ValueCode,
    Attending,
    Operating,
    Referring,
    Rendering,
    Supervising,
    ServiceFacility,
    ServiceFacilityAddress,
    OtherSubscriber,
    OtherPaidAmount,
    OtherSubscriberName,
    OtherPayer,
    Line,
    LineService,
    LineDate,
    LineControlNumber,
    Drug,
    DrugQuantity,
    LineRendering,
    LineReferring,
    LineOrdering,
    LineSupervising,
    LineOperating,
}

/// <summary>Where a segment of a role stood: its 1-based line (0 at claim level), item (a list position, or 0), HI composite and position in the transaction set.</summary>
internal readonly record struct X12Mark(X12Role Role, short Line, short Item, byte Element, int Position);

/// <summary>
/// A claim element's place in an 837: the role of its segment, the line and list item it belongs to, the element
/// (0 for the segment as a whole, <see cref="FromMark"/> for an HI composite, whose number depends on the file) and
/// the component (0 for none).
/// </summary>
internal readonly record struct X12Target(X12Role Role, int Line, int Item, int Element, int Component)
{
    public const int FromMark = -1;
}

/// <summary>
/// The one mapping between claim element paths (as findings and element errors name them, <c>lines[2].modifiers[1]</c>)
/// and 837 loops, segments and elements (<c>2400 SV1-01-3</c>), for both transactions. The reader names its errors
/// through it and <see cref="X12ClaimSource.Locate"/> answers through it, so the two cannot disagree.
/// </summary>
internal static class X12Map
{
    /// <summary>Resolves an element path; null when the path names nothing an 837 carries.</summary>
    /// <param name="path">The element path.</param>
    /// <param name="form">The transaction.</param>
    /// <param name="patientLoop">Whether the claim has a patient loop (2000C); without one, the subscriber is the patient.</param>
    public static X12Target? Resolve(string path, X12Form form, bool patientLoop)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var p = new PathReader(path);
        if (!p.Next(out var name, out var index))
        {
            return null;
        }

        var professional = form == X12Form.Professional;
        var demographics = patientLoop ? X12Role.PatientDemographics : X12Role.SubscriberDemographics;
        X12Target? Claim(X12Role role, int element, int component = 0) => new X12Target(role, 0, 0, element, component);
        X12Target? Hi(X12Role role, int item, int component) => item >= 1 ? new X12Target(role, 0, item, X12Target.FromMark, component) : new X12Target(role, 0, 1, 0, 0);

        switch (name)
        {
            case "claim":
                return Claim(X12Role.Claim, 0);
            case "claimId":
                return Claim(X12Role.Claim, 1);
            case "setting":
            case "placeOfService":
            case "typeOfBill":
                return Claim(X12Role.Claim, 5, 1);
            case "frequencyCode":
                return Claim(X12Role.Claim, 5, 3);
            case "patient":
                return p.Next(out var member, out _) ? member switch
                {
                    "birthDate" => Claim(demographics, 2),
                    "sex" => Claim(demographics, 3),
                    _ => null,
                } : Claim(demographics, 0);
            case "billingNpi":
                return Claim(X12Role.BillingProvider, 9);
            case "renderingNpi":
                return Claim(X12Role.Rendering, 9);
            case "attendingNpi":
                return Claim(X12Role.Attending, 9);
            case "operatingNpi":
                return Claim(X12Role.Operating, 9);
            case "referringNpi":
                return Claim(X12Role.Referring, 9);
            case "supervisingNpi":
                return Claim(X12Role.Supervising, 9);
            case "serviceFacility":
                return p.Next(out var facility, out _) ? facility switch
                {
                    "npi" => Claim(X12Role.ServiceFacility, 9),
                    "postalCode" => Claim(X12Role.ServiceFacilityAddress, 3),
                    _ => null,
                } : Claim(X12Role.ServiceFacility, 0);
            case "dischargeDate":
                return Claim(professional ? X12Role.DischargeDate : X12Role.StatementDates, 3);
            case "admissionDate":
            case "admissionHour":
                return Claim(X12Role.AdmissionDate, 3);
            case "statementFrom":
            case "statementThrough":
                return Claim(X12Role.StatementDates, 3);
            case "admissionType":
                return Claim(X12Role.InstitutionalCode, 1);
            case "admissionSource":
                return Claim(X12Role.InstitutionalCode, 2);
            case "dischargeStatus":
                return Claim(X12Role.InstitutionalCode, 3);
            case "priorAuthorization":
                return Claim(X12Role.PriorAuthorization, 2);
            case "referralNumber":
                return Claim(X12Role.ReferralNumber, 2);
            case "payerClaimControlNumber":
                return Claim(X12Role.PayerClaimControlNumber, 2);
            case "cliaNumber":
                return Claim(X12Role.CliaNumber, 2);
            case "diagnoses":
                return Hi(X12Role.Diagnosis, index, 2);
            case "presentOnAdmission":
                return Hi(X12Role.Diagnosis, index, 9);
            case "admittingDiagnosis":
                return Hi(X12Role.AdmittingDiagnosis, 1, 2);
            case "reasonForVisitDiagnoses":
                return Hi(X12Role.ReasonForVisit, index, 2);
            case "externalCauseDiagnoses":
                return Hi(X12Role.ExternalCause, index, 2);
            case "externalCausePresentOnAdmission":
                return Hi(X12Role.ExternalCause, index, 9);
            case "pcsProcedures":
                return Hi(X12Role.PcsProcedure, index, p.Next(out var pcs, out _) && pcs == "date" ? 4 : 2);
            case "conditionCodes":
                return Hi(X12Role.ConditionCode, index, 2);
            case "occurrenceCodes":
                return Hi(X12Role.OccurrenceCode, index, p.Next(out var occurrence, out _) && occurrence == "date" ? 4 : 2);
            case "occurrenceSpanCodes":
                return Hi(X12Role.OccurrenceSpanCode, index, p.Next(out var span, out _) && span is "from" or "through" ? 4 : 2);
            case "valueCodes":
                return Hi(X12Role.ValueCode, index, p.Next(out var value, out _) && value == "amount" ? 5 : 2);
            case "coverage":
                return p.Next(out var coverage, out _) ? coverage switch
                {
                    "responsibilitySequence" => Claim(X12Role.Subscriber, 1),
                    "patientRelationship" => patientLoop ? Claim(X12Role.Patient, 1) : Claim(X12Role.Subscriber, 2),
                    "claimFilingIndicator" => Claim(X12Role.Subscriber, 9),
                    "memberId" => Claim(X12Role.SubscriberName, 9),
                    "payerId" => Claim(X12Role.Payer, 9),
                    "payerName" => Claim(X12Role.Payer, 3),
                    _ => null,
                } : Claim(X12Role.Subscriber, 0);
            case "otherCoverages":
                if (index < 1)
                {
                    return new X12Target(X12Role.OtherSubscriber, 0, 1, 0, 0);
                }

                return p.Next(out var other, out _) ? other switch
                {
                    "responsibilitySequence" => new X12Target(X12Role.OtherSubscriber, 0, index, 1, 0),
                    "patientRelationship" => new X12Target(X12Role.OtherSubscriber, 0, index, 2, 0),
                    "claimFilingIndicator" => new X12Target(X12Role.OtherSubscriber, 0, index, 9, 0),
                    "paidAmount" => new X12Target(X12Role.OtherPaidAmount, 0, index, 2, 0),
                    "memberId" => new X12Target(X12Role.OtherSubscriberName, 0, index, 9, 0),
                    "payerId" => new X12Target(X12Role.OtherPayer, 0, index, 9, 0),
                    "payerName" => new X12Target(X12Role.OtherPayer, 0, index, 3, 0),
                    _ => null,
                } : new X12Target(X12Role.OtherSubscriber, 0, index, 0, 0);
            case "lines":
                return index < 1 ? new X12Target(X12Role.Line, 1, 0, 0, 0) : ResolveLine(ref p, index, professional);
            default:
                return null;
        }
    }

    private static X12Target? ResolveLine(ref PathReader p, int line, bool professional)
    {
        if (!p.Next(out var name, out var index))
        {
            return new X12Target(X12Role.Line, line, 0, 1, 0);
        }

        X12Target? Service(int professionalElement, int institutionalElement, int component = 0)
        {
            var element = professional ? professionalElement : institutionalElement;
            return element == 0 ? null : new X12Target(X12Role.LineService, line, 0, element, component);
        }

        X12Target? At(X12Role role, int element, int component = 0) => new X12Target(role, line, 0, element, component);

        return name switch
        {
            "procedureCode" => Service(1, 2, 2),
            "modifiers" => Service(1, 2, index >= 1 ? index + 2 : 3),
            "units" => Service(4, 5),
            "anesthesiaMinutes" => Service(4, 0),
            "charge" => Service(2, 3),
            "placeOfService" => Service(5, 0),
            "diagnosisPointers" => Service(7, 0, index >= 1 ? index : 1),
            "revenueCode" => Service(0, 1),
            "serviceDate" or "serviceDateTo" => At(X12Role.LineDate, 3),
            "lineItemControlNumber" => At(X12Role.LineControlNumber, 2),
            "drug" => p.Next(out var drug, out _) ? drug switch
            {
                "ndc" => At(X12Role.Drug, 3),
                "quantity" => At(X12Role.DrugQuantity, 4),
                "unit" => At(X12Role.DrugQuantity, 5, 1),
                _ => null,
            } : At(X12Role.Drug, 0),
            "renderingNpi" => At(X12Role.LineRendering, 9),
            "referringNpi" => At(X12Role.LineReferring, 9),
            "orderingNpi" => At(X12Role.LineOrdering, 9),
            "supervisingNpi" => At(X12Role.LineSupervising, 9),
            "operatingNpi" => At(X12Role.LineOperating, 9),
            _ => null,
        };
    }

    /// <summary>The loop a role's segment belongs to in each transaction.</summary>
    public static string LoopOf(X12Role role, X12Form form)
    {
        var professional = form == X12Form.Professional;
        return role switch
        {
            X12Role.BillingProvider => "2010AA",
            X12Role.Subscriber => "2000B",
            X12Role.SubscriberName or X12Role.SubscriberDemographics => "2010BA",
            X12Role.Payer => "2010BB",
            X12Role.Patient => "2000C",
            X12Role.PatientDemographics => "2010CA",
            X12Role.Attending => "2310A",
            X12Role.Operating => "2310B",
            X12Role.Referring => professional ? "2310A" : "2310F",
            X12Role.Rendering => professional ? "2310B" : "2310D",
            X12Role.Supervising => "2310D",
            X12Role.ServiceFacility or X12Role.ServiceFacilityAddress => professional ? "2310C" : "2310E",
            X12Role.OtherSubscriber or X12Role.OtherPaidAmount => "2320",
            X12Role.OtherSubscriberName => "2330A",
            X12Role.OtherPayer => "2330B",
            X12Role.Line or X12Role.LineService or X12Role.LineDate or X12Role.LineControlNumber => "2400",
            X12Role.Drug or X12Role.DrugQuantity => "2410",
            X12Role.LineRendering => professional ? "2420A" : "2420C",
            X12Role.LineReferring => professional ? "2420F" : "2420D",
            X12Role.LineOrdering => "2420E",
            X12Role.LineSupervising => "2420D",
            X12Role.LineOperating => "2420A",
            _ => "2300",
        };
    }

    /// <summary>The segment id of a role's segment.</summary>
    public static string SegmentOf(X12Role role, X12Form form) => role switch
    {
        X12Role.Subscriber or X12Role.OtherSubscriber => "SBR",
        X12Role.SubscriberDemographics or X12Role.PatientDemographics => "DMG",
        X12Role.Patient => "PAT",
        X12Role.Claim => "CLM",
        X12Role.AdmissionDate or X12Role.DischargeDate or X12Role.StatementDates or X12Role.LineDate => "DTP",
        X12Role.InstitutionalCode => "CL1",
        X12Role.PriorAuthorization or X12Role.ReferralNumber or X12Role.PayerClaimControlNumber or X12Role.CliaNumber or X12Role.LineControlNumber => "REF",
        X12Role.Diagnosis or X12Role.AdmittingDiagnosis or X12Role.ReasonForVisit or X12Role.ExternalCause or X12Role.PcsProcedure
            or X12Role.ConditionCode or X12Role.OccurrenceCode or X12Role.OccurrenceSpanCode or X12Role.ValueCode => "HI",
        X12Role.ServiceFacilityAddress => "N4",
        X12Role.OtherPaidAmount => "AMT",
        X12Role.Line => "LX",
        X12Role.LineService => form == X12Form.Professional ? "SV1" : "SV2",
        X12Role.Drug => "LIN",
        X12Role.DrugQuantity => "CTP",
        _ => "NM1",
    };

    /// <summary>Writes a target as the TR3 names it: <c>2400 SV1-01-2</c>, <c>2300 HI-02-2</c>, <c>2300 CLM</c>.</summary>
    public static string Describe(X12Target target, X12Form form, int hiElement)
    {
        var element = target.Element == X12Target.FromMark ? hiElement : target.Element;
        var loop = LoopOf(target.Role, form);
        var segment = SegmentOf(target.Role, form);
        return element <= 0
            ? string.Concat(loop, " ", segment)
            : target.Component > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{loop} {segment}-{element:00}-{target.Component}")
                : string.Create(CultureInfo.InvariantCulture, $"{loop} {segment}-{element:00}");
    }

    /// <summary>Reads <c>name[index].name…</c> one part at a time.</summary>
    private ref struct PathReader(string path)
    {
        private int position;

        public bool Next(out string name, out int index)
        {
            name = string.Empty;
            index = 0;
            if (position >= path.Length)
            {
                return false;
            }

            var end = path.IndexOf('.', position);
            var part = path.AsSpan(position, (end < 0 ? path.Length : end) - position);
            position = end < 0 ? path.Length : end + 1;
            var open = part.IndexOf('[');
            if (open >= 0 && part[^1] == ']')
            {
                if (!int.TryParse(part[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out index))
                {
                    index = 0;
                }

                part = part[..open];
            }

            name = part.ToString();
            return true;
        }
    }
}
