using System.Text.Json;

namespace ClaimScrubber.Serialization;

/// <summary>
/// The members the claim model v2 added to the contract (see <c>docs/json-contract.md</c>): the institutional header,
/// present-on-admission indicators, admitting, reason-for-visit and external-cause diagnoses, ICD-10-PCS procedures,
/// condition, occurrence, span and value codes, providers, references, coverage, and per line the drug, control
/// number, anesthesia minutes and line providers. A claim without them never reaches this code.
/// </summary>
internal sealed partial class ClaimJsonParser
{
    private readonly ClaimExtension extension = new();
    private bool extensionStarted;

    /// <summary>The line members the claim model v2 added, read before the line is built.</summary>
    private struct LineExtras
    {
        public DrugIdentification? Drug;
        public string? LineItemControlNumber;
        public int? AnesthesiaMinutes;
        public Npi? ReferringNpi;
        public Npi? OrderingNpi;
        public Npi? SupervisingNpi;
        public Npi? OperatingNpi;
    }

    private ClaimExtension Extension(ref ClaimParts parts)
    {
        if (!extensionStarted)
        {
            extension.Reset();
            extensionStarted = true;
        }

        return parts.Extension = extension;
    }

    private void ReadExtended(ref Utf8JsonReader reader, ClaimMember member, ref ClaimParts parts)
    {
        var x = Extension(ref parts);
        var at = ElementAt.Claim(ExtendedPath(member));
        switch (member)
        {
            case ClaimMember.TypeOfBill:
                x.TypeOfBill = Text(ref reader, at) == TextKind.Text ? e.Code<TypeOfBill>(Decoded, at, TypeOfBill.TryParse, TypeOfBill.FormatProblem) : null;
                break;
            case ClaimMember.AdmissionDate:
                x.AdmissionDate = DateMember(ref reader, at);
                break;
            case ClaimMember.AdmissionHour:
                x.AdmissionHour = Number(ref reader, at) is { } hour ? e.WholeNumber(hour, at, 0, 23, "hour of admission") : null;
                break;
            case ClaimMember.AdmissionType:
                x.AdmissionType = TextMember(ref reader, at);
                break;
            case ClaimMember.AdmissionSource:
                x.AdmissionSource = TextMember(ref reader, at);
                break;
            case ClaimMember.DischargeStatus:
                x.DischargeStatus = Text(ref reader, at) == TextKind.Text ? e.Code<DischargeStatus>(Decoded, at, DischargeStatus.TryParse, DischargeStatus.FormatProblem) : null;
                break;
            case ClaimMember.StatementFrom:
                x.StatementFrom = DateMember(ref reader, at);
                break;
            case ClaimMember.StatementThrough:
                x.StatementThrough = DateMember(ref reader, at);
                break;
            case ClaimMember.PresentOnAdmission:
                ReadList(ref reader, at, "presentOnAdmission", ClaimLimits.MaxDiagnoses, "present-on-admission indicators", x.PresentOnAdmission, IndicatorEntry);
                break;
            case ClaimMember.AdmittingDiagnosis:
                x.AdmittingDiagnosis = Text(ref reader, at) == TextKind.Text && !Decoded.IsWhiteSpace() ? e.Diagnosis(Decoded, at) : null;
                break;
            case ClaimMember.ReasonForVisitDiagnoses:
                ReadList(ref reader, at, "reasonForVisitDiagnoses", ClaimLimits.MaxReasonForVisitDiagnoses, "diagnoses", x.ReasonForVisitDiagnoses, DiagnosisEntry);
                break;
            case ClaimMember.ExternalCauseDiagnoses:
                ReadList(ref reader, at, "externalCauseDiagnoses", ClaimLimits.MaxExternalCauseDiagnoses, "diagnoses", x.ExternalCauseDiagnoses, DiagnosisEntry);
                break;
            case ClaimMember.ExternalCausePresentOnAdmission:
                ReadList(ref reader, at, "externalCausePresentOnAdmission", ClaimLimits.MaxExternalCauseDiagnoses, "present-on-admission indicators", x.ExternalCausePresentOnAdmission, IndicatorEntry);
                break;
            case ClaimMember.PcsProcedures:
                ReadList(ref reader, at, "pcsProcedures", ClaimLimits.MaxPcsProcedures, "ICD-10-PCS procedures", x, DatedCodeEntry);
                break;
            case ClaimMember.ConditionCodes:
                ReadList(ref reader, at, "conditionCodes", ClaimLimits.MaxConditionCodes, "condition codes", x.ConditionCodes, ConditionCodeEntry);
                break;
            case ClaimMember.OccurrenceCodes:
                ReadList(ref reader, at, "occurrenceCodes", ClaimLimits.MaxOccurrenceCodes, "occurrence codes", x, DatedCodeEntry);
                break;
            case ClaimMember.OccurrenceSpanCodes:
                ReadList(ref reader, at, "occurrenceSpanCodes", ClaimLimits.MaxOccurrenceSpanCodes, "occurrence span codes", x, DatedCodeEntry);
                break;
            case ClaimMember.ValueCodes:
                ReadList(ref reader, at, "valueCodes", ClaimLimits.MaxValueCodes, "value codes", x, DatedCodeEntry);
                break;
            case ClaimMember.AttendingNpi:
                x.AttendingNpi = NpiMember(ref reader, at);
                break;
            case ClaimMember.OperatingNpi:
                x.OperatingNpi = NpiMember(ref reader, at);
                break;
            case ClaimMember.ReferringNpi:
                x.ReferringNpi = NpiMember(ref reader, at);
                break;
            case ClaimMember.SupervisingNpi:
                x.SupervisingNpi = NpiMember(ref reader, at);
                break;
            case ClaimMember.ServiceFacility:
                if (Expect(ref reader, JsonTokenType.StartObject, at))
                {
                    x.ServiceFacility = ReadServiceFacility(ref reader);
                }

                break;
            case ClaimMember.PriorAuthorization:
                x.PriorAuthorization = TextMember(ref reader, at);
                break;
            case ClaimMember.ReferralNumber:
                x.ReferralNumber = TextMember(ref reader, at);
                break;
            case ClaimMember.PayerClaimControlNumber:
                x.PayerClaimControlNumber = TextMember(ref reader, at);
                break;
            case ClaimMember.CliaNumber:
                x.CliaNumber = TextMember(ref reader, at);
                break;
            case ClaimMember.Coverage:
                if (Expect(ref reader, JsonTokenType.StartObject, at))
                {
                    x.Coverage = ReadCoverage(ref reader, "coverage", 0);
                }

                break;
            default:
                ReadList(ref reader, at, "otherCoverages", ClaimLimits.MaxOtherCoverages, "other payers", x.OtherCoverages, OtherCoverageEntry);
                break;
        }
    }

