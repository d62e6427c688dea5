using System.Collections.Immutable;
using System.Text.Json;

namespace ClaimScrubber.Serialization;

/// <summary>
/// The claim model v2 members of a written claim (see <c>docs/json-contract.md</c>): each is written only when the
/// claim has it, so that a claim without them is written exactly as the first contract wrote it.
/// </summary>
internal static partial class ContractJson
{
    private static readonly JsonEncodedText TypeOfBillName = Name("typeOfBill");
    private static readonly JsonEncodedText AdmissionDate = Name("admissionDate");
    private static readonly JsonEncodedText AdmissionHour = Name("admissionHour");
    private static readonly JsonEncodedText AdmissionType = Name("admissionType");
    private static readonly JsonEncodedText AdmissionSource = Name("admissionSource");
    private static readonly JsonEncodedText DischargeStatusName = Name("dischargeStatus");
    private static readonly JsonEncodedText StatementFrom = Name("statementFrom");
    private static readonly JsonEncodedText StatementThrough = Name("statementThrough");
    private static readonly JsonEncodedText PresentOnAdmissionName = Name("presentOnAdmission");
    private static readonly JsonEncodedText AdmittingDiagnosis = Name("admittingDiagnosis");
    private static readonly JsonEncodedText ReasonForVisitDiagnoses = Name("reasonForVisitDiagnoses");
    private static readonly JsonEncodedText ExternalCauseDiagnoses = Name("externalCauseDiagnoses");
    private static readonly JsonEncodedText ExternalCausePresentOnAdmission = Name("externalCausePresentOnAdmission");
    private static readonly JsonEncodedText PcsProcedures = Name("pcsProcedures");
    private static readonly JsonEncodedText ConditionCodes = Name("conditionCodes");
    private static readonly JsonEncodedText OccurrenceCodes = Name("occurrenceCodes");
    private static readonly JsonEncodedText OccurrenceSpanCodes = Name("occurrenceSpanCodes");
    private static readonly JsonEncodedText ValueCodes = Name("valueCodes");
    private static readonly JsonEncodedText AttendingNpi = Name("attendingNpi");
    private static readonly JsonEncodedText OperatingNpi = Name("operatingNpi");
    private static readonly JsonEncodedText ReferringNpi = Name("referringNpi");
    private static readonly JsonEncodedText SupervisingNpi = Name("supervisingNpi");
    private static readonly JsonEncodedText OrderingNpi = Name("orderingNpi");
    private static readonly JsonEncodedText ServiceFacilityName = Name("serviceFacility");
    private static readonly JsonEncodedText NpiName = Name("npi");
    private static readonly JsonEncodedText PostalCode = Name("postalCode");
    private static readonly JsonEncodedText PriorAuthorization = Name("priorAuthorization");
    private static readonly JsonEncodedText ReferralNumber = Name("referralNumber");
    private static readonly JsonEncodedText PayerClaimControlNumber = Name("payerClaimControlNumber");
    private static readonly JsonEncodedText CliaNumber = Name("cliaNumber");
    private static readonly JsonEncodedText CoverageName = Name("coverage");
    private static readonly JsonEncodedText OtherCoverages = Name("otherCoverages");
    private static readonly JsonEncodedText ResponsibilitySequence = Name("responsibilitySequence");
    private static readonly JsonEncodedText PatientRelationship = Name("patientRelationship");
    private static readonly JsonEncodedText ClaimFilingIndicator = Name("claimFilingIndicator");
    private static readonly JsonEncodedText MemberId = Name("memberId");
    private static readonly JsonEncodedText PayerId = Name("payerId");
    private static readonly JsonEncodedText PayerName = Name("payerName");
    private static readonly JsonEncodedText PaidAmount = Name("paidAmount");
    private static readonly JsonEncodedText DateName = Name("date");
    private static readonly JsonEncodedText From = Name("from");
    private static readonly JsonEncodedText Through = Name("through");
    private static readonly JsonEncodedText Amount = Name("amount");
    private static readonly JsonEncodedText Drug = Name("drug");
    private static readonly JsonEncodedText Ndc = Name("ndc");
    private static readonly JsonEncodedText Quantity = Name("quantity");
    private static readonly JsonEncodedText Unit = Name("unit");
    private static readonly JsonEncodedText LineItemControlNumber = Name("lineItemControlNumber");
    private static readonly JsonEncodedText AnesthesiaMinutes = Name("anesthesiaMinutes");

