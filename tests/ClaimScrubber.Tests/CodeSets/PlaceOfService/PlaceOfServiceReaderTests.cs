using ClaimScrubber.CodeSets.PlaceOfService;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.PlaceOfService;

public sealed class PlaceOfServiceReaderTests : IDisposable
{
    private readonly ReaderHarness harness = new();

    public void Dispose() => harness.Dispose();

    [CmsFact]
    public void Read_FullFile_KnowsEveryCodeAndItsPricingSide()
    {
        var table = harness.Read(CmsData.File("pos", "place_of_service_codes.csv")).PlacesOfService!;
        harness.Problems.Should().BeEmpty();
        (table.Count, table.AssignedCount, table.Release.RowCount).Should().Be((99, 52, 99));
        table.TryGet(PlaceOfServiceCode.Parse("11"), out var office).Should().BeTrue();
        (office.IsAssigned, office.IsFacility, office.Name).Should().Be((true, false, "Office"));
        table.TryGet(PlaceOfServiceCode.Parse("22"), out var onCampus).Should().BeTrue();
        (onCampus.IsFacility, onCampus.Name).Should().Be((true, "On Campus-Outpatient Hospital"));
        table.TryGet(PlaceOfServiceCode.Parse("02"), out var telehealth).Should().BeTrue();
        telehealth.Name.Should().Be("Telehealth Provided Other than in Patient\u2019s Home", "the file is UTF-8");
        table.IsAssigned(PlaceOfServiceCode.Parse("30")).Should().BeFalse();
        table.TryGet(PlaceOfServiceCode.Parse("30"), out _).Should().BeTrue("unassigned codes are listed");
    }

    [Fact]
    public void Read_BadRows_AreRefusedWithTheirLines()
    {
        string[] good =
        [
            "pos_code,pfs_facility_type,pos_name,pos_description",
            "11,Non-Facility,Office,\"An office, with a comma\"",
            "21,Facility,Inpatient Hospital,",
            "30,Unassigned,Unassigned,Unassigned",
        ];
        var path = harness.Write("place_of_service_codes.csv", string.Join('\n',
            [
                .. good,
                "1,Non-Facility,Pharmacy,one digit",
                "00,Facility,Zero,",
                "12,Institutional,Home,",
                "11,Facility,Office again,",
                string.Empty,
            ]));
        harness.Read(path).PlacesOfService.Should().BeNull("a file with a refused row contributes nothing");
        harness.Problems.Select(p => (p.Line, p.Message)).Should().Equal(
            (5, "'1' is not a place-of-service code (two digits from 01 to 99); the row was refused."),
            (6, "'00' is not a place-of-service code (two digits from 01 to 99); the row was refused."),
            (7, "The facility type of place of service 12 is 'Institutional', not Facility, Non-Facility or Unassigned; the row was refused."),
            (8, "Place of service 11 appears again (first at line 2); the repeated row was refused."),
            (null, "Refused whole: nothing from this file was loaded, because of the 4 row(s) refused above (a damaged file is never half-used)."));

        harness.Problems.Clear();
        var table = harness.Read(harness.Write("place_of_service_codes.csv", string.Join('\n', [.. good, string.Empty]))).PlacesOfService!;
        harness.Problems.Should().BeEmpty();
        (table.Count, table.AssignedCount).Should().Be((3, 2));
        table.TryGet(PlaceOfServiceCode.Parse("11"), out var office).Should().BeTrue();
        office.Should().Be(new PlaceOfServiceInfo(true, false, "Office", "An office, with a comma"));
        table.IsAssigned(PlaceOfServiceCode.Parse("12")).Should().BeFalse();
    }
}
