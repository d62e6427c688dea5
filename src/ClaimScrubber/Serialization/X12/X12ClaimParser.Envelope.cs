using System.Globalization;
using System.Text;

namespace ClaimScrubber.Serialization.X12;

/// <summary>The envelopes (ISA/GS/ST and their trailers) and the HL hierarchy with what its levels say about their claims.</summary>
internal sealed partial class X12ClaimParser
{
    private void OnInterchangeHeader()
    {
        if (inInterchange)
        {
            CloseTransaction("the next ISA");
            if (inGroup)
            {
                Envelope($"functional group {groupControl} has no GE trailer before the next ISA.");
            }

            Envelope($"interchange {interchangeControl} has no IEA trailer before the next ISA.");
        }

        if (reader.ElementCount != 16)
        {
            Envelope(string.Create(CultureInfo.InvariantCulture, $"the ISA has {reader.ElementCount} elements; an interchange header has 16."));
        }

        inInterchange = true;
        inGroup = false;
        interchangeControl = Text(13) ?? string.Empty;
        groupCount = 0;
    }

    private void OnInterchangeTrailer()
    {
        CloseTransaction("IEA");
        if (inGroup)
        {
            Envelope($"functional group {groupControl} has no GE trailer before the IEA.");
            inGroup = false;
        }

        if (!inInterchange)
        {
            Envelope("IEA without an ISA before it.");
            return;
        }

        if (!X12Values.TryInt(reader.Element(1), out var groups) || groups != groupCount)
        {
            Envelope(string.Create(CultureInfo.InvariantCulture, $"IEA-01 says {X12Values.Echo(reader.Element(1))} functional group(s); interchange {interchangeControl} holds {groupCount}."));
        }

        if (!ElementMatches(2, interchangeControl))
        {
            Envelope($"IEA-02 control number {X12Values.Echo(reader.Element(2))} does not match ISA-13 {interchangeControl}.");
        }

        inInterchange = false;
    }

    private void OnGroupHeader()
    {
        CloseTransaction("the next GS");
        if (inGroup)
        {
            Envelope($"functional group {groupControl} has no GE trailer before the next GS.");
        }

        if (!inInterchange)
        {
            Envelope("GS outside an interchange (no ISA before it).");
        }

        inGroup = true;
        groupCount++;
        groupControl = Text(6) ?? string.Empty;
        groupGuide = Text(8);
        transactionCount = 0;
    }

    private void OnGroupTrailer()
    {
        CloseTransaction("GE");
        if (!inGroup)
        {
            Envelope("GE without a GS before it.");
            return;
        }

        if (!X12Values.TryInt(reader.Element(1), out var count) || count != transactionCount)
        {
            Envelope(string.Create(CultureInfo.InvariantCulture, $"GE-01 says {X12Values.Echo(reader.Element(1))} transaction set(s); functional group {groupControl} holds {transactionCount}."));
        }

        if (!ElementMatches(2, groupControl))
        {
            Envelope($"GE-02 control number {X12Values.Echo(reader.Element(2))} does not match GS-06 {groupControl}.");
        }

        inGroup = false;
    }

    private void OnTransactionHeader()
    {
        CloseTransaction("the next ST");
        if (!inGroup)
        {
            Envelope("ST outside a functional group (no GS before it).");
        }

        transactionCount++;
        inTransaction = true;
        position = 1;
        transactionControl = Text(2) ?? string.Empty;
        var guide = Text(3) ?? groupGuide ?? string.Empty;
        X12Form? kind = null;
        transactionProblem = null;
        if (!ElementIs(1, "837"u8))
        {
            transactionProblem = $"transaction set {X12Values.Echo(reader.Element(1))} (ST-01) is not a health care claim (837).";
        }
        else if (guide.StartsWith("005010X222", StringComparison.Ordinal))
        {
            kind = X12Form.Professional;
        }
        else if (guide.StartsWith("005010X223", StringComparison.Ordinal))
        {
            kind = X12Form.Institutional;
        }
        else
        {
            transactionProblem = $"the implementation guide '{X12Values.Echo(Encoding.UTF8.GetBytes(guide))}' (ST-03, GS-08) is neither the 837P (005010X222A1) nor the 837I (005010X223A2/A3); the claims of this transaction set are not read.";
        }

        form = kind ?? X12Form.Professional;
        transaction = new X12TransactionInfo(interchangeControl, groupControl, transactionControl, guide, kind);
        billing = null;
        subscriber = null;
        patient = null;
        current = null;
        claimOrdinalInTransaction = 0;
    }

