namespace ClaimScrubber.Generation;

/// <summary>
/// Gives a generated claim the shape an 837I carries: a type of bill (which decides the setting), the statement period
/// of its line dates, a revenue code per line, and no place of service or diagnosis pointers, which institutional claims
/// do not have. The generator shapes professional claims; tests and benchmarks that need institutional ones use this.
/// </summary>
internal static class InstitutionalShape
{
    /// <summary>The revenue code given to every line: 0510, clinic.</summary>
    public const string RevenueCode = "0510";

    public static Claim Apply(Claim claim, TypeOfBill bill)
    {
        DateOnly? from = null;
        DateOnly? through = null;
        foreach (var line in claim.Lines)
        {
            if (line.ServiceDate is { } date)
            {
                from = from is null || date < from ? date : from;
                through = through is null || date > through ? date : through;
            }
        }

        return new Claim
        {
            ClaimId = claim.ClaimId,
            Setting = bill.Setting,
            TypeOfBill = bill,
            Patient = claim.Patient,
            BillingNpi = claim.BillingNpi,
            RenderingNpi = claim.RenderingNpi,
            FrequencyCode = claim.FrequencyCode,
            StatementFrom = from,
            StatementThrough = through,
            DischargeDate = bill.Setting == ClaimSetting.Inpatient ? through : null,
            Diagnoses = claim.Diagnoses,
            Lines =
            [
                .. claim.Lines.Select(l => new ServiceLine
                {
                    RevenueCode = RevenueCode,
                    ProcedureCode = l.ProcedureCode,
                    Modifiers = l.Modifiers,
                    Units = l.Units,
                    Charge = l.Charge,
                    ServiceDate = l.ServiceDate,
                    ServiceDateTo = l.ServiceDateTo,
                    RenderingNpi = l.RenderingNpi,
                }),
            ],
        };
    }
}
