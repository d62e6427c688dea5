using CsCheck;

namespace ClaimScrubber.Tests.Codes;

public class IcdCodeTests
{
    [Theory]
    [InlineData("E11.9", "E119", "E11.9")]
    [InlineData(" e119 ", "E119", "E11.9")]
    [InlineData("I10", "I10", "I10")]
    [InlineData("S72.001A", "S72001A", "S72.001A")]
    [InlineData("Z59.86", "Z5986", "Z59.86")]
    [InlineData("u071", "U071", "U07.1")]
    [InlineData("QA0.0101", "QA00101", "QA0.0101")]
    public void Parse_NormalisesDotCaseAndWhiteSpace(string input, string undotted, string dotted)
    {
        var code = IcdCode.Parse(input);
        code.ToString().Should().Be(undotted);
        code.ToDottedString().Should().Be(dotted);
        code.Length.Should().Be(undotted.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("E1")]
    [InlineData("1E19")]
    [InlineData("E11.")]
    [InlineData("E1.19")]
    [InlineData("E11..9")]
    [InlineData("S72001AB")]
    [InlineData("E11-9")]
    [InlineData("É119")]
    public void TryParse_RejectsWhatCanNeverBeACode(string input)
    {
        IcdCode.TryParse(input, out _).Should().BeFalse();
        var act = () => IcdCode.Parse(input);
        act.Should().Throw<FormatException>().WithMessage($"*'{input}'*");
    }

    [Fact]
    public void Ordering_MatchesOrdinalStringOrder_AndParentsSortFirst()
    {
        string[] codes = ["A00", "A000", "A001", "A01", "E11", "E1110", "E119", "Z9989"];
        var parsed = codes.Select(IcdCode.Parse).ToArray();
        parsed.Should().BeInAscendingOrder();
        IcdCode.Parse("E1110").StartsWith(IcdCode.Parse("E11")).Should().BeTrue();
        IcdCode.Parse("E1110").StartsWith(IcdCode.Parse("E12")).Should().BeFalse();
        IcdCode.Parse("E1110").Category.Should().Be(IcdCode.Parse("E11"));
        IcdCode.Parse("E1110").Truncate(4).Should().Be(IcdCode.Parse("E111"));
    }

    [Fact]
    public void RoundTrip_ThroughValueAndText_ForAnyWellFormedCode()
    {
        var alnum = Gen.OneOf(Gen.Char['0', '9'], Gen.Char['A', 'Z']);
        var gen = Gen.Select(Gen.Char['A', 'Z'], Gen.Char['0', '9'], alnum.Array[1, 5])
            .Select((a, b, rest) => a.ToString() + b + new string(rest));
        gen.Sample(text =>
        {
            var code = IcdCode.Parse(text);
            code.ToString().Should().Be(text);
            IcdCode.FromValue(code.Value).Should().Be(code);
            IcdCode.Parse(code.ToDottedString()).Should().Be(code);
            (code < IcdCode.Parse("M00")).Should().Be(string.CompareOrdinal(text, "M00") < 0);
        });
    }

    [Fact]
    public void DescendantsEnd_BoundsExactlyTheCodesThatStartWithIt()
    {
        var alnum = Gen.OneOf(Gen.Char['0', '9'], Gen.Char['A', 'Z']);
        var code = Gen.Select(Gen.Char['A', 'C'], Gen.Char['0', '2'], alnum.Array[1, 5])
            .Select((a, b, rest) => IcdCode.Parse(a.ToString() + b + new string(rest)));
        Gen.Select(code, code, Gen.Int[0, 4]).Sample((descendant, other, cut) =>
        {
            var prefix = descendant.Truncate(Math.Max(IcdCode.MinLength, descendant.Length - cut));
            foreach (var candidate in new[] { descendant, other })
            {
                var inRange = candidate.Value >= prefix.Value && candidate.Value <= prefix.DescendantsEnd;
                inRange.Should().Be(candidate.StartsWith(prefix));
            }
        });
        IcdCode.Parse("S72001A").DescendantsEnd.Should().Be(IcdCode.Parse("S72001A").Value);
    }

    [Theory]
    [InlineData("V18.5XXD", true)]
    [InlineData("W19.XXXA", true)]
    [InlineData("X50.0XXA", true)]
    [InlineData("Y93.01", true)]
    [InlineData("U07.1", false)]
    [InlineData("Z00.00", false)]
    [InlineData("S72.001A", false)]
    public void IsExternalCause_IsChapterTwentyV00ToY99(string code, bool expected) => IcdCode.Parse(code).IsExternalCause.Should().Be(expected);

    [Fact]
    public void IsExternalCause_OfTheDefaultValue_IsFalse() => default(IcdCode).IsExternalCause.Should().BeFalse();
}
