using System.Collections.Immutable;
using ClaimScrubber.Compatibility;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>
/// Compares the MCE-compatible view with CMS's own MCE output on a golden set (<c>../shared/golden/…</c>): every code's
/// edit set, tallied per edit, with the differences the data here cannot decide listed by claim and code.
/// </summary>
internal sealed class MceGoldenComparison(ImmutableDictionary<(string Claim, string Code), string> knownDifferences)
{
    public EditTally Diagnoses { get; } = new();

    public EditTally Procedures { get; } = new();

    /// <summary>Gets the known differences that still differ.</summary>
    public HashSet<(string Claim, string Code)> Explained { get; } = [];

    /// <summary>Gets every other difference, described.</summary>
    public List<string> Unexplained { get; } = [];

    public int EditTypeMismatches { get; private set; }

    /// <summary>Reads a golden set's claims and CMS's output for them, keyed by claim id.</summary>
    public static (List<MceClaimInput> Claims, Dictionary<string, string[]> Expected) Read(string set)
    {
        var folder = Path.Combine(CmsData.GoldenFolder, set);
        using var reader = new StreamReader(Path.Combine(folder, "claims.tsv"));
        List<MceClaimInput> claims = [.. MceCompatibleEditor.ReadClaims(reader)];
        var expected = File.ReadLines(Path.Combine(folder, "expected.tsv")).Skip(1).Select(l => l.Split('\t')).ToDictionary(c => c[0]);
        return (claims, expected);
    }

    /// <summary>Compares one claim's result with CMS's output row (<c>id, edit_type, dx_edits, px_edits</c>).</summary>
    public void Compare(MceClaimInput claim, MceClaimResult result, string[] want)
    {
        var knownClaim = knownDifferences.Keys.Any(k => k.Claim == claim.Id);
        EditTypeMismatches += result.EditType == want[1] || knownClaim ? 0 : 1;
        Compare(claim, "dx", want[2], result.Diagnoses, Diagnoses);
        Compare(claim, "px", want[3], result.ProcedureEdits, Procedures);
    }

    /// <summary>Writes the tallies and the first unexplained differences.</summary>
    public void Write(ITestOutputHelper output)
    {
        foreach (var (name, tally) in new[] { ("diagnoses", Diagnoses), ("procedures", Procedures) })
        {
            if (tally.Codes == 0)
            {
                continue;
            }

            output.WriteLine($"{name} ({tally.Codes} codes)       agree  disagree  agreement");
            foreach (var edit in tally.Agree.Keys.Union(tally.Disagree.Keys).Order(StringComparer.Ordinal))
            {
                var a = tally.Agree.GetValueOrDefault(edit);
                var d = tally.Disagree.GetValueOrDefault(edit);
                output.WriteLine($"  {edit,-34} {a,6} {d,9} {100.0 * a / (a + d),9:F2}%");
            }
        }

        output.WriteLine($"edit_type mismatches: {EditTypeMismatches}; known differences: {Explained.Count}");
        foreach (var line in Unexplained.Take(40))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Asserts that every difference is a known one, that every known one still differs, and that edit types agree.</summary>
    public void AssertOnlyKnownDifferences()
    {
        Unexplained.Should().BeEmpty();
        Explained.Should().BeEquivalentTo(knownDifferences.Keys, "every known difference must still be one; drop those the data now decides");
        EditTypeMismatches.Should().Be(0);
    }

    private void Compare(MceClaimInput claim, string kind, string wanted, ImmutableArray<MceDiagnosisResult> got, EditTally tally)
    {
        var entries = wanted.Length == 0 ? [] : wanted.Split(';').Select(d => d.Split('=')).ToArray();
        entries.Select(w => w[0]).Should().Equal(got.Select(d => d.Code), "claim {0} keeps its {1} order", claim.Id, kind);
        for (var i = 0; i < entries.Length; i++)
        {
            tally.Codes++;
            var want = entries[i][1].Split('+', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var ours = got[i].Edits.ToHashSet(StringComparer.Ordinal);
            var same = true;
            foreach (var edit in want.Union(ours))
            {
                var agrees = want.Contains(edit) == ours.Contains(edit);
                var counts = agrees ? tally.Agree : tally.Disagree;
                counts[edit] = counts.GetValueOrDefault(edit) + 1;
                same &= agrees;
            }

            if (same)
            {
                continue;
            }

            var key = (claim.Id, got[i].Code);
            if (knownDifferences.ContainsKey(key))
            {
                Explained.Add(key);
            }
            else
            {
                Unexplained.Add($"{claim.Id} {claim.DischargeDate:yyyy-MM-dd} age {claim.Age} sex {claim.Sex} dx {claim.PrincipalDiagnosis},{string.Join(',', claim.SecondaryDiagnoses)} {kind} #{i} {got[i].Code}: MCE [{string.Join('+', want.Order())}] ours [{string.Join('+', ours.Order())}]");
            }
        }
    }

    /// <summary>Per edit, how many codes agree and disagree with CMS's output.</summary>
    internal sealed class EditTally
    {
        public SortedDictionary<string, int> Agree { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, int> Disagree { get; } = new(StringComparer.Ordinal);

        public int Codes { get; set; }
    }
}
