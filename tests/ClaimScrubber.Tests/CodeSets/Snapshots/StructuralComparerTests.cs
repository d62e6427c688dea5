using ClaimScrubber.CodeSets.Ncci;

namespace ClaimScrubber.Tests.CodeSets.Snapshots;

/// <summary>The comparison the round-trip tests rely on must see a single differing value deep inside a table.</summary>
public class StructuralComparerTests
{
    private static readonly TableRelease Release = new("NCCI MUE practitioner", "2026-04-01", "mue.csv", new DateOnly(2026, 4, 1), null, 2);

    private static MueTables Tables(int secondValue, string rationale) =>
        new([new MueTable(NcciSetting.Practitioner, Release, [1, 2], [1, secondValue], [MueIndicator.Line, MueIndicator.DatePolicy], [0, 0], [rationale])]);

    [Fact]
    public void AssertEqual_EqualTables_Passes()
    {
        StructuralComparer.AssertEqual(Tables(2, "Clinical"), Tables(2, "Clinical"), "mue");
    }

    [Fact]
    public void AssertEqual_OneValueDiffers_NamesTheFieldAndElement()
    {
        var act = () => StructuralComparer.AssertEqual(Tables(2, "Clinical"), Tables(3, "Clinical"), "mue");

        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("mue.bySetting[0][0].values differs: element 1 differs");
    }

    [Fact]
    public void AssertEqual_OneTextDiffers_NamesTheField()
    {
        var act = () => StructuralComparer.AssertEqual(Tables(2, "Clinical"), Tables(2, "Policy"), "mue");

        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("mue.bySetting[0][0].rationales[0] differs: 'Clinical' vs 'Policy'");
    }
}