    private static readonly JsonEncodedText X12Name = Name("x12");
    private static readonly JsonEncodedText Loop = Name("loop");
    private static readonly JsonEncodedText X12Element = Name("element");
    private static readonly JsonEncodedText Segment = Name("segment");
    private static readonly JsonEncodedText Interchange = Name("interchange");
    private static readonly JsonEncodedText Group = Name("group");
    private static readonly JsonEncodedText Transaction = Name("transaction");
    private static readonly JsonEncodedText Guide = Name("guide");
    private static readonly JsonEncodedText ClaimOrdinal = Name("claimOrdinal");

    /// <summary>Where a finding's element is in the 837: <c>"x12": {"loop","element","segment"}</c>, the segment null when the claim does not carry it.</summary>
    private static void WriteX12Location(Utf8JsonWriter w, X12.X12Location location)
    {
        w.WriteStartObject(X12Name);
        w.WriteString(Loop, location.Loop);
        w.WriteString(X12Element, location.Element);
        Number(w, Segment, location.SegmentPosition);
        w.WriteEndObject();
    }

    /// <summary>Where the claim is in the 837: <c>"x12": {"interchange","group","transaction","guide","claimOrdinal","segment"}</c>.</summary>
    private static void WriteX12Source(Utf8JsonWriter w, X12.X12ClaimSource source)
    {
        w.WriteStartObject(X12Name);
        w.WriteString(Interchange, source.InterchangeControlNumber);
        w.WriteString(Group, source.GroupControlNumber);
        w.WriteString(Transaction, source.TransactionControlNumber);
        w.WriteString(Guide, source.ImplementationGuide);
        w.WriteNumber(ClaimOrdinal, source.ClaimOrdinal);
        w.WriteNumber(Segment, source.SegmentPosition);
        w.WriteEndObject();
    }