    private void OnTransactionTrailer()
    {
        if (!inTransaction)
        {
            Envelope("SE without an ST before it.");
            return;
        }

        if (!X12Values.TryInt(reader.Element(1), out var count) || count != position)
        {
            Envelope(string.Create(CultureInfo.InvariantCulture, $"SE-01 says {X12Values.Echo(reader.Element(1))} segments; transaction set {transactionControl} has {position} (ST and SE included)."));
        }

        if (!ElementMatches(2, transactionControl))
        {
            Envelope($"SE-02 control number {X12Values.Echo(reader.Element(2))} does not match ST-02 {transactionControl}.");
        }

        inTransaction = false;
    }

    private void CloseTransaction(string next)
    {
        if (inTransaction)
        {
            Envelope($"transaction set {transactionControl} has no SE trailer before {next}.");
            inTransaction = false;
        }
    }

    private bool ElementMatches(int element, string expected) => X12Values.Text(reader.Element(element)) is { } text && text == expected;

    private ClaimReadResult? OutsideTransaction(int tag)
    {
        if (tag == Ta1 && inInterchange && !inGroup)
        {
            return null;
        }

        Envelope(inInterchange ? "the segment is outside a transaction set (between ST and SE)." : "the segment is outside an interchange (between ISA and IEA).");
        if (tag != Clm)
        {
            return null;
        }

        // A claim is never dropped: one outside any transaction is reported unreadable.
        claimOrdinalInFile++;
        var id = X12Values.Text(reader.Element(1));
        var error = new ClaimElementError("claim", $"segment {reader.SegmentNumber} (CLM): the claim is outside a transaction set (no ST before it), so its loops cannot be read.", null, reader.Line);
        return new ClaimReadResult(claimOrdinalInFile, reader.Line, id is null || id.Length > ClaimLimits.MaxClaimIdLength ? ClaimReadResult.Placeholder(claimOrdinalInFile) : id, null, [error]);
    }

    // ---- Hierarchy (2000A/B/C) -------------------------------------------------------------------------------

    private void OnHierarchy()
    {
        var id = Text(1) ?? string.Empty;
        var parent = Text(2);
        var level = reader.Element(3);
        if (level.SequenceEqual("20"u8))
        {
            billingContext.Reset(id);
            billing = billingContext;
            subscriber = null;
            patient = null;
            current = billing;
            if (parent is not null)
            {
                HierarchyError(billing, "2000A HL-02", $"a billing provider level has no parent, but HL-02 is {parent}.");
            }
        }
        else if (level.SequenceEqual("22"u8))
        {
            subscriberContext.Reset(id);
            subscriber = subscriberContext;
            patient = null;
            current = subscriber;
            if (billing is null)
            {
                HierarchyError(subscriber, "2000B HL", "the subscriber level has no billing provider level (HL-03 20) before it.");
            }
            else if (parent != billing.Id)
            {
                HierarchyError(subscriber, "2000B HL-02", $"parent {parent ?? "(none)"} is not the billing provider level {billing.Id} before it.");
            }
        }
        else if (level.SequenceEqual("23"u8))
        {
            patientContext.Reset(id);
            patientContext.Subscriber = subscriber ?? new X12SubscriberContext();
            patient = patientContext;
            current = patient;
            if (subscriber is null)
            {
                HierarchyError(patient, "2000C HL", "the patient level has no subscriber level (HL-03 22) before it.");
            }
            else if (parent != subscriber.Id)
            {
                HierarchyError(patient, "2000C HL-02", $"parent {parent ?? "(none)"} is not the subscriber level {subscriber.Id} before it.");
            }
        }
        else
        {
            // Claims under an unknown level cannot be placed; they are reported, not dropped.
            subscriberContext.Reset(id);
            subscriber = subscriberContext;
            patient = null;
            current = subscriber;
            HierarchyError(subscriber, "HL-03", $"level '{X12Values.Echo(level)}' is not 20 (billing provider), 22 (subscriber) or 23 (patient).");
        }
    }

