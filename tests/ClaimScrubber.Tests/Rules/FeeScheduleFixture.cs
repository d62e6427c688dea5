using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.PlaceOfService;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>
/// The sample RVU file (real indicator values of the codes the tests use, read by the real reader) plus a small
/// place-of-service table with the CMS facility flags of the places the tests bill.
/// </summary>
internal static class FeeScheduleFixture
{
    public static readonly FeeScheduleTable Fees = CmsData.LoadSample("pfs").Index.FeeSchedule!;

    public static readonly CodeSetIndex Index = IndexOf(Fees);

    /// <summary>The opt-in pricing notes (status X, C, E), which these tests check alongside the default rules.</summary>
    public static readonly string[] PricingNotes = ["PX026", "PX027", "PX028"];

    public static Scrubber Scrubber(ScrubberOptions? options = null)
    {
        options ??= ScrubberOptions.Default;
        return ClaimScrubber.Scrubber.Create(Index, options with
        {
            AsOfDate = TestClaims.Today,
            EnabledRules = options.EnabledRules.Union(PricingNotes.Except(options.DisabledRules)),
        });
    }

    public static CodeSetIndex IndexOf(FeeScheduleTable fees)
    {
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(fees);
        builder.SetTable(Places());
        return builder.Build();
    }

    public static ScrubResult Scrub(params ServiceLine[] lines) => Scrubber().Scrub(TestClaims.Professional(null, lines));

    public static ServiceLine At(this ServiceLine line, string placeOfService) => new()
    {
        ProcedureCode = line.ProcedureCode,
        Modifiers = line.Modifiers,
        Units = line.Units,
        Charge = line.Charge,
        ServiceDate = line.ServiceDate,
        PlaceOfService = PlaceOfServiceCode.Parse(placeOfService),
        DiagnosisPointers = line.DiagnosisPointers,
    };

    public static ServiceLine By(this ServiceLine line, string renderingNpi) => new()
    {
        ProcedureCode = line.ProcedureCode,
        Modifiers = line.Modifiers,
        Units = line.Units,
        Charge = line.Charge,
        ServiceDate = line.ServiceDate,
        PlaceOfService = line.PlaceOfService,
        DiagnosisPointers = line.DiagnosisPointers,
        RenderingNpi = Npi.Parse(renderingNpi),
    };

    /// <summary>Facility flags as CMS's place-of-service list gives them (11 office non-facility; 19, 21, 22, 23 hospital facility; 28 unassigned).</summary>
    private static PlaceOfServiceTable Places()
    {
        var entries = new PlaceOfServiceInfo?[100];
        entries[11] = new PlaceOfServiceInfo(true, false, "Office", string.Empty);
        entries[12] = new PlaceOfServiceInfo(true, false, "Home", string.Empty);
        entries[19] = new PlaceOfServiceInfo(true, true, "Off Campus-Outpatient Hospital", string.Empty);
        entries[21] = new PlaceOfServiceInfo(true, true, "Inpatient Hospital", string.Empty);
        entries[22] = new PlaceOfServiceInfo(true, true, "On Campus-Outpatient Hospital", string.Empty);
        entries[23] = new PlaceOfServiceInfo(true, true, "Emergency Room-Hospital", string.Empty);
        entries[24] = new PlaceOfServiceInfo(true, true, "Ambulatory Surgical Center", string.Empty);
        entries[28] = new PlaceOfServiceInfo(false, false, "Unassigned", string.Empty);
        return new PlaceOfServiceTable(entries, new TableRelease("Place of service", "test", "pos.csv", null, null, 8));
    }
}
