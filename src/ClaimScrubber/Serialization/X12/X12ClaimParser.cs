using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.Claims;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Reads 837P and 837I transactions into claims, one claim at a time: the envelopes (ISA/GS/ST and their trailers,
/// whose control numbers and counts it checks), the HL hierarchy (billing provider 20, subscriber 22, patient 23), and
/// each CLM with the loops it encloses (2300, 2310A–F, 2320/2330A–B, 2400, 2410, 2420A–G). Every CLM yields exactly
/// one result; an element that cannot be read makes its claim unreadable, with an error naming the element path, the
/// loop, segment and element, and the segment's position in the transaction.
/// </summary>
internal sealed class X12ClaimParser
{
    private const int Isa = 'I' << 16 | 'S' << 8 | 'A';
    private const int Iea = 'I' << 16 | 'E' << 8 | 'A';
    private const int Gs = 'G' << 8 | 'S';
    private const int Ge = 'G' << 8 | 'E';
    private const int St = 'S' << 8 | 'T';
    private const int Se = 'S' << 8 | 'E';
    private const int Hl = 'H' << 8 | 'L';
    private const int Clm = 'C' << 16 | 'L' << 8 | 'M';
    private const int Lx = 'L' << 8 | 'X';
    private const int Sv1 = 'S' << 16 | 'V' << 8 | '1';
    private const int Sv2 = 'S' << 16 | 'V' << 8 | '2';
    private const int Svd = 'S' << 16 | 'V' << 8 | 'D';
    private const int Lin = 'L' << 16 | 'I' << 8 | 'N';
    private const int Ctp = 'C' << 16 | 'T' << 8 | 'P';
    private const int Dtp = 'D' << 16 | 'T' << 8 | 'P';
    private const int Ref = 'R' << 16 | 'E' << 8 | 'F';
    private const int Nm1 = 'N' << 16 | 'M' << 8 | '1';
    private const int N4 = 'N' << 8 | '4';
    private const int Hi = 'H' << 8 | 'I';
    private const int Cl1 = 'C' << 16 | 'L' << 8 | '1';
    private const int Sbr = 'S' << 16 | 'B' << 8 | 'R';
    private const int Amt = 'A' << 16 | 'M' << 8 | 'T';
    private const int Pat = 'P' << 16 | 'A' << 8 | 'T';
    private const int Dmg = 'D' << 16 | 'M' << 8 | 'G';
    private const int Ta1 = 'T' << 16 | 'A' << 8 | '1';

    private readonly X12SegmentReader reader;
    private readonly string? inputName;
    private readonly Action<X12EnvelopeError>? onEnvelopeError;
    private readonly List<X12EnvelopeError> envelopeErrors = [];
    private readonly X12ClaimBuilder claim = new();

    private bool inInterchange;
    private bool inGroup;
    private bool inTransaction;
    private string interchangeControl = string.Empty;
    private string groupControl = string.Empty;
    private string? groupGuide;
    private int groupCount;
    private int transactionCount;
    private string transactionControl = string.Empty;
    private int position;
    private X12TransactionInfo? transaction;
    private string? transactionProblem;
    private X12Form form;

    private X12BillingContext? billing;
    private X12SubscriberContext? subscriber;
    private X12PatientContext? patient;
    private X12Context? current;

    private bool inClaim;
    private bool skipClaim;
    private int claimOrdinalInTransaction;
    private int claimOrdinalInFile;
    private int claimPosition;
    private int claimLine;
    private ClaimLoop loop;
    private X12Role provider;
    private X12OtherCoverageBuilder? other;

    public X12ClaimParser(Stream stream, string? inputName, Action<X12EnvelopeError>? onEnvelopeError)
    {
        reader = new X12SegmentReader(stream, inputName);
        this.inputName = inputName;
        this.onEnvelopeError = onEnvelopeError;
    }

    private enum ClaimLoop
    {
        Claim,
        Provider,
        OtherSubscriber,
        Line,
        LineDrug,
        LineProvider,
        LineAdjudication,
    }

    private bool InLine => loop >= ClaimLoop.Line;

    private bool PatientLoop => patient is not null;

    public IEnumerable<ClaimReadResult> Read()
    {
        while (reader.Next())
        {
            if (OnSegment() is { } done)
            {
                yield return done;
            }
        }

        if (OnEnd() is { } last)
        {
            yield return last;
        }

        if (envelopeErrors.Count > 0)
        {
            var first = envelopeErrors[0];
            throw new ClaimReadException(inputName, first.SourceLine, null, string.Create(CultureInfo.InvariantCulture,
                $"the 837 envelopes are faulty ({envelopeErrors.Count} fault(s); every claim was read): {string.Join("; ", envelopeErrors.Take(10).Select(e => $"segment {e.SegmentNumber} ({e.Segment}): {e.Message}"))}"));
        }
    }

    private static int Tag(ReadOnlySpan<byte> id)
    {
        if (id.Length is < 2 or > 3 || (uint)(id[0] - 'A') > 'Z' - 'A')
        {
            return -1;
        }

        var tag = 0;
        foreach (var b in id)
        {
            if ((uint)(b - 'A') > 'Z' - 'A' && (uint)(b - '0') > 9)
            {
                return -1;
            }

            tag = (tag << 8) | b;
        }

        return tag;
    }

    private ClaimReadResult? OnSegment()
    {
        var tag = Tag(reader.Id);
        if (reader.Unterminated)
        {
            Envelope($"the input ends inside this segment: it has no terminator ({X12Delimiters.Show(reader.Delimiters.Segment)}).");
        }

        ClaimReadResult? done = null;
        switch (tag)
        {
            case Isa:
                done = EndClaim();
                OnInterchangeHeader();
                break;
            case Iea:
                done = EndClaim();
                OnInterchangeTrailer();
                break;
            case Gs:
                done = EndClaim();
                OnGroupHeader();
                break;
            case Ge:
                done = EndClaim();
                OnGroupTrailer();
                break;
            case St:
                done = EndClaim();
                OnTransactionHeader();
                break;
            case Se:
                position++;
                done = EndClaim();
                OnTransactionTrailer();
                break;
            default:
                if (!inTransaction)
                {
                    return OutsideTransaction(tag);
                }

                position++;
                if (reader.TooManyElements)
                {
                    StructureError(string.Create(CultureInfo.InvariantCulture, $"the segment has more than {X12SegmentReader.MaxElements} elements; no 837 segment has that many."));
                }

                if (tag == Hl)
                {
                    done = EndClaim();
                    OnHierarchy();
                }
                else if (tag == Clm)
                {
                    done = EndClaim();
                    StartClaim();
                }
                else if (tag < 0)
                {
                    StructureError($"'{X12Values.Echo(reader.Id)}' is not a segment id (2 or 3 capital letters or digits, the first a letter).");
                }
                else if (inClaim)
                {
                    OnClaimSegment(tag);
                }
                else
                {
                    OnContextSegment(tag);
                }

                break;
        }

        if (reader.Unterminated && inClaim)
        {
            ClaimError("claim", SegmentName(), "the input ends inside this segment; the claim is cut short.");
        }

        return done;
    }

    private ClaimReadResult? OnEnd()
    {
        if (inClaim)
        {
            ClaimError("claim", SegmentName(), "the input ends before the transaction set's SE trailer; the claim may be cut short.");
        }

        var done = EndClaim();
        if (inTransaction)
        {
            Envelope($"the input ends inside transaction set {transactionControl}: it has no SE trailer.");
        }

        if (inGroup)
        {
            Envelope($"the input ends inside functional group {groupControl}: it has no GE trailer.");
        }

        if (inInterchange)
        {
            Envelope($"the input ends inside interchange {interchangeControl}: it has no IEA trailer.");
        }

        return done;
    }

    private void Envelope(string message)
    {
        var error = new X12EnvelopeError(inputName, reader.Line, reader.SegmentNumber, Encoding.ASCII.GetString(reader.Id.Length <= 3 ? reader.Id : reader.Id[..3]), message);
        if (onEnvelopeError is null)
        {
            envelopeErrors.Add(error);
        }
        else
        {
            onEnvelopeError(error);
        }
    }

    private string? Text(int element) => X12Values.Text(reader.Element(element));

    private bool ElementIs(int element, ReadOnlySpan<byte> value) => reader.Element(element).SequenceEqual(value);

    // ---- Envelopes -------------------------------------------------------------------------------------------

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
            billing = new X12BillingContext(id);
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
            subscriber = new X12SubscriberContext(id);
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
            var owner = subscriber ?? new X12SubscriberContext(string.Empty);
            patient = new X12PatientContext(id, owner);
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
            subscriber = new X12SubscriberContext(id);
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
                s.ResponsibilitySequence = Text(1);
                s.Relationship = Text(2);
                s.ClaimFilingIndicator = Text(9);
                break;
            case Nm1 when ElementIs(1, "IL"u8):
                s.Mark(X12Role.SubscriberName, position);
                s.MemberId = Text(9);
                break;
            case Nm1 when ElementIs(1, "PR"u8):
                s.Mark(X12Role.Payer, position);
                s.PayerName = Text(3);
                s.PayerId = Text(9);
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

    // ---- Claim (2300) ----------------------------------------------------------------------------------------

    private void StartClaim()
    {
        claim.Reset();
        inClaim = true;
        skipClaim = false;
        loop = ClaimLoop.Claim;
        provider = X12Role.None;
        other = null;
        claimOrdinalInTransaction++;
        claimOrdinalInFile++;
        claimPosition = position;
        claimLine = reader.Line;
        claim.Mark(X12Role.Claim, position);

        var id = reader.Element(1);
        if (id.Trim((byte)' ').Length > ClaimLimits.MaxClaimIdLength)
        {
            claim.ClaimIdUnreadable = true;
            ClaimError("claimId", null, string.Create(CultureInfo.InvariantCulture, $"the claim id is longer than {ClaimLimits.MaxClaimIdLength} characters."));
        }
        else
        {
            claim.ClaimId = X12Values.Text(id);
        }

        if (transactionProblem is not null)
        {
            ClaimError("claim", "2300 CLM", transactionProblem);
            skipClaim = true;
            return;
        }

        if (billing is null || subscriber is null)
        {
            ClaimError("claim", "2300 CLM", billing is null
                ? "the claim has no billing provider level (HL-03 20) before it."
                : "the claim has no subscriber level (HL-03 22) before it.");
        }

        if (subscriber is not null && patient is not null && subscriber.Relationship == "18")
        {
            ClaimError("coverage.patientRelationship", null, "SBR-02 says the subscriber is the patient (18), but the claim is in a patient level (2000C).", patientLoop: false);
        }

        ReadClaimLocation(reader.Element(5));
    }

    private void ReadClaimLocation(ReadOnlySpan<byte> composite)
    {
        var separator = reader.Delimiters.Component;
        if (composite.IsEmpty)
        {
            return;
        }

        var professional = form == X12Form.Professional;
        var path = professional ? "placeOfService" : "typeOfBill";
        if (X12Values.ForeignSeparator(composite, separator) is var foreign and not 0)
        {
            ClaimError(path, "2300 CLM-05", ForeignSeparatorMessage(foreign));
            return;
        }

        var code = X12Values.Component(composite, separator, 1);
        var qualifier = X12Values.Component(composite, separator, 2);
        if (!qualifier.IsEmpty && !qualifier.SequenceEqual(professional ? "B"u8 : "A"u8))
        {
            ClaimError(path, "2300 CLM-05-2", professional
                ? $"qualifier '{X12Values.Echo(qualifier)}' is not B: on an 837P, CLM-05-1 is the place of service."
                : $"qualifier '{X12Values.Echo(qualifier)}' is not A: on an 837I, CLM-05-1 is the type of bill's facility and classification digits.");
        }

        if (!code.IsEmpty)
        {
            if (professional)
            {
                claim.PlaceOfService = ReadCode<PlaceOfServiceCode>(code, PlaceOfServiceCode.TryParse, PlaceOfServiceCode.Parse, path, null);
            }
            else
            {
                claim.TypeOfBill = ReadCode<TypeOfBill>(code, TypeOfBill.TryParse, TypeOfBill.Parse, path, null);
            }
        }

        claim.FrequencyCode = X12Values.Text(X12Values.Component(composite, separator, 3));
    }

    private ClaimReadResult? EndClaim()
    {
        if (!inClaim)
        {
            return null;
        }

        inClaim = false;
        if (!skipClaim && claim.Principal is null && claim.OtherDiagnoses.Count > 0)
        {
            ClaimError("diagnoses[1]", "2300 HI", "the claim lists other diagnoses (ABF) but no principal diagnosis (ABK), which must come first.");
        }

        var patientLoop = PatientLoop;
        var errors = new List<ClaimElementError>();
        var marks = new List<X12Mark>(claim.Marks.Count + 8);
        if (!skipClaim)
        {
            AddContext(billing, errors, marks);
            AddContext(subscriber, errors, marks);
            if (patientLoop)
            {
                AddContext(patient, errors, marks);
            }
            else if (subscriber is not null)
            {
                errors.AddRange(subscriber.DemographicsErrors);
            }
        }

        errors.AddRange(claim.Errors);
        marks.AddRange(claim.Marks);
        var source = new X12ClaimSource(transaction!, claimOrdinalInTransaction, claimPosition, [.. marks], patientLoop);
        if (errors.Count > 0)
        {
            var id = claim.ClaimIdUnreadable || string.IsNullOrEmpty(claim.ClaimId) ? ClaimReadResult.Placeholder(claimOrdinalInFile) : claim.ClaimId;
            return new ClaimReadResult(claimOrdinalInFile, claimLine, id, null, [.. errors], source);
        }

        var built = claim.Build(
            form,
            billing!.Npi,
            patientLoop ? patient!.Patient() : subscriber!.Patient(),
            patientLoop ? patient!.Coverage() : subscriber!.Coverage());
        return new ClaimReadResult(claimOrdinalInFile, claimLine, built.ClaimId, built, ImmutableArray<ClaimElementError>.Empty, source);
    }

    private static void AddContext(X12Context? context, List<ClaimElementError> errors, List<X12Mark> marks)
    {
        if (context is not null)
        {
            errors.AddRange(context.Errors);
            marks.AddRange(context.Marks);
        }
    }

    private void OnClaimSegment(int tag)
    {
        if (skipClaim)
        {
            return;
        }

        switch (tag)
        {
            case Lx:
                OnLine();
                break;
            case Sv1:
            case Sv2:
                OnService(tag);
                break;
            case Lin:
                OnDrug();
                break;
            case Ctp:
                OnDrugQuantity();
                break;
            case Svd:
                if (InLine)
                {
                    loop = ClaimLoop.LineAdjudication;
                }

                break;
            case Dtp:
                OnDate();
                break;
            case Ref:
                OnReference();
                break;
            case Nm1:
                OnName();
                break;
            case N4:
                if (loop == ClaimLoop.Provider && provider == X12Role.ServiceFacility && Once(X12Role.ServiceFacilityAddress))
                {
                    claim.Mark(X12Role.ServiceFacilityAddress, position);
                    claim.ServiceFacilityPostalCode = Text(3);
                }

                break;
            case Hi:
                if (ClaimLevelOnly("HI"))
                {
                    OnHealthCareCodes();
                }

                break;
            case Cl1:
                if (ClaimLevelOnly("CL1") && Once(X12Role.InstitutionalCode))
                {
                    OnInstitutionalCode();
                }

                break;
            case Sbr:
                if (!InLine)
                {
                    OnOtherSubscriber();
                }
                else
                {
                    ClaimError("claim", "2320 SBR", "another payer's loop (2320) after the service lines; it belongs before the first LX.");
                }

                break;
            case Amt:
                if (loop == ClaimLoop.OtherSubscriber && other is not null && ElementIs(1, "D"u8))
                {
                    if ((other.Seen & 1) != 0)
                    {
                        ClaimError(OtherPath("paidAmount"), null, "a second payer paid amount (AMT*D) for this payer.");
                        break;
                    }

                    other.Seen |= 1;
                    claim.Mark(X12Role.OtherPaidAmount, position, item: claim.OtherCoverages.Count);
                    other.PaidAmount = ReadAmount(reader.Element(2), OtherPath("paidAmount"), null, decimal.MaxValue, 2);
                }

                break;
            default:
                // Segments the claim model does not carry (PWK, CN1, NTE, CR1, CRC, K3, CAS, OI, MOA, N3, PER, PRV…).
                break;
        }
    }

    private string OtherPath(string member) => string.Create(CultureInfo.InvariantCulture, $"otherCoverages[{claim.OtherCoverages.Count}].{member}");

    /// <summary>Reports a claim-level segment met among the service lines; true when it is where it belongs.</summary>
    private bool ClaimLevelOnly(string segment)
    {
        if (InLine)
        {
            ClaimError("claim", $"2300 {segment}", $"the {segment} segment comes after the service lines (LX); it belongs to the claim (loop 2300), before the first LX.");
            return false;
        }

        if (loop == ClaimLoop.OtherSubscriber)
        {
            ClaimError("claim", $"2300 {segment}", $"the {segment} segment comes after another payer's loop (2320); it belongs to the claim (loop 2300), before 2310 and 2320.");
            return false;
        }

        return true;
    }

    /// <summary>Tells whether a claim-level role is met for the first time, reporting a repeat otherwise.</summary>
    private bool Once(X12Role role)
    {
        var bit = 1UL << (int)role;
        if ((claim.Seen & bit) != 0)
        {
            ClaimError("claim", X12Map.LoopOf(role, form) + " " + X12Map.SegmentOf(role, form), "the segment repeats; the claim carries one.");
            return false;
        }

        claim.Seen |= bit;
        return true;
    }

    private bool LineOnce(X12LineBuilder line, X12Role role)
    {
        var bit = 1UL << (int)(role - X12Role.Line);
        if ((line.Seen & bit) != 0)
        {
            ClaimError(ElementPath.Line(claim.LineCount), X12Map.LoopOf(role, form) + " " + X12Map.SegmentOf(role, form), "the segment repeats on this service line; a line carries one.");
            return false;
        }

        line.Seen |= bit;
        return true;
    }

    private void OnInstitutionalCode()
    {
        claim.Mark(X12Role.InstitutionalCode, position);
        claim.AdmissionType = Text(1);
        claim.AdmissionSource = Text(2);
        var status = reader.Element(3);
        if (!status.IsEmpty)
        {
            claim.DischargeStatus = ReadCode<DischargeStatus>(status, DischargeStatus.TryParse, DischargeStatus.Parse, "dischargeStatus", null);
        }
    }

    private void OnOtherSubscriber()
    {
        loop = ClaimLoop.OtherSubscriber;
        if (claim.OtherCoverages.Count >= ClaimLimits.MaxOtherCoverages)
        {
            if (claim.OtherCoverages.Count == ClaimLimits.MaxOtherCoverages && other is not null)
            {
                ClaimError(string.Create(CultureInfo.InvariantCulture, $"otherCoverages[{ClaimLimits.MaxOtherCoverages + 1}]"), "2320 SBR",
                    string.Create(CultureInfo.InvariantCulture, $"the claim has more than {ClaimLimits.MaxOtherCoverages} other payers (loop 2320 repeats at most {ClaimLimits.MaxOtherCoverages} times)."));
            }

            other = null;
            return;
        }

        other = new X12OtherCoverageBuilder
        {
            ResponsibilitySequence = Text(1),
            Relationship = Text(2),
            ClaimFilingIndicator = Text(9),
        };
        claim.OtherCoverages.Add(other);
        claim.Mark(X12Role.OtherSubscriber, position, item: claim.OtherCoverages.Count);
    }

    private void OnDate()
    {
        var qualifier = reader.Element(1);
        if (InLine)
        {
            if (qualifier.SequenceEqual("472"u8) && loop != ClaimLoop.LineAdjudication && claim.CurrentLine is { } line && LineOnce(line, X12Role.LineDate))
            {
                claim.Mark(X12Role.LineDate, position, claim.LineCount);
                var path = ElementPath.LineMember(claim.LineCount, "serviceDate");
                if (ReadDates(path, claim.LineCount, out var from, out var to, out _, allowHour: false))
                {
                    line.ServiceDate = from;
                    line.ServiceDateTo = to;
                }
            }

            return;
        }

        if (loop == ClaimLoop.OtherSubscriber)
        {
            return;
        }

        if (qualifier.SequenceEqual("435"u8) && Once(X12Role.AdmissionDate))
        {
            claim.Mark(X12Role.AdmissionDate, position);
            if (ReadDates("admissionDate", null, out var date, out var to, out var hour, allowHour: true))
            {
                if (to is not null)
                {
                    ClaimError("admissionDate", "2300 DTP-02", "the admission date is one date (D8 or DT), not a range.");
                }

                claim.AdmissionDate = date;
                claim.AdmissionHour = hour;
            }
        }
        else if (qualifier.SequenceEqual("434"u8) && Once(X12Role.StatementDates))
        {
            claim.Mark(X12Role.StatementDates, position);
            if (ReadDates("statementFrom", null, out var from, out var through, out _, allowHour: false))
            {
                claim.StatementFrom = from;
                claim.StatementThrough = through ?? from;
            }
        }
        else if (qualifier.SequenceEqual("096"u8) && form == X12Form.Professional && Once(X12Role.DischargeDate))
        {
            claim.Mark(X12Role.DischargeDate, position);
            if (ReadDates("dischargeDate", null, out var date, out var to, out _, allowHour: false))
            {
                if (to is not null)
                {
                    ClaimError("dischargeDate", "2300 DTP-02", "the discharge date is one date (D8), not a range.");
                }

                claim.DischargeDate = date;
            }
        }
    }

    /// <summary>Reads DTP-02/03: D8 (one date), RD8 (a range) or, where allowed, DT (a date and hour). Dates are never echoed.</summary>
    private bool ReadDates(string path, int? line, out DateOnly? from, out DateOnly? to, out int? hour, bool allowHour)
    {
        from = null;
        to = null;
        hour = null;
        var format = reader.Element(2);
        var value = reader.Element(3);
        if (value.IsEmpty)
        {
            return false;
        }

        var where = LoopHere() + " DTP-03";
        if (format.SequenceEqual("D8"u8))
        {
            if (X12Values.TryDate(value, out var date))
            {
                from = date;
                return true;
            }

            ClaimError(path, where, "the date is not a calendar date in the form CCYYMMDD (D8).", line);
            return false;
        }

        if (format.SequenceEqual("RD8"u8))
        {
            if (X12Values.TryDateRange(value, out var start, out var end))
            {
                from = start;
                to = end;
                return true;
            }

            ClaimError(path, where, "the dates are not a range of calendar dates in the form CCYYMMDD-CCYYMMDD (RD8).", line);
            return false;
        }

        if (allowHour && format.SequenceEqual("DT"u8))
        {
            if (X12Values.TryDateHour(value, out var date, out var h))
            {
                from = date;
                hour = h;
                return true;
            }

            ClaimError(path, where, "the date and time is not in the form CCYYMMDDHHMM (DT).", line);
            return false;
        }

        ClaimError(path, LoopHere() + " DTP-02", $"date format '{X12Values.Echo(format)}' is not {(allowHour ? "D8 or DT" : "D8 or RD8")}.", line);
        return false;
    }

    private string LoopHere() => InLine ? "2400" : "2300";

    private void OnReference()
    {
        var qualifier = reader.Element(1);
        if (InLine)
        {
            if (qualifier.SequenceEqual("6R"u8) && loop == ClaimLoop.Line && claim.CurrentLine is { } line && LineOnce(line, X12Role.LineControlNumber))
            {
                claim.Mark(X12Role.LineControlNumber, position, claim.LineCount);
                line.LineItemControlNumber = Text(2);
            }

            return;
        }

        if (loop == ClaimLoop.OtherSubscriber)
        {
            // 2330B carries the other payer's own claim control number (REF*F8): not the claim's.
            return;
        }

        var role = qualifier.Length != 2 ? X12Role.None : (qualifier[0], qualifier[1]) switch
        {
            ((byte)'F', (byte)'8') => X12Role.PayerClaimControlNumber,
            ((byte)'G', (byte)'1') => X12Role.PriorAuthorization,
            ((byte)'9', (byte)'F') => X12Role.ReferralNumber,
            ((byte)'X', (byte)'4') => X12Role.CliaNumber,
            _ => X12Role.None,
        };
        if (role == X12Role.None || !Once(role))
        {
            return;
        }

        claim.Mark(role, position);
        var value = Text(2);
        switch (role)
        {
            case X12Role.PayerClaimControlNumber:
                claim.PayerClaimControlNumber = value;
                break;
            case X12Role.PriorAuthorization:
                claim.PriorAuthorization = value;
                break;
            case X12Role.ReferralNumber:
                claim.ReferralNumber = value;
                break;
            default:
                claim.CliaNumber = value;
                break;
        }
    }

    private void OnName()
    {
        var entity = reader.Element(1);
        if (InLine)
        {
            OnLineName(entity);
            return;
        }

        if (loop == ClaimLoop.OtherSubscriber)
        {
            if (other is null)
            {
                return;
            }

            var item = claim.OtherCoverages.Count;
            if (entity.SequenceEqual("IL"u8) && (other.Seen & 2) == 0)
            {
                other.Seen |= 2;
                claim.Mark(X12Role.OtherSubscriberName, position, item: item);
                other.MemberId = Text(9);
            }
            else if (entity.SequenceEqual("PR"u8) && (other.Seen & 4) == 0)
            {
                other.Seen |= 4;
                claim.Mark(X12Role.OtherPayer, position, item: item);
                other.PayerName = Text(3);
                other.PayerId = Text(9);
            }

            return;
        }

        loop = ClaimLoop.Provider;
        provider = entity.Length != 2 ? X12Role.None : (entity[0], entity[1]) switch
        {
            ((byte)'7', (byte)'1') => X12Role.Attending,
            ((byte)'7', (byte)'2') => X12Role.Operating,
            ((byte)'D', (byte)'N') => X12Role.Referring,
            ((byte)'8', (byte)'2') => X12Role.Rendering,
            ((byte)'D', (byte)'Q') => X12Role.Supervising,
            ((byte)'7', (byte)'7') => X12Role.ServiceFacility,
            _ => X12Role.None,
        };
        if (provider == X12Role.None || !Once(provider))
        {
            provider = X12Role.None;
            return;
        }

        claim.Mark(provider, position);
        switch (provider)
        {
            case X12Role.Attending:
                claim.AttendingNpi = ReadNpi(claim.Errors, "attendingNpi", null, PatientLoop);
                break;
            case X12Role.Operating:
                claim.OperatingNpi = ReadNpi(claim.Errors, "operatingNpi", null, PatientLoop);
                break;
            case X12Role.Referring:
                claim.ReferringNpi = ReadNpi(claim.Errors, "referringNpi", null, PatientLoop);
                break;
            case X12Role.Rendering:
                claim.RenderingNpi = ReadNpi(claim.Errors, "renderingNpi", null, PatientLoop);
                break;
            case X12Role.Supervising:
                claim.SupervisingNpi = ReadNpi(claim.Errors, "supervisingNpi", null, PatientLoop);
                break;
            default:
                claim.HasServiceFacility = true;
                claim.ServiceFacilityNpi = ReadNpi(claim.Errors, "serviceFacility.npi", null, PatientLoop);
                break;
        }
    }

    private void OnLineName(ReadOnlySpan<byte> entity)
    {
        if (loop == ClaimLoop.LineAdjudication || claim.CurrentLine is not { } line)
        {
            return;
        }

        loop = ClaimLoop.LineProvider;
        var role = entity.Length != 2 ? X12Role.None : (entity[0], entity[1]) switch
        {
            ((byte)'8', (byte)'2') => X12Role.LineRendering,
            ((byte)'D', (byte)'N') => X12Role.LineReferring,
            ((byte)'D', (byte)'K') => X12Role.LineOrdering,
            ((byte)'D', (byte)'Q') => X12Role.LineSupervising,
            ((byte)'7', (byte)'2') => X12Role.LineOperating,
            _ => X12Role.None,
        };
        if (role == X12Role.None || !LineOnce(line, role))
        {
            return;
        }

        var n = claim.LineCount;
        claim.Mark(role, position, n);
        switch (role)
        {
            case X12Role.LineRendering:
                line.RenderingNpi = ReadNpi(claim.Errors, ElementPath.LineMember(n, "renderingNpi"), n, PatientLoop);
                break;
            case X12Role.LineReferring:
                line.ReferringNpi = ReadNpi(claim.Errors, ElementPath.LineMember(n, "referringNpi"), n, PatientLoop);
                break;
            case X12Role.LineOrdering:
                line.OrderingNpi = ReadNpi(claim.Errors, ElementPath.LineMember(n, "orderingNpi"), n, PatientLoop);
                break;
            case X12Role.LineSupervising:
                line.SupervisingNpi = ReadNpi(claim.Errors, ElementPath.LineMember(n, "supervisingNpi"), n, PatientLoop);
                break;
            default:
                line.OperatingNpi = ReadNpi(claim.Errors, ElementPath.LineMember(n, "operatingNpi"), n, PatientLoop);
                break;
        }
    }

    /// <summary>NM108/NM109: the NPI when NM108 is XX; another kind of identifier is not an NPI and is not kept.</summary>
    private Npi? ReadNpi(List<ClaimElementError> sink, string path, int? line, bool patientLoop)
    {
        var id = reader.Element(9);
        if (id.IsEmpty || !ElementIs(8, "XX"u8))
        {
            return null;
        }

        if (X12Values.TryCode<Npi>(id, Npi.TryParse, out var npi))
        {
            return npi;
        }

        var text = X12Values.Echo(id);
        Error(sink, path, line, ClaimElements.ParseProblem(Npi.Parse, text), text.Trim(), patientLoop: patientLoop);
        return null;
    }

    // ---- Health care codes (2300 HI) -------------------------------------------------------------------------

    private void OnHealthCareCodes()
    {
        var separator = reader.Delimiters.Component;
        for (var e = 1; e <= reader.ElementCount; e++)
        {
            var composite = reader.Element(e);
            if (composite.IsEmpty)
            {
                continue;
            }

            var qualifier = X12Values.Component(composite, separator, 1);
            var code = X12Values.Component(composite, separator, 2);
            if (qualifier.Length > 3 && X12Values.ForeignSeparator(composite, separator) is var foreign and not 0)
            {
                ClaimError("claim", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}"), ForeignSeparatorMessage(foreign));
                continue;
            }

            OnHealthCareCode(e, composite, qualifier, code, separator);
        }
    }

    private void OnHealthCareCode(int e, ReadOnlySpan<byte> composite, ReadOnlySpan<byte> qualifier, ReadOnlySpan<byte> code, byte separator)
    {
        var q = qualifier.Length switch
        {
            2 => qualifier[0] << 8 | qualifier[1],
            3 => qualifier[0] << 16 | qualifier[1] << 8 | qualifier[2],
            _ => 0,
        };
        switch (q)
        {
            case 'A' << 16 | 'B' << 8 | 'K':
                if (claim.Principal is not null || claim.OtherDiagnoses.Count > 0)
                {
                    ClaimError("diagnoses[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "a second principal diagnosis (ABK), or one after the other diagnoses; the claim has one, first.");
                    return;
                }

                if (Diagnosis(code, "diagnoses[1]", e) is { } principal)
                {
                    claim.Mark(X12Role.Diagnosis, position, item: 1, element: e);
                    claim.Principal = principal;
                    claim.PrincipalPresentOnAdmission = ReadPresentOnAdmission(composite, separator, "presentOnAdmission[1]", e);
                }

                return;
            case 'A' << 16 | 'B' << 8 | 'F':
                {
                    var n = claim.DiagnosisCount + 1;
                    if (!WithinLimit(n, ClaimLimits.MaxDiagnoses, "diagnoses", e))
                    {
                        return;
                    }

                    var path = ElementPath.Diagnosis(n);
                    if (Diagnosis(code, path, e) is { } other)
                    {
                        claim.Mark(X12Role.Diagnosis, position, item: n, element: e);
                        claim.OtherDiagnoses.Add(other);
                        claim.OtherPresentOnAdmission.Add(ReadPresentOnAdmission(composite, separator, string.Create(CultureInfo.InvariantCulture, $"presentOnAdmission[{n}]"), e));
                    }

                    return;
                }

            case 'A' << 16 | 'B' << 8 | 'J':
                if (OnceAt(X12Role.AdmittingDiagnosis, e) && Diagnosis(code, "admittingDiagnosis", e) is { } admitting)
                {
                    claim.Mark(X12Role.AdmittingDiagnosis, position, item: 1, element: e);
                    claim.AdmittingDiagnosis = admitting;
                }

                return;
            case 'A' << 16 | 'P' << 8 | 'R':
                ListDiagnosis(claim.ReasonForVisit, null, X12Role.ReasonForVisit, ClaimLimits.MaxReasonForVisitDiagnoses, "reasonForVisitDiagnoses", null, composite, code, separator, e);
                return;
            case 'A' << 16 | 'B' << 8 | 'N':
                ListDiagnosis(claim.ExternalCauses, claim.ExternalCausePresentOnAdmission, X12Role.ExternalCause, ClaimLimits.MaxExternalCauseDiagnoses, "externalCauseDiagnoses", "externalCausePresentOnAdmission", composite, code, separator, e);
                return;
            case 'B' << 16 | 'B' << 8 | 'R':
            case 'B' << 16 | 'B' << 8 | 'Q':
                Procedure(q == ('B' << 16 | 'B' << 8 | 'R'), composite, code, separator, e);
                return;
            case 'B' << 8 | 'G':
                {
                    var n = claim.ConditionCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxConditionCodes, "conditionCodes", e) && Nubc(code, ListPath("conditionCodes", n, null), e) is { } condition)
                    {
                        claim.Mark(X12Role.ConditionCode, position, item: n, element: e);
                        claim.ConditionCodes.Add(condition);
                    }

                    return;
                }

            case 'B' << 8 | 'H':
                {
                    var n = claim.OccurrenceCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxOccurrenceCodes, "occurrenceCodes", e) && Nubc(code, ListPath("occurrenceCodes", n, "code"), e) is { } occurrence)
                    {
                        claim.Mark(X12Role.OccurrenceCode, position, item: n, element: e);
                        var dated = HiDate(composite, separator, ListPath("occurrenceCodes", n, "date"), e, range: false, out var date, out _);
                        claim.OccurrenceCodes.Add(new OccurrenceCode { Code = occurrence, Date = dated ? date : null });
                    }

                    return;
                }

            case 'B' << 8 | 'I':
                {
                    var n = claim.OccurrenceSpanCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxOccurrenceSpanCodes, "occurrenceSpanCodes", e) && Nubc(code, ListPath("occurrenceSpanCodes", n, "code"), e) is { } span)
                    {
                        claim.Mark(X12Role.OccurrenceSpanCode, position, item: n, element: e);
                        var dated = HiDate(composite, separator, ListPath("occurrenceSpanCodes", n, "from"), e, range: true, out var from, out var through);
                        claim.OccurrenceSpanCodes.Add(new OccurrenceSpanCode { Code = span, From = dated ? from : null, Through = dated ? through : null });
                    }

                    return;
                }

            case 'B' << 8 | 'E':
                {
                    var n = claim.ValueCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxValueCodes, "valueCodes", e) && Nubc(code, ListPath("valueCodes", n, "code"), e) is { } value)
                    {
                        claim.Mark(X12Role.ValueCode, position, item: n, element: e);
                        var amount = X12Values.Component(composite, separator, 5);
                        claim.ValueCodes.Add(new ValueCode
                        {
                            Code = value,
                            Amount = amount.IsEmpty ? null : ReadAmount(amount, ListPath("valueCodes", n, "amount"), null, decimal.MaxValue, 2, e),
                        });
                    }

                    return;
                }

            case 'B' << 8 | 'K':
            case 'B' << 8 | 'F':
            case 'B' << 8 | 'J':
            case 'P' << 8 | 'R':
            case 'B' << 8 | 'N':
            case 'B' << 8 | 'R':
            case 'B' << 8 | 'Q':
                IcdNine(q, e);
                return;
            case 'D' << 8 | 'R':
            case 'T' << 8 | 'C':
            case 'B' << 8 | 'P':
            case 'B' << 8 | 'O':
            case 'C' << 16 | 'A' << 8 | 'H':
            case 'B' << 8 | 'Z':
                // DRG, treatment codes, HCPCS principal/other procedures, ABC codes: not carried by the claim model.
                return;
            default:
                ClaimError("claim", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), $"qualifier '{X12Values.Echo(qualifier)}' is not a code list the 837 uses in HI (ABK, ABF, ABJ, APR, ABN, BBR, BBQ, BG, BH, BI, BE…).");
                return;
        }
    }

    private static string ListPath(string list, int n, string? member) => member is null
        ? string.Create(CultureInfo.InvariantCulture, $"{list}[{n}]")
        : string.Create(CultureInfo.InvariantCulture, $"{list}[{n}].{member}");

    private bool OnceAt(X12Role role, int e)
    {
        var bit = 1UL << (int)role;
        if ((claim.Seen & bit) != 0)
        {
            ClaimError("claim", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "the code repeats; the claim carries one.");
            return false;
        }

        claim.Seen |= bit;
        return true;
    }

    private bool WithinLimit(int n, int max, string list, int e)
    {
        if (n <= max)
        {
            return true;
        }

        if (n == max + 1)
        {
            ClaimError(ListPath(list, n, null), null, string.Create(CultureInfo.InvariantCulture, $"the claim has more than {max} {Words(list)}; no 837 carries more."), hiElement: e);
        }

        return false;
    }

    private static string Words(string list) => list switch
    {
        "diagnoses" => "diagnoses",
        "reasonForVisitDiagnoses" => "reason-for-visit diagnoses",
        "externalCauseDiagnoses" => "external cause diagnoses",
        "pcsProcedures" => "ICD-10-PCS procedures",
        "conditionCodes" => "condition codes",
        "occurrenceCodes" => "occurrence codes",
        "occurrenceSpanCodes" => "occurrence span codes",
        _ => "value codes",
    };

    private void ListDiagnosis(List<IcdCode> codes, List<PresentOnAdmission>? indicators, X12Role role, int max, string list, string? indicatorList, ReadOnlySpan<byte> composite, ReadOnlySpan<byte> code, byte separator, int e)
    {
        var n = codes.Count + 1;
        if (!WithinLimit(n, max, list, e) || Diagnosis(code, ListPath(list, n, null), e) is not { } diagnosis)
        {
            return;
        }

        claim.Mark(role, position, item: n, element: e);
        codes.Add(diagnosis);
        indicators?.Add(ReadPresentOnAdmission(composite, separator, ListPath(indicatorList!, n, null), e));
    }

    private IcdCode? Diagnosis(ReadOnlySpan<byte> code, string path, int e)
    {
        if (code.IsEmpty)
        {
            ClaimError(path, null, "the diagnosis code is empty.", hiElement: e);
            return null;
        }

        return ReadCode<IcdCode>(code, IcdCode.TryParse, IcdCode.Parse, path, null, e);
    }

    private NubcCode? Nubc(ReadOnlySpan<byte> code, string path, int e)
    {
        if (code.IsEmpty)
        {
            ClaimError(path, null, "the code is empty.", hiElement: e);
            return null;
        }

        return ReadCode<NubcCode>(code, NubcCode.TryParse, NubcCode.Parse, path, null, e);
    }

    private void Procedure(bool principal, ReadOnlySpan<byte> composite, ReadOnlySpan<byte> code, byte separator, int e)
    {
        if (principal && (claim.PrincipalProcedure is not null || claim.OtherProcedures.Count > 0))
        {
            ClaimError("pcsProcedures[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "a second principal procedure (BBR), or one after the other procedures; the claim has one, first.");
            return;
        }

        if (!principal && claim.PrincipalProcedure is null)
        {
            ClaimError("pcsProcedures[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "another procedure (BBQ) before the principal procedure (BBR), which must come first.");
            return;
        }

        var n = principal ? 1 : claim.OtherProcedures.Count + 2;
        if (!WithinLimit(n, ClaimLimits.MaxPcsProcedures, "pcsProcedures", e))
        {
            return;
        }

        if (code.IsEmpty)
        {
            ClaimError(ListPath("pcsProcedures", n, "code"), null, "the procedure code is empty.", hiElement: e);
            return;
        }

        if (ReadCode<PcsCode>(code, PcsCode.TryParse, PcsCode.Parse, ListPath("pcsProcedures", n, "code"), null, e) is not { } pcs)
        {
            return;
        }

        claim.Mark(X12Role.PcsProcedure, position, item: n, element: e);
        var dated = HiDate(composite, separator, ListPath("pcsProcedures", n, "date"), e, range: false, out var date, out _);
        var procedure = new PcsProcedure { Code = pcs, Date = dated ? date : null };
        if (principal)
        {
            claim.PrincipalProcedure = procedure;
        }
        else
        {
            claim.OtherProcedures.Add(procedure);
        }
    }

    private void IcdNine(int qualifier, int e)
    {
        var (path, modern) = qualifier switch
        {
            'B' << 8 | 'K' => ("diagnoses[1]", "ABK"),
            'B' << 8 | 'F' => (ElementPath.Diagnosis(claim.DiagnosisCount + 1), "ABF"),
            'B' << 8 | 'J' => ("admittingDiagnosis", "ABJ"),
            'P' << 8 | 'R' => (ListPath("reasonForVisitDiagnoses", claim.ReasonForVisit.Count + 1, null), "APR"),
            'B' << 8 | 'N' => (ListPath("externalCauseDiagnoses", claim.ExternalCauses.Count + 1, null), "ABN"),
            'B' << 8 | 'R' => ("pcsProcedures[1].code", "BBR"),
            _ => (ListPath("pcsProcedures", claim.OtherProcedures.Count + 2, "code"), "BBQ"),
        };
        var old = modern[1..];
        var kind = modern is "BBR" or "BBQ" ? "ICD-9-CM procedure" : "ICD-9-CM diagnosis";
        ClaimError(path, string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"),
            $"qualifier {old} marks an {kind} code, the wrong code set for claims of services from 2015-10-01 on: report the ICD-10 code with qualifier {modern}.");
    }

    private PresentOnAdmission ReadPresentOnAdmission(ReadOnlySpan<byte> composite, byte separator, string path, int e)
    {
        var value = X12Values.Component(composite, separator, 9);
        if (value.IsEmpty)
        {
            return PresentOnAdmission.NotReported;
        }

        if (value.Length == 1)
        {
            switch (value[0])
            {
                case (byte)'Y':
                    return PresentOnAdmission.Yes;
                case (byte)'N':
                    return PresentOnAdmission.No;
                case (byte)'U':
                    return PresentOnAdmission.Unknown;
                case (byte)'W':
                    return PresentOnAdmission.ClinicallyUndetermined;
                case (byte)'1':
                    return PresentOnAdmission.Exempt;
                default:
                    break;
            }
        }

        ClaimError(path, null, $"'{X12Values.Echo(value)}' is not a present-on-admission indicator: expected Y, N, U, W or 1.", hiElement: e);
        return PresentOnAdmission.NotReported;
    }

    /// <summary>HI-xx-3/4: a D8 date or an RD8 range, as the code list asks.</summary>
    private bool HiDate(ReadOnlySpan<byte> composite, byte separator, string path, int e, bool range, out DateOnly from, out DateOnly to)
    {
        from = default;
        to = default;
        var format = X12Values.Component(composite, separator, 3);
        var value = X12Values.Component(composite, separator, 4);
        if (value.IsEmpty)
        {
            return false;
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-4");
        if (range && format.SequenceEqual("RD8"u8))
        {
            if (X12Values.TryDateRange(value, out from, out to))
            {
                return true;
            }

            ClaimError(path, where, "the dates are not a range of calendar dates in the form CCYYMMDD-CCYYMMDD (RD8).");
            return false;
        }

        if (!range && format.SequenceEqual("D8"u8))
        {
            if (X12Values.TryDate(value, out from))
            {
                return true;
            }

            ClaimError(path, where, "the date is not a calendar date in the form CCYYMMDD (D8).");
            return false;
        }

        ClaimError(path, string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-3"), $"date format '{X12Values.Echo(format)}' is not {(range ? "RD8" : "D8")}.");
        return false;
    }

    // ---- Service lines (2400, 2410, 2420) --------------------------------------------------------------------

    private void OnLine()
    {
        loop = ClaimLoop.Line;
        var n = ++claim.LineCount;
        if (n > ClaimLimits.MaxServiceLines)
        {
            if (n == ClaimLimits.MaxServiceLines + 1)
            {
                ClaimError(ElementPath.Line(n), null, string.Create(CultureInfo.InvariantCulture, $"the claim has more than {ClaimLimits.MaxServiceLines} service lines; no 837 carries more."), n);
            }

            return;
        }

        claim.AddLine();
        claim.Mark(X12Role.Line, position, n);
    }

    private void OnService(int tag)
    {
        if (!InLine)
        {
            ClaimError("claim", "2400 " + (tag == Sv1 ? "SV1" : "SV2"), "a service line segment before the first LX.");
            return;
        }

        var n = claim.LineCount;
        if (claim.CurrentLine is not { } line)
        {
            return;
        }

        var professional = form == X12Form.Professional;
        if ((tag == Sv1) != professional)
        {
            ClaimError(ElementPath.Line(n), "2400 " + (tag == Sv1 ? "SV1" : "SV2"), professional
                ? "SV2 is the institutional service line; this transaction set is an 837P, whose lines are SV1."
                : "SV1 is the professional service line; this transaction set is an 837I, whose lines are SV2.", n);
            return;
        }

        loop = ClaimLoop.Line;
        if (!LineOnce(line, X12Role.LineService))
        {
            return;
        }

        claim.Mark(X12Role.LineService, position, n);
        line.HasService = true;
        if (professional)
        {
            ReadProcedure(line, reader.Element(1), n, "SV1-01");
            line.Charge = ReadAmount(reader.Element(2), ElementPath.LineMember(n, "charge"), n, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals);
            var basis = reader.Element(3);
            var quantity = reader.Element(4);
            if (basis.SequenceEqual("MJ"u8))
            {
                if (!quantity.IsEmpty)
                {
                    if (X12Values.TryInt(quantity, out var minutes) && minutes >= 0)
                    {
                        line.AnesthesiaMinutes = minutes;
                    }
                    else
                    {
                        ClaimError(ElementPath.LineMember(n, "anesthesiaMinutes"), null, "anesthesia time (unit basis MJ) is not a whole number of minutes.", n);
                    }
                }
            }
            else
            {
                if (!basis.IsEmpty && !basis.SequenceEqual("UN"u8))
                {
                    ClaimError(ElementPath.LineMember(n, "units"), "2400 SV1-03", $"unit basis '{X12Values.Echo(basis)}' is not UN (units) or MJ (anesthesia minutes).", n);
                }

                line.Units = ReadAmount(quantity, ElementPath.LineMember(n, "units"), n, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
            }

            var place = reader.Element(5);
            if (!place.IsEmpty)
            {
                line.PlaceOfService = ReadCode<PlaceOfServiceCode>(place, PlaceOfServiceCode.TryParse, PlaceOfServiceCode.Parse, ElementPath.LineMember(n, "placeOfService"), n);
            }

            ReadPointers(line, reader.Element(7), n);
        }
        else
        {
            line.RevenueCode = Text(1);
            ReadProcedure(line, reader.Element(2), n, "SV2-02");
            line.Charge = ReadAmount(reader.Element(3), ElementPath.LineMember(n, "charge"), n, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals);
            var basis = reader.Element(4);
            if (!basis.IsEmpty && !basis.SequenceEqual("UN"u8) && !basis.SequenceEqual("DA"u8))
            {
                ClaimError(ElementPath.LineMember(n, "units"), "2400 SV2-04", $"unit basis '{X12Values.Echo(basis)}' is not UN (units) or DA (days).", n);
            }

            line.Units = ReadAmount(reader.Element(5), ElementPath.LineMember(n, "units"), n, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
        }
    }

    /// <summary>SV1-01 / SV2-02: HC, the HCPCS code, up to four modifiers (and a description, not kept).</summary>
    private void ReadProcedure(X12LineBuilder line, ReadOnlySpan<byte> composite, int n, string element)
    {
        if (composite.IsEmpty)
        {
            return;
        }

        var separator = reader.Delimiters.Component;
        var path = ElementPath.LineMember(n, "procedureCode");
        if (X12Values.ForeignSeparator(composite, separator) is var foreign and not 0)
        {
            ClaimError(path, "2400 " + element, ForeignSeparatorMessage(foreign), n);
            return;
        }

        var qualifier = X12Values.Component(composite, separator, 1);
        if (!qualifier.SequenceEqual("HC"u8))
        {
            ClaimError(path, "2400 " + element + "-1", $"qualifier '{X12Values.Echo(qualifier)}' is not HC: only HCPCS/CPT procedure codes are read.", n);
            return;
        }

        var code = X12Values.Component(composite, separator, 2);
        if (!code.IsEmpty)
        {
            line.ProcedureCode = ReadCode<ProcedureCode>(code, ProcedureCode.TryParse, ProcedureCode.Parse, path, n);
        }

        var blank = 0;
        for (var m = 1; m <= ClaimLimits.MaxModifiersPerLine; m++)
        {
            var modifier = X12Values.Component(composite, separator, m + 2);
            if (modifier.IsEmpty)
            {
                blank = blank == 0 ? m : blank;
                continue;
            }

            if (blank != 0)
            {
                // A gap would shift every modifier after it.
                ClaimError(ElementPath.LineModifier(n, blank), null, "the modifier is empty, and a modifier follows it.", n);
                return;
            }

            if (ReadCode<ModifierCode>(modifier, ModifierCode.TryParse, ModifierCode.Parse, ElementPath.LineModifier(n, m), n) is { } code2)
            {
                line.Modifiers.Add(code2);
            }
        }
    }

    private void ReadPointers(X12LineBuilder line, ReadOnlySpan<byte> composite, int n)
    {
        if (composite.IsEmpty)
        {
            return;
        }

        var separator = reader.Delimiters.Component;
        var count = X12Values.ComponentCount(composite, separator);
        if (count > ClaimElements.MaxLineListEntries)
        {
            ClaimError(ElementPath.LinePointer(n, ClaimElements.MaxLineListEntries + 1), null, string.Create(CultureInfo.InvariantCulture, $"the line has {count} diagnosis pointers; more than {ClaimElements.MaxLineListEntries} cannot be a claim's."), n);
            return;
        }

        for (var p = 1; p <= count; p++)
        {
            var pointer = X12Values.Component(composite, separator, p);
            if (X12Values.TryInt(pointer, out var value))
            {
                line.DiagnosisPointers.Add(value);
            }
            else
            {
                ClaimError(ElementPath.LinePointer(n, p), null, pointer.IsEmpty ? "the diagnosis pointer is empty." : "the diagnosis pointer is not a whole number.", n);
            }
        }
    }

    private void OnDrug()
    {
        if (!InLine || claim.CurrentLine is not { } line)
        {
            if (!InLine)
            {
                ClaimError("claim", "2410 LIN", "drug identification (LIN) before the first LX.");
            }

            return;
        }

        var n = claim.LineCount;
        if (!LineOnce(line, X12Role.Drug))
        {
            return;
        }

        loop = ClaimLoop.LineDrug;
        claim.Mark(X12Role.Drug, position, n);
        var path = ElementPath.LineMember(n, "drug.ndc");
        if (!ElementIs(2, "N4"u8))
        {
            ClaimError(path, "2410 LIN-02", $"qualifier '{X12Values.Echo(reader.Element(2))}' is not N4 (an NDC in the 5-4-2 form).", n);
            return;
        }

        var code = reader.Element(3);
        if (code.IsEmpty)
        {
            ClaimError(path, null, "the drug's NDC is empty.", n);
            return;
        }

        line.HasDrug = true;
        line.Ndc = ReadCode<NationalDrugCode>(code, NationalDrugCode.TryParse, NationalDrugCode.Parse, path, n);
    }

    private void OnDrugQuantity()
    {
        if (loop != ClaimLoop.LineDrug || claim.CurrentLine is not { } line || !LineOnce(line, X12Role.DrugQuantity))
        {
            return;
        }

        var n = claim.LineCount;
        claim.Mark(X12Role.DrugQuantity, position, n);
        var quantity = reader.Element(4);
        if (!quantity.IsEmpty)
        {
            line.DrugQuantity = ReadAmount(quantity, ElementPath.LineMember(n, "drug.quantity"), n, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
        }

        var unit = X12Values.Component(reader.Element(5), reader.Delimiters.Component, 1);
        if (unit.IsEmpty)
        {
            return;
        }

        DrugUnit? parsed = unit.Length != 2 ? null : (unit[0], unit[1]) switch
        {
            ((byte)'F', (byte)'2') => DrugUnit.InternationalUnit,
            ((byte)'G', (byte)'R') => DrugUnit.Gram,
            ((byte)'M', (byte)'E') => DrugUnit.Milligram,
            ((byte)'M', (byte)'L') => DrugUnit.Milliliter,
            ((byte)'U', (byte)'N') => DrugUnit.Unit,
            _ => null,
        };
        if (parsed is null)
        {
            ClaimError(ElementPath.LineMember(n, "drug.unit"), null, $"'{X12Values.Echo(unit)}' is not a drug unit: expected F2, GR, ME, ML or UN.", n);
        }

        line.DrugUnit = parsed;
    }

    // ---- Values and errors -----------------------------------------------------------------------------------

    private T? ReadCode<T>(ReadOnlySpan<byte> bytes, X12Values.SpanParser<T> tryParse, Func<string, T> parse, string path, int? line, int hiElement = 0)
        where T : struct
    {
        if (X12Values.TryCode(bytes, tryParse, out var value))
        {
            return value;
        }

        var text = X12Values.Echo(bytes);
        ClaimError(path, null, ClaimElements.ParseProblem(parse, text), line, text.Trim(), hiElement);
        return null;
    }

    /// <summary>An amount or quantity (X12 R); its value is never echoed.</summary>
    private decimal? ReadAmount(ReadOnlySpan<byte> bytes, string path, int? line, decimal max, int maxDecimals, int hiElement = 0)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (!X12Values.TryDecimal(bytes, out var value, out var scale))
        {
            ClaimError(path, null, "the value is not a number (digits with an optional minus sign and decimal point).", line, hiElement: hiElement);
            return null;
        }

        if (Math.Abs(value) > max || scale > maxDecimals)
        {
            ClaimError(path, null, string.Create(CultureInfo.InvariantCulture, $"the value is out of range: at most {max:#,0.##########} with {maxDecimals} decimals."), line, hiElement: hiElement);
            return null;
        }

        return value;
    }

    private string ForeignSeparatorMessage(byte foreign) =>
        $"the composite seems to separate its components with {X12Delimiters.Show(foreign)}, but the interchange's component separator (ISA-16) is {X12Delimiters.Show(reader.Delimiters.Component)}.";

    /// <summary>
    /// Records an error of the current claim at an element path: located at <paramref name="where"/> when given (a
    /// segment or element without a claim path of its own), else through <see cref="X12Map"/> from the path.
    /// </summary>
    private void ClaimError(string path, string? where, string message, int? line = null, string? code = null, int hiElement = 0, bool? patientLoop = null)
    {
        if (where is null)
        {
            Error(claim.Errors, path, line, message, code, hiElement, patientLoop ?? PatientLoop);
            return;
        }

        claim.Errors.Add(new ClaimElementError(path, Located(where, message), line, reader.Line, code));
    }

    private string SegmentName() => Encoding.ASCII.GetString(reader.Id.Length <= 3 ? reader.Id : reader.Id[..3]);

    private void StructureError(string message)
    {
        if (inClaim)
        {
            claim.Errors.Add(new ClaimElementError("claim", Located(SegmentName(), message), claim.LineCount == 0 ? null : claim.LineCount, reader.Line));
        }
        else if (current is not null)
        {
            current.Errors.Add(new ClaimElementError("claim", Located(SegmentName(), message), null, reader.Line));
        }
        else
        {
            Envelope(message);
        }
    }

    private void Error(List<ClaimElementError> sink, string path, int? line, string message, string? code = null, int hiElement = 0, bool patientLoop = false)
    {
        var where = X12Map.Resolve(path, form, patientLoop) is { } target ? X12Map.Describe(target, form, hiElement) : SegmentName();
        sink.Add(new ClaimElementError(path, Located(where, message), line, reader.Line, code));
    }

    private string Located(string where, string message) => string.Create(CultureInfo.InvariantCulture, $"{where} (segment {position}): {message}");
}
