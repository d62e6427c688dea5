using System.Collections.Immutable;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Arbitrary valid claims for fuzzing the scrubber: any setting; 0 to 999 lines (mostly few); any dates of the calendar
/// (mostly recent, often at the calendar's ends, spans forwards and backwards); codes, modifiers and places of service
/// drawn from the loaded tables with a few unknown ones; pointers, units and charges anywhere within
/// <see cref="ClaimLimits"/>.
/// </summary>
/// <remarks>Birth dates avoid the first and last day of a month, the days tables name as effective or end dates.</remarks>
internal sealed class RandomClaims
{
    private static readonly string[] FallbackProcedures = ["99213", "20610", "36415", "80053", "G0439", "11045", "27447", "96372", "E0100", "A0425", "71046", "J3490"];
    private static readonly string[] FallbackDiagnoses = ["E11.9", "I10", "Z00.00", "O80", "N40.0", "V43.52XA", "G63", "E11", "A00.5", "Z38.00"];
    private static readonly string[] FallbackModifiers = ["25", "26", "TC", "50", "59", "XS", "XU", "LT", "RT", "F1", "F5", "91", "GA", "GZ", "GY", "GX", "KX", "57", "24", "58", "78", "79", "51", "53", "62", "66", "80", "27", "76", "ZZ"];
    private static readonly Npi[] Providers = [Npi.Parse("1245319599"), Npi.Parse("1003000126"), Npi.Parse("1487654323"), Npi.Parse("1234567890")];

    private readonly ImmutableArray<ProcedureCode> procedures;
    private readonly ImmutableArray<IcdCode> diagnoses;
    private readonly ImmutableArray<ModifierCode> modifiers;

    public RandomClaims(CodeSetIndex index)
    {
        var known = index.KnownProcedureCodes;
        procedures = [.. known.IsEmpty ? FallbackProcedures.Select(ProcedureCode.Parse) : known, .. FallbackProcedures.Select(ProcedureCode.Parse)];
        diagnoses = index.Icd10Cm is { } icd
            ? [.. icd.FiscalYears.SelectMany(y => icd.Records(y)).Select(r => r.Code).Distinct(), .. FallbackDiagnoses.Select(IcdCode.Parse)]
            : [.. FallbackDiagnoses.Select(IcdCode.Parse)];
        modifiers = [.. (index.Modifiers?.Modifiers ?? []).Concat(FallbackModifiers.Select(ModifierCode.Parse)).Distinct()];
    }

#pragma warning disable CA5394 // Reproducible fuzz data, not security.
    public Claim Next(Random random, string id)
    {
        var setting = (ClaimSetting)random.Next(3);
        var lineCount = random.Next(100) switch
        {
            < 2 => 0,
            < 75 => 1 + random.Next(8),
            < 95 => 9 + random.Next(60),
            _ => 69 + random.Next(ClaimLimits.MaxServiceLines - 68),
        };
        var diagnosisCount = random.Next(10) == 0 ? random.Next(ClaimLimits.MaxDiagnoses + 1) : random.Next(1, 6);
        var anchor = Date(random);
        var providers = Providers.AsSpan(0, 1 + random.Next(Providers.Length)).ToArray();
        var lines = ImmutableArray.CreateBuilder<ServiceLine>(lineCount);
        for (var i = 0; i < lineCount; i++)
        {
            var from = random.Next(4) == 0 ? Date(random) : Near(anchor, random.Next(-3, 4));
            lines.Add(new ServiceLine
            {
                ProcedureCode = random.Next(50) == 0 ? null : procedures[random.Next(procedures.Length)],
                Modifiers = [.. Enumerable.Range(0, random.Next(10) < 6 ? 0 : random.Next(1, ClaimLimits.MaxModifiersPerLine + 1)).Select(_ => modifiers[random.Next(modifiers.Length)])],
                Units = Units(random),
                Charge = Charge(random),
                ServiceDate = random.Next(60) == 0 ? null : from,
                ServiceDateTo = random.Next(5) == 0 ? Near(from, random.Next(-5, 40)) : null,
                PlaceOfService = random.Next(6) == 0 ? PlaceOfServiceCode.Parse((1 + random.Next(99)).ToString("00", System.Globalization.CultureInfo.InvariantCulture)) : null,
                DiagnosisPointers = [.. Enumerable.Range(0, random.Next(ClaimLimits.MaxDiagnosisPointersPerLine + 1)).Select(_ => random.Next(diagnosisCount + 2))],
                RenderingNpi = random.Next(4) == 0 ? providers[random.Next(providers.Length)] : null,
            });
        }

        return new Claim
        {
            ClaimId = id,
            Setting = setting,
            Patient = new Patient { BirthDate = random.Next(15) == 0 ? null : Birth(random, anchor), Sex = (Sex)random.Next(3) },
            BillingNpi = random.Next(20) == 0 ? null : providers[random.Next(providers.Length)],
            RenderingNpi = random.Next(3) == 0 ? null : providers[0],
            PlaceOfService = random.Next(10) == 0 ? null : PlaceOfServiceCode.Parse(random.Next(3) == 0 ? "22" : "11"),
            FrequencyCode = random.Next(12) switch { 0 => null, 1 => "9", 2 => "0", _ => "1" },
            DischargeDate = setting == ClaimSetting.Inpatient && random.Next(4) != 0 ? Near(anchor, random.Next(0, 20)) : null,
            Diagnoses = [.. Enumerable.Range(0, diagnosisCount).Select(_ => diagnoses[random.Next(diagnoses.Length)])],
            Lines = lines.ToImmutable(),
        };
    }

    private static DateOnly Date(Random random) => random.Next(10) switch
    {
        0 => DateOnly.FromDayNumber(random.Next(800)),
        1 => DateOnly.FromDayNumber(DateOnly.MaxValue.DayNumber - random.Next(800)),
        2 => DateOnly.FromDayNumber(new DateOnly(1900, 1, 1).DayNumber + random.Next(73_000)),
        _ => DateOnly.FromDayNumber(new DateOnly(2023, 7, 1).DayNumber + random.Next(1_300)),
    };

    private static DateOnly Near(DateOnly date, int days) =>
        DateOnly.FromDayNumber(Math.Clamp(date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    private static DateOnly Birth(Random random, DateOnly anchor)
    {
        var birth = random.Next(8) == 0 ? Date(random) : Near(anchor, -random.Next(40_000));
        return birth.Day == 1 || birth.AddDays(1).Month != birth.Month ? Near(birth, 2) is var shifted && shifted.Day != 1 ? shifted : Near(birth, -3) : birth;
    }

    private static decimal Units(Random random) => random.Next(20) switch
    {
        0 => 0,
        1 => -random.Next(1, 100),
        2 => ClaimLimits.MaxUnits - random.Next(1000),
        3 => Math.Round((decimal)random.NextDouble() * 100, 3),
        _ => 1 + random.Next(5),
    };

    private static decimal Charge(Random random) => random.Next(20) switch
    {
        0 => 0,
        1 => -Math.Round((decimal)random.NextDouble() * 1000, 2),
        2 => ClaimLimits.MaxCharge - random.Next(1000),
        _ => Math.Round((decimal)random.NextDouble() * 500, 2),
    };
#pragma warning restore CA5394
}