    /// <summary>Reads one entry of a claim list, its 1-based position <c>n</c>, into <c>state</c> (the list, or the extension).</summary>
    private delegate void ListEntry(ClaimJsonParser parser, ref Utf8JsonReader reader, string list, int n, object state);

    private static readonly ListEntry IndicatorEntry = static (p, ref r, list, n, state) =>
    {
        // null, like a blank, is an indicator not reported for that diagnosis.
        var item = ElementAt.Item(list, n);
        ((List<PresentOnAdmission>)state).Add(p.Text(ref r, item) == TextKind.Text ? p.e.PresentOnAdmissionOf(p.Decoded, item) : PresentOnAdmission.NotReported);
    };

    private static readonly ListEntry DiagnosisEntry = static (p, ref r, list, n, state) =>
    {
        var item = ElementAt.Item(list, n);
        if (p.ItemText(ref r, item) && p.e.Diagnosis(p.Decoded, item) is { } code)
        {
            ((List<IcdCode>)state).Add(code);
        }
    };

    private static readonly ListEntry ConditionCodeEntry = static (p, ref r, list, n, state) =>
    {
        var item = ElementAt.Item(list, n);
        if (p.ItemText(ref r, item) && p.Nubc(item) is { } code)
        {
            ((List<NubcCode>)state).Add(code);
        }
    };

