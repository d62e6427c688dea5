using System.Collections.Immutable;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// The documented claim limits (<see cref="ClaimLimits"/>): a claim beyond one gets one finding per limit it exceeds, naming
/// the element and the limit, whatever the options say of those rules, and no other rule runs on it.
/// </summary>
public class ClaimLimitTests
{
    private static readonly ScrubberOptions Options = ScrubberOptions.Default with { AsOfDate = TestClaims.Today };

    // A line with zero units, so that CLM006 would fire if the rules ran.
    private static readonly ServiceLine ZeroUnits = TestClaims.Line(units: 0);

    public static TheoryData<string, string, string, string> OverLimit => new()
    {
        { "lines", "CLM012", "lines[1000]", "The claim has 1000 service lines; an 837 carries at most 999 (loop 2400). The claim was not scrubbed further." },
        { "diagnoses", "CLM009", "diagnoses[26]", "The claim lists 26 diagnoses; an 837 carries at most 25 (HI: the principal and 24 others). The claim was not scrubbed further." },
        { "modifiers", "MOD004", "lines[2].modifiers[5]", "The line carries 5 modifiers; the claim form has room for 4. The claim was not scrubbed further." },
        { "pointers", "LNK014", "lines[2].diagnosisPointers[5]", "The line carries 5 diagnosis pointers; a claim line holds at most 4. The claim was not scrubbed further." },
        { "units", "CLM013", "lines[2].units", "The line's units are beyond what an 837 quantity carries (at most 8 digits before the decimal point and 3 after, SV1-04/SV2-05). The claim was not scrubbed further." },
        { "unitDecimals", "CLM013", "lines[2].units", "The line's units are beyond what an 837 quantity carries (at most 8 digits before the decimal point and 3 after, SV1-04/SV2-05). The claim was not scrubbed further." },
        { "charge", "CLM013", "lines[2].charge", "The line's charge is beyond what an 837 amount carries (at most 8 digits before the decimal point and 2 after, SV1-02/SV2-03). The claim was not scrubbed further." },
        { "chargeDecimals", "CLM013", "lines[2].charge", "The line's charge is beyond what an 837 amount carries (at most 8 digits before the decimal point and 2 after, SV1-02/SV2-03). The claim was not scrubbed further." },
        { "claimId", "CLM013", "claimId", "The claim id has 39 characters; the 837 carries at most 38 (CLM01). The claim was not scrubbed further." },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void ClaimBeyondALimit_IsReported_AndNotScrubbedFurther(string limit, string ruleId, string element, string message)
    {
        var claim = Over(limit, TestClaims.Professional(null, ZeroUnits, TestClaims.Line()));
        foreach (var index in new[] { CodeSetIndex.Empty, SampleCmsData.Index })
        {
            var finding = Scrubber.Create(index, Options).Scrub(claim).Findings.Should().ContainSingle().Subject;
            (finding.RuleId, finding.Element, finding.Message, finding.Source).Should().Be((ruleId, element, message, null));
            finding.Severity.Should().Be(Severity.Error);
        }
    }

    [Fact]
    public void LimitFindings_IgnoreDisabledRules_ButTakeSeverityOverrides()
    {
        var claim = Over("modifiers", TestClaims.Professional(null, ZeroUnits, TestClaims.Line()));
        var options = Options with { DisabledRules = ["MOD004", "CLM006"] };
        Scrubber.Create(CodeSetIndex.Empty, options).Scrub(claim).Ids().Should().Equal(["MOD004"], "a claim that was not scrubbed must not look clean");
        var lowered = Options with { SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add("MOD004", Severity.Warning) };
        Scrubber.Create(CodeSetIndex.Empty, lowered).Scrub(claim).Findings.Single().Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public void EveryLimitExceeded_IsNamed_OnePerElement()
    {
        var claim = Over("claimId", Over("diagnoses", Over("units", Over("charge", Over("modifiers", TestClaims.Professional(null, ZeroUnits, TestClaims.Line()))))));
        Scrubber.Create(CodeSetIndex.Empty, Options).Scrub(claim).Findings.Select(f => (f.RuleId, f.Element, f.Rarc)).Should().Equal(
            ("CLM013", "claimId", "MA130"), ("CLM009", "diagnoses[26]", "M76"), ("MOD004", "lines[2].modifiers[5]", "N823"),
            ("CLM013", "lines[2].units", "M53"), ("CLM013", "lines[2].charge", "M79"));
    }

    [Theory]
    [InlineData(99_999_999.999, 99_999_999.99)]
    [InlineData(-99_999_999.999, -99_999_999.99)]
    [InlineData(1.000000, 1.0000)]
    [InlineData(0.001, 0.01)]
    public void ValuesAtTheLimits_AreScrubbed(double units, double charge)
    {
        var line = new ServiceLine { ProcedureCode = ProcedureCode.Parse("99213"), ServiceDate = new DateOnly(2026, 3, 2), Units = (decimal)units, Charge = (decimal)charge, DiagnosisPointers = [1] };
        var trailingZeros = new ServiceLine { ProcedureCode = line.ProcedureCode, ServiceDate = line.ServiceDate, Units = 1.000000m, Charge = 10.000000m, DiagnosisPointers = [1] };
        Scrubber.Create(CodeSetIndex.Empty, Options).Scrub(TestClaims.Professional(null, line, trailingZeros)).Ids().Should().NotContain("CLM013");
        ClaimScrubber.Rules.Claims.ClaimLimitRules.IsWithin(99_999_999.9990000m, ClaimLimits.MaxUnits, 3).Should().BeTrue();
        ClaimScrubber.Rules.Claims.ClaimLimitRules.IsWithin(decimal.MaxValue, ClaimLimits.MaxUnits, 3).Should().BeFalse();
    }

    [Fact]
    public void ProfessionalFormLimits_WithinTheHardLimits_AreOrdinaryFindings()
    {
        // 13 diagnoses and 51 lines fit an 837I but not an 837P: reported, and the claim is scrubbed on.
        var thirteen = Enumerable.Range(0, 13).Select(i => $"Z{i:00}0").ToArray();
        var lines = Enumerable.Range(0, 51).Select(i => TestClaims.Line(date: new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), units: i == 0 ? 0 : 1)).ToArray();
        Scrubber.Create(CodeSetIndex.Empty, Options).Scrub(TestClaims.Professional(thirteen, lines)).Ids().Should().Equal("CLM009", "CLM012", "CLM006");
    }

    internal static Claim Over(string limit, Claim claim)
    {
        var lines = claim.Lines.ToBuilder();
        var second = lines[1];
        switch (limit)
        {
            case "lines":
                while (lines.Count < ClaimLimits.MaxServiceLines + 1)
                {
                    lines.Add(TestClaims.Line());
                }

                return With(claim, lines: lines.ToImmutable());
            case "diagnoses":
                return With(claim, diagnoses: [.. Enumerable.Range(0, 26).Select(i => IcdCode.Parse($"Z{i:00}0"))]);
            case "claimId":
                return With(claim, claimId: new string('C', 39));
            default:
                lines[1] = new ServiceLine
                {
                    ProcedureCode = second.ProcedureCode,
                    ServiceDate = second.ServiceDate,
                    Modifiers = limit == "modifiers" ? [.. "25 59 76 GA GZ".Split(' ').Select(ModifierCode.Parse)] : second.Modifiers,
                    DiagnosisPointers = limit == "pointers" ? [1, 2, 1, 2, 1] : second.DiagnosisPointers,
                    Units = limit == "units" ? 100_000_000m : limit == "unitDecimals" ? 1.0005m : second.Units,
                    Charge = limit == "charge" ? -100_000_000m : limit == "chargeDecimals" ? 10.001m : second.Charge,
                };
                return With(claim, lines: lines.ToImmutable());
        }
    }

    private static Claim With(Claim claim, ImmutableArray<ServiceLine>? lines = null, ImmutableArray<IcdCode>? diagnoses = null, string? claimId = null) => new()
    {
        ClaimId = claimId ?? claim.ClaimId,
        Setting = claim.Setting,
        Patient = claim.Patient,
        BillingNpi = claim.BillingNpi,
        RenderingNpi = claim.RenderingNpi,
        PlaceOfService = claim.PlaceOfService,
        FrequencyCode = claim.FrequencyCode,
        Diagnoses = diagnoses ?? claim.Diagnoses,
        Lines = lines ?? claim.Lines,
    };
}
