using System.Collections.Immutable;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Generation;
using ClaimScrubber.Rules;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// No finding echoes patient data (README, issue 11): every finding of the sample claims, of generated claims over the
/// full data in every setting, and of hand-made claims that reach the rules the others do not, is scanned for the claim's
/// own dates, the birth date, the age next to an age word and the words of the sex recorded.
/// </summary>
public class PatientDataTests
{
    private static readonly ScrubberOptions Options = ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) };

    [CmsFact]
    public void NoFinding_NamesPatientData_AndTheScanReachesEveryRule()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var full = AllocationTests.FullIndex.Value;
        foreach (var (index, claims) in new[] { (SampleCmsData.Index, SampleClaimsOfEveryFile()), (full, SampleClaimsOfEveryFile()), (full, Generated(full)), (full, HandMade()), DeletedCodes() }.Concat(InstitutionalScanClaims.ReachingEveryRule(full)))
        {
            var scrubber = Scrubber.Create(index, Options with { EnabledRules = [.. RuleCatalog.All.Where(r => !r.IsEnabledByDefault).Select(r => r.Id)], ReportUnlinkedDiagnoses = true, RequireSinglePlaceOfService = true });
            foreach (var claim in claims)
            {
                foreach (var finding in scrubber.Scrub(claim).Findings)
                {
                    seen[finding.RuleId] = seen.GetValueOrDefault(finding.RuleId) + 1;
                    problems.AddRange(FindingChecks.Problems(claim, finding, index).Select(p => $"{claim.ClaimId} {finding.RuleId} {finding.Element}: {p}: {finding.Message} / {finding.FixHint}"));
                }
            }
        }

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems.Take(40)));

        // CLM001 is reported by the readers (a claim that could not be read has no dates of its own to echo).
        var unreached = RuleCatalog.All.Select(r => r.Id).Where(id => !seen.ContainsKey(id)).Except(["CLM001"]).ToList();
        unreached.Should().BeEmpty($"the scan must reach every rule; it missed {string.Join(", ", unreached)} and saw {string.Join(", ", seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
    }

    private static IEnumerable<Claim> SampleClaimsOfEveryFile() =>
        Directory.GetFiles(Path.Combine(CmsData.SampleFolder, "claims"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(ClaimJsonReader.ReadFile).Where(r => r.IsReadable).Select(r => r.Claim!);

    private static IEnumerable<Claim> Generated(CodeSetIndex index)
    {
        foreach (var setting in Enum.GetValues<ClaimSetting>())
        {
            var options = ClaimGeneratorOptions.Default with { Seed = 11 + (int)setting, Setting = setting, ErrorRate = 0.6, NcciPairRate = 0.3, DiagnosesPerClaim = 6, LinesPerClaim = 8 };
            foreach (var claim in new ClaimGenerator(index, options).Generate(1500))
            {
                yield return claim;
            }
        }
    }

    /// <summary>Claims written for the rules the samples and the generator do not reach, with dates and ages no table carries.</summary>
    private static IEnumerable<Claim> HandMade()
    {
        ServiceLine L(string code, params string[] modifiers) => new()
        {
            ProcedureCode = ClaimScrubber.ProcedureCode.Parse(code),
            Modifiers = [.. modifiers.Select(ClaimScrubber.ModifierCode.Parse)],
            Units = 1,
            Charge = 75m,
            ServiceDate = new DateOnly(2026, 2, 17),
            DiagnosisPointers = [1],
        };
        Claim C(string id, Sex sex, string[] diagnoses, params ServiceLine[] lines) => new()
        {
            ClaimId = id,
            Setting = ClaimSetting.Professional,
            Patient = new Patient { BirthDate = new DateOnly(1958, 11, 9), Sex = sex },
            BillingNpi = ClaimScrubber.Npi.Parse("1234567893"),
            RenderingNpi = ClaimScrubber.Npi.Parse("1245319599"),
            PlaceOfService = ClaimScrubber.PlaceOfServiceCode.Parse("11"),
            FrequencyCode = "1",
            Diagnoses = [.. diagnoses.Select(ClaimScrubber.IcdCode.Parse)],
            Lines = [.. lines],
        };
        string[] knee = ["M17.11"];
        var huge = L("99213");
        yield return C("H-CLM013", Sex.Female, knee, new ServiceLine { ProcedureCode = huge.ProcedureCode, ServiceDate = huge.ServiceDate, Units = 1_000_000_000m, Charge = 75m, DiagnosisPointers = [1] });
        yield return C("H-PX040", Sex.Female, ["Z12.5"], L("G0102"));
        yield return C("H-PX041", Sex.Male, ["Z00.00"], L("S3620"));
        yield return C("H-MOD011", Sex.Male, ["R05.9"], L("71046", "26", "TC"));
        yield return C("H-MOD013", Sex.Male, knee, L("99213", "50"));
        yield return C("H-MOD015", Sex.Female, knee, L("27447", "50", "RT"));
        yield return C("H-MOD021", Sex.Female, knee, L("20610", "62"));
        yield return C("H-MOD023", Sex.Female, knee, L("20610", "66"));
        yield return C("H-MOD024", Sex.Male, knee, L("0483T", "66"));
        yield return C("H-MOD026", Sex.Male, knee, L("20610", "57"));
        yield return C("H-MOD033", Sex.Male, ["L97.411"], L("11042"), L("11045", "51"));
        yield return C("H-MOD034", Sex.Female, knee, L("99213", "53"));
        yield return C("H-PX022", Sex.Female, knee, L("20930"));
        yield return C("H-PX023", Sex.Female, knee, L("A4211"));
        yield return C("H-PX024", Sex.Male, ["L60.0"], L("11055"));
        yield return C("H-PX029", Sex.Male, ["J44.9"], L("99213"), L("36591"));
        yield return C("H-PX031", Sex.Female, knee, L("99213", "25"), L("G2211"), L("20610", "RT"));
        yield return C("H-CLM014", Sex.Male, knee, new ServiceLine { ProcedureCode = huge.ProcedureCode, ServiceDate = huge.ServiceDate, Units = 1, Charge = 0m, DiagnosisPointers = [1] });
        ServiceLine On(string code, int month, int day, params string[] modifiers) => new()
        {
            ProcedureCode = ClaimScrubber.ProcedureCode.Parse(code),
            Modifiers = [.. modifiers.Select(ClaimScrubber.ModifierCode.Parse)],
            Units = 1,
            Charge = 75m,
            ServiceDate = new DateOnly(2026, month, day),
            DiagnosisPointers = [1],
            PlaceOfService = ClaimScrubber.PlaceOfServiceCode.Parse("22"),
        };
        yield return C("H-MOD035-037", Sex.Male, knee, On("99213", 2, 16), On("27447", 2, 17, "RT"), On("99213", 3, 4), On("20610", 3, 9, "LT"));
        var manifestationFirst = L("99213");
        yield return C("H-LNK011", Sex.Female, ["E11.42", "G63"], new ServiceLine { ProcedureCode = manifestationFirst.ProcedureCode, ServiceDate = manifestationFirst.ServiceDate, Units = 1, Charge = 75m, DiagnosisPointers = [2, 1] });
    }

    /// <summary>A fee schedule with the statuses no 2025 row has (D, F, H), which only a hand-made table reaches.</summary>
    private static (CodeSetIndex Index, IEnumerable<Claim> Claims) DeletedCodes()
    {
        var entry = new ClaimScrubber.CodeSets.FeeSchedule.FeeScheduleEntry('D', 0, ClaimScrubber.CodeSets.FeeSchedule.GlobalPeriod.NotApplicable, 0, 0, 0, 0, 0, false, false, false, default, ClaimScrubber.CodeSets.FeeSchedule.ProcedureClass.None);
        var table = new ClaimScrubber.CodeSets.FeeSchedule.FeeScheduleTable([(ClaimScrubber.ProcedureCode.Parse("99201"), default, entry)], new TableRelease("PFS RVU", "fixture", "PPRRVU_fixture.csv", null, null, 1));
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(table);
        return (builder.Build(), [TestClaims.Professional(null, TestClaims.Line("99201", "2026-02-17"))]);
    }
}
