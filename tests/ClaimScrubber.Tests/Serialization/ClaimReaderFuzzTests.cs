using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimScrubber.Generation;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.Serialization;

/// <summary>
/// Property tests of every claim reader (JSON array, NDJSON, pretty-printed claim objects, CSV) over random bytes,
/// damaged copies of valid input, and claims beyond the limits: a reader only ever throws a
/// <see cref="ClaimReadException"/>, and only where claims can no longer be delimited; otherwise it answers every claim
/// once, in order, each error naming its element and input line; claims a damage does not touch read back unchanged.
/// </summary>
[Trait("Category", "Fuzz")]
public class ClaimReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly Claim[] Pool = [.. new ClaimGenerator(CodeSetIndex.Empty, ClaimGeneratorOptions.Default with { Seed = 11, ErrorRate = 0.6 }).Generate(200)];

    private static readonly RandomClaims ValidClaims = new(CodeSetIndex.Empty);

    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[][] BadUtf8 = [[0xFF], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    public enum Layout
    {
        CompactArray,
        IndentedArray,
        Ndjson,
        PrettyObjects,
        Csv,
    }

    [Fact]
    public void AnyClaimTheWritersWrite_ReadsBackEqual_InEveryLayout()
    {
        var cases = Fuzz.Run(1101, 250, random =>
        {
            var claims = Enumerable.Range(0, random.Next(1, 6)).Select(i => RandomClaim(random, i)).ToArray();
            foreach (var layout in Enum.GetValues<Layout>())
            {
                var input = Input.Of(layout, claims);
                var results = Read(layout, input.Bytes, out var failure);
                failure.Should().BeNull();
                results.Select(r => r.IsReadable ? ClaimJsonWriter.Serialize(r.Claim) : string.Join(" | ", r.Errors))
                    .Should().Equal(claims.Select(ClaimJsonWriter.Serialize), $"layout {layout}");
            }
        });
        output.WriteLine($"{cases} cases, 5 layouts each");
    }

    [Fact]
    public void RandomBytes_AreAnsweredOrRefused_NeverCrash()
    {
        const string alphabet = "{}[]\",:0123456789.-+eE tfnrulas\\/u\n\r\t#|;";
        var cases = Fuzz.Run(1102, 3000, random =>
        {
            var bytes = new byte[random.Next(0, 600)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = random.Next(8) == 0 ? (byte)random.Next(256) : (byte)alphabet[random.Next(alphabet.Length)];
            }

            if (random.Next(3) == 0 && bytes.Length > 0)
            {
                bytes[0] = (byte)"[{"[random.Next(2)];
            }

            foreach (var layout in new[] { Layout.Ndjson, Layout.Csv })
            {
                var results = Read(layout, bytes, out var failure);
                Check(results, failure, layout);
            }

            var csvWithHeader = Encoding.UTF8.GetBytes("claimId,procedureCode,modifiers,units,diagnoses\n").Concat(bytes).ToArray();
            Check(Read(Layout.Csv, csvWithHeader, out var csvFailure), csvFailure, Layout.Csv);
        });
        output.WriteLine($"{cases} cases, JSON and CSV each");
    }

    [Theory]
    [InlineData(Layout.CompactArray)]
    [InlineData(Layout.IndentedArray)]
    [InlineData(Layout.Ndjson)]
    [InlineData(Layout.PrettyObjects)]
    [InlineData(Layout.Csv)]
    public void DamagedInput_IsAnsweredOrRefused_NeverCrash(Layout layout)
    {
        var cases = Fuzz.Run(1103 + (int)layout, 600, random =>
        {
            var claims = PoolSample(random);
            var input = Input.Of(layout, claims);
            var bytes = input.Bytes.ToList();
            var damages = random.Next(1, 4);
            for (var d = 0; d < damages && bytes.Count > 0; d++)
            {
                switch (random.Next(4))
                {
                    case 0:
                        bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                        break;
                    case 1:
                        var cut = random.Next(bytes.Count);
                        bytes.RemoveRange(cut, bytes.Count - cut);
                        break;
                    case 2:
                        bytes.InsertRange(random.Next(bytes.Count), Enumerable.Range(0, random.Next(1, 20)).Select(_ => (byte)random.Next(256)));
                        break;
                    default:
                        bytes.RemoveAt(random.Next(bytes.Count));
                        break;
                }
            }

            Check(Read(layout, [.. bytes], out var failure), failure, layout);
        });
        output.WriteLine($"{cases} cases");
    }

    [Fact]
    public void NdjsonLineDamage_AffectsOnlyItsLine()
    {
        var cases = Fuzz.Run(1110, 1500, random =>
        {
            var claims = PoolSample(random, minimum: 2);
            var input = Input.Of(Layout.Ndjson, claims);
            var bytes = input.Bytes.ToArray();
            var firstLineEnd = Array.IndexOf(bytes, (byte)'\n');
            int at;
            do
            {
                at = random.Next(firstLineEnd + 1, bytes.Length);
            }
            while (bytes[at] == '\n');

            byte value;
            do
            {
                value = (byte)random.Next(256);
            }
            while (value == '\n');

            bytes[at] = value;
            var damaged = input.ClaimAt(at);

            var results = Read(Layout.Ndjson, bytes, out var failure);

            Check(results, failure, Layout.Ndjson);
            failure.Should().BeNull();
            results.Should().HaveCount(claims.Length);
            for (var i = 0; i < claims.Length; i++)
            {
                if (i != damaged)
                {
                    ClaimJsonWriter.Serialize(results[i].Claim!).Should().Be(ClaimJsonWriter.Serialize(claims[i]));
                }
            }
        });
        output.WriteLine($"{cases} cases");
    }

    [Fact]
    public void NdjsonCutAnywhere_AnswersEveryLineLeft()
    {
        var cases = Fuzz.Run(1111, 1500, random =>
        {
            var input = Input.Of(Layout.Ndjson, PoolSample(random));
            var bytes = input.Bytes.AsSpan(0, random.Next(input.Bytes.Length + 1)).ToArray();
            var lines = Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.Trim(' ', '\t', '\r').Length > 0);

            var results = Read(Layout.Ndjson, bytes, out var failure);

            Check(results, failure, Layout.Ndjson);
            failure.Should().BeNull();
            results.Should().HaveCount(lines);
        });
        output.WriteLine($"{cases} cases");
    }

    [Theory]
    [InlineData(Layout.CompactArray)]
    [InlineData(Layout.IndentedArray)]
    [InlineData(Layout.PrettyObjects)]
    [InlineData(Layout.Csv)]
    public void CutAnywhere_IsRefusedOrAnswersNoMoreClaimsThanWritten(Layout layout)
    {
        var cases = Fuzz.Run(1112 + (int)layout, 800, random =>
        {
            var claims = PoolSample(random);
            var input = Input.Of(layout, claims);
            var bytes = input.Bytes.AsSpan(0, random.Next(input.Bytes.Length + 1)).ToArray();

            var results = Read(layout, bytes, out var failure);

            Check(results, failure, layout);

            // A CSV cut inside a claim id makes the rest of that row a claim of its own.
            results.Count.Should().BeLessThanOrEqualTo(claims.Length + (layout == Layout.Csv ? 1 : 0));
        });
        output.WriteLine($"{cases} cases");
    }

    [Theory]
    [InlineData(Layout.CompactArray)]
    [InlineData(Layout.IndentedArray)]
    [InlineData(Layout.Ndjson)]
    [InlineData(Layout.PrettyObjects)]
    [InlineData(Layout.Csv)]
    public void BadTextInAValue_MakesOnlyThatClaimUnreadable(Layout layout)
    {
        var cases = Fuzz.Run(1120 + (int)layout, 500, random =>
        {
            var claims = PoolSample(random);
            var input = Input.Of(layout, claims);
            var target = random.Next(claims.Length);
            var lone = layout != Layout.Csv && random.Next(3) == 0;
            var inserted = lone ? Encoding.ASCII.GetBytes($"\\u{random.Next(0xD800, 0xE000):X4}") : BadUtf8[random.Next(BadUtf8.Length)];
            var bytes = layout == Layout.Csv
                ? input.InsertBeforeEnd(target, inserted)
                : input.InsertInValue(target, inserted, random);

            var results = Read(layout, bytes, out var failure);

            Check(results, failure, layout);
            OnlyTargetUnreadable(results, failure, claims, target, r => r.Errors.Should().Contain(e => e.Message.Contains(lone ? "lone surrogate" : "UTF-8", StringComparison.Ordinal)));
        });
        output.WriteLine($"{cases} cases");
    }

    [Theory]
    [InlineData(Layout.CompactArray)]
    [InlineData(Layout.Ndjson)]
    [InlineData(Layout.PrettyObjects)]
    public void DuplicateKeysDeepNestingLongStringsHugeNumbers_AffectOnlyTheirClaim(Layout layout)
    {
        var cases = Fuzz.Run(1130 + (int)layout, 400, random =>
        {
            var claims = PoolSample(random);
            var input = Input.Of(layout, claims);
            var target = random.Next(claims.Length);
            var kind = random.Next(5);
            var depth = random.Next(1, 120);
            var text = kind switch
            {
                0 => "\"units\":1,\"units\":2,",
                1 => $"\"deep\":{new string('[', depth)}{new string(']', depth)},",
                2 => $"\"note\":\"{new string('x', random.Next(1, 300_000))}\",",
                3 => $"\"claimId\":\"{new string('x', random.Next(39, 5_000))}\",",
                _ => $"\"units\":{(random.Next(2) == 0 ? "1e" + random.Next(29, 999) : new string('9', random.Next(30, 400)))},",
            };
            var bytes = kind is 0 or 4
                ? input.InsertAfterLineStart(target, Encoding.UTF8.GetBytes(text))
                : input.InsertAfterClaimStart(target, Encoding.UTF8.GetBytes(text));

            var results = Read(layout, bytes, out var failure);

            Check(results, failure, layout);
            // The claim object is one level; each '[' another, and the reader refuses the level past MaxDepth.
            var tooDeep = kind == 1 && depth >= JsonClaimStream.MaxDepth;
            if (tooDeep && layout != Layout.Ndjson)
            {
                failure.Should().NotBeNull();
                return;
            }

            var changed = kind == 2 || (kind == 1 && !tooDeep) ? -1 : target;
            OnlyTargetUnreadable(results, failure, claims, changed, _ => { });
        });
        output.WriteLine($"{cases} cases");
    }

    [Theory]
    [InlineData(Layout.CompactArray)]
    [InlineData(Layout.Ndjson)]
    [InlineData(Layout.Csv)]
    public void ClaimsBeyondTheLimits_AreUnreadable_NamingTheLimit_OthersReadBack(Layout layout)
    {
        var cases = Fuzz.Run(1140 + (int)layout, 150, random =>
        {
            var claims = PoolSample(random).ToArray();
            var target = random.Next(claims.Length);
            var (beyond, element) = BeyondALimit(claims[target], random);
            claims[target] = beyond;

            var results = Read(layout, Input.Of(layout, claims).Bytes, out var failure);

            Check(results, failure, layout);
            OnlyTargetUnreadable(results, failure, claims, target, r => r.Errors.Select(e => e.Element).Should().Contain(element));
        });
        output.WriteLine($"{cases} cases");
    }

    [Theory]
    [InlineData(Layout.CompactArray)]
    [InlineData(Layout.IndentedArray)]
    [InlineData(Layout.Ndjson)]
    [InlineData(Layout.PrettyObjects)]
    [InlineData(Layout.Csv)]
    public void ByteOrderMarkAndLineEnds_DoNotChangeWhatIsRead(Layout layout)
    {
        var cases = Fuzz.Run(1150 + (int)layout, 200, random =>
        {
            var claims = PoolSample(random);
            var text = Encoding.UTF8.GetString(Input.Of(layout, claims).Bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (random.Next(2) == 0)
            {
                text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            if (random.Next(2) == 0)
            {
                bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
            }

            var results = Read(layout, bytes, out var failure);

            failure.Should().BeNull();
            results.Select(r => ClaimJsonWriter.Serialize(r.Claim!)).Should().Equal(claims.Select(ClaimJsonWriter.Serialize));
        });
        output.WriteLine($"{cases} cases");
    }

    [Fact]
    public void PlainDecimalFastPath_ReadsEveryNumberAsTheJsonReaderDoes()
    {
        var cases = Fuzz.Run(1160, 20_000, random =>
        {
            var integer = random.Next(4) == 0 ? "0" : random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + Digits(random, random.Next(0, 20));
            var number = (random.Next(3) == 0 ? "-" : string.Empty) + integer + (random.Next(2) == 0 ? "." + Digits(random, random.Next(1, 12)) : string.Empty)
                + (random.Next(10) == 0 ? "e" + random.Next(-5, 5).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            var bytes = Encoding.ASCII.GetBytes(number);
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            var expected = reader.TryGetDecimal(out var value) ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

            if (ClaimJsonParser.TryPlainDecimal(bytes, out var fast))
            {
                fast.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected, number);
            }
            else
            {
                (number.Contains('e', StringComparison.Ordinal) || number.Count(char.IsAsciiDigit) > 18).Should().BeTrue(number);
            }
        });
        output.WriteLine($"{cases} numbers");

        static string Digits(Random random, int count) => new([.. Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10)))]);
    }

    /// <summary>Every claim is answered, claim <paramref name="target"/> (if any) unreadable, and all the others read back unchanged.</summary>
    private static void OnlyTargetUnreadable(List<ClaimReadResult> results, Exception? failure, Claim[] claims, int target, Action<ClaimReadResult> checkTarget)
    {
        failure.Should().BeNull();
        results.Should().HaveCount(claims.Length);
        for (var i = 0; i < claims.Length; i++)
        {
            if (i == target)
            {
                results[i].IsReadable.Should().BeFalse();
                checkTarget(results[i]);
            }
            else
            {
                ClaimJsonWriter.Serialize(results[i].Claim!).Should().Be(ClaimJsonWriter.Serialize(claims[i]));
            }
        }
    }

    private static Claim[] PoolSample(Random random, int minimum = 1) =>
        [.. Enumerable.Range(0, random.Next(minimum, 7)).Select(i => Unique(Pool[random.Next(Pool.Length)], i))];

    // CSV groups rows by claim id, so that claims side by side must differ in it.
    private static Claim Unique(Claim claim, int i) => With(claim, claimId: $"{claim.ClaimId}-{i}");

    private static List<ClaimReadResult> Read(Layout layout, byte[] bytes, out Exception? failure)
    {
        var results = new List<ClaimReadResult>();
        failure = null;
        try
        {
            var claims = layout == Layout.Csv
                ? ClaimCsvReader.Read(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), "fuzz")
                : ClaimJsonReader.Read(new MemoryStream(bytes), "fuzz");
            foreach (var result in claims)
            {
                results.Add(result);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        return results;
    }

    /// <summary>The properties every read keeps, whatever its input (plain asserts: this runs for every case).</summary>
    private static void Check(List<ClaimReadResult> results, Exception? failure, Layout layout)
    {
        if (failure is not null)
        {
            var ex = Assert.IsType<ClaimReadException>(failure, exactMatch: true);
            Assert.Equal("fuzz", ex.InputName);
            Assert.True(ex.LineNumber >= 1, $"{layout}: the exception names a line: {ex.Message}");
            Assert.StartsWith("fuzz:", ex.Message, StringComparison.Ordinal);
        }

        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            Assert.Equal(i + 1, result.Ordinal);
            Assert.True(result.SourceLine >= (i == 0 ? 1 : results[i - 1].SourceLine), $"{layout}: results come in input order");
            if (result.IsReadable)
            {
                Assert.Empty(result.Errors);
                Assert.Equal(result.Claim.ClaimId, result.ClaimId);
                Assert.True(result.Claim.ClaimId.Length <= ClaimLimits.MaxClaimIdLength);
                Assert.True(result.Claim.Lines.Length <= ClaimLimits.MaxServiceLines);
                Assert.True(result.Claim.Diagnoses.Length <= ClaimLimits.MaxDiagnoses);
                continue;
            }

            Assert.NotEmpty(result.Errors);
            Assert.True(result.ClaimId == $"#{result.Ordinal}" || (result.ClaimId.Length > 0 && result.ClaimId.Length <= ClaimLimits.MaxClaimIdLength), $"{layout}: claim id '{result.ClaimId}'");
            foreach (var error in result.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Element));
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                Assert.True(error.Message.Length < 400, $"{layout}: echoed values are cut: {error.Message}");
                Assert.True(error.SourceLine >= 1, $"{layout}: every error names its input line");
                Assert.True((error.Code?.Length ?? 0) <= ClaimLimits.MaxEchoedValueLength + 1, $"{layout}: echoed codes are cut");
            }
        }
    }

    private static (Claim Claim, string Element) BeyondALimit(Claim claim, Random random)
    {
        var line = claim.Lines.IsEmpty ? TestClaims.Line() : claim.Lines[0];
        return random.Next(8) switch
        {
            0 => (With(claim, lines: [.. Enumerable.Repeat(line, ClaimLimits.MaxServiceLines + 1 + random.Next(3))]), "lines[1000]"),
            1 => (With(claim, diagnoses: [.. Enumerable.Repeat(IcdCode.Parse("I10"), ClaimLimits.MaxDiagnoses + 1 + random.Next(3))]), "diagnoses[26]"),
            2 => (With(claim, lines: [WithLine(line, units: (ClaimLimits.MaxUnits + 0.001m) * (random.Next(2) == 0 ? 1 : -1))]), "lines[1].units"),
            3 => (With(claim, lines: [WithLine(line, units: 1.0001m)]), "lines[1].units"),
            4 => (With(claim, lines: [WithLine(line, charge: (ClaimLimits.MaxCharge + 0.01m) * (random.Next(2) == 0 ? 1 : -1))]), "lines[1].charge"),
            5 => (With(claim, lines: [WithLine(line, charge: 10.001m)]), "lines[1].charge"),
            6 => (With(claim, claimId: claim.ClaimId + new string('9', ClaimLimits.MaxClaimIdLength)), "claimId"),
            _ => (With(claim, lines: [WithLine(line, modifiers: [.. Enumerable.Repeat(ModifierCode.Parse("25"), 100)])]), "lines[1].modifiers[100]"),
        };
    }

    /// <summary>
    /// A valid claim (<see cref="RandomClaims"/>) with text the formats must quote or escape in every free-text element,
    /// the setting claim model v2 added, and now and then more modifiers or pointers than the form carries and
    /// pointers anywhere in an integer's range, all of which a reader reads.
    /// </summary>
    private static Claim RandomClaim(Random random, int index)
    {
        var claim = ValidClaims.Next(random, Text(random, 1, ClaimLimits.MaxClaimIdLength - 4) + "~" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lines = claim.Lines.IsEmpty ? [TestClaims.Line()] : claim.Lines;
        return With(
            claim,
            setting: (ClaimSetting)random.Next(4),
            frequencyCode: random.Next(4) == 0 ? null : Text(random, 1, 3),
            lines: [.. lines.Select(line => WithLine(
                line,
                modifiers: random.Next(8) == 0 ? [.. Enumerable.Range(0, random.Next(5, 7)).Select(_ => ModifierCode.Parse("25"))] : null,
                pointers: random.Next(8) == 0 ? [.. Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(int.MinValue, int.MaxValue))] : null,
                revenueCode: random.Next(3) == 0 ? Text(random, 1, 8) : null))]);
    }

    /// <summary>Text without white space at its ends (readers trim it), from ASCII, punctuation the formats quote, and beyond.</summary>
    private static string Text(Random random, int min, int max)
    {
        const string chars = "abcXYZ019 ,;|\"'\\/{}[]:\t\néß中€\u0001\u007f";
        var text = new StringBuilder();
        for (var n = random.Next(min, max + 1); n > 0; n--)
        {
            if (random.Next(20) == 0 && n > 1)
            {
                text.Append("\U0001F600");
                n--;
                continue;
            }

            text.Append(chars[random.Next(chars.Length)]);
        }

        var trimmed = text.ToString().Trim();
        return trimmed.Length == 0 ? "x" : trimmed;
    }

    private static Claim With(Claim claim, string? claimId = null, ImmutableArray<ServiceLine>? lines = null, ImmutableArray<IcdCode>? diagnoses = null, ClaimSetting? setting = null, string? frequencyCode = null) => new()
    {
        ClaimId = claimId ?? claim.ClaimId,
        Setting = setting ?? claim.Setting,
        Patient = claim.Patient,
        BillingNpi = claim.BillingNpi,
        RenderingNpi = claim.RenderingNpi,
        PlaceOfService = claim.PlaceOfService,
        FrequencyCode = frequencyCode ?? claim.FrequencyCode,
        DischargeDate = claim.DischargeDate,
        Diagnoses = diagnoses ?? claim.Diagnoses,
        Lines = lines ?? claim.Lines,
    };

    private static ServiceLine WithLine(ServiceLine line, decimal? units = null, decimal? charge = null, ImmutableArray<ModifierCode>? modifiers = null, ImmutableArray<int>? pointers = null, string? revenueCode = null) => new()
    {
        ProcedureCode = line.ProcedureCode,
        Modifiers = modifiers ?? line.Modifiers,
        Units = units ?? line.Units,
        Charge = charge ?? line.Charge,
        ServiceDate = line.ServiceDate,
        ServiceDateTo = line.ServiceDateTo,
        PlaceOfService = line.PlaceOfService,
        DiagnosisPointers = pointers ?? line.DiagnosisPointers,
        RenderingNpi = line.RenderingNpi,
        RevenueCode = revenueCode ?? line.RevenueCode,
    };

    /// <summary>Claims written in one layout, with where each claim's text lies, so that damage can be aimed at one claim.</summary>
    private sealed class Input
    {
        private readonly List<(int Start, int End)> spans = [];

        private Input(byte[] bytes, List<(int Start, int End)> spans)
        {
            Bytes = bytes;
            this.spans = spans;
        }

        public byte[] Bytes { get; }

        public static Input Of(Layout layout, Claim[] claims)
        {
            var bytes = new List<byte>();
            var spans = new List<(int, int)>();
            void Add(string text) => bytes.AddRange(Encoding.UTF8.GetBytes(text));
            void AddClaim(byte[] text)
            {
                spans.Add((bytes.Count, bytes.Count + text.Length));
                bytes.AddRange(text);
            }

            switch (layout)
            {
                case Layout.Csv:
                    Add(string.Join(',', ClaimCsvReader.ClaimColumns.Concat(ClaimCsvReader.LineColumns)) + "\r\n");
                    foreach (var claim in claims)
                    {
                        var text = new StringWriter();
                        using (var writer = new ClaimCsvWriter(text, leaveOpen: true))
                        {
                            writer.Write(claim);
                        }

                        var rows = text.ToString();
                        AddClaim(Encoding.UTF8.GetBytes(rows[(rows.IndexOf("\r\n", StringComparison.Ordinal) + 2)..]));
                    }

                    break;
                case Layout.Ndjson:
                    foreach (var claim in claims)
                    {
                        AddClaim(Encoding.UTF8.GetBytes(ClaimJsonWriter.Serialize(claim)));
                        Add("\n");
                    }

                    break;
                default:
                    var indented = layout is Layout.IndentedArray or Layout.PrettyObjects;
                    var array = layout != Layout.PrettyObjects;
                    Add(array ? (indented ? "[\n" : "[") : string.Empty);
                    for (var i = 0; i < claims.Length; i++)
                    {
                        Add(i == 0 ? string.Empty : array ? (indented ? ",\n" : ",") : "\n");
                        AddClaim(indented ? Indent(ClaimJsonWriter.Serialize(claims[i])) : Encoding.UTF8.GetBytes(ClaimJsonWriter.Serialize(claims[i])));
                    }

                    Add(array ? (indented ? "\n]\n" : "]") : "\n");
                    break;
            }

            return new Input([.. bytes], spans);
        }

        /// <summary>The index of the claim whose text holds byte <paramref name="at"/>, or -1.</summary>
        public int ClaimAt(int at) => spans.FindIndex(s => at >= s.Start && at < s.End);

        /// <summary>Inserts <paramref name="inserted"/> inside a string value of claim <paramref name="claim"/>.</summary>
        public byte[] InsertInValue(int claim, byte[] inserted, Random random)
        {
            var (start, end) = spans[claim];
            var text = Bytes.AsSpan(start, end - start);
            var anchors = new List<int>();
            for (var i = 0; i + 1 < text.Length; i++)
            {
                // A member's string value starts after ':' then optional blanks then '"'.
                if (text[i] == ':')
                {
                    var j = i + 1;
                    while (j < text.Length && text[j] == ' ')
                    {
                        j++;
                    }

                    if (j < text.Length && text[j] == '"')
                    {
                        anchors.Add(j + 1);
                    }
                }
            }

            return Insert(start + anchors[random.Next(anchors.Count)], inserted);
        }

        /// <summary>Inserts <paramref name="inserted"/> before the line end that closes claim <paramref name="claim"/>'s last CSV row.</summary>
        public byte[] InsertBeforeEnd(int claim, byte[] inserted) => Insert(spans[claim].End - 2, inserted);

        /// <summary>Inserts a member right after the opening brace of claim <paramref name="claim"/>.</summary>
        public byte[] InsertAfterClaimStart(int claim, byte[] inserted) => Insert(spans[claim].Start + 1, inserted);

        /// <summary>Inserts a member right after the opening brace of claim <paramref name="claim"/>'s first service line.</summary>
        public byte[] InsertAfterLineStart(int claim, byte[] inserted)
        {
            var (start, end) = spans[claim];
            var lines = Bytes.AsSpan(start, end - start).IndexOf("\"lines\""u8);
            var brace = Bytes.AsSpan(start + lines, end - start - lines).IndexOf((byte)'{');
            return brace < 0 ? Insert(start + 1, "\"lines\":[{\"units\":1,"u8.ToArray().Concat(inserted).Concat("\"charge\":0}],"u8.ToArray()).ToArray()) : Insert(start + lines + brace + 1, inserted);
        }

        private static byte[] Indent(string json)
        {
            using var document = JsonDocument.Parse(json);
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Pretty))
            {
                document.WriteTo(writer);
            }

            return buffer.ToArray();
        }

        private byte[] Insert(int at, byte[] inserted) => [.. Bytes.AsSpan(0, at), .. inserted, .. Bytes.AsSpan(at)];
    }
}
