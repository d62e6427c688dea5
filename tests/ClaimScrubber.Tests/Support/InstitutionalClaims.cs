using System.Globalization;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Hand-made institutional claims in the shape an 837I gives them: a clean bill of any type to start from, each element
/// given as its 837I text (a <see langword="null"/> leaves the element out).
/// </summary>
public static class InstitutionalClaims
{
    /// <summary>A hospital inpatient stay (11x) admitted and discharged in March 2026, with the lines and data it needs.</summary>
    public static Claim Inpatient(
        string typeOfBill = "11",
        string? frequency = "1",
        string? from = "2026-03-02",
        string? through = "2026-03-06",
        string? admitted = "2026-03-02",
        string? admissionType = "1",
        string? admissionSource = "1",
        string? status = "01",
        string[]? diagnoses = null,
        PresentOnAdmission[]? poa = null,
        string[]? procedures = null,
        ServiceLine[]? lines = null,
        string[]? conditionCodes = null,
        OccurrenceCode[]? occurrences = null,
        OccurrenceSpanCode[]? spans = null,
        ValueCode[]? values = null,
        string birthDate = "1950-04-02",
        Sex sex = Sex.Female,
        ClaimSetting? setting = null) => new()
        {
            ClaimId = "I1",
            Setting = setting ?? TypeOfBill.Parse(typeOfBill).Setting,
            TypeOfBill = TypeOfBill.Parse(typeOfBill),
            FrequencyCode = frequency,
            Patient = new Patient { BirthDate = Date(birthDate), Sex = sex },
            BillingNpi = Npi.Parse("1234567893"),
            AttendingNpi = Npi.Parse("1245319599"),
            StatementFrom = DateOrNull(from),
            StatementThrough = DateOrNull(through),
            DischargeDate = TypeOfBill.Parse(typeOfBill).Setting == ClaimSetting.Inpatient ? DateOrNull(through) : null,
            AdmissionDate = DateOrNull(admitted),
            AdmissionType = admissionType,
            AdmissionSource = admissionSource,
            DischargeStatus = status is null ? null : DischargeStatus.Parse(status),
            Diagnoses = [.. (diagnoses ?? ["I21.4", "E11.9"]).Select(IcdCode.Parse)],
            PresentOnAdmission = poa is null ? [.. (diagnoses ?? ["I21.4", "E11.9"]).Select(_ => PresentOnAdmission.Yes)] : [.. poa],
            PcsProcedures = [.. (procedures ?? []).Select(p => new PcsProcedure { Code = PcsCode.Parse(p), Date = DateOrNull(from) })],
            Lines = lines is null ? [Line("0120", null, "2026-03-02", units: 4), Line("0250", null, "2026-03-03")] : [.. lines],
            ConditionCodes = [.. (conditionCodes ?? []).Select(NubcCode.Parse)],
            OccurrenceCodes = [.. occurrences ?? []],
            OccurrenceSpanCodes = [.. spans ?? []],
            ValueCodes = [.. values ?? []],
            Coverage = new Coverage { MemberId = "1EG4TE5MK73", PayerId = "MEDICARE", ResponsibilitySequence = "P" },
        };

    /// <summary>A hospital outpatient bill (13x) of one day, March 2, 2026.</summary>
    public static Claim Outpatient(ServiceLine[]? lines = null, string typeOfBill = "13", string? status = "01", string[]? conditionCodes = null, string? frequency = "1") =>
        Inpatient(typeOfBill: typeOfBill, frequency: frequency, through: "2026-03-02", admitted: null, admissionType: null, admissionSource: null, status: status, poa: [],
            lines: lines ?? [Line("0510", "G0463", "2026-03-02")], conditionCodes: conditionCodes);

    /// <summary>An institutional line: revenue code, HCPCS code (or none), date and modifiers.</summary>
    public static ServiceLine Line(string? revenueCode, string? procedure, string date = "2026-03-02", decimal units = 1, params string[] modifiers) => new()
    {
        RevenueCode = revenueCode,
        ProcedureCode = procedure is null ? null : ProcedureCode.Parse(procedure),
        Modifiers = [.. modifiers.Select(ModifierCode.Parse)],
        Units = units,
        Charge = 100m,
        ServiceDate = Date(date),
    };

    public static OccurrenceCode Occurrence(string code, string? date) => new() { Code = NubcCode.Parse(code), Date = DateOrNull(date) };

    public static OccurrenceSpanCode Span(string code, string? from, string? through) => new() { Code = NubcCode.Parse(code), From = DateOrNull(from), Through = DateOrNull(through) };

    public static ValueCode Value(string code, decimal? amount) => new() { Code = NubcCode.Parse(code), Amount = amount };

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DateOnly? DateOrNull(string? text) => text is null ? null : Date(text);
}
