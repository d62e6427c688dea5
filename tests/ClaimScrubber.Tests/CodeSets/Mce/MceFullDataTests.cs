using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>The full MCE files: the v43.1 definitions manual and the v41.1 age/sex/manifestation CSV.</summary>
public class MceFullDataTests(ITestOutputHelper output)
{
    private static MceTable Table => MceCmsData.Index.Mce!;

    [CmsFact]
    public void Load_MceFiles_ReadEveryDiagnosisListWithItsCount()
    {
        foreach (var problem in MceCmsData.Result.Report.Problems)
        {
            output.WriteLine(problem.ToString());
        }

        MceCmsData.Result.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        var counts = Table.Versions.Select(v => $"{v.Release.Release} {v.List} {v.Count}").ToArray();
        counts.Should().BeEquivalentTo(
            "MCE v43.1 Newborn 42", "MCE v43.1 Pediatric 125", "MCE v43.1 Maternity 2543", "MCE v43.1 Adult 856",
            "MCE v43.1 Manifestation 422", "MCE v43.1 QuestionableAdmission 30", "MCE v43.1 UnacceptablePrincipal 2651",
            "MCE v43.1 RequiresSecondary 1", "MCE v43.1 WrongProcedure 3", "MCE v43.1 Unspecified 3465",
            "MCE v41.1 Newborn 42", "MCE v41.1 Pediatric 125", "MCE v41.1 Maternity 2543", "MCE v41.1 Adult 854",
            "MCE v41.1 Manifestation 422", "MCE v41.1 FemaleOnly 3431", "MCE v41.1 MaleOnly 529");
        MceCmsData.Index.Releases.Where(r => r.Table == MceTable.TableName).Select(r => (r.Release, r.SourceFile, r.EffectiveFrom, r.EffectiveTo, r.RowCount)).Should().BeEquivalentTo(
        [
            ("MCE v41.1", "mce_v41.1_fy2024_age_sex_manifestation.csv", (DateOnly?)new DateOnly(2023, 10, 1), (DateOnly?)new DateOnly(2024, 9, 30), 7946),
            // 10,139 diagnosis rows (Z51.89 is printed twice, before the unacceptable list — acceptable with a secondary
            // diagnosis — and asterisked in it), and the procedure sections' codes and discharge statuses.
            ("MCE v43.1", "Definitions of Medicare Code Edits_v_43_1.txt", (DateOnly?)new DateOnly(2026, 4, 1), (DateOnly?)null, 10139 + Table.ProcedureReleases.Single().CodeCount),
        ]);
    }

