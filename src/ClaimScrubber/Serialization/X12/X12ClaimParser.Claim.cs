using System.Collections.Immutable;
using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>Loop 2300 and the loops it encloses before the lines: dates, codes, references, providers (2310), other payers (2320/2330).</summary>
internal sealed partial class X12ClaimParser
{
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

        if (subscriber is not null && patient is not null && subscriber.Payer.Relationship == "18")
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

        var parts = new X12Components(composite, separator, stackalloc Range[4]);
        var code = parts[1];
        var qualifier = parts[2];
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
                claim.PlaceOfService = ReadCode<PlaceOfServiceCode>(code, PlaceOfServiceCode.TryParse, PlaceOfServiceCode.FormatProblem, path, null);
            }
            else
            {
                claim.TypeOfBill = ReadCode<TypeOfBill>(code, TypeOfBill.TryParse, TypeOfBill.FormatProblem, path, null);
            }
        }

        claim.FrequencyCode = X12Values.Text(parts[3]);
    }

    private ClaimReadResult? EndClaim()
    {
        if (!inClaim)
        {
            return null;
        }

        inClaim = false;

        var patientLoop = PatientLoop;
        var errors = claimErrors;
        var marks = claimMarks;
        errors.Clear();
        marks.Clear();
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
                        ClaimError(ElementRef.Item("otherCoverages", claim.OtherCoverages.Count, "paidAmount"), null, "a second payer paid amount (AMT*D) for this payer.");
                        break;
                    }

                    other.Seen |= 1;
                    claim.Mark(X12Role.OtherPaidAmount, position, item: claim.OtherCoverages.Count);
                    other.PaidAmount = ReadAmount(reader.Element(2), ElementRef.Item("otherCoverages", claim.OtherCoverages.Count, "paidAmount"), null, X12ClaimCheck.MaxAmount, 2);
                }

                break;
            default:
                // Segments the claim model does not carry (PWK, CN1, NTE, CR1, CRC, K3, CAS, OI, MOA, N3, PER, PRV…).
                break;
        }
    }

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
            ClaimError(ElementRef.Line(claim.LineCount), X12Map.LoopOf(role, form) + " " + X12Map.SegmentOf(role, form), "the segment repeats on this service line; a line carries one.");
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
            claim.DischargeStatus = ReadCode<DischargeStatus>(status, DischargeStatus.TryParse, DischargeStatus.FormatProblem, "dischargeStatus", null);
        }
    }

    private void OnOtherSubscriber()
    {
        loop = ClaimLoop.OtherSubscriber;
        if (claim.OtherCoverages.Count >= ClaimLimits.MaxOtherCoverages)
        {
            if (claim.OtherCoverages.Count == ClaimLimits.MaxOtherCoverages && other is not null)
            {
                ClaimError(ElementRef.Item("otherCoverages", ClaimLimits.MaxOtherCoverages + 1), "2320 SBR",
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
                var path = ElementRef.Line(claim.LineCount, "serviceDate");
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
    private bool ReadDates(ElementRef path, int? line, out DateOnly? from, out DateOnly? to, out int? hour, bool allowHour)
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
                other.PayerName = X12Values.Text(reader.Element(3), ref lastPayerName);
                other.PayerId = X12Values.Text(reader.Element(9), ref lastPayerId);
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
                line.RenderingNpi = ReadNpi(claim.Errors, ElementRef.Line(n, "renderingNpi"), n, PatientLoop);
                break;
            case X12Role.LineReferring:
                line.ReferringNpi = ReadNpi(claim.Errors, ElementRef.Line(n, "referringNpi"), n, PatientLoop);
                break;
            case X12Role.LineOrdering:
                line.OrderingNpi = ReadNpi(claim.Errors, ElementRef.Line(n, "orderingNpi"), n, PatientLoop);
                break;
            case X12Role.LineSupervising:
                line.SupervisingNpi = ReadNpi(claim.Errors, ElementRef.Line(n, "supervisingNpi"), n, PatientLoop);
                break;
            default:
                line.OperatingNpi = ReadNpi(claim.Errors, ElementRef.Line(n, "operatingNpi"), n, PatientLoop);
                break;
        }
    }

    /// <summary>NM108/NM109: the NPI when NM108 is XX; another kind of identifier is not an NPI and is not kept.</summary>
    private Npi? ReadNpi(List<ClaimElementError> sink, ElementRef path, int? line, bool patientLoop)
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
        Error(sink, path, line, Npi.FormatProblem(text), text.Trim(), patientLoop: patientLoop);
        return null;
    }
}