    private static void WriteExtended(Utf8JsonWriter w, Claim claim)
    {
        Optional(w, TypeOfBillName, claim.TypeOfBill?.ToString());
        Optional(w, AdmissionDate, claim.AdmissionDate);
        Optional(w, AdmissionHour, claim.AdmissionHour);
        Optional(w, AdmissionType, claim.AdmissionType);
        Optional(w, AdmissionSource, claim.AdmissionSource);
        Optional(w, DischargeStatusName, claim.DischargeStatus?.ToString());
        Optional(w, StatementFrom, claim.StatementFrom);
        Optional(w, StatementThrough, claim.StatementThrough);
        Indicators(w, PresentOnAdmissionName, claim.PresentOnAdmission);
        Optional(w, AdmittingDiagnosis, claim.AdmittingDiagnosis?.ToDottedString());
        DiagnosisList(w, ReasonForVisitDiagnoses, claim.ReasonForVisitDiagnoses);
        DiagnosisList(w, ExternalCauseDiagnoses, claim.ExternalCauseDiagnoses);
        Indicators(w, ExternalCausePresentOnAdmission, claim.ExternalCausePresentOnAdmission);
        if (!claim.PcsProcedures.IsEmpty)
        {
            w.WriteStartArray(PcsProcedures);
            foreach (var procedure in claim.PcsProcedures)
            {
                w.WriteStartObject();
                w.WriteString(Code, procedure.Code.ToString());
                Optional(w, DateName, procedure.Date);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!claim.ConditionCodes.IsEmpty)
        {
            w.WriteStartArray(ConditionCodes);
            foreach (var code in claim.ConditionCodes)
            {
                w.WriteStringValue(code.ToString());
            }

            w.WriteEndArray();
        }

        if (!claim.OccurrenceCodes.IsEmpty)
        {
            w.WriteStartArray(OccurrenceCodes);
            foreach (var occurrence in claim.OccurrenceCodes)
            {
                w.WriteStartObject();
                w.WriteString(Code, occurrence.Code.ToString());
                Optional(w, DateName, occurrence.Date);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!claim.OccurrenceSpanCodes.IsEmpty)
        {
            w.WriteStartArray(OccurrenceSpanCodes);
            foreach (var span in claim.OccurrenceSpanCodes)
            {
                w.WriteStartObject();
                w.WriteString(Code, span.Code.ToString());
                Optional(w, From, span.From);
                Optional(w, Through, span.Through);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!claim.ValueCodes.IsEmpty)
        {
            w.WriteStartArray(ValueCodes);
            foreach (var value in claim.ValueCodes)
            {
                w.WriteStartObject();
                w.WriteString(Code, value.Code.ToString());
                Optional(w, Amount, value.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Optional(w, AttendingNpi, claim.AttendingNpi?.ToString());
        Optional(w, OperatingNpi, claim.OperatingNpi?.ToString());
        Optional(w, ReferringNpi, claim.ReferringNpi?.ToString());
        Optional(w, SupervisingNpi, claim.SupervisingNpi?.ToString());
        if (claim.ServiceFacility is { } facility)
        {
            w.WriteStartObject(ServiceFacilityName);
            Optional(w, NpiName, facility.Npi?.ToString());
            Optional(w, PostalCode, facility.PostalCode);
            w.WriteEndObject();
        }

        Optional(w, PriorAuthorization, claim.PriorAuthorization);
        Optional(w, ReferralNumber, claim.ReferralNumber);
        Optional(w, PayerClaimControlNumber, claim.PayerClaimControlNumber);
        Optional(w, CliaNumber, claim.CliaNumber);
        if (!IsEmpty(claim.Coverage))
        {
            w.WritePropertyName(CoverageName);
            WriteCoverage(w, claim.Coverage);
        }

        if (!claim.OtherCoverages.IsEmpty)
        {
            w.WriteStartArray(OtherCoverages);
            foreach (var other in claim.OtherCoverages)
            {
                WriteCoverage(w, other);
            }

            w.WriteEndArray();
        }
    }

    private static void WriteExtended(Utf8JsonWriter w, ServiceLine line)
    {
        if (line.Drug is { } drug)
        {
            w.WriteStartObject(Drug);
            w.WriteString(Ndc, drug.Ndc.ToString());
            Optional(w, Quantity, drug.Quantity);
            Optional(w, Unit, drug.Unit is { } unit ? ContractNames.Of(unit) : null);
            w.WriteEndObject();
        }

        Optional(w, LineItemControlNumber, line.LineItemControlNumber);
        Optional(w, AnesthesiaMinutes, line.AnesthesiaMinutes);
        Optional(w, ReferringNpi, line.ReferringNpi?.ToString());
        Optional(w, OrderingNpi, line.OrderingNpi?.ToString());
        Optional(w, SupervisingNpi, line.SupervisingNpi?.ToString());
        Optional(w, OperatingNpi, line.OperatingNpi?.ToString());
    }

    private static bool IsEmpty(Coverage coverage) =>
        coverage.ResponsibilitySequence is null && coverage.PatientRelationship is null && coverage.ClaimFilingIndicator is null
        && coverage.MemberId is null && coverage.PayerId is null && coverage.PayerName is null && coverage.PaidAmount is null;

    private static void WriteCoverage(Utf8JsonWriter w, Coverage coverage)
    {
        w.WriteStartObject();
        Optional(w, ResponsibilitySequence, coverage.ResponsibilitySequence);
        Optional(w, PatientRelationship, coverage.PatientRelationship);
        Optional(w, ClaimFilingIndicator, coverage.ClaimFilingIndicator);
        Optional(w, MemberId, coverage.MemberId);
        Optional(w, PayerId, coverage.PayerId);
        Optional(w, PayerName, coverage.PayerName);
        Optional(w, PaidAmount, coverage.PaidAmount);
        w.WriteEndObject();
    }

    private static void DiagnosisList(Utf8JsonWriter w, JsonEncodedText name, ImmutableArray<IcdCode> codes)
    {
        if (codes.IsEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var code in codes)
        {
            w.WriteStringValue(code.ToDottedString());
        }

        w.WriteEndArray();
    }

    private static void Indicators(Utf8JsonWriter w, JsonEncodedText name, ImmutableArray<PresentOnAdmission> indicators)
    {
        if (indicators.IsEmpty)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var indicator in indicators)
        {
            if (ContractNames.Of(indicator) is { } letter)
            {
                w.WriteStringValue(letter);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter w, JsonEncodedText name, DateOnly? value)
    {
        if (value is not null)
        {
            Date(w, name, value);
        }
    }

    private static void Optional(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }

    private static void Optional(Utf8JsonWriter w, JsonEncodedText name, decimal? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }
}
