using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Fhir.Tests;

/// <summary>
/// Damaged FHIR input never escapes as anything but a <see cref="ClaimReadException"/> for the input as a whole, and
/// otherwise every Claim comes back as one result, readable or with at least one error at a FHIRPath.
/// </summary>
[Trait("Category", "Fuzz")]
public class FhirClaimReaderFuzzTests
{
    private static readonly string[] Fixtures = ["professional-bundle.json", "institutional-claim.json"];

    [Fact]
    public void DamagedClaims_AreEachReadOrUnreadableWithReasons_NeverLostOrThrown()
    {
        var texts = Fixtures.Select(FhirClaimReaderTests.Fixture).ToArray();
        var runs = Fuzz.Run(suiteSeed: 16_301, cases: 200, random =>
        {
            var text = texts[random.Next(texts.Length)];
            var damaged = Damage(text, random);
            IReadOnlyList<ClaimReadResult> results;
            try
            {
                results = FhirClaimReader.ReadJson(damaged);
            }
            catch (ClaimReadException)
            {
                return; // the input as a whole is no FHIR resource: refused, with its reason
            }

            foreach (var result in results)
            {
                if (!result.IsReadable)
                {
                    result.Errors.Should().NotBeEmpty();
                    result.Errors.Should().OnlyContain(e => e.Element.StartsWith("Claim", StringComparison.Ordinal) || e.Element.StartsWith("Bundle.entry[", StringComparison.Ordinal));
                }
            }
        });
        runs.Should().BeGreaterThan(0);
    }

    /// <summary>Changes one to three characters, or cuts the text short, where a hand edit or a broken transfer would.</summary>
    private static string Damage(string text, Random random)
    {
        var chars = text.ToCharArray();
        if (random.Next(10) == 0)
        {
            return text[..random.Next(text.Length)];
        }

        const string alphabet = "0123456789abcXYZ.-\":,{}[] ";
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
