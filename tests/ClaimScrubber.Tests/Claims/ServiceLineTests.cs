using CsCheck;

namespace ClaimScrubber.Tests.Claims;

public class ServiceLineTests
{
    [Theory]
    [InlineData(new[] { 1, 3 })]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 70, 2 })]
    [InlineData(new[] { -1, 63 })]
    [InlineData(new int[0])]
    public void PointsTo_AnswersAsTheirPointers(int[] pointers)
    {
        var line = new ServiceLine { DiagnosisPointers = [.. pointers] };
        foreach (var diagnosis in Enumerable.Range(-2, 75))
        {
            line.PointsTo(diagnosis).Should().Be(pointers.Contains(diagnosis), $"diagnosis {diagnosis}");
        }
    }

    [Fact]
    public void PointsTo_ForAnyPointers_MatchesASearch() =>
        Gen.Int[-3, 80].Array[0, 6].Sample(pointers =>
        {
            var line = new ServiceLine { DiagnosisPointers = [.. pointers] };
            foreach (var diagnosis in Enumerable.Range(-3, 84))
            {
                line.PointsTo(diagnosis).Should().Be(pointers.Contains(diagnosis));
            }
        });

    [Fact]
    public void PointsTo_WithoutPointers_IsFalse() => new ServiceLine().PointsTo(1).Should().BeFalse();
}
