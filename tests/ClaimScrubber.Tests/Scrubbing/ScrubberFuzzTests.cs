using System.Diagnostics;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// Property test of the scrubber over arbitrary valid claims (<see cref="RandomClaims"/>): it never throws, findings stay
/// within a small multiple of the claim's lines and diagnoses, every finding has a known rule id and an element the claim
/// has, and none names patient data (<see cref="FindingChecks"/>). Fixed seeds in the suite; a timed soak with
/// <c>CLAIMSCRUBBER_FUZZ_SECONDS</c> (see <see cref="Fuzz"/>).
/// </summary>
[Trait("Category", "Fuzz")]
public class ScrubberFuzzTests(ITestOutputHelper output)
{
    /// <summary>The most findings a claim may get: a few per line (each check reports a line at most once, a modifier or pointer at most once), a few per diagnosis and fiscal year, and the claim-level ones.</summary>
    internal static int Bound(ClaimScrubber.Claim claim) => (24 * claim.Lines.Length) + (12 * claim.Diagnoses.Length) + 24;

    [CmsFact]
    public void ArbitraryValidClaims_OverTheFullData() => Run(AllocationTests.FullIndex.Value, 20261101, 250);

    [Fact]
    public void ArbitraryValidClaims_OverTheSampleData() => Run(SampleCmsData.Index, 20261102, 200);

    [Fact]
    public void ArbitraryValidClaims_WithNoTable() => Run(CodeSetIndex.Empty, 20261103, 200);

    private void Run(CodeSetIndex index, int seed, int cases)
    {
        var claims = new RandomClaims(index);
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        long findings = 0;
        long lines = 0;
        var worstRatio = 0.0;
        var stopwatch = Stopwatch.StartNew();

        // Scrubbers are built once (building one over the full data takes a while): as-of dates at both ends of the calendar and
        // a usual one, with the payer options that add findings on or off.
        var scrubbers = (from asOf in new[] { new DateOnly(2026, 6, 15), DateOnly.MinValue, DateOnly.MaxValue }
                         from extras in new[] { false, true }
                         select Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = asOf, ReportUnlinkedDiagnoses = extras, RequireSinglePlaceOfService = extras })).ToArray();
        var run = Fuzz.Run(seed, cases, random =>
        {
            var scrubber = scrubbers[random.Next(10) < 6 ? random.Next(2) : random.Next(scrubbers.Length)];
            var claim = claims.Next(random, "F" + random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            var result = scrubber.Scrub(claim);
            result.Findings.Length.Should().BeLessThanOrEqualTo(Bound(claim));
            var problems = result.Findings.SelectMany(f => FindingChecks.Problems(claim, f, index).Select(p => $"{f.RuleId} {f.Element}: {p}: {f.Message}")).ToList();
            problems.Should().BeEmpty();
            findings += result.Findings.Length;
            lines += claim.Lines.Length;
            worstRatio = Math.Max(worstRatio, result.Findings.Length / (double)(claim.Lines.Length + claim.Diagnoses.Length + 1));
            foreach (var finding in result.Findings)
            {
                byRule[finding.RuleId] = byRule.GetValueOrDefault(finding.RuleId) + 1;
            }
        });
        output.WriteLine($"{run} claims ({lines} lines) in {stopwatch.Elapsed.TotalSeconds:F1} s: {findings} findings of {byRule.Count} rules, at most {worstRatio:F2} per line and diagnosis");
        output.WriteLine(string.Join(", ", byRule.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}")));
        run.Should().BeGreaterThan(0);
    }
}