    private void HierarchyError(X12Context context, string where, string message) =>
        context.Errors.Add(new ClaimElementError("claim", Located(where, message), null, reader.Line));

    private void OnContextSegment(int tag)
    {
        switch (current)
        {
            case X12BillingContext b when tag == Nm1 && ElementIs(1, "85"u8):
                b.Mark(X12Role.BillingProvider, position);
                b.Npi = ReadNpi(b.Errors, "billingNpi", null, false);
                break;
            case X12SubscriberContext s:
                OnSubscriberSegment(s, tag);
                break;
            case X12PatientContext p when tag == Pat:
                p.Mark(X12Role.Patient, position);
                p.Relationship = Text(1);
                break;
            case X12PatientContext p when tag == Dmg:
                p.Mark(X12Role.PatientDemographics, position);
                var (birth, sex) = ReadDemographics(p.Errors, true);
                p.BirthDate = birth;
                p.Sex = sex;
                break;
            default:
                break;
        }
    }

    private void OnSubscriberSegment(X12SubscriberContext s, int tag)
    {
        switch (tag)
        {
            case Sbr:
                s.Mark(X12Role.Subscriber, position);
                s.Payer.ResponsibilitySequence = Text(1);
                s.Payer.Relationship = Text(2);
                s.Payer.ClaimFilingIndicator = Text(9);
                break;
            case Nm1 when ElementIs(1, "IL"u8):
                s.Mark(X12Role.SubscriberName, position);
                s.Payer.MemberId = Text(9);
                break;
            case Nm1 when ElementIs(1, "PR"u8):
                s.Mark(X12Role.Payer, position);
                s.Payer.PayerName = X12Values.Text(reader.Element(3), ref lastPayerName);
                s.Payer.PayerId = X12Values.Text(reader.Element(9), ref lastPayerId);
                break;
            case Dmg:
                s.Mark(X12Role.SubscriberDemographics, position);
                var (birth, sex) = ReadDemographics(s.DemographicsErrors, false);
                s.BirthDate = birth;
                s.Sex = sex;
                break;
            default:
                break;
        }
    }

    private (DateOnly? Birth, Sex Sex) ReadDemographics(List<ClaimElementError> sink, bool patientLoop)
    {
        DateOnly? birth = null;
        var text = reader.Element(2);
        if (!text.IsEmpty)
        {
            if (!ElementIs(1, "D8"u8))
            {
                Error(sink, "patient.birthDate", null, $"DMG-01 date format '{X12Values.Echo(reader.Element(1))}' is not D8.", patientLoop: patientLoop);
            }
            else if (X12Values.TryDate(text, out var date))
            {
                birth = date;
            }
            else
            {
                Error(sink, "patient.birthDate", null, "the date of birth is not a calendar date in the form CCYYMMDD (D8).", patientLoop: patientLoop);
            }
        }

        var sexText = reader.Element(3);
        var sex = Sex.Unknown;
        if (sexText.SequenceEqual("F"u8))
        {
            sex = Sex.Female;
        }
        else if (sexText.SequenceEqual("M"u8))
        {
            sex = Sex.Male;
        }
        else if (!sexText.IsEmpty && !sexText.SequenceEqual("U"u8))
        {
            Error(sink, "patient.sex", null, "the sex is not F, M or U.", patientLoop: patientLoop);
        }

        return (birth, sex);
    }
}
