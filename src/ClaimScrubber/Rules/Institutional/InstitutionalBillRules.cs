using System.Globalization;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Institutional;

namespace ClaimScrubber.Rules.Institutional;

/// <summary>
/// The structure of an institutional bill (UB-04, 837I): its type of bill and frequency, statement period, admission
/// and discharge data, present-on-admission indicators, and condition, occurrence and value codes.
/// </summary>
/// <remarks>
/// A claim in an institutional setting without a type of bill that carries no element only a UB-04 has (a claim in the
/// JSON contract's first shape, which has no place for them) is not judged here: nothing says it is a UB-04. One that
/// carries such elements without a type of bill draws <c>UB001</c>. The line checks (revenue codes, HCPCS, therapy
/// modifiers) are in <see cref="InstitutionalLineRules"/>.
/// </remarks>
internal sealed class InstitutionalBillRules : IClaimRule
{
    private static readonly NubcCode ChangedToOutpatient = NubcCode.Parse("44");
    private static readonly NubcCode PartialHospitalization = NubcCode.Parse("41");

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        R.MissingTypeOfBill, R.InvalidTypeOfBill, R.TypeOfBillSettingMismatch, R.FrequencyStatusMismatch, R.StatementPeriodInvalid,
        R.LineOutsideStatementPeriod, R.MissingAdmission, R.InvalidAdmission, R.MissingDischargeStatus, R.PresentOnAdmission,
        R.IncompleteNubcCode, R.DuplicateNubcCode, R.ConditionCodeBillType,
    ];

    /// <summary>Tells whether the facility and classification digits are a combination the NUBC assigns (UB-04 form locator 4).</summary>
    public static bool IsAssigned(TypeOfBill bill) => bill.Facility switch
    {
        1 or 2 or 3 or 4 or 6 => bill.Classification is >= 1 and <= 6 or 8,
        7 => bill.Classification is >= 1 and <= 7 or 9,
        8 => bill.Classification is >= 1 and <= 6 or 9,
        _ => false,
    };

    /// <summary>Tells whether the bill reports an inpatient-type stay that has admission data and interim bills: 11x, 18x, 21x, 41x.</summary>
    public static bool IsStayBill(TypeOfBill bill) => (bill.Facility, bill.Classification) is (1, 1) or (1, 8) or (2, 1) or (4, 1);

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        if (claim.Setting == ClaimSetting.Professional)
        {
            if (claim.TypeOfBill is { } professionalBill && context.IsEnabled(R.TypeOfBillSettingMismatch))
            {
                context.Report(R.TypeOfBillSettingMismatch, null, "typeOfBill",
                    $"A professional claim carries type of bill {professionalBill}; a type of bill belongs to an institutional claim.",
                    "Remove the type of bill, or bill the services on an institutional claim (837I).", [professionalBill.ToString()]);
            }

            return;
        }

        if (claim.TypeOfBill is not { } bill)
        {
            if (CarriesUb04Elements(claim) && context.IsEnabled(R.MissingTypeOfBill))
            {
                context.Report(R.MissingTypeOfBill, null, "typeOfBill",
                    "The institutional claim has no type of bill.",
                    "Report the type of bill: facility, classification and frequency (such as 0111 or 0131).");
            }

            return;
        }

        CheckTypeOfBill(context, claim, bill);
        CheckStatementPeriod(context, claim);
        CheckAdmission(context, claim, bill);
        CheckPresentOnAdmission(context, claim, bill);
        CheckNubcCodes(context, claim, bill);
    }

    private static bool CarriesUb04Elements(Claim claim) =>
        claim.StatementFrom is not null || claim.StatementThrough is not null || claim.AdmissionDate is not null || claim.AdmissionType is not null
        || claim.AdmissionSource is not null || claim.DischargeStatus is not null || !claim.PcsProcedures.IsEmpty || !claim.ConditionCodes.IsEmpty
        || !claim.OccurrenceCodes.IsEmpty || !claim.OccurrenceSpanCodes.IsEmpty || !claim.ValueCodes.IsEmpty || !claim.PresentOnAdmission.IsEmpty;

    private static void CheckTypeOfBill(ScrubContext context, Claim claim, TypeOfBill bill)
    {
        if (!IsAssigned(bill) && context.IsEnabled(R.InvalidTypeOfBill))
        {
            context.Report(R.InvalidTypeOfBill, null, "typeOfBill",
                $"Type of bill {bill} is not a facility and bill classification the NUBC assigns.",
                "Report the type of bill of the facility and the care billed (such as 11 for a hospital inpatient stay, 13 for hospital outpatient services).", [bill.ToString()]);
        }

        if (bill.Setting != claim.Setting && context.IsEnabled(R.TypeOfBillSettingMismatch))
        {
            context.Report(R.TypeOfBillSettingMismatch, null, "typeOfBill",
                $"Type of bill {bill} is {Describe(bill.Setting)} bill, but the claim is scrubbed as {Describe(claim.Setting)} claim.",
                "Correct the type of bill or the claim's setting so that they agree.", [bill.ToString()]);
        }

        if (IsStayBill(bill) && claim.FrequencyCode is { Length: 1 } frequency && claim.DischargeStatus is { } status && context.IsEnabled(R.FrequencyStatusMismatch))
        {
            var stillPatient = status.Value == 30;
            if (frequency[0] is '2' or '3' && !stillPatient)
            {
                context.Report(R.FrequencyStatusMismatch, null, "dischargeStatus",
                    $"Type of bill {bill.ToUb04String(frequency)} is an interim bill (frequency {frequency}), but the discharge status is {status}, not 30 (still a patient).",
                    "Use discharge status 30 on an interim bill, or the frequency of a final bill (1, or 4 for the last interim bill) with the status the patient was discharged to.", [bill.ToUb04String(frequency), status.ToString()]);
            }
            else if (frequency[0] is '1' or '4' && stillPatient)
            {
                context.Report(R.FrequencyStatusMismatch, null, "dischargeStatus",
                    $"Type of bill {bill.ToUb04String(frequency)} ends the stay (frequency {frequency}), but the discharge status is 30 (still a patient).",
                    "Report the status the patient was discharged to, or bill an interim bill (frequency 2 or 3) while the patient stays.", [bill.ToUb04String(frequency), status.ToString()]);
            }
        }

        if (claim.DischargeStatus is null && context.IsEnabled(R.MissingDischargeStatus))
        {
            context.Report(R.MissingDischargeStatus, null, "dischargeStatus",
                "The institutional claim has no patient discharge status.",
                "Report the patient's status as of the statement's through date (01 home, 30 still a patient, …).");
        }
    }

    private static void CheckStatementPeriod(ScrubContext context, Claim claim)
    {
        if (claim.StatementFrom is not { } from || claim.StatementThrough is not { } through)
        {
            if (context.IsEnabled(R.StatementPeriodInvalid))
            {
                context.Report(R.StatementPeriodInvalid, null, claim.StatementFrom is null ? "statementFrom" : "statementThrough",
                    "The institutional claim has no statement covers period (from and through dates).",
                    "Report the first and last dates the bill covers.");
            }

            return;
        }

        if (from > through)
        {
            if (context.IsEnabled(R.StatementPeriodInvalid))
            {
                context.Report(R.StatementPeriodInvalid, null, "statementThrough",
                    "The statement covers period's from date is after its through date.",
                    "Correct the statement period: the from date is the first day the bill covers.");
            }

            return;
        }

        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var first = line.ServiceDate;
            var last = line.ServiceDateTo ?? first;
            if (((first is { } start && start < from) || (last is { } end && end > through)) && context.IsEnabled(R.LineOutsideStatementPeriod))
            {
                context.Report(R.LineOutsideStatementPeriod, i + 1, ElementPath.LineMember(i + 1, "serviceDate"),
                    string.Create(CultureInfo.InvariantCulture, $"Line {i + 1}'s service date falls outside the bill's statement covers period."),
                    "Bill the service on the claim whose statement period covers it, or correct the line date or the statement period.");
            }
        }
    }

    private static void CheckAdmission(ScrubContext context, Claim claim, TypeOfBill bill)
    {
        if (IsStayBill(bill) && context.IsEnabled(R.MissingAdmission))
        {
            if (claim.AdmissionDate is null)
            {
                context.Report(R.MissingAdmission, null, "admissionDate",
                    $"Type of bill {bill} reports a stay but has no admission date.", "Report the date the patient was admitted.", default, null, rarc: "MA40");
            }

            if (claim.AdmissionType is null)
            {
                context.Report(R.MissingAdmission, null, "admissionType",
                    $"Type of bill {bill} reports a stay but has no priority (type) of admission.", "Report the type of admission (1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma, 9 information not available).", default, null, rarc: "MA41");
            }

            if (claim.AdmissionSource is null)
            {
                context.Report(R.MissingAdmission, null, "admissionSource",
                    $"Type of bill {bill} reports a stay but has no point of origin for the admission.", "Report the point of origin (1 non-health care facility, 2 clinic or physician's office, 4 transfer from a hospital, …).", default, null, rarc: "MA42");
            }
        }

        if (!context.IsEnabled(R.InvalidAdmission))
        {
            return;
        }

        if (claim.AdmissionType is { } type && type is not ("1" or "2" or "3" or "4" or "5" or "9"))
        {
            context.Report(R.InvalidAdmission, null, "admissionType",
                $"Priority (type) of admission '{EchoedValue.Of(type)}' is not 1–5 or 9.", "Report 1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma center or 9 information not available.", [EchoedValue.Of(type)], null, rarc: "MA41");
        }

        if (claim.AdmissionSource is { } source)
        {
            var valid = claim.AdmissionType == "4"
                ? source is "5" or "6"
                : source.Length == 1 && char.ToUpperInvariant(source[0]) is '1' or '2' or '4' or '5' or '6' or '8' or '9' or 'D' or 'E' or 'F' or 'G';
            if (!valid)
            {
                context.Report(R.InvalidAdmission, null, "admissionSource",
                    claim.AdmissionType == "4"
                        ? $"Point of origin '{EchoedValue.Of(source)}' is not one of a newborn's (5 born inside this hospital, 6 born outside it)."
                        : $"Point of origin '{EchoedValue.Of(source)}' is not one the NUBC assigns (1, 2, 4, 5, 6, 8, 9, D, E, F, G).",
                    "Report the point of origin code that describes where the patient came from.", [EchoedValue.Of(source)], null, rarc: "MA42");
            }
        }
    }

    /// <summary>
    /// UB013 on inpatient acute care bills (11x) that report present-on-admission indicators: every diagnosis not on the
    /// exempt list needs Y, N, U or W. A bill that reports none may be from a hospital exempt from POA reporting (critical
    /// access, long-term care, rehabilitation, psychiatric, cancer and children's hospitals), which nothing on the bill says.
    /// </summary>
    private static void CheckPresentOnAdmission(ScrubContext context, Claim claim, TypeOfBill bill)
    {
        if ((bill.Facility, bill.Classification) != (1, 1) || (claim.PresentOnAdmission.IsEmpty && claim.ExternalCausePresentOnAdmission.IsEmpty) || !context.IsEnabled(R.PresentOnAdmission))
        {
            return;
        }

        CheckIndicators(context, claim.Diagnoses, claim.PresentOnAdmission, "diagnoses");
        CheckIndicators(context, claim.ExternalCauseDiagnoses, claim.ExternalCausePresentOnAdmission, "externalCauseDiagnoses");
    }

    private static void CheckIndicators(ScrubContext context, System.Collections.Immutable.ImmutableArray<IcdCode> codes, System.Collections.Immutable.ImmutableArray<PresentOnAdmission> indicators, string member)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var indicator = i < indicators.Length ? indicators[i] : PresentOnAdmission.NotReported;
            if (indicator is not (PresentOnAdmission.NotReported or PresentOnAdmission.Exempt) || PoaExemptCodes.IsExempt(codes[i]))
            {
                continue;
            }

            var dotted = codes[i].ToDottedString();
            context.Report(R.PresentOnAdmission, null, string.Create(CultureInfo.InvariantCulture, $"{member}[{i + 1}].presentOnAdmission"),
                indicator == PresentOnAdmission.Exempt
                    ? $"Diagnosis {dotted} is marked exempt from present-on-admission reporting (1), but its code is not on the exempt list."
                    : $"Diagnosis {dotted} has no present-on-admission indicator, and its code is not on the exempt list.",
                "Report Y (present at admission), N (not present), U (documentation insufficient) or W (clinically undetermined).", [dotted]);
        }
    }

    private static void CheckNubcCodes(ScrubContext context, Claim claim, TypeOfBill bill)
    {
        var conditions = claim.ConditionCodes;
        for (var i = 0; i < conditions.Length; i++)
        {
            var code = conditions[i];
            if (IndexOf(conditions, code) < i)
            {
                ReportDuplicate(context, "conditionCodes", i, "Condition", code);
            }

            if (code == ChangedToOutpatient && !(bill is { Facility: 1, Classification: 3 } or { Facility: 8, Classification: 5 }) && context.IsEnabled(R.ConditionCodeBillType))
            {
                context.Report(R.ConditionCodeBillType, null, string.Create(CultureInfo.InvariantCulture, $"conditionCodes[{i + 1}]"),
                    $"Condition code 44 (inpatient admission changed to outpatient) is on type of bill {bill}; it belongs to an outpatient bill (13x, 85x).",
                    "Bill the services on the outpatient type of bill with condition code 44, or remove the condition code.", ["44", bill.ToString()]);
            }
            else if (code == PartialHospitalization && !(bill is { Facility: 1, Classification: 3 } or { Facility: 7, Classification: 6 }) && context.IsEnabled(R.ConditionCodeBillType))
            {
                context.Report(R.ConditionCodeBillType, null, string.Create(CultureInfo.InvariantCulture, $"conditionCodes[{i + 1}]"),
                    $"Condition code 41 (partial hospitalization) is on type of bill {bill}; it belongs to a hospital outpatient (13x) or community mental health center (76x) bill.",
                    "Bill partial hospitalization on type of bill 13x (hospital) or 76x (CMHC), or remove the condition code.", ["41", bill.ToString()]);
            }
        }

        var occurrences = claim.OccurrenceCodes;
        for (var i = 0; i < occurrences.Length; i++)
        {
            if (occurrences[i].Date is null && context.IsEnabled(R.IncompleteNubcCode))
            {
                var text = occurrences[i].Code.ToString();
                context.Report(R.IncompleteNubcCode, null, string.Create(CultureInfo.InvariantCulture, $"occurrenceCodes[{i + 1}].date"),
                    $"Occurrence code {text} has no date.", "Report the date the event occurred with the occurrence code.", [text]);
            }
        }

        var spans = claim.OccurrenceSpanCodes;
        for (var i = 0; i < spans.Length; i++)
        {
            var span = spans[i];
            if ((span.From is null || span.Through is null || span.From > span.Through) && context.IsEnabled(R.IncompleteNubcCode))
            {
                var text = span.Code.ToString();
                context.Report(R.IncompleteNubcCode, null, string.Create(CultureInfo.InvariantCulture, $"occurrenceSpanCodes[{i + 1}]"),
                    span.From is null || span.Through is null ? $"Occurrence span code {text} lacks its from or through date." : $"Occurrence span code {text}'s from date is after its through date.",
                    "Report the first and last dates of the span with the occurrence span code.", [text]);
            }
        }

        var values = claim.ValueCodes;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value.Amount is null && context.IsEnabled(R.IncompleteNubcCode))
            {
                var text = value.Code.ToString();
                context.Report(R.IncompleteNubcCode, null, string.Create(CultureInfo.InvariantCulture, $"valueCodes[{i + 1}].amount"),
                    $"Value code {text} has no amount.", "Report the amount (or number of days, units) the value code stands for.", [text]);
            }

            for (var j = 0; j < i; j++)
            {
                if (values[j].Code == value.Code)
                {
                    ReportDuplicate(context, "valueCodes", i, "Value", value.Code);
                    break;
                }
            }
        }
    }

    private static int IndexOf(System.Collections.Immutable.ImmutableArray<NubcCode> codes, NubcCode code)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] == code)
            {
                return i;
            }
        }

        return -1;
    }

    private static void ReportDuplicate(ScrubContext context, string member, int index, string kind, NubcCode code)
    {
        if (context.IsEnabled(R.DuplicateNubcCode))
        {
            var text = code.ToString();
            context.Report(R.DuplicateNubcCode, null, string.Create(CultureInfo.InvariantCulture, $"{member}[{index + 1}]"),
                $"{kind} code {text} is reported more than once.", $"Report each {kind.ToLowerInvariant()} code once.", [text]);
        }
    }

    private static string Describe(ClaimSetting setting) => setting switch
    {
        ClaimSetting.Inpatient => "an inpatient",
        ClaimSetting.OutpatientHospital => "an outpatient hospital",
        ClaimSetting.OtherInstitutional => "an institutional (non-hospital)",
        _ => "a professional",
    };
}
