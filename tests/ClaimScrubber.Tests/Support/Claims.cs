using System.Collections.Immutable;

namespace ClaimScrubber.Tests.Support;

/// <summary>Hand-made claims for rule tests: a clean professional claim to start from, varied with <c>with</c>-style helpers.</summary>
public static class TestClaims
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static ServiceLine Line(string procedure = "99213", string date = "2026-03-02", decimal units = 1, params int[] pointers) => new()
    {
        ProcedureCode = ProcedureCode.Parse(procedure),
        ServiceDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Units = units,
        Charge = 100m,
        DiagnosisPointers = pointers.Length == 0 ? [1] : [.. pointers],
    };

    public static ServiceLine WithModifiers(this ServiceLine line, params string[] modifiers) => new()
    {
        ProcedureCode = line.ProcedureCode,
        Modifiers = [.. modifiers.Select(ModifierCode.Parse)],
        Units = line.Units,
        Charge = line.Charge,
        ServiceDate = line.ServiceDate,
        ServiceDateTo = line.ServiceDateTo,
        PlaceOfService = line.PlaceOfService,
        DiagnosisPointers = line.DiagnosisPointers,
        RenderingNpi = line.RenderingNpi,
        RevenueCode = line.RevenueCode,
    };

    public static Claim Professional(string[]? diagnoses = null, params ServiceLine[] lines) => new()
    {
        ClaimId = "C1",
        Setting = ClaimSetting.Professional,
        Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
        BillingNpi = Npi.Parse("1234567893"),
        RenderingNpi = Npi.Parse("1245319599"),
        PlaceOfService = PlaceOfServiceCode.Parse("11"),
        FrequencyCode = "1",
        Diagnoses = [.. (diagnoses ?? ["E11.9", "I10"]).Select(IcdCode.Parse)],
        Lines = lines.Length == 0 ? [Line()] : [.. lines],
    };

    public static ImmutableArray<string> Ids(this ClaimScrubber.ScrubResult result) => [.. result.Findings.Select(f => f.RuleId)];
}