    /// <summary>An object with a code and its date(s) or amount: a PCS procedure, an occurrence, span or value code.</summary>
    private static readonly ListEntry DatedCodeEntry = static (p, ref r, list, n, state) =>
    {
        if (p.EntryObject(ref r, list, n, "The entry is null; remove it or give its code."))
        {
            p.ReadDatedCode(ref r, list, n, (ClaimExtension)state);
        }
    };

    private static readonly ListEntry OtherCoverageEntry = static (p, ref r, list, n, state) =>
    {
        if (p.EntryObject(ref r, list, n, "The entry is null; remove it or give the other payer's coverage."))
        {
            ((List<Coverage>)state).Add(p.ReadCoverage(ref r, list, n));
        }
    };

    /// <summary>
    /// Reads a claim list of the claim model v2: each entry up to the 837's limit through <paramref name="entry"/>; the
    /// entries beyond it are passed over unread, and reported once.
    /// </summary>
    private void ReadList(ref Utf8JsonReader reader, ElementAt at, string list, int max, string what, object state, ListEntry entry)
    {
        if (!Expect(ref reader, JsonTokenType.StartArray, at))
        {
            return;
        }

        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (++count > max)
            {
                Skip(ref reader);
                continue;
            }

            entry(this, ref reader, list, count, state);
        }

