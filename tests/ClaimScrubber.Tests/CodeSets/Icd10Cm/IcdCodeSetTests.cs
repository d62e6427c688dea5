using ClaimScrubber.CodeSets.Icd10Cm;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

public class IcdCodeSetTests
{
    private static readonly IcdCodeSet Table = IcdCodeSet.Create(
    [
        (2024, Release(2024), [Record("E11", false), Record("E119", true), Record("Z5986", true)]),
        (2026, Release(2026), [Record("E11", false), Record("E1100", true), Record("E1101", true), Record("E1110", true), Record("E119", true), Record("Z5986", false), Record("Z59861", true)]),
    ]);

    [Theory]
    [InlineData("2025-09-30", 2025)]
    [InlineData("2025-10-01", 2026)]
    [InlineData("2026-01-01", 2026)]
    public void FiscalYearOf_October1_StartsTheNextYear(string date, int expected) =>
        IcdCodeSet.FiscalYearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData(2020, 2024)]
    [InlineData(2025, 2026)]
    [InlineData(2030, 2026)]
    public void NearestYear_OutsideOrBetweenLoadedYears_IsTheClosestTheLaterOnATie(int wanted, int expected) => Table.NearestYear(wanted).Should().Be(expected);

    [Fact]
    public void Lookup_YearNotLoaded_IsNoTableForDateWhenAskedByYear()
    {
        var lookup = Table.Lookup(IcdCode.Parse("E11.9"), 2025);
        (lookup.Status, lookup.FiscalYear, lookup.Release).Should().Be((IcdStatus.NoTableForDate, 0, null));
    }

    [Fact]
    public void Lookup_DateInAGapYear_UsesTheNearestYearAndSaysSo()
    {
        var lookup = Table.Lookup(IcdCode.Parse("Z59.86"), new DateOnly(2025, 3, 1));
        (lookup.Status, lookup.FiscalYear, lookup.DateFiscalYear, lookup.UsedNearestYear).Should().Be((IcdStatus.Header, 2026, 2025, true));
        (lookup.IsBillableIn(2024), lookup.IsHeaderIn(2026), lookup.IsKnown).Should().Be((true, true, true));
    }

    [Fact]
    public void BillableDescendants_MoreThanFit_WritesTheFirstAndCountsAll()
    {
        Span<IcdCode> first = stackalloc IcdCode[2];
        Table.BillableDescendants(IcdCode.Parse("E11"), 2026, first).Should().Be(4);
        first.ToArray().Select(c => c.ToDottedString()).Should().Equal("E11.00", "E11.01");
        Table.BillableDescendants(IcdCode.Parse("E11"), 2024, first).Should().Be(1);
        Table.BillableDescendants(IcdCode.Parse("E11.9"), 2026, first).Should().Be(0);
    }

    [Fact]
    public void Counts_AndDescriptions_ArePerYear()
    {
        (Table.RowCount(2024), Table.BillableCount(2024), Table.RowCount(2026), Table.BillableCount(2026), Table.RowCount(2025)).Should().Be((3, 2, 7, 5, 0));
        Table.DistinctCodeCount.Should().Be(7);
        Table.ShortDescription(IcdCode.Parse("Z59.861"), 2024).Should().BeNull();
        Table.LongDescription(IcdCode.Parse("Z59.861"), 2026).Should().Be("long Z59861");
        Table.Records(2024).Select(r => r.Code.ToString()).Should().Equal("E11", "E119", "Z5986");
    }

    [Fact]
    public void Create_CodeTwiceInAYear_Throws()
    {
        var act = () => IcdCodeSet.Create([(2026, Release(2026), [Record("E119", true), Record("E119", true)])]);
        act.Should().Throw<ArgumentException>().WithMessage("FY2026 lists E119 twice.*");
    }

    private static IcdOrderRecord Record(string code, bool billable) => new(IcdCode.Parse(code), billable, "short " + code, "long " + code);

    private static TableRelease Release(int year) => new(IcdCodeSet.TableName, $"FY{year}", $"icd10cm_order_{year}.txt", IcdCodeSet.FiscalYearStart(year), IcdCodeSet.FiscalYearEnd(year), 0);
}
