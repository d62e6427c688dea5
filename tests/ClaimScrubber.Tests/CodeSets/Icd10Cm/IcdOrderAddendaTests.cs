using ClaimScrubber.Tests.Support;
using F = ClaimScrubber.Tests.CodeSets.Icd10Cm.IcdFixtures;

namespace ClaimScrubber.Tests.CodeSets.Icd10Cm;

public sealed class IcdOrderAddendaTests : IDisposable
{
    private readonly IcdFixtures fixtures = new();

    public void Dispose() => fixtures.Dispose();

    [Fact]
    public void Load_AddendaOfNextYear_ComposeItFromTheYearBefore()
    {
        fixtures.Write("icd10cm_order_2025.txt", F.Year(z5986IsHeader: false));
        fixtures.Write("icd10cm_order_addenda_2026.txt",
        [
            F.Addendum("Delete:", "Z5986", '1', "Financial insecurity"),
            F.Addendum("Add:", "Z5986", '0', "Financial insecurity"),
            F.Addendum("Add:", "Z59861", '1', "Financial insecurity, difficulty paying for utilities"),
            F.Addendum("Add:", "Z59869", '1', "Financial insecurity, unspecified"),
            F.Addendum("Revise from:", "E119", '1', "Type 2 diabetes mellitus without complications"),
            F.Addendum("Revise to:", "E119", '1', "Type 2 diabetes mellitus w/o complications", "Type 2 diabetes mellitus without complications"),
            string.Empty,
            "Headers",
            "      2 headers in icd10cm_order_2026.txt",
            "Codes",
            "      3 codes in icd10cm_order_2026.txt",
            "      2 additions",
            "of which",
        ]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Should().BeEmpty();
        var table = result.Index.Icd10Cm!;
        table.FiscalYears.Should().Equal(2025, 2026);
        table.Records(2026).Select(r => (r.Code.ToString(), r.Billable, r.ShortDescription)).Should().Equal(
            ("E11", false, "Type 2 diabetes mellitus"),
            ("E119", true, "Type 2 diabetes mellitus w/o complications"),
            ("Z5986", false, "Financial insecurity"),
            ("Z59861", true, "Financial insecurity, difficulty paying for utilities"),
            ("Z59869", true, "Financial insecurity, unspecified"));
        table.ReleaseFor(2026)!.ToString().Should().Be("ICD-10-CM order file FY2026 (icd10cm_order_addenda_2026.txt)");
        table.IsBillable(IcdCode.Parse("Z59.86"), 2025).Should().BeTrue();
    }

    [Fact]
    public void Load_AddendaWithUnreadableLines_AreRefusedWhole()
    {
        fixtures.Write("icd10cm_order_2025.txt", F.Year(z5986IsHeader: false));
        fixtures.Write("icd10cm_order_addenda_2026.txt",
        [
            F.Addendum("Add:", "Z59861", '1', "Financial insecurity, difficulty paying for utilities"),
            F.Addendum("Revise to:", "Z5986", '1', "Orphan"),
            "Something else",
            .. F.Summary(2026, 1, 3),
        ]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: icd10cm_order_addenda_2026.txt:2: 'Revise to:' Z59.86 follows no 'Revise from:' line.",
            "error: icd10cm_order_addenda_2026.txt:3: 'Something else' is neither an addendum (Add:, Delete:, Revise from:/to:) nor a line of the closing summary.",
            "warning: icd10cm_order_addenda_2026.txt: Refused whole: nothing from this file was loaded, because of the 2 row(s) refused above (a damaged file is never half-used).");
        result.Index.Icd10Cm!.FiscalYears.Should().Equal([2025], "the refused addenda compose no FY2026");
    }

    [Fact]
    public void Load_AddendaThatDoNotApply_AreErrorsWithFileAndLine_AndTheYearIsNotLoaded()
    {
        fixtures.Write("icd10cm_order_2025.txt", F.Year(z5986IsHeader: false));
        fixtures.Write("icd10cm_order_addenda_2026.txt",
        [
            F.Addendum("Delete:", "Z5987", '1', "Not there"),
            F.Addendum("Add:", "E119", '1', "Already there"),
            F.Addendum("Revise from:", "E119", '1', "Not the FY2025 title"),
            F.Addendum("Revise to:", "E119", '1', "New title"),
            F.Addendum("Delete:", "E11", '1', "Type 2 diabetes mellitus"),
            .. F.Summary(2026, 1, 9),
        ]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: icd10cm_order_addenda_2026.txt:1: Delete: Z59.87 is not in FY2025 (with the changes above it applied).",
            "error: icd10cm_order_addenda_2026.txt:2: Add: E11.9 is already in FY2025 (with the changes above it applied); not added again.",
            "error: icd10cm_order_addenda_2026.txt:3: Revise from: E11.9 does not match FY2025, which has billable 'Type 2 diabetes mellitus without complications' / 'Type 2 diabetes mellitus without complications'; not revised.",
            "error: icd10cm_order_addenda_2026.txt:5: Delete: E11 is deleted as billable, but FY2025 lists it as a header; not deleted.",
            "error: icd10cm_order_addenda_2026.txt: The closing summary gives FY2026 9 codes and 1 headers, but applying the addenda to FY2025 gave 2 codes and 1 headers.",
            "error: icd10cm_order_addenda_2026.txt: FY2026 was not loaded: its addenda do not apply cleanly to FY2025.");
        result.Index.Icd10Cm!.FiscalYears.Should().Equal([2025], "a year composed from addenda that do not apply is never half-right");
    }

    [Fact]
    public void Load_AddendaWithoutTheirClosingSummary_AreCutShort()
    {
        fixtures.Write("icd10cm_order_2025.txt", F.Year(z5986IsHeader: false));
        fixtures.Write("icd10cm_order_addenda_2026.txt", [F.Addendum("Add:", "Z59861", '1', "Financial insecurity, difficulty paying for utilities")]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: icd10cm_order_addenda_2026.txt: The closing summary ('NNNNN headers in icd10cm_order_2026.txt' and 'NNNNN codes in icd10cm_order_2026.txt') is missing: the file is cut short or not CMS's addenda.");
        result.Index.Icd10Cm!.FiscalYears.Should().Equal([2025]);
    }

    [Fact]
    public void Load_AddendaWithoutTheYearBefore_AreAnError()
    {
        fixtures.Write("icd10cm_order_addenda_2027.txt", [F.Addendum("Add:", "Z5986", '0', "Financial insecurity"), .. F.Summary(2027, 1, 0)]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "error: icd10cm_order_addenda_2027.txt: Not applied: the FY2027 addenda apply to the FY2026 order file, which is not loaded.");
        result.Index.Icd10Cm.Should().BeNull();
    }

    [Fact]
    public void Load_AddendaOfALoadedYear_AreNotAppliedAgain()
    {
        fixtures.Write("icd10cm_order_2025.txt", F.Year(z5986IsHeader: false));
        fixtures.Write("icd10cm_order_2026.txt", F.Year(z5986IsHeader: true));
        fixtures.Write("icd10cm_order_addenda_2026.txt", [F.Addendum("Add:", "Z59868", '1', "Other specified financial insecurity"), .. F.Summary(2026, 2, 4)]);
        var result = SampleLoad.Load(fixtures.Folder);
        result.Report.Problems.Select(p => p.ToString()).Should().Equal(
            "warning: icd10cm_order_addenda_2026.txt: Not applied: the full FY2026 order file is loaded, which already includes these addenda.");
        result.Index.Icd10Cm!.Contains(IcdCode.Parse("Z59.868"), 2026).Should().BeFalse();
    }
}
