using System.Collections.Immutable;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Random claims with every element of the claim model, professional or institutional, in the forms an 837 carries
/// (the X12 writer's <c>Check</c> accepts them): for round-trip properties over every format.
/// </summary>
public static class RandomFullClaims
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string PcsCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public static Claim Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(2) == 0 ? Professional(random) : Institutional(random);
    }

    public static Claim Professional(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var diagnoses = List(random, 0, 12, Icd);
        var claim = new Claim
        {
            ClaimId = Text(random, 1, 38),
            Setting = ClaimSetting.Professional,
            Patient = Patient(random),
            BillingNpi = Maybe(random, Npi),
            RenderingNpi = Maybe(random, Npi),
            ReferringNpi = Maybe(random, Npi),
            SupervisingNpi = Maybe(random, Npi),
            PlaceOfService = Maybe(random, PlaceOfService),
            FrequencyCode = Maybe(random, r => Text(r, 1, 1)),
            AdmissionDate = Maybe(random, Date),
            DischargeDate = Maybe(random, Date),
            Diagnoses = diagnoses,
            ConditionCodes = List(random, 0, 12, Nubc),
            ServiceFacility = Maybe(random, Facility),
            PriorAuthorization = Maybe(random, r => Text(r, 1, 30)),
            ReferralNumber = Maybe(random, r => Text(r, 1, 30)),
            PayerClaimControlNumber = Maybe(random, r => Text(r, 1, 30)),
            CliaNumber = Maybe(random, r => Text(r, 10, 10)),
            Coverage = Coverage(random, paid: false),
            OtherCoverages = List(random, 0, 3, r => Coverage(r, paid: true)),
            Lines = List(random, 0, 6, r => ProfessionalLine(r, diagnoses.Length)),
        };
        return claim.AdmissionDate is not null && random.Next(3) == 0 ? WithHour(claim, random.Next(24)) : claim;
    }

    public static Claim Institutional(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bill = Maybe(random, r => TypeOfBill.Parse(string.Concat("1234678"[r.Next(7)].ToString(), r.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture))), 10);
        var setting = bill?.Setting ?? ClaimSetting.OtherInstitutional;
        var diagnoses = List(random, 0, 25, Icd);
        var statement = random.Next(4) == 0 ? ((DateOnly?)null, (DateOnly?)null) : Span(random);
        var externalCauses = List(random, 0, 4, Icd);
        var claim = new Claim
        {
            ClaimId = Text(random, 1, 38),
            Setting = setting,
            TypeOfBill = bill,
            Patient = Patient(random),
            BillingNpi = Maybe(random, Npi),
            RenderingNpi = Maybe(random, Npi),
            AttendingNpi = Maybe(random, Npi),
            OperatingNpi = Maybe(random, Npi),
            ReferringNpi = Maybe(random, Npi),
            FrequencyCode = Maybe(random, r => Text(r, 1, 1)),
            StatementFrom = statement.Item1,
            StatementThrough = statement.Item2,
            DischargeDate = setting == ClaimSetting.Inpatient ? statement.Item2 : null,
            AdmissionDate = Maybe(random, Date),
            AdmissionType = Maybe(random, r => r.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            AdmissionSource = Maybe(random, r => Text(r, 1, 1)),
            DischargeStatus = Maybe(random, r => DischargeStatus.Parse(r.Next(100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture))),
            Diagnoses = diagnoses,
            PresentOnAdmission = Indicators(random, diagnoses.Length),
            AdmittingDiagnosis = Maybe(random, Icd),
            ReasonForVisitDiagnoses = List(random, 0, 3, Icd),
            ExternalCauseDiagnoses = externalCauses,
            ExternalCausePresentOnAdmission = Indicators(random, externalCauses.Length),
            PcsProcedures = List(random, 0, 5, r => new PcsProcedure { Code = Pcs(r), Date = Maybe(r, Date) }),
            ConditionCodes = List(random, 0, 14, Nubc),
            OccurrenceCodes = List(random, 0, 14, r => new OccurrenceCode { Code = Nubc(r), Date = Maybe(r, Date) }),
            OccurrenceSpanCodes = List(random, 0, 3, r => r.Next(3) == 0
                ? new OccurrenceSpanCode { Code = Nubc(r) }
                : new OccurrenceSpanCode { Code = Nubc(r), From = Span(r).Item1, Through = Span(r).Item2 }),
            ValueCodes = List(random, 0, 13, r => new ValueCode { Code = Nubc(r), Amount = Maybe(r, x => Money(x, 1_000_000m)) }),
            ServiceFacility = Maybe(random, Facility),
            PriorAuthorization = Maybe(random, r => Text(r, 1, 30)),
            ReferralNumber = Maybe(random, r => Text(r, 1, 30)),
            PayerClaimControlNumber = Maybe(random, r => Text(r, 1, 30)),
            Coverage = Coverage(random, paid: false),
            OtherCoverages = List(random, 0, 3, r => Coverage(r, paid: true)),
            Lines = List(random, 0, 8, InstitutionalLine),
        };
        return claim.AdmissionDate is not null && random.Next(3) == 0 ? WithHour(claim, random.Next(24)) : claim;
    }

    private static ServiceLine ProfessionalLine(Random random, int diagnoses)
    {
        var anesthesia = random.Next(8) == 0;
        var (from, to) = LineDates(random);
        return new ServiceLine
        {
            ProcedureCode = Maybe(random, Procedure, 12),
            Modifiers = List(random, 0, 4, Modifier),
            Units = anesthesia ? 1m : Units(random),
            AnesthesiaMinutes = anesthesia ? random.Next(0, 600) : null,
            Charge = Money(random, 99_999_999.99m),
            ServiceDate = from,
            ServiceDateTo = to,
            PlaceOfService = Maybe(random, PlaceOfService, 4),
            DiagnosisPointers = List(random, 0, 4, r => r.Next(1, Math.Max(2, diagnoses + 1))),
            RenderingNpi = Maybe(random, Npi, 4),
            ReferringNpi = Maybe(random, Npi, 4),
            OrderingNpi = Maybe(random, Npi, 4),
            SupervisingNpi = Maybe(random, Npi, 4),
            LineItemControlNumber = Maybe(random, r => Text(r, 1, 30), 3),
            Drug = Maybe(random, Drug, 4),
        };
    }

    private static ServiceLine InstitutionalLine(Random random)
    {
        var (from, to) = LineDates(random);
        return new ServiceLine
        {
            RevenueCode = Maybe(random, r => r.Next(1, 1000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), 12),
            ProcedureCode = Maybe(random, Procedure),
            Modifiers = List(random, 0, 4, Modifier),
            Units = Units(random),
            Charge = Money(random, 99_999_999.99m),
            ServiceDate = from,
            ServiceDateTo = to,
            RenderingNpi = Maybe(random, Npi, 4),
            ReferringNpi = Maybe(random, Npi, 4),
            OperatingNpi = Maybe(random, Npi, 4),
            LineItemControlNumber = Maybe(random, r => Text(r, 1, 30), 3),
            Drug = Maybe(random, Drug, 4),
        };
    }

    /// <summary>
    /// The claim as the CSV layout carries it: without the lists whose entries carry dates or amounts (ICD-10-PCS
    /// procedures, occurrence, span and value codes), other payers, and a service facility that names nothing.
    /// </summary>
    public static Claim CsvCarried(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Rebuild(claim, claim.AdmissionHour, csvOnly: true);
    }

    private static Claim WithHour(Claim claim, int hour) => Rebuild(claim, hour, csvOnly: false);

    private static Claim Rebuild(Claim claim, int? hour, bool csvOnly) => new()
    {
        ClaimId = claim.ClaimId, Setting = claim.Setting, TypeOfBill = claim.TypeOfBill, Patient = claim.Patient, BillingNpi = claim.BillingNpi,
        RenderingNpi = claim.RenderingNpi, AttendingNpi = claim.AttendingNpi, OperatingNpi = claim.OperatingNpi, ReferringNpi = claim.ReferringNpi,
        SupervisingNpi = claim.SupervisingNpi, PlaceOfService = claim.PlaceOfService, FrequencyCode = claim.FrequencyCode,
        StatementFrom = claim.StatementFrom, StatementThrough = claim.StatementThrough, DischargeDate = claim.DischargeDate,
        AdmissionDate = claim.AdmissionDate, AdmissionHour = hour, AdmissionType = claim.AdmissionType, AdmissionSource = claim.AdmissionSource,
        DischargeStatus = claim.DischargeStatus, Diagnoses = claim.Diagnoses, PresentOnAdmission = claim.PresentOnAdmission,
        AdmittingDiagnosis = claim.AdmittingDiagnosis, ReasonForVisitDiagnoses = claim.ReasonForVisitDiagnoses,
        ExternalCauseDiagnoses = claim.ExternalCauseDiagnoses, ExternalCausePresentOnAdmission = claim.ExternalCausePresentOnAdmission,
        PcsProcedures = csvOnly ? [] : claim.PcsProcedures, ConditionCodes = claim.ConditionCodes, OccurrenceCodes = csvOnly ? [] : claim.OccurrenceCodes,
        OccurrenceSpanCodes = csvOnly ? [] : claim.OccurrenceSpanCodes, ValueCodes = csvOnly ? [] : claim.ValueCodes,
        ServiceFacility = csvOnly && claim.ServiceFacility is { Npi: null, PostalCode: null } ? null : claim.ServiceFacility,
        PriorAuthorization = claim.PriorAuthorization, ReferralNumber = claim.ReferralNumber, PayerClaimControlNumber = claim.PayerClaimControlNumber,
        CliaNumber = claim.CliaNumber, Coverage = claim.Coverage, OtherCoverages = csvOnly ? [] : claim.OtherCoverages, Lines = claim.Lines,
    };

    private static Patient Patient(Random random) => new()
    {
        BirthDate = Maybe(random, r => new DateOnly(r.Next(1920, 2025), r.Next(1, 13), r.Next(1, 29)), 6),
        Sex = (Sex)random.Next(3),
    };

    private static Coverage Coverage(Random random, bool paid) => new()
    {
        ResponsibilitySequence = Maybe(random, r => "PSTABCDEFGHU"[r.Next(12)].ToString()),
        PatientRelationship = Maybe(random, r => new[] { "18", "01", "19", "20", "G8" }[r.Next(5)]),
        ClaimFilingIndicator = Maybe(random, r => new[] { "MB", "MA", "MC", "CI", "16", "BL" }[r.Next(6)]),
        MemberId = Maybe(random, r => Text(r, 1, 20)),
        PayerId = Maybe(random, r => Text(r, 1, 10)),
        PayerName = Maybe(random, r => Text(r, 1, 30)),
        PaidAmount = paid ? Maybe(random, r => Money(r, 100_000m)) : null,
    };

    private static ServiceFacility Facility(Random random) => new()
    {
        Npi = Maybe(random, Npi),
        PostalCode = Maybe(random, r => r.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static DrugIdentification Drug(Random random) => new()
    {
        Ndc = NationalDrugCode.Parse(string.Concat(Enumerable.Range(0, 11).Select(i => i == 0 ? (char)('1' + random.Next(9)) : (char)('0' + random.Next(10))))),
        Quantity = Maybe(random, Units),
        Unit = Maybe(random, r => (DrugUnit)r.Next(1, 6)),
    };

    private static ImmutableArray<PresentOnAdmission> Indicators(Random random, int count)
    {
        if (count == 0 || random.Next(3) == 0)
        {
            return [];
        }

        var indicators = Enumerable.Range(0, random.Next(1, count + 1)).Select(_ => (PresentOnAdmission)random.Next(6)).ToList();

        // A file cannot tell trailing unreported indicators from none: readers keep them trimmed.
        while (indicators.Count > 0 && indicators[^1] == PresentOnAdmission.NotReported)
        {
            indicators.RemoveAt(indicators.Count - 1);
        }

        return [.. indicators];
    }

    private static (DateOnly?, DateOnly?) LineDates(Random random) => random.Next(5) switch
    {
        0 => (null, null),
        1 => Span(random),
        _ => (Date(random), null),
    };

    private static (DateOnly?, DateOnly?) Span(Random random)
    {
        var from = Date(random);
        return (from, from.AddDays(random.Next(0, 30)));
    }

    private static DateOnly Date(Random random) => new DateOnly(2019, 10, 1).AddDays(random.Next(0, 2400));

    private static decimal Money(Random random, decimal max) => Math.Min(max, Math.Round((decimal)random.NextDouble() * max, random.Next(3)));

    private static decimal Units(Random random) => random.Next(4) switch
    {
        0 => 1m,
        1 => random.Next(1, 1000),
        2 => Math.Round((decimal)random.NextDouble() * 100m, 3),
        _ => random.Next(1, 30),
    };

    private static IcdCode Icd(Random random) =>
        IcdCode.Parse(string.Concat((char)('A' + random.Next(26)), (char)('0' + random.Next(10)), Text(random, 1, 5)));

    private static ProcedureCode Procedure(Random random) => ProcedureCode.Parse(Text(random, 5, 5));

    private static ModifierCode Modifier(Random random) => ModifierCode.Parse(Text(random, 2, 2));

    private static NubcCode Nubc(Random random) => NubcCode.Parse(Text(random, 2, 2));

    private static PcsCode Pcs(Random random) => PcsCode.Parse(string.Concat(Enumerable.Range(0, 7).Select(_ => PcsCharacters[random.Next(PcsCharacters.Length)])));

    private static PlaceOfServiceCode PlaceOfService(Random random) => PlaceOfServiceCode.FromValue(random.Next(1, 100));

    private static Npi Npi(Random random) => ClaimScrubber.Npi.Parse(string.Concat((char)('1' + random.Next(2)), random.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Text(Random random, int min, int max) =>
        string.Concat(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Alphanumeric[random.Next(Alphanumeric.Length)]));

    private static T? Maybe<T>(Random random, Func<Random, T> next, int oneIn = 2)
        where T : struct => random.Next(oneIn) == 0 ? null : next(random);

    private static string? Maybe(Random random, Func<Random, string> next, int oneIn = 2) => random.Next(oneIn) == 0 ? null : next(random);

    private static ServiceFacility? Maybe(Random random, Func<Random, ServiceFacility> next) => random.Next(2) == 0 ? null : next(random);

    private static DrugIdentification? Maybe(Random random, Func<Random, DrugIdentification> next, int oneIn) => random.Next(oneIn) != 0 ? null : next(random);

    private static ImmutableArray<T> List<T>(Random random, int min, int max, Func<Random, T> next) =>
        [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => next(random))];
}
