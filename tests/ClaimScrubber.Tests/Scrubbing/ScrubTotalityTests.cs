using System.Collections.Immutable;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// Scrubbing is total: every date of the calendar, and every number within <see cref="ClaimLimits"/>, scrubs without an
/// exception against every table (a date no table covers is a finding, not a crash); and its findings stay bounded by a
/// small multiple of the claim's lines whatever the claim repeats.
/// </summary>
public class ScrubTotalityTests
{
    private static readonly DateOnly[] EdgeDates =
    [
        DateOnly.MinValue, new(1, 9, 30), new(1, 10, 1), new(1899, 12, 31), new(1990, 1, 1), new(2169, 7, 20), new(2169, 12, 31),
        new(9999, 9, 30), new(9999, 10, 1), DateOnly.MaxValue,
    ];

    // Codes that reach every table: E/M and a procedure with a PTP edit and global days, an add-on, a lab under an NCD with
    // its MUE, a Level II code, a DME code, a status T code, and a code with 26/TC splits.
    private static readonly string[] Codes = ["99213", "20610", "11045", "36415", "84443", "G0439", "E0100", "A0425", "71046", "27447", "29881", "96372"];

    private static readonly string[] Modifiers = ["25", "59", "RT", "LT", "50", "26", "TC", "91", "GA", "GZ"];

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
            foreach (var setting in Enum.GetValues<ClaimSetting>())
            {
                foreach (var date in EdgeDates)
                {
                    foreach (var birth in (DateOnly?[])[null, DateOnly.MinValue, date, DateOnly.MaxValue])
                    {
                        var claim = EdgeClaim(setting, date, birth);
                        var result = scrubber.Scrub(claim);
                        result.Findings.Length.Should().BeLessThanOrEqualTo(Bound(claim), $"{setting} {date} born {birth}");
                        count++;
                    }
                }
            }
        }

        count.Should().Be(4 * Enum.GetValues<ClaimSetting>().Length * EdgeDates.Length * 4);
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

    private static Claim EdgeClaim(ClaimSetting setting, DateOnly date, DateOnly? birth)
    {
        var lines = ImmutableArray.CreateBuilder<ServiceLine>();
        for (var i = 0; i < Codes.Length; i++)
        {
            lines.Add(new ServiceLine
            {
                ProcedureCode = ProcedureCode.Parse(Codes[i]),
                Modifiers = [ModifierCode.Parse(Modifiers[i % Modifiers.Length])],
                Units = i % 3 == 0 ? ClaimLimits.MaxUnits : 1,
                Charge = i % 4 == 0 ? 0 : ClaimLimits.MaxCharge,
                ServiceDate = date,
                ServiceDateTo = i % 2 == 0 ? DateOnly.MaxValue : date,
                DiagnosisPointers = [1 + (i % 4)],
                PlaceOfService = i % 5 == 0 ? PlaceOfServiceCode.Parse("22") : null,
            });
        }

        return new Claim
        {
            ClaimId = "EDGE",
            Setting = setting,
            Patient = new Patient { BirthDate = birth, Sex = Sex.Male },
            BillingNpi = Npi.Parse("1234567893"),
            RenderingNpi = Npi.Parse("1245319599"),
            PlaceOfService = PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            DischargeDate = setting == ClaimSetting.Inpatient ? DateOnly.MaxValue : null,
            Diagnoses = [.. new[] { "O80", "E11.9", "Z38.00", "N40.0" }.Select(IcdCode.Parse)],
            Lines = lines.ToImmutable(),
        };
    }
}