    [CmsFact]
    public void Load_Definitions_ProcedureSectionsLoadWithTheirConditions()
    {
        MceCmsData.Result.Report.Problems.Where(p => p.File.Contains("Definitions", StringComparison.Ordinal)).Should().BeEmpty();
        var release = Table.ProcedureReleases.Should().ContainSingle().Subject;
        release.Coverage.Select(r => $"{r.Section} {r.Edit} {r.Condition} {r.Age} procedures {r.Procedures.Count()} diagnoses {r.Diagnoses.Count()} companions {r.Companions.Count()} removed {r.RemovedProcedures.Count()}")
            .Should().Equal(
                "11A NonCovered Always 0 procedures 95 diagnoses 0 companions 0 removed 0",
                "11B NonCovered UnlessDiagnosisOrProcedure 0 procedures 2 diagnoses 85 companions 6 removed 0",
                "11D NonCovered WithDiagnosis 0 procedures 4 diagnoses 11 companions 0 removed 2",
                "11F NonCovered OverAge 60 procedures 2 diagnoses 0 companions 0 removed 0",
                "11G NonCovered WithDiagnosis 0 procedures 87 diagnoses 1 companions 0 removed 0",
                "17A LimitedCoverage Always 0 procedures 49 diagnoses 0 companions 0 removed 0");
        release.Coverage[1].Procedures.Select(p => p.ToString()).Should().Equal("0FYG0Z0", "0FYG0Z1");
        release.Coverage[1].Companions.Select(p => p.ToString()).Should().Equal("0TY00Z0", "0TY00Z1", "0TY00Z2", "0TY10Z0", "0TY10Z1", "0TY10Z2");
        release.Coverage[2].RemovedProcedures.Select(p => p.ToString()).Should().Equal("30233AZ", "30243AZ");
        release.Coverage[4].Diagnoses.Should().Equal(IcdCode.Parse("Z30.2"));
        (release.Cesarean.Count(), release.VaginalDelivery.Count(), release.OutcomeOfDelivery.Count()).Should().Be((3, 5, 19));
        (release.LengthOfStayProcedures.Single().ToString(), release.MinimumStayDays).Should().Be(("5A1955Z", 4));
        (release.ValidAges, release.ValidSexCodes!.Value.ToArray()).Should().BeEquivalentTo(((0, 124), new[] { 0, 1, 2 }));
        release.DischargeStatuses!.Value.Should().HaveCount(41);
        release.DischargeStatuses.Value.Where(s => s.Code == "04").Should().Equal(new MceDischargeStatus("04", null, new DateOnly(2009, 9, 30)), new MceDischargeStatus("04", new DateOnly(2009, 10, 1), null));
        release.DischargeStatuses.Value.Single(s => s.Code == "71").Should().Be(new MceDischargeStatus("71", new DateOnly(2001, 10, 1), new DateOnly(2003, 9, 30)));
    }

    [CmsFact]
    public void Lists_SpotValues_AreOnTheirList()
    {
        var on = new DateOnly(2026, 5, 1);
        Version(MceList.Newborn, on).Contains(IcdCode.Parse("A33"), on).Should().BeTrue();
        Version(MceList.QuestionableAdmission, on).Contains(IcdCode.Parse("I10"), on).Should().BeTrue();
        Version(MceList.RequiresSecondary, on).Codes.Should().Equal(IcdCode.Parse("Z51.89"));
        Version(MceList.UnacceptablePrincipal, on).Contains(IcdCode.Parse("Z51.89"), on).Should().BeFalse();
        Version(MceList.WrongProcedure, on).Codes.Select(c => c.ToString()).Should().Equal("Y6551", "Y6552", "Y6553");
        Version(MceList.Unspecified, on).Contains(IcdCode.Parse("G81.90"), on).Should().BeTrue();
    }

    [CmsFact]
    public void Lists_CodesTheReleaseRemoved_CountOnlyBeforeItsEffectiveDate()
    {
        // Chapter 2 of v43.1 (April 2026) removed F07.81 and H40.841–H40.849 from the unacceptable principal diagnoses.
        var list = Version(MceList.UnacceptablePrincipal, new DateOnly(2026, 4, 1));
        list.Contains(IcdCode.Parse("H40.842"), new DateOnly(2026, 3, 31)).Should().BeTrue();
        list.Contains(IcdCode.Parse("H40.842"), new DateOnly(2026, 4, 1)).Should().BeFalse();
        list.Contains(IcdCode.Parse("F07.81"), new DateOnly(2025, 12, 1)).Should().BeTrue();
    }

    [CmsFact]
    public void Lists_SexLists_AreOffFromTheDateTheManualGives()
    {
        var female = Table.VersionFor(MceList.FemaleOnly, new DateOnly(2025, 1, 1))!;
        female.Release.Release.Should().Be("MCE v41.1");
        female.InactiveFrom.Should().Be(new DateOnly(2024, 10, 1));
        Table.VersionFor(MceList.Maternity, new DateOnly(2024, 9, 30))!.Release.Release.Should().Be("MCE v41.1");
        Table.VersionFor(MceList.Maternity, new DateOnly(2024, 10, 1))!.Release.Release.Should().Be("MCE v43.1");
    }

    private static MceListVersion Version(MceList list, DateOnly date) => Table.VersionFor(list, date)!;
}
