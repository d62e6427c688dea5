using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// Scrubbing is total: every date of the calendar, and every number within <see cref="ClaimLimits"/>, scrubs without an
/// exception against every table (a date no table covers is a finding, not a crash); and its findings stay bounded by a
/// small multiple of the claim's lines whatever the claim repeats.
/// </summary>
public class ScrubTotalityTests
{
    public static TheoryData<string> Indexes => new() { "full", "sample", "empty" };

    private static CodeSetIndex IndexOf(string name) => name switch
    {
        "full" => AllocationTests.FullIndex.Value,
        "sample" => SampleCmsData.Index,
        _ => CodeSetIndex.Empty,
    };

    [CmsTheory]
    [MemberData(nameof(Indexes))]
    public void EveryDateOfTheCalendar_Scrubs_AgainstEveryTable(string indexName)
    {
        var index = IndexOf(indexName);
        var count = 0;
        foreach (var asOf in (DateOnly?[])[null, DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2026, 6, 15)])
        {
            var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = asOf });
            foreach (var claim in FindingsUnchangedTests.EdgeClaims())
            {
                var result = scrubber.Scrub(claim);
                result.Findings.Length.Should().BeLessThanOrEqualTo(Bound(claim), $"{claim.Setting} {claim.Lines[0].ServiceDate} born {claim.Patient.BirthDate}");
                count++;
            }
        }

        count.Should().Be(4 * Enum.GetValues<ClaimSetting>().Length * FindingsUnchangedTests.EdgeDates.Length * 4);
    }

    [Fact]
    public void LargestUnitsAndCharges_Sum_WithoutOverflow()
    {
        // Two lines of a code at the 837's largest quantity, summed by the date-of-service MUE: 4e28 units threw before.
        var line = TestClaims.Line("36415", units: ClaimLimits.MaxUnits);
        line = new ServiceLine { ProcedureCode = line.ProcedureCode, ServiceDate = line.ServiceDate, Units = ClaimLimits.MaxUnits, Charge = ClaimLimits.MaxCharge, DiagnosisPointers = [1] };
        var negative = new ServiceLine { ProcedureCode = line.ProcedureCode, ServiceDate = line.ServiceDate, Units = -ClaimLimits.MaxUnits, Charge = -ClaimLimits.MaxCharge, DiagnosisPointers = [1] };
        foreach (var index in new[] { SampleCmsData.Index, CodeSetIndex.Empty })
        {
            var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });
            scrubber.Scrub(TestClaims.Professional(null, line, line, negative)).Findings.Should().NotContain(f => f.RuleId == "CLM013");
        }
    }

    private static int Bound(Claim claim) => (24 * claim.Lines.Length) + (8 * claim.Diagnoses.Length) + 24;
}
