using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimScrubber.Generation;
using ClaimScrubber.Rules;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// A guard for changes that must not change behaviour (performance work): fixed sets of claims — typical, error-heavy and
/// error-free generated claims, arbitrary valid claims, and the calendar's edge claims — are scrubbed, and every finding
/// (rule, severity, disposition, line, element, codes, message, fix hint, CARC, RARC, source) and the JSON the result
/// writer makes of each result are hashed per set and compared with <c>FindingsUnchanged.baseline</c>, made from the code
/// before the change.
/// </summary>
/// <remarks>
/// The baseline holds hashes only: the findings quote CMS data, which is not committed. When a hash differs,
/// <c>bash eng/findings-diff.sh [ref]</c> dumps the findings of both versions and prints their difference; when the change
/// is meant (a rule's message changed on purpose), run the tests once with <c>CLAIMSCRUBBER_UPDATE_FINDINGS=1</c> and commit
/// the baseline. <c>CLAIMSCRUBBER_FINDINGS_DUMP=folder</c> writes each set's findings there, one per line.
/// This file compiles alone against older versions of the library, so the script can run it on any commit.
/// </remarks>
public class FindingsUnchangedTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 15);

    internal static readonly DateOnly[] EdgeDates =
    [
        DateOnly.MinValue, new(1, 9, 30), new(1, 10, 1), new(1899, 12, 31), new(1990, 1, 1), new(2169, 7, 20), new(2169, 12, 31),
        new(9999, 9, 30), new(9999, 10, 1), DateOnly.MaxValue,
    ];

    // Codes that reach every table: E/M and a procedure with a PTP edit and global days, an add-on, a lab under an NCD with
    // its MUE, a Level II code, a DME code, a status T code, and a code with 26/TC splits.
    private static readonly string[] EdgeCodes = ["99213", "20610", "11045", "36415", "84443", "G0439", "E0100", "A0425", "71046", "27447", "29881", "96372"];

    private static readonly string[] EdgeModifiers = ["25", "59", "RT", "LT", "50", "26", "TC", "91", "GA", "GZ"];

    private static string BaselinePath => Path.Combine(CmsData.RepositoryRoot, "tests", "ClaimScrubber.Tests", "Scrubbing", "FindingsUnchanged.baseline");

    [CmsFact]
    public void Findings_OverTheFullData_AreUnchanged() => AssertUnchanged("full", AllocationTests.FullIndex.Value);

    [Fact]
    public void Findings_OverTheSampleData_AreUnchanged() => AssertUnchanged("sample", SampleCmsData.Index);

    [Fact]
    public void Findings_WithNoTable_AreUnchanged() => AssertUnchanged("empty", CodeSetIndex.Empty);

    /// <summary>
    /// A claim of twelve lines whose codes reach every table, on one date, with <paramref name="birth"/> as the patient's
    /// birth date: at the calendar's ends it reaches every table's edges.
    /// </summary>
    internal static Claim EdgeClaim(ClaimSetting setting, DateOnly date, DateOnly? birth)
    {
        var lines = ImmutableArray.CreateBuilder<ServiceLine>();
        for (var i = 0; i < EdgeCodes.Length; i++)
        {
            lines.Add(new ServiceLine
            {
                ProcedureCode = ProcedureCode.Parse(EdgeCodes[i]),
                Modifiers = [ModifierCode.Parse(EdgeModifiers[i % EdgeModifiers.Length])],
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

    /// <summary>The edge claims: every setting, edge date and birth date (none, the calendar's ends, the date itself).</summary>
    internal static IEnumerable<Claim> EdgeClaims()
    {
        foreach (var setting in Enum.GetValues<ClaimSetting>())
        {
            foreach (var date in EdgeDates)
            {
                foreach (var birth in (DateOnly?[])[null, DateOnly.MinValue, date, DateOnly.MaxValue])
                {
                    yield return EdgeClaim(setting, date, birth);
                }
            }
        }
    }

    private static void AssertUnchanged(string indexName, CodeSetIndex index)
    {
        var everyOption = OptionsWithEverything(index);
        var sets = new List<(string Name, ScrubberOptions Options, Func<IEnumerable<Claim>> Claims)>
        {
            ("typical", Options(AsOf), () => Generated(index, 0.1, 3000)),
            ("errorHeavy", Options(AsOf), () => Generated(index, 0.6, 3000)),
            ("errorFree", Options(AsOf), () => Generated(index, 0, 2000)),
            ("arbitrary", Options(AsOf), () => Arbitrary(index, 20261210, 600)),
            ("edge", Options(AsOf), EdgeClaims),
            ("edgeAtCalendarEnd", Options(DateOnly.MaxValue), EdgeClaims),
            ("errorHeavyEveryOption", everyOption, () => Generated(index, 0.6, 2000)),
            ("arbitraryEveryOption", everyOption, () => Arbitrary(index, 20261211, 400)),
            ("everyProcedure", Options(AsOf), () => EveryProcedure(index)),
            ("everyProcedureEveryOption", everyOption, () => EveryProcedure(index)),
            ("everyDiagnosis", Options(AsOf), () => EveryDiagnosis(index)),
            ("beyondLimits", Options(AsOf), BeyondLimits),
        };

        var expected = ReadBaseline();
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var dump = Environment.GetEnvironmentVariable("CLAIMSCRUBBER_FINDINGS_DUMP");
        foreach (var (name, options, claims) in sets)
        {
            var key = $"{indexName}/{name}";
            var scrubber = Scrubber.Create(index, options);
            using var findingText = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using var jsonText = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var claimCount = 0;
            var findingCount = 0;
            foreach (var claim in claims())
            {
                var result = claim.ClaimId == UnreadableId ? scrubber.ReportUnreadable(claim.ClaimId, UnreadableErrors) : scrubber.Scrub(claim);
                // Written first: a finding whose text was read writes that string, one whose text was not writes its parts.
                jsonText.WriteLine(ScrubResultJsonWriter.Serialize(result));
                findingText.WriteLine($"# claim {claimCount} {result.ClaimId}");
                foreach (var finding in result.Findings)
                {
                    findingText.WriteLine(Describe(finding));
                    findingCount++;
                }
                claimCount++;
            }

            var findings = findingText.ToString();
            var json = jsonText.ToString();
            if (!string.IsNullOrEmpty(dump))
            {
                Directory.CreateDirectory(dump);
                File.WriteAllText(Path.Combine(dump, $"{indexName}-{name}.findings.txt"), findings);
                File.WriteAllText(Path.Combine(dump, $"{indexName}-{name}.results.json"), json);
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"{claimCount} claims {findingCount} findings findings:{Hash(findings)} json:{Hash(json)}");
            actual[key] = line;
            if (!expected.TryGetValue(key, out var before))
            {
                problems.Add($"{key}: no baseline");
            }
            else if (before != line)
            {
                problems.Add($"{key}: was  {before}\n{new string(' ', key.Length)}  now  {line}");
            }
        }

        if (Environment.GetEnvironmentVariable("CLAIMSCRUBBER_UPDATE_FINDINGS") == "1")
        {
            foreach (var (key, line) in actual)
            {
                expected[key] = line;
            }

            File.WriteAllText(BaselinePath, "# Written by FindingsUnchangedTests with CLAIMSCRUBBER_UPDATE_FINDINGS=1 (or eng/findings-diff.sh --baseline): per data and claim set,\n"
                + "# the hashes of every finding and of every result's JSON. Regenerate only when findings change on purpose.\n"
                + string.Concat(expected.Select(p => $"{p.Key} {p.Value}\n")));
            return;
        }

        problems.Should().BeEmpty(
            "every finding and result must stay byte for byte what the baseline's code gave; `bash eng/findings-diff.sh` prints the findings that " +
            "changed, and a change made on purpose is recorded by running the tests with CLAIMSCRUBBER_UPDATE_FINDINGS=1");
    }

    private static ScrubberOptions Options(DateOnly asOf) => ScrubberOptions.Default with { AsOfDate = asOf };

    /// <summary>Every opt-in rule on and every payer option set the other way from its default.</summary>
    private static ScrubberOptions OptionsWithEverything(CodeSetIndex index)
    {
        var known = Scrubber.Create(index, Options(AsOf)).Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var defaults = ScrubberOptions.Default;
        return Options(AsOf) with
        {
            EnabledRules = [.. RuleCatalog.All.Where(r => !r.IsEnabledByDefault && known.Contains(r.Id)).Select(r => r.Id)],
            ReportSidesInsteadOfBilateral = !defaults.ReportSidesInsteadOfBilateral,
            RequireSinglePlaceOfService = !defaults.RequireSinglePlaceOfService,
            ReportUnlinkedDiagnoses = !defaults.ReportUnlinkedDiagnoses,
            ProcedureSexEditHonorsKx = !defaults.ProcedureSexEditHonorsKx,
        };
    }

    internal static IEnumerable<Claim> Generated(CodeSetIndex index, double errorRate, int count) =>
        new ClaimGenerator(index, ClaimGeneratorOptions.Default with { Seed = 20261123, ErrorRate = errorRate }).Generate(count);

    internal static IEnumerable<Claim> Arbitrary(CodeSetIndex index, int seed, int count)
    {
        var claims = new RandomClaims(index);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return claims.Next(random, string.Create(CultureInfo.InvariantCulture, $"A{i}"));
        }
    }

    /// <summary>
    /// Every procedure code the tables know, five to a claim in code order (so that codes near each other, which NCCI pairs
    /// often, meet), with modifiers, units, settings, dates and patients cycling through the cases the rules tell apart.
    /// </summary>
    internal static IEnumerable<Claim> EveryProcedure(CodeSetIndex index)
    {
        string[] modifiers = ["", "26", "TC", "50", "59", "25", "LT", "RT", "80", "62", "66", "91", "51", "53", "GY", "XS", "57", "58", "GA", "KX", "AS", "F1"];
        DateOnly[] dates = [new(2026, 3, 2), new(2025, 1, 15), new(2024, 7, 1), new(2026, 9, 30)];
        string[] places = ["11", "22", "21", "19", "12"];
        var codes = index.KnownProcedureCodes;
        for (int start = 0, k = 0; start < codes.Length; start += 5, k++)
        {
            var date = dates[k % dates.Length];
            var lines = ImmutableArray.CreateBuilder<ServiceLine>();
            for (var i = start; i < Math.Min(start + 5, codes.Length); i++)
            {
                var modifier = modifiers[(k + (3 * i)) % modifiers.Length];
                lines.Add(new ServiceLine
                {
                    ProcedureCode = codes[i],
                    Modifiers = modifier.Length == 0 ? [] : [ModifierCode.Parse(modifier)],
                    Units = 1 + ((i + k) % 4 == 0 ? 2 : 0),
                    Charge = 100,
                    ServiceDate = date,
                    DiagnosisPointers = [1 + (i % 2)],
                    PlaceOfService = i % 7 == 0 ? PlaceOfServiceCode.Parse(places[k % places.Length]) : null,
                });
            }

            yield return new Claim
            {
                ClaimId = string.Create(CultureInfo.InvariantCulture, $"P{k}"),
                Setting = (k % 3) switch { 0 => ClaimSetting.Professional, 1 => ClaimSetting.OutpatientHospital, _ => ClaimSetting.Professional },
                Patient = new Patient { BirthDate = new DateOnly(1940 + (k % 5 * 20), 5, 17), Sex = k % 2 == 0 ? Sex.Female : Sex.Male },
                BillingNpi = Npi.Parse("1234567893"),
                PlaceOfService = PlaceOfServiceCode.Parse(places[(k / 5) % places.Length]),
                FrequencyCode = "1",
                Diagnoses = [IcdCode.Parse("E11.9"), IcdCode.Parse("Z00.00")],
                Lines = lines.ToImmutable(),
            };
        }
    }

    /// <summary>
    /// Every ICD-10-CM code of the latest loaded fiscal year, headers included, eight to a claim in code order (so that codes
    /// of a category, which Excludes1 notes often pair, meet), over the settings, ages and sexes the MCE edits tell apart.
    /// </summary>
    internal static IEnumerable<Claim> EveryDiagnosis(CodeSetIndex index)
    {
        if (index.Icd10Cm is not { } icd || icd.FiscalYears.IsEmpty)
        {
            yield break;
        }

        var codes = icd.Records(icd.FiscalYears[^1]).Select(r => r.Code).ToArray();
        DateOnly[] dates = [new(2026, 1, 15), new(2025, 10, 1), new(2024, 9, 30)];
        DateOnly[] births = [new(2025, 11, 3), new(2012, 4, 9), new(1996, 2, 20), new(1941, 8, 30)];
        for (int start = 0, k = 0; start < codes.Length; start += 8, k++)
        {
            var date = dates[k % dates.Length];
            var setting = (k % 3) switch { 0 => ClaimSetting.Professional, 1 => ClaimSetting.Inpatient, _ => ClaimSetting.OutpatientHospital };
            yield return new Claim
            {
                ClaimId = string.Create(CultureInfo.InvariantCulture, $"D{k}"),
                Setting = setting,
                Patient = new Patient { BirthDate = births[(k / 3) % births.Length], Sex = (k / 2) % 2 == 0 ? Sex.Female : Sex.Male },
                BillingNpi = Npi.Parse("1234567893"),
                PlaceOfService = PlaceOfServiceCode.Parse("11"),
                FrequencyCode = "1",
                DischargeDate = setting == ClaimSetting.Inpatient ? date : null,
                Diagnoses = [.. codes.AsSpan(start, Math.Min(8, codes.Length - start))],
                Lines =
                [
                    new ServiceLine { ProcedureCode = ProcedureCode.Parse("99213"), Units = 1, Charge = 100, ServiceDate = date, DiagnosisPointers = [1, 2, 3, 4] },
                    new ServiceLine { ProcedureCode = ProcedureCode.Parse("82947"), Units = 1, Charge = 20, ServiceDate = date, DiagnosisPointers = [5, 6, 7, 8] },
                    new ServiceLine { ProcedureCode = ProcedureCode.Parse("36415"), Units = 1, Charge = 10, ServiceDate = date, DiagnosisPointers = [2, 4, 6, 8] },
                ],
            };
        }
    }

    private const string UnreadableId = "#unreadable";

    private static readonly ClaimElementError[] UnreadableErrors =
    [
        new("lines[2].procedureCode", "'9921' is not a HCPCS/CPT procedure code: expected five letters or digits.", 2, 14, "9921"),
        new("patient.birthDate", "'1950-02-30' is not a date (yyyy-MM-dd).", null, 9),
        new("diagnoses[1]", "'E11..9' is not an ICD-10-CM code.", null, null, "E11..9"),
    ];

    /// <summary>Claims beyond each limit of <see cref="ClaimLimits"/>, one beyond all at once, and a claim that could not be read.</summary>
    private static IEnumerable<Claim> BeyondLimits()
    {
        var within = TestClaims.Professional(null, TestClaims.Line(units: 0), TestClaims.Line());
        foreach (var limit in new[] { "lines", "diagnoses", "modifiers", "pointers", "units", "unitDecimals", "charge", "chargeDecimals", "claimId" })
        {
            yield return ClaimLimitTests.Over(limit, within);
        }

        yield return ClaimLimitTests.Over("claimId", ClaimLimitTests.Over("diagnoses", ClaimLimitTests.Over("units", ClaimLimitTests.Over("charge", ClaimLimitTests.Over("modifiers", within)))));
        yield return new Claim { ClaimId = UnreadableId };
    }

    private static string Describe(Finding f)
    {
        var source = f.Source is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{s.Table}|{s.Release}|{s.SourceFile}|{s.EffectiveFrom:yyyy-MM-dd}|{s.EffectiveTo:yyyy-MM-dd}|{s.RowCount}")
            : "-";
        string[] fields =
        [
            f.RuleId, f.Family.ToString(), f.Severity.ToString(), f.Disposition.ToString(), f.Line?.ToString(CultureInfo.InvariantCulture) ?? "-", f.Element,
            string.Join(",", f.Codes), f.Carc ?? "-", f.Rarc ?? "-", source, f.Message, f.FixHint,
        ];
        return string.Join("\t", fields.Select(v => v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)));
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant();

    private static SortedDictionary<string, string> ReadBaseline()
    {
        var baseline = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(BaselinePath))
        {
            foreach (var line in File.ReadAllLines(BaselinePath).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                baseline[line[..space]] = line[(space + 1)..];
            }
        }

        return baseline;
    }
}
