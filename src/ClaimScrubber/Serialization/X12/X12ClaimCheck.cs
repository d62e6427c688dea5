using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// What keeps a claim from being written as an 837 that <see cref="X12ClaimReader"/> reads back unchanged: elements the
/// transaction (837P or 837I, by the setting) has no place for, more entries than its loops hold, values the reader
/// refuses, and text holding a delimiter.
/// </summary>
internal sealed class X12ClaimCheck(Claim claim)
{
    /// <summary>The largest other amount (value code amounts, payers' paid amounts) read: 18 digits, 2 after the decimal point.</summary>
    internal const decimal MaxAmount = 9_999_999_999_999_999.99m;

    private const int MaxProfessionalPointers = ClaimLimits.MaxDiagnosisPointersPerLine;

    private readonly List<ClaimElementError> errors = [];
    private readonly bool professional = claim.Setting == ClaimSetting.Professional;

    public ImmutableArray<ClaimElementError> Run()
    {
        CheckSetting();
        CheckText();
        CheckClaimCodes();
        CheckDates();
        CheckProviders();
        CheckCoverage();
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            CheckLine(claim.Lines[i], i + 1);
        }

        return [.. errors];
    }

    private string Form => professional ? "837P" : "837I";

    private void Error(string element, string message) => errors.Add(new ClaimElementError(element, message));

    private void NotCarried(string element, bool present, string what)
    {
        if (present)
        {
            Error(element, $"the {Form} has no place for {what}.");
        }
    }

    private void AtMost(string element, int count, int max, string what)
    {
        if (count > max)
        {
            Error(element, string.Create(CultureInfo.InvariantCulture, $"the {Form} carries at most {max} {what}; the claim has {count}."));
        }
    }

    private void CheckSetting()
    {
        if (claim.TypeOfBill is { IsDefault: true } || claim.DischargeStatus is { IsDefault: true } || claim.PlaceOfService is { IsDefault: true } || claim.Lines.Any(l => l.PlaceOfService is { IsDefault: true }))
        {
            Error("claim", "a type of bill, discharge status or place of service is the default value, which is no code.");
        }

        if (professional)
        {
            NotCarried("typeOfBill", claim.TypeOfBill is not null, "a type of bill (an institutional claim is written as an 837I)");
            return;
        }

        var expected = claim.TypeOfBill?.Setting ?? ClaimSetting.OtherInstitutional;
        if (claim.Setting != expected)
        {
            Error("setting", claim.TypeOfBill is { } bill
                ? $"the 837I tells the setting by the type of bill, and type of bill {bill} is {ContractNames.Of(expected)}, not {ContractNames.Of(claim.Setting)}."
                : $"the 837I tells the setting by the type of bill (CLM05-1), which the claim does not give; a {ContractNames.Of(claim.Setting)} claim needs it.");
        }

        var discharge = claim.Setting == ClaimSetting.Inpatient ? claim.StatementThrough : null;
        if (claim.DischargeDate != discharge)
        {
            Error("dischargeDate", claim.Setting == ClaimSetting.Inpatient
                ? "the 837I carries an inpatient claim's discharge date as the statement period's last date (DTP*434), which differs from it."
                : "the 837I carries a discharge date only on an inpatient claim, as the statement period's last date.");
        }
    }

    private void CheckText()
    {
        Text("claimId", claim.ClaimId);
        if (X12ClaimWriter.Trim(claim.ClaimId) is { Length: > ClaimLimits.MaxClaimIdLength })
        {
            Error("claimId", string.Create(CultureInfo.InvariantCulture, $"CLM01 holds at most {ClaimLimits.MaxClaimIdLength} characters."));
        }

        Text("frequencyCode", claim.FrequencyCode);
        Text("admissionType", claim.AdmissionType);
        Text("admissionSource", claim.AdmissionSource);
        Text("priorAuthorization", claim.PriorAuthorization);
        Text("referralNumber", claim.ReferralNumber);
        Text("payerClaimControlNumber", claim.PayerClaimControlNumber);
        Text("cliaNumber", claim.CliaNumber);
        Text("serviceFacility.postalCode", claim.ServiceFacility?.PostalCode);
        CoverageText("coverage", claim.Coverage);
        for (var i = 0; i < claim.OtherCoverages.Length; i++)
        {
            CoverageText(string.Create(CultureInfo.InvariantCulture, $"otherCoverages[{i + 1}]"), claim.OtherCoverages[i]);
        }

        for (var i = 0; i < claim.Lines.Length; i++)
        {
            Text(ElementPath.LineMember(i + 1, "revenueCode"), claim.Lines[i].RevenueCode);
            Text(ElementPath.LineMember(i + 1, "lineItemControlNumber"), claim.Lines[i].LineItemControlNumber);
        }
    }

    private void CoverageText(string path, Coverage coverage)
    {
        Text(path + ".responsibilitySequence", coverage.ResponsibilitySequence);
        Text(path + ".patientRelationship", coverage.PatientRelationship);
        Text(path + ".claimFilingIndicator", coverage.ClaimFilingIndicator);
        Text(path + ".memberId", coverage.MemberId);
        Text(path + ".payerId", coverage.PayerId);
        Text(path + ".payerName", coverage.PayerName);
    }

    private void Text(string element, string? value)
    {
        if (value is not null && value.AsSpan().IndexOfAny(X12ClaimWriter.Delimiters) >= 0)
        {
            Error(element, "the text holds an X12 delimiter (* : ^ ~) or a line break, which would split the element.");
        }
    }

    private void CheckClaimCodes()
    {
        var diagnoses = claim.Diagnoses.Length;
        AtMost("diagnoses", diagnoses, professional ? 12 : ClaimLimits.MaxDiagnoses, "diagnoses");
        if (claim.Diagnoses.Any(d => d.IsDefault))
        {
            Error("diagnoses", "a diagnosis is the default value, which is no code.");
        }

        AtMost("conditionCodes", claim.ConditionCodes.Length, professional ? 12 : ClaimLimits.MaxConditionCodes, "condition codes");
        if (professional)
        {
            NotCarried("presentOnAdmission", claim.PresentOnAdmission.Any(p => p != PresentOnAdmission.NotReported), "present-on-admission indicators");
            NotCarried("admittingDiagnosis", claim.AdmittingDiagnosis is not null, "an admitting diagnosis");
            NotCarried("reasonForVisitDiagnoses", !claim.ReasonForVisitDiagnoses.IsEmpty, "reason-for-visit diagnoses");
            NotCarried("externalCauseDiagnoses", !claim.ExternalCauseDiagnoses.IsEmpty, "external cause diagnoses apart from the others (list them among the diagnoses)");
            NotCarried("externalCausePresentOnAdmission", claim.ExternalCausePresentOnAdmission.Any(p => p != PresentOnAdmission.NotReported), "present-on-admission indicators");
            NotCarried("pcsProcedures", !claim.PcsProcedures.IsEmpty, "ICD-10-PCS procedures");
            NotCarried("occurrenceCodes", !claim.OccurrenceCodes.IsEmpty, "occurrence codes");
            NotCarried("occurrenceSpanCodes", !claim.OccurrenceSpanCodes.IsEmpty, "occurrence span codes");
            NotCarried("valueCodes", !claim.ValueCodes.IsEmpty, "value codes");
            return;
        }

        AtMost("presentOnAdmission", claim.PresentOnAdmission.Length, diagnoses, "present-on-admission indicators, one per diagnosis");
        AtMost("reasonForVisitDiagnoses", claim.ReasonForVisitDiagnoses.Length, ClaimLimits.MaxReasonForVisitDiagnoses, "reason-for-visit diagnoses");
        AtMost("externalCauseDiagnoses", claim.ExternalCauseDiagnoses.Length, ClaimLimits.MaxExternalCauseDiagnoses, "external cause diagnoses");
        AtMost("externalCausePresentOnAdmission", claim.ExternalCausePresentOnAdmission.Length, claim.ExternalCauseDiagnoses.Length, "present-on-admission indicators, one per external cause");
        AtMost("pcsProcedures", claim.PcsProcedures.Length, ClaimLimits.MaxPcsProcedures, "ICD-10-PCS procedures");
        AtMost("occurrenceCodes", claim.OccurrenceCodes.Length, ClaimLimits.MaxOccurrenceCodes, "occurrence codes");
        AtMost("occurrenceSpanCodes", claim.OccurrenceSpanCodes.Length, ClaimLimits.MaxOccurrenceSpanCodes, "occurrence span codes");
        AtMost("valueCodes", claim.ValueCodes.Length, ClaimLimits.MaxValueCodes, "value codes");
        for (var i = 0; i < claim.PcsProcedures.Length; i++)
        {
            if (claim.PcsProcedures[i].Code.IsDefault)
            {
                Error(string.Create(CultureInfo.InvariantCulture, $"pcsProcedures[{i + 1}].code"), "the procedure is the default value, which is no code.");
            }
        }

        for (var i = 0; i < claim.OccurrenceSpanCodes.Length; i++)
        {
            if (claim.OccurrenceSpanCodes[i].From is null != claim.OccurrenceSpanCodes[i].Through is null)
            {
                Error(string.Create(CultureInfo.InvariantCulture, $"occurrenceSpanCodes[{i + 1}]"), "the 837I carries a span's dates as one range (RD8): give both or neither.");
            }
        }

        for (var i = 0; i < claim.ValueCodes.Length; i++)
        {
            Amount(string.Create(CultureInfo.InvariantCulture, $"valueCodes[{i + 1}].amount"), claim.ValueCodes[i].Amount, MaxAmount, 2);
        }

        if (claim.ConditionCodes.Any(c => c.IsDefault) || claim.OccurrenceCodes.Any(c => c.Code.IsDefault) || claim.OccurrenceSpanCodes.Any(c => c.Code.IsDefault) || claim.ValueCodes.Any(c => c.Code.IsDefault))
        {
            Error("conditionCodes", "a condition, occurrence, span or value code is the default value, which is no code.");
        }
    }

    private void CheckDates()
    {
        if (claim.AdmissionHour is { } hour)
        {
            if (hour is < 0 or > 23)
            {
                Error("admissionHour", "the hour of admission is 0 to 23.");
            }

            if (claim.AdmissionDate is null)
            {
                Error("admissionHour", "the 837 carries the hour of admission with its date (DTP*435 DT); the claim has no admission date.");
            }
        }

        if (professional)
        {
            NotCarried("statementFrom", claim.StatementFrom is not null || claim.StatementThrough is not null, "a statement period");
            NotCarried("admissionType", claim.AdmissionType is not null, "the admission type");
            NotCarried("admissionSource", claim.AdmissionSource is not null, "the admission source");
            NotCarried("dischargeStatus", claim.DischargeStatus is not null, "a discharge status");
        }
        else if (claim.StatementFrom is null != claim.StatementThrough is null)
        {
            Error("statementFrom", "the 837I carries the statement period as one range (DTP*434 RD8): give both dates or neither.");
        }
    }

    private void CheckProviders()
    {
        if (professional)
        {
            NotCarried("attendingNpi", claim.AttendingNpi is not null, "an attending provider");
            NotCarried("operatingNpi", claim.OperatingNpi is not null, "an operating physician");
        }
        else
        {
            NotCarried("supervisingNpi", claim.SupervisingNpi is not null, "a supervising provider");
            NotCarried("placeOfService", claim.PlaceOfService is not null, "a place of service (CLM05-1 is the type of bill)");
            NotCarried("cliaNumber", claim.CliaNumber is not null, "a CLIA number");
        }
    }

    private void CheckCoverage()
    {
        if (claim.Coverage.PaidAmount is not null)
        {
            Error("coverage.paidAmount", "only another payer, one that has adjudicated the claim (2320 AMT*D), carries a paid amount.");
        }

        AtMost("otherCoverages", claim.OtherCoverages.Length, ClaimLimits.MaxOtherCoverages, "other payers");
        for (var i = 0; i < claim.OtherCoverages.Length; i++)
        {
            Amount(string.Create(CultureInfo.InvariantCulture, $"otherCoverages[{i + 1}].paidAmount"), claim.OtherCoverages[i].PaidAmount, MaxAmount, 2);
        }

        AtMost("lines", claim.Lines.Length, ClaimLimits.MaxServiceLines, "service lines");
    }

    private void CheckLine(ServiceLine line, int n)
    {
        string Path(string member) => ElementPath.LineMember(n, member);
        AtMost(Path("modifiers"), line.Modifiers.Length, ClaimLimits.MaxModifiersPerLine, "modifiers on a line");
        if (line.Modifiers.Any(m => m.IsDefault) || line.ProcedureCode is { IsDefault: true })
        {
            Error(Path("procedureCode"), "the procedure code or a modifier is the default value, which is no code.");
        }

        Amount(Path("charge"), line.Charge, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals);
        if (line.ServiceDate is null && line.ServiceDateTo is not null)
        {
            Error(Path("serviceDateTo"), "the 837 carries a line's last date with its first (DTP*472 RD8); the line has no first date.");
        }

        if (line.Drug is { } drug)
        {
            if (drug.Ndc.IsDefault)
            {
                Error(Path("drug.ndc"), "the NDC is the default value, which is no code.");
            }

            Amount(Path("drug.quantity"), drug.Quantity, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
        }

        if (professional)
        {
            AtMost(Path("diagnosisPointers"), line.DiagnosisPointers.Length, MaxProfessionalPointers, "diagnosis pointers on a line");
            NotCarried(Path("revenueCode"), line.RevenueCode is not null, "a revenue code");
            NotCarried(Path("operatingNpi"), line.OperatingNpi is not null, "a line's operating physician");
            if (line.AnesthesiaMinutes is { } minutes)
            {
                if (minutes < 0)
                {
                    Error(Path("anesthesiaMinutes"), "anesthesia time is a count of minutes, not negative.");
                }

                if (line.Units != 1m)
                {
                    Error(Path("units"), "an anesthesia line carries its minutes where units go (SV1-04 with MJ), so it bills one unit.");
                }
            }
            else
            {
                Amount(Path("units"), line.Units, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
            }

            return;
        }

        Amount(Path("units"), line.Units, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
        NotCarried(Path("diagnosisPointers"), !line.DiagnosisPointers.IsEmpty, "diagnosis pointers");
        NotCarried(Path("placeOfService"), line.PlaceOfService is not null, "a line's place of service");
        NotCarried(Path("anesthesiaMinutes"), line.AnesthesiaMinutes is not null, "anesthesia minutes");
        NotCarried(Path("orderingNpi"), line.OrderingNpi is not null, "a line's ordering provider");
        NotCarried(Path("supervisingNpi"), line.SupervisingNpi is not null, "a line's supervising provider");
    }

    /// <summary>Refuses an amount the reader would refuse: beyond the limit, or with more decimals than the element takes.</summary>
    private void Amount(string element, decimal? value, decimal max, int decimals)
    {
        if (value is { } v && !Rules.Claims.ClaimLimitRules.IsWithin(v, max, decimals))
        {
            Error(element, string.Create(CultureInfo.InvariantCulture, $"the 837 carries at most {max:#,0.##########} with {decimals} decimals here."));
        }
    }
}