        e.TooManyInList(count, max, list, what);
    }

    /// <summary>Whether a list entry is an object, as it must be; a null entry is reported with <paramref name="nullMessage"/>.</summary>
    private bool EntryObject(ref Utf8JsonReader reader, string list, int n, string nullMessage)
    {
        if (Expect(ref reader, JsonTokenType.StartObject, ElementAt.Item(list, n)))
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            e.Error(ElementAt.Item(list, n), nullMessage);
        }

        return false;
    }

    private void ReadDatedCode(ref Utf8JsonReader reader, string list, int n, ClaimExtension x)
    {
        var pcs = list == "pcsProcedures";
        PcsCode? procedure = null;
        NubcCode? code = null;
        DateOnly? first = null;
        DateOnly? second = null;
        decimal? amount = null;
        var seen = 0;
        var codeGiven = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            var which = name.SequenceEqual("code"u8) ? 1
                : name.SequenceEqual("date"u8) || name.SequenceEqual("from"u8) ? 2
                : name.SequenceEqual("through"u8) ? 3
                : name.SequenceEqual("amount"u8) ? 4
                : 0;
            var member = which switch { 1 => "code", 2 => list == "occurrenceSpanCodes" ? "from" : "date", 3 => "through", _ => "amount" };
            Next(ref reader);
            var valid = which switch
            {
                2 => list != "valueCodes" && (list == "occurrenceSpanCodes") == name.SequenceEqual("from"u8),
                3 => list == "occurrenceSpanCodes",
                4 => list == "valueCodes",
                _ => which == 1,
            };
            if (!valid)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.Item(list, n, member);
            if ((seen & (1 << which)) != 0)
            {
                Duplicate(ref reader, at);
                continue;
            }

            seen |= 1 << which;
            switch (which)
            {
                case 1:
                    codeGiven = Text(ref reader, at) == TextKind.Text && !Decoded.IsWhiteSpace();
                    if (codeGiven)
                    {
                        if (pcs)
                        {
                            procedure = e.Code<PcsCode>(Decoded, at, PcsCode.TryParse, PcsCode.FormatProblem);
                        }
                        else
                        {
                            code = Nubc(at);
                        }
                    }

                    break;
                case 2:
                    first = DateMember(ref reader, at);
                    break;
                case 3:
                    second = DateMember(ref reader, at);
                    break;
                default:
                    amount = Number(ref reader, at) is { } a ? e.OtherAmount(a, at) : null;
                    break;
            }
        }

        if (!codeGiven)
        {
            e.Error(ElementAt.Item(list, n, "code"), "The entry has no code; give the code or remove the entry.");
            return;
        }

        switch (list)
        {
            case "pcsProcedures" when procedure is { } p:
                x.PcsProcedures.Add(new PcsProcedure { Code = p, Date = first });
                break;
            case "occurrenceCodes" when code is { } c:
                x.OccurrenceCodes.Add(new OccurrenceCode { Code = c, Date = first });
                break;
            case "occurrenceSpanCodes" when code is { } c:
                x.OccurrenceSpanCodes.Add(new OccurrenceSpanCode { Code = c, From = first, Through = second });
                break;
            case "valueCodes" when code is { } c:
                x.ValueCodes.Add(new ValueCode { Code = c, Amount = amount });
                break;
            default:
                break;
        }
    }

    private NubcCode? Nubc(ElementAt at)
    {
        if (Decoded.IsWhiteSpace())
        {
            e.Error(at, "The code is empty; remove the entry or give the two-character code.");
            return null;
        }

        return e.Code<NubcCode>(Decoded, at, NubcCode.TryParse, NubcCode.FormatProblem);
    }

    private ServiceFacility ReadServiceFacility(ref Utf8JsonReader reader)
    {
        Npi? npi = null;
        string? postalCode = null;
        var seen = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            var which = name.SequenceEqual("npi"u8) ? 1 : name.SequenceEqual("postalCode"u8) ? 2 : 0;
            Next(ref reader);
            if (which == 0)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.Claim(which == 1 ? "serviceFacility.npi" : "serviceFacility.postalCode");
            if ((seen & which) != 0)
            {
                Duplicate(ref reader, at);
                continue;
            }

            seen |= which;
            if (which == 1)
            {
                npi = NpiMember(ref reader, at);
            }
            else
            {
                postalCode = TextMember(ref reader, at);
            }
        }

        return new ServiceFacility { Npi = npi, PostalCode = postalCode };
    }

    private static readonly string[] CoverageMembers = ["responsibilitySequence", "patientRelationship", "claimFilingIndicator", "memberId", "payerId", "payerName", "paidAmount"];

    /// <summary>A coverage object: the destination payer's (<c>coverage</c>) or another's (<c>otherCoverages[n]</c>).</summary>
    private Coverage ReadCoverage(ref Utf8JsonReader reader, string path, int n)
    {
        var values = new string?[CoverageMembers.Length - 1];
        decimal? paid = null;
        var seen = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            var which = -1;
            for (var i = 0; i < CoverageMembers.Length; i++)
            {
                if (System.Text.Ascii.Equals(name, CoverageMembers[i]))
                {
                    which = i;
                    break;
                }
            }

            Next(ref reader);
            if (which < 0)
            {
                Skip(ref reader);
                continue;
            }

            var at = n == 0 ? ElementAt.Claim(string.Concat(path, ".", CoverageMembers[which])) : ElementAt.Item(path, n, CoverageMembers[which]);
            if ((seen & (1 << which)) != 0)
            {
                Duplicate(ref reader, at);
                continue;
            }

            seen |= 1 << which;
            if (which == values.Length)
            {
                paid = Number(ref reader, at) is { } a ? e.OtherAmount(a, at) : null;
            }
            else
            {
                values[which] = TextMember(ref reader, at);
            }
        }

        return new Coverage
        {
            ResponsibilitySequence = values[0],
            PatientRelationship = values[1],
            ClaimFilingIndicator = values[2],
            MemberId = values[3],
            PayerId = values[4],
            PayerName = values[5],
            PaidAmount = paid,
        };
    }

    private void ReadLineExtended(ref Utf8JsonReader reader, LineMember member, ElementAt at, int n, ref LineExtras extras)
    {
        switch (member)
        {
            case LineMember.Drug:
                if (Expect(ref reader, JsonTokenType.StartObject, at))
                {
                    extras.Drug = ReadDrug(ref reader, n);
                }

                break;
            case LineMember.LineItemControlNumber:
                extras.LineItemControlNumber = TextMember(ref reader, at);
                break;
            case LineMember.AnesthesiaMinutes:
                extras.AnesthesiaMinutes = Number(ref reader, at) is { } minutes ? e.WholeNumber(minutes, at, 0, 99_999_999, "anesthesia time in minutes") : null;
                break;
            case LineMember.ReferringNpi:
                extras.ReferringNpi = NpiMember(ref reader, at);
                break;
            case LineMember.OrderingNpi:
                extras.OrderingNpi = NpiMember(ref reader, at);
                break;
            case LineMember.SupervisingNpi:
                extras.SupervisingNpi = NpiMember(ref reader, at);
                break;
            default:
                extras.OperatingNpi = NpiMember(ref reader, at);
                break;
        }
    }

    private DrugIdentification? ReadDrug(ref Utf8JsonReader reader, int n)
    {
        NationalDrugCode? ndc = null;
        decimal? quantity = null;
        DrugUnit? unit = null;
        var seen = 0;
        var ndcGiven = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            var which = name.SequenceEqual("ndc"u8) ? 1 : name.SequenceEqual("quantity"u8) ? 2 : name.SequenceEqual("unit"u8) ? 4 : 0;
            Next(ref reader);
            if (which == 0)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.LineMember(n, which switch { 1 => "drug.ndc", 2 => "drug.quantity", _ => "drug.unit" });
            if ((seen & which) != 0)
            {
                Duplicate(ref reader, at);
                continue;
            }

            seen |= which;
            switch (which)
            {
                case 1:
                    ndcGiven = Text(ref reader, at) == TextKind.Text && !Decoded.IsWhiteSpace();
                    ndc = ndcGiven ? e.Code<NationalDrugCode>(Decoded, at, NationalDrugCode.TryParse, NationalDrugCode.FormatProblem) : null;
                    break;
                case 2:
                    quantity = Number(ref reader, at) is { } q ? e.DrugQuantity(q, at) : null;
                    break;
                default:
                    unit = Text(ref reader, at) == TextKind.Text ? e.DrugUnitOf(Decoded, at) : null;
                    break;
            }
        }

        if (!ndcGiven)
        {
            e.Error(ElementAt.LineMember(n, "drug.ndc"), "The drug has no NDC; give the 11-digit NDC or remove the drug.");
            return null;
        }

        return ndc is { } code ? new DrugIdentification { Ndc = code, Quantity = quantity, Unit = unit } : null;
    }

    private static ClaimMember ExtendedMemberOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < ExtendedNames.Length; i++)
        {
            if (name.SequenceEqual(ExtendedNames[i]))
            {
                return (ClaimMember)(1L << (FirstExtended + i));
            }
        }

        return ClaimMember.None;
    }

    private static string ExtendedPath(ClaimMember member) =>
        ExtendedPaths[System.Numerics.BitOperations.TrailingZeroCount((ulong)member) - FirstExtended];

    private static LineMember ExtendedLineMemberOf(ReadOnlySpan<byte> name)
    {
        for (var i = FirstExtendedLine; i < LineMemberNames.Length; i++)
        {
            if (System.Text.Ascii.Equals(name, LineMemberNames[i]))
            {
                return (LineMember)(1 << i);
            }
        }

        return LineMember.None;
    }

    // The bit of the first v2 member in each enum, and the v2 claim members' names in the order of their bits.
    private const int FirstExtended = 12;
    private const int FirstExtendedLine = 10;

    private static readonly string[] ExtendedPaths =
    [
        "typeOfBill", "admissionDate", "admissionHour", "admissionType", "admissionSource", "dischargeStatus", "statementFrom",
        "statementThrough", "presentOnAdmission", "admittingDiagnosis", "reasonForVisitDiagnoses", "externalCauseDiagnoses",
        "externalCausePresentOnAdmission", "pcsProcedures", "conditionCodes", "occurrenceCodes", "occurrenceSpanCodes", "valueCodes",
        "attendingNpi", "operatingNpi", "referringNpi", "supervisingNpi", "serviceFacility", "priorAuthorization", "referralNumber",
        "payerClaimControlNumber", "cliaNumber", "coverage", "otherCoverages",
    ];

    private static readonly byte[][] ExtendedNames = [.. ExtendedPaths.Select(System.Text.Encoding.ASCII.GetBytes)];
}
