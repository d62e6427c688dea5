using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

/// <summary>
/// The Excludes1 look-up against the notes read literally, as text: a note under a code or its ancestor excludes a code
/// that falls in its range (compared on the range ends' lengths), except the code's own family.
/// </summary>
public class Excludes1FullDataTests(ITestOutputHelper output)
{
    [CmsFact]
    public void TryFind_OnTheFullTabular_AgreesWithTheNotesReadAsText()
    {
        var index = FullCmsData.Result.Index;
        var table = index.Excludes1!;
        var codes = index.Icd10Cm!.Records(2026).Select(r => r.Code).ToArray();
        var texts = codes.Select(c => c.ToString()).ToArray();
        var entries = table.Entries.ToArray();
        var byOwner = entries.ToLookup(e => e.Owner.ToString(), StringComparer.Ordinal);
        var random = new Random(11);

        // Half the pairs are random; half put a code under a note's owner against a code beside the note's range.
        var pairs = new List<(int A, int B)>();
        for (var i = 0; i < 20_000; i++)
        {
            pairs.Add((random.Next(codes.Length), random.Next(codes.Length)));
            var entry = entries[random.Next(entries.Length)];
            var a = Near(texts, entry.Owner.ToString(), random, 0);
            var b = Near(texts, entry.From.ToString(), random, 3);
            pairs.Add((a, b));
        }

        var excluded = 0;
        foreach (var (a, b) in pairs)
        {
            var expected = ExcludesAsText(byOwner, texts[a], texts[b]);
            if (table.TryFind(codes[a], codes[b], out var found) != expected)
            {
                Assert.Fail($"{texts[a]} against {texts[b]}: the table says {!expected}, the notes read as text {expected}.");
            }

            if (expected)
            {
                ExcludesAsText(byOwner, texts[a], texts[b], found).Should().BeTrue($"{found} must be a note that excludes {texts[b]} under {texts[a]}");
                excluded++;
            }
        }

        output.WriteLine($"{pairs.Count:N0} pairs, {excluded:N0} excluded.");
        excluded.Should().BeGreaterThan(5_000);
    }

    // A code at or just after the first code starting with the prefix, so that ranges' ends and their neighbours are drawn.
    private static int Near(string[] sorted, string prefix, Random random, int spread)
    {
        var at = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        at = at < 0 ? ~at : at;
        return Math.Min(sorted.Length - 1, Math.Max(0, at + random.Next(-spread, spread + 1)));
    }

    private static bool ExcludesAsText(ILookup<string, Excludes1Entry> byOwner, string code, string other, Excludes1Entry? only = null)
    {
        for (var length = IcdCode.MinLength; length <= code.Length; length++)
        {
            var owner = code[..length];
            if (other.StartsWith(owner, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var entry in byOwner[owner])
            {
                if ((only is null || entry == only) && InRange(other, entry.From.ToString(), entry.To.ToString()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool InRange(string code, string from, string to)
    {
        var low = code.Length >= from.Length ? code[..from.Length] : code;
        var high = code.Length >= to.Length ? code[..to.Length] : code;
        return string.CompareOrdinal(low, from) >= 0 && string.CompareOrdinal(high, to) <= 0;
    }
}
