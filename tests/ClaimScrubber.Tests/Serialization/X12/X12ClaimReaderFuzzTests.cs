using System.Text;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Serialization.X12;

/// <summary>
/// The reader on broken input: random bytes and mutations of valid files never raise anything but a
/// <see cref="ClaimReadException"/> (for input it cannot delimit), and while the segments can be delimited every CLM
/// yields exactly one result.
/// </summary>
[Trait("Category", "Fuzz")]
public class X12ClaimReaderFuzzTests
{
    // No I, S or A: a mutation must not spell a new ISA, which would re-delimit the rest of the file.
    private const string SafeCharacters = "0123456789BCDEFGHJKLMNOPQRTUVWXYZ .-";

    private static readonly X12WriterOptions Options = new() { Created = new DateTime(2026, 3, 12, 12, 53, 0, DateTimeKind.Unspecified) };

    private static readonly string[] Examples = [.. Directory.EnumerateFiles(Path.GetDirectoryName(X12Files.PathOf("x"))!, "*.837").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>Reads everything, envelope faults to a callback; null when the input could not be delimited.</summary>
    private static List<ClaimReadResult>? ReadAll(byte[] input)
    {
        try
        {
            var results = X12ClaimReader.Read(new MemoryStream(input), "fuzz.837", _ => { }).ToList();
            results.Should().NotContain(r => r.IsReadable != r.Errors.IsEmpty);
            results.Select(r => r.Ordinal).Should().Equal(Enumerable.Range(1, results.Count));
            return results;
        }
        catch (ClaimReadException ex)
        {
            ex.Message.Should().StartWith("fuzz.837:");
            return null;
        }
    }

    private static string BaseText(Random random)
    {
        if (random.Next(3) == 0)
        {
            return Examples[random.Next(Examples.Length)];
        }

        var stream = new MemoryStream();
        using (var writer = new X12ClaimWriter(stream, Options with { LineBreaks = random.Next(2) == 0, MaxClaimsPerTransaction = random.Next(1, 4) }, leaveOpen: true))
        {
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                writer.Write(RandomFullClaims.Next(random));
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The CLM segments of text whose ISA and terminators are intact, counted without the reader.</summary>
    private static int CountClaims(string text) =>
        text.Split('~').Count(s => s.TrimStart(' ', '\r', '\n', '\t') is var t && (t == "CLM" || t.StartsWith("CLM*", StringComparison.Ordinal)));

    [Fact]
    public void RandomBytes_AreRefusedOrRead_NeverThrownOtherwise() =>
        Fuzz.Run(suiteSeed: 4101, cases: 300, random =>
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0 && bytes.Length > 120)
            {
                // Behind a valid ISA, so that the noise reaches the segment and claim parsing.
                var isa = Encoding.ASCII.GetBytes(X12Text.Isa() + "~");
                isa.CopyTo(bytes, 0);
            }

            ReadAll(bytes);
        });

    [Fact]
    public void ElementMutations_KeepOneResultPerClaim() =>
        Fuzz.Run(suiteSeed: 4102, cases: 300, random =>
        {
            var text = BaseText(random).ToCharArray();
            var isaEnd = Array.IndexOf(text, '~');
            for (var m = random.Next(1, 12); m > 0; m--)
            {
                var at = random.Next(isaEnd + 1, text.Length);
                if (text[at] is not ('*' or ':' or '^' or '~' or '\n' or '\r'))
                {
                    text[at] = SafeCharacters[random.Next(SafeCharacters.Length)];
                }
            }

            var mutated = new string(text);
            var results = ReadAll(Encoding.UTF8.GetBytes(mutated));
            results.Should().NotBeNull("the delimiters are intact");
            results!.Should().HaveCount(CountClaims(mutated));
        });

    [Fact]
    public void SegmentMutations_KeepOneResultPerClaim() =>
        Fuzz.Run(suiteSeed: 4103, cases: 300, random =>
        {
            var segments = BaseText(random).Split('~').Select(s => s.Trim('\n')).Where(s => s.Length > 0).ToList();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                var at = random.Next(1, segments.Count);
                switch (random.Next(4))
                {
                    case 0:
                        segments.RemoveAt(at);
                        break;
                    case 1:
                        segments.Insert(at, segments[random.Next(1, segments.Count)]);
                        break;
                    case 2:
                        (segments[at], segments[^1]) = (segments[^1], segments[at]);
                        break;
                    default:
                        var elements = segments[at].Split('*').ToList();
                        elements.RemoveAt(random.Next(elements.Count));
                        segments[at] = string.Join('*', elements);
                        break;
                }

                if (segments.Count < 2)
                {
                    break;
                }
            }

            var mutated = string.Join("~\n", segments) + "~";
            var results = ReadAll(Encoding.UTF8.GetBytes(mutated));
            if (results is not null)
            {
                results.Should().HaveCount(CountClaims(mutated));
            }
        });

    [Fact]
    public void ByteMutationsAndTruncation_AreRefusedOrRead_NeverThrownOtherwise() =>
        Fuzz.Run(suiteSeed: 4104, cases: 300, random =>
        {
            var bytes = Encoding.UTF8.GetBytes(BaseText(random)).ToList();
            for (var m = random.Next(1, 8); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.RemoveAt(at);
                        break;
                    case 2:
                        bytes.Insert(at, (byte)"*:^~\n>|"[random.Next(7)]);
                        break;
                    default:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                }
            }

            ReadAll([.. bytes]);
        });
}
