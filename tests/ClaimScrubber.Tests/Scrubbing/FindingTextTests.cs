using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// <see cref="FindingText"/> keeps an interpolated string's parts and formats them when read: the text must be exactly what
/// <c>string.Create(CultureInfo.InvariantCulture, $"…")</c> gives, for every kind of value it keeps and every one it formats
/// at once.
/// </summary>
public class FindingTextTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void KeptValues_FormatAsTheInvariantCultureDoes()
    {
        var procedure = ProcedureCode.Parse("99213");
        var levelTwo = ProcedureCode.Parse("G0439");
        var modifier = ModifierCode.Parse("XS");
        var icd = IcdCode.Parse("S72.001A");
        var category = IcdCode.Parse("O80");
        var place = PlaceOfServiceCode.Parse("02");
        byte pcTc = 9;
        short negative = -12;
        ushort large = 65535;
        var longValue = 123_456_789_012L;
        var chars = 'X';
        Text($"{procedure}|{levelTwo}|{modifier}|{icd}|{category}|{place}|{pcTc}|{negative}|{large}|{longValue}|{chars}|{int.MinValue}|{int.MaxValue}|{0}")
            .Should().Be(string.Create(Invariant, $"{procedure}|{levelTwo}|{modifier}|{icd}|{category}|{place}|{pcTc}|{negative}|{large}|{longValue}|{chars}|{int.MinValue}|{int.MaxValue}|{0}"));
    }

    [Fact]
    public void DefaultCodes_WriteNothing_AsTheirToStringDoes()
    {
        ProcedureCode procedure = default;
        ModifierCode modifier = default;
        IcdCode icd = default;
        Text($"[{procedure}][{modifier}][{icd}]").Should().Be(string.Create(Invariant, $"[{procedure}][{modifier}][{icd}]")).And.Be("[][][]");
    }

    [Fact]
    public void OtherValues_AreFormattedWhenRecorded_AsTheInvariantCultureDoes()
    {
        var units = 1.500m;
        var date = new DateOnly(2026, 3, 2);
        var npi = Npi.Parse("1234567893");
        var severity = Severity.Warning;
        int? none = null;
        int? some = 7;
        string? nothing = null;
        var big = long.MaxValue;
        var small = long.MinValue;
        var ratio = 0.125;
        var flag = true;
        Text($"{units}|{date:yyyy-MM-dd}|{npi}|{severity}|{none}|{some}|{nothing}|{big}|{small}|{ratio}|{flag}|{42:D5}|{7,4}|{7,-4}|{"x",3:G}|{procedure(),6}")
            .Should().Be(string.Create(Invariant, $"{units}|{date:yyyy-MM-dd}|{npi}|{severity}|{none}|{some}|{nothing}|{big}|{small}|{ratio}|{flag}|{42:D5}|{7,4}|{7,-4}|{"x",3:G}|{procedure(),6}"));

        static ProcedureCode procedure() => ProcedureCode.Parse("20610");
    }

    [Fact]
    public void SpansAndStrings_AreKeptAsGiven()
    {
        var span = "abc".AsSpan(1);
        var s = "quoted 'E11.9'";
        Text($"{span}{s}{string.Empty}").Should().Be("bcquoted 'E11.9'");
        Text($"literal only").Should().Be("literal only");
        Text($"").Should().Be(string.Empty);
        Text("a string").Should().Be("a string");
        Text((string?)null).Should().Be(string.Empty);
    }

    [Fact]
    public void LongTexts_BeyondTheStackBuffer_AreWhole()
    {
        var words = string.Join(' ', Enumerable.Repeat("lorem", 300));
        var code = ProcedureCode.Parse("36415");
        var expected = string.Create(Invariant, $"{code}: {words} {words} ({42})");
        Text($"{code}: {words} {words} ({42})").Should().Be(expected);
        Written($"{code}: {words} {words} ({42})").Should().Be(JsonString(expected));
    }

    [Fact]
    public void WrittenToJson_IsWhatTheStringWouldWrite()
    {
        var code = IcdCode.Parse("E11.9");
        var text = string.Create(Invariant, $"{code} is 'quoted' \"here\" — with ünïcode and a tab\t{12}");
        Written($"{code} is 'quoted' \"here\" — with ünïcode and a tab\t{12}").Should().Be(JsonString(text));
        Written("plain").Should().Be(JsonString("plain"));
    }

    [Fact]
    public void Finding_FormatsItsTextOnFirstRead_AndKeepsIt()
    {
        var code = ProcedureCode.Parse("99213");
        var rule = RuleCatalog.Claims.DuplicateLine;
        var finding = new Finding(rule, rule.DefaultSeverity, rule.DefaultDisposition, 2, "lines[2]", ["99213"], $"Line {2} repeats {code}.", $"Fix {code}.", null, null, null);
        finding.Message.Should().Be("Line 2 repeats 99213.");
        finding.Message.Should().BeSameAs(finding.Message);
        finding.FixHint.Should().Be("Fix 99213.");
    }

    private static string Text(FindingText text)
    {
        var viaToString = text.ToString();
        var rule = RuleCatalog.Claims.DuplicateLine;
        new Finding(rule, rule.DefaultSeverity, rule.DefaultDisposition, null, "claim", default, text, "hint", null, null, null).Message.Should().Be(viaToString);
        return viaToString;
    }

    private static string Written(FindingText text)
    {
        var rule = RuleCatalog.Claims.DuplicateLine;
        var finding = new Finding(rule, rule.DefaultSeverity, rule.DefaultDisposition, null, "claim", default, text, "hint", null, null, null);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            finding.WriteMessage(writer, JsonEncodedText.Encode("m"));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string JsonString(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(JsonEncodedText.Encode("m"), text);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
