using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeSchedulePlaceOfService;

namespace ClaimScrubber.Rules.PlaceOfService;

/// <summary>
/// The line's place of service against the code's fee schedule NA indicators (facility / non-facility pricing) and
/// the PC/TC indicators that bar payment for hospital patients (5 incident-to, 7 independent therapist).
/// </summary>
/// <remarks>
/// Whether a place of service is a facility comes from the place-of-service table's fee schedule facility flag,
/// handed in as <c>facilityOf</c> (true: facility, false: non-facility, null: unknown or unassigned, left to POS001).
/// Without that table only POS013 runs.
/// </remarks>
internal sealed class FeeSchedulePlaceOfServiceRules : IClaimRule
{
    private readonly FeeScheduleTable table;
    private readonly Func<PlaceOfServiceCode, bool?>? facilityOf;

    public FeeSchedulePlaceOfServiceRules(FeeScheduleTable table, Func<PlaceOfServiceCode, bool?>? facilityOf)
    {
        this.table = table;
        this.facilityOf = facilityOf;
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.NotPricedNonFacility, R.NotPricedFacility, R.HospitalSettingNotPaid];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;

        // Facility and non-facility rates price practitioners' services; a hospital's own claim is paid otherwise (OPPS).
        if (claim.Setting != ClaimSetting.Professional)
        {
            return;
        }

        var lines = claim.Lines;
        var fees = context.Facts.Fees;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || claim.PlaceOfServiceFor(line) is not { } place)
            {
                continue;
            }

            // A 26 or TC row has its own NA indicators (a global test may be facility-NA while its 26 is not).
            if (!fees[i].TryGetBilled(out var entry))
            {
                continue;
            }

            var number = i + 1;
            if ((entry.NonFacilityNotPriced || entry.FacilityNotPriced) && facilityOf?.Invoke(place) is { } facility)
            {
                if (!facility && entry.NonFacilityNotPriced)
                {
                    Report(context, R.NotPricedNonFacility, number, line.PlaceOfService is null, code, place,
                        $"{code} is not priced in a non-facility setting (non-facility NA: rarely or never performed outside a facility), but place of service {place} is a non-facility one.",
                        "Check the place of service: if the service was done in a hospital, ASC or other facility, bill that place of service.");
                }
                else if (facility && entry.FacilityNotPriced)
                {
                    Report(context, R.NotPricedFacility, number, line.PlaceOfService is null, code, place,
                        $"{code} is not priced in a facility setting (facility NA: rarely or never performed in a facility), but place of service {place} is a facility one.",
                        // 26 exists only for a code with a professional/technical split (PC/TC indicator 1, RVU25D).
                        entry.PcTc == 1 && !line.HasModifier(M.Professional)
                            ? "Check the place of service, or bill the professional component (26) when the facility furnishes the technical part."
                            : "Check the place of service: if the service was not done in a facility, bill the place where it was done.");
                }
            }

            // RVU25D: PC/TC 5 and 7 services are not paid for hospital inpatients or outpatients (POS 19, 21, 22, 23).
            if (entry.PcTc is 5 or 7 && place.Value is 19 or 21 or 22 or 23)
            {
                Report(context, R.HospitalSettingNotPaid, number, line.PlaceOfService is null, code, place,
                    entry.PcTc == 5
                        ? $"{code} is an incident-to service (PC/TC 5), which the fee schedule does not pay for hospital patients (place of service {place})."
                        : $"{code} is a therapy service (PC/TC 7) that the fee schedule does not pay to an independent therapist for hospital patients (place of service {place}).",
                    "The hospital bills this service on its institutional claim; remove the line from the professional claim.");
            }
        }
    }

    private void Report(ScrubContext context, RuleDescriptor rule, int line, bool claimLevelPlace, ProcedureCode code, PlaceOfServiceCode place, string message, string fixHint)
    {
        if (context.IsEnabled(rule))
        {
            context.Report(rule, line, claimLevelPlace ? "placeOfService" : ElementPath.LineMember(line, "placeOfService"), message, fixHint, [code.ToString(), place.ToString()], table.Release);
        }
    }
}
