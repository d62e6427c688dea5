namespace ClaimScrubber.Tests.Codes;

public class PcsCodeTests
{
    [Theory]
    [InlineData("0SR9019", "0SR9019")]
    [InlineData(" 0sr9019 ", "0SR9019")]
    [InlineData("XW033E5", "XW033E5")]
    public void Parse_NormalisesCaseAndWhiteSpace(string input, string expected) => PcsCode.Parse(input).ToString().Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("0SR901")]
    [InlineData("0SR90190")]
    [InlineData("0SR9O19")]
    [InlineData("0SR9I19")]
    [InlineData("0SR.019")]
    public void TryParse_RejectsWhatCanNeverBeAPcsCode(string input)
    {
        PcsCode.TryParse(input, out _).Should().BeFalse();
        var act = () => PcsCode.Parse(input);
        act.Should().Throw<FormatException>().WithMessage($"*'{input}'*");
    }

    [Fact]
    public void Ordering_MatchesOrdinalStringOrder()
    {
        string[] codes = ["0016070", "0SR9019", "0SRC0J9", "B2111ZZ", "XW033E5"];
        codes.Select(PcsCode.Parse).Order().Select(c => c.ToString()).Should().Equal(codes);
        PcsCode.FromValue(PcsCode.Parse("0SR9019").Value).Should().Be(PcsCode.Parse("0SR9019"));
        default(PcsCode).ToString().Should().BeEmpty();
    }
}
