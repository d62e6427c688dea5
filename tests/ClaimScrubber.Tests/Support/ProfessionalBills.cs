namespace ClaimScrubber.Tests.Support;

/// <summary>Hand-made professional claims in the shape an 837P gives them, for the billing-data rules (BIL).</summary>
public static class ProfessionalBills
{
    /// <summary>A professional line of March 2, 2026, pointing at the first diagnosis, with an ordering provider and drug when given.</summary>
    public static ServiceLine Line(string code, string? ordering = null, DrugIdentification? drug = null) => new()
    {
        ProcedureCode = ProcedureCode.Parse(code),
        ServiceDate = new DateOnly(2026, 3, 2),
        Units = 1,
        Charge = 50m,
        DiagnosisPointers = [1],
        OrderingNpi = ordering is null ? null : Npi.Parse(ordering),
        Drug = drug,
    };

    /// <summary>A Medicare Part B office claim carrying the 837P payer loops, with the billing data given.</summary>
    public static Claim Professional(ServiceLine[] lines, string? clia = null, string? referring = null, string frequency = "1", string? control = null, string id = "P1") => new()
    {
        ClaimId = id,
        Setting = ClaimSetting.Professional,
        Patient = new Patient { BirthDate = new DateOnly(1950, 4, 2), Sex = Sex.Female },
        BillingNpi = Npi.Parse("1234567893"),
        RenderingNpi = Npi.Parse("1245319599"),
        PlaceOfService = PlaceOfServiceCode.Parse("11"),
        FrequencyCode = frequency,
        Diagnoses = [IcdCode.Parse("E11.9")],
        Lines = [.. lines],
        CliaNumber = clia,
        ReferringNpi = referring is null ? null : Npi.Parse(referring),
        PayerClaimControlNumber = control,
        Coverage = new Coverage { MemberId = "1EG4TE5MK73", PayerId = "MEDICARE" },
    };
}
