namespace ClaimScrubber.Tests.Codes;

public class ProcedureCodeTests
{
    [Theory]
    [InlineData("99213", false)]
    [InlineData("0001f", false)]
    [InlineData("0001U", false)]
    [InlineData(" G0439 ", true)]
    [InlineData("J3490", true)]
    public void Parse_AcceptsCptAndLevelTwo(string input, bool levelTwo)
    {
        var code = ProcedureCode.Parse(input);
        code.ToString().Should().Be(input.Trim().ToUpperInvariant());
        code.IsLevelTwo.Should().Be(levelTwo);
        ProcedureCode.FromValue(code.Value).Should().Be(code);
    }

    [Theory]
    [InlineData("9921")]
    [InlineData("992134")]
    [InlineData("99-13")]
    [InlineData("")]
    public void TryParse_RejectsWrongShape(string input) => ProcedureCode.TryParse(input, out _).Should().BeFalse();

    [Fact]
    public void Ordering_MatchesOrdinalStringOrder() =>
        new[] { "0001A", "0001F", "00100", "99213", "A0021", "G0439", "J3490" }.Select(ProcedureCode.Parse).Should().BeInAscendingOrder();
}

public class ModifierCodeTests
{
    [Theory]
    [InlineData("25", "25")]
    [InlineData("   A1", "A1")]
    [InlineData("xs", "XS")]
    public void Parse_TrimsAndFoldsCase(string input, string expected) => ModifierCode.Parse(input).ToString().Should().Be(expected);

    [Theory]
    [InlineData("5")]
    [InlineData("259")]
    [InlineData("-1")]
    public void TryParse_RejectsWrongShape(string input) => ModifierCode.TryParse(input, out _).Should().BeFalse();
}

public class NpiTests
{
    [Theory]
    [InlineData("1234567893", true)]
    [InlineData("1245319599", true)]
    [InlineData("1234567890", false)]
    [InlineData("1245319598", false)]
    public void HasValidCheckDigit_AppliesLuhnWithPrefix80840(string text, bool valid) => Npi.Parse(text).HasValidCheckDigit.Should().Be(valid);

    [Theory]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345678a3")]
    [InlineData("0234567893")]
    public void TryParse_RejectsAnythingButTenDigits(string text) => Npi.TryParse(text, out _).Should().BeFalse();
}

public class PlaceOfServiceCodeTests
{
    [Theory]
    [InlineData("11", 11, "11")]
    [InlineData("2", 2, "02")]
    [InlineData(" 99 ", 99, "99")]
    public void Parse_AcceptsOneOrTwoDigits(string text, int value, string formatted)
    {
        var code = PlaceOfServiceCode.Parse(text);
        code.Value.Should().Be((byte)value);
        code.ToString().Should().Be(formatted);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("100")]
    [InlineData("1A")]
    public void TryParse_RejectsOthers(string text) => PlaceOfServiceCode.TryParse(text, out _).Should().BeFalse();
}
