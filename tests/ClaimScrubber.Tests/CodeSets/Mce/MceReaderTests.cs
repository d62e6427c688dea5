using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>The MCE readers on the repository's sample files and on hand-made files with the layouts' quirks and faults.</summary>
public sealed class MceReaderTests : IDisposable
{
    private const string DefinitionsName = "Definitions of Medicare Code Edits_v_43_1.txt";
    private const string CsvName = "mce_v41.1_fy2024_age_sex_manifestation.csv";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "mce-reader-" + Guid.NewGuid().ToString("N"));

    public MceReaderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_SampleFolder_ReadsEveryListWithoutError()
    {
        var result = CmsData.LoadSample("mce");
        result.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        var table = result.Index.Mce!;
        table.Versions.Select(v => $"{v.Release.Release} {v.List} {v.Count}").Should().BeEquivalentTo(
            "MCE v43.1 Newborn 4", "MCE v43.1 Pediatric 4", "MCE v43.1 Maternity 5", "MCE v43.1 Adult 4", "MCE v43.1 Manifestation 3",
            "MCE v43.1 QuestionableAdmission 4", "MCE v43.1 UnacceptablePrincipal 6", "MCE v43.1 RequiresSecondary 1",
            "MCE v43.1 WrongProcedure 3", "MCE v43.1 Unspecified 4",
            "MCE v41.1 Newborn 2", "MCE v41.1 Pediatric 2", "MCE v41.1 Maternity 3", "MCE v41.1 Adult 2", "MCE v41.1 Manifestation 1",
            "MCE v41.1 FemaleOnly 3", "MCE v41.1 MaleOnly 2");
    }

    [Fact]
    public void Definitions_TableOfContentsAndListingOfEdits_AreNotSections()
    {
        // The contents and the chapter's listing name "4. Age conflict" before the section does; only the section's list counts.
        Write(DefinitionsName, Manual("4. Age conflict\nText.\nA. Perinatal/Newborn diagnoses\nA33\tTetanus neonatorum\n"));
        var result = Load();
        result.Report.Problems.Should().BeEmpty();
        var version = result.Index.Mce!.Versions.Should().ContainSingle().Subject;
        (version.List, version.Codes.Single().ToString(), version.Release.Release, version.Release.EffectiveFrom).Should().Be((MceList.Newborn, "A33", "MCE v43.1", (DateOnly?)new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Definitions_Windows1252Text_IsDecoded()
    {
        // 0x92 is a right single quote and 0x96 an en dash in Windows-1252; Latin-1 would read control characters.
        var bytes = Encoding.Latin1.GetBytes(Manual("20. Unspecified code\nCodes for the patient\u0092s side, 0\u009617.\nG8190\tHemiplegia\n"));
        File.WriteAllBytes(Path.Combine(folder, DefinitionsName), bytes);
        Load().Index.Mce!.Versions.Single().Codes.Single().ToDottedString().Should().Be("G81.90");
    }

    [Fact]
    public void Definitions_DeactivatedHeading_SwitchesTheEditOffFromItsDate()
    {
        Write(DefinitionsName, Manual("8. Questionable admission (discontinued as of 04/01/2026)\nText.\nQuestionable admission codes\nI10\tEssential hypertension\n"));
        var version = Load().Index.Mce!.Versions.Single();
        version.InactiveFrom.Should().Be(new DateOnly(2026, 4, 1));
        version.IsActiveOn(new DateOnly(2026, 3, 31)).Should().BeTrue();
        version.IsActiveOn(new DateOnly(2026, 4, 1)).Should().BeFalse();
    }

    [Fact]
    public void Definitions_SexHeadingWithoutList_DeactivatesTheCsvSexLists()
    {
        Write(DefinitionsName, Manual("5. Sex conflict (deactivated as of 07/01/2024)\nText.\n6. Manifestation code as principal diagnosis\nText.\nF0280\tDementia\n"));
        Write(CsvName, "\"icd_code\",\"icd_description\",\"icd_conflict_group\",\"icd_conflict_rule\"\n\"O80\",\"Delivery\",\"Sex\",\"Female Only\"\n");
        var female = Load().Index.Mce!.VersionFor(MceList.FemaleOnly, new DateOnly(2024, 1, 1))!;
        female.InactiveFrom.Should().Be(new DateOnly(2024, 7, 1));
    }

    [Fact]
    public void Definitions_BadCodeInList_IsReportedWithItsLine()
    {
        Write(DefinitionsName, Manual("18. Wrong procedure performed\nText.\nWrong procedure performed codes\nY6551\tWrong procedure\n9Y655\tBad\n"));
        var result = Load();
        result.Report.Problems.Select(p => (p.IsError, p.Line, p.Message)).Should().Equal(
            (true, 30, "'9Y655' in the list 'Wrong procedure performed codes' is not an ICD-10-CM code; the row was skipped."),
            (false, null, "Refused whole: nothing from this file was loaded, because of the 1 row(s) refused above (a damaged file is never half-used)."));
        result.Index.Mce.Should().BeNull("a file with a refused row contributes nothing");
    }

    [Fact]
    public void Definitions_TruncatedFile_IsAnError()
    {
        Write(DefinitionsName, "Definitions of Medicare Code Edits\nv43.1 April 2026\nTable of Contents\nChapter 1: Edit code lists\t7\n");
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        problem.IsError.Should().BeTrue();
        problem.Message.Should().Contain("no 'Chapter 1: Edit code lists'");
    }

    [Fact]
    public void Csv_RowsOfUnknownRuleOrBadCode_AreReportedAndTheRestLoaded()
    {
        Write(CsvName, "\"icd_code\",\"icd_description\",\"icd_conflict_group\",\"icd_conflict_rule\"\n\"O80\",\"Delivery\",\"Age\",\"Maternity (Ages 9-64)\"\n\"O8.0\",\"Bad\",\"Age\",\"Adult (Ages 15-124)\"\n\"C61\",\"Prostate\",\"Sex\",\"Unknown\"\n");
        var result = Load();
        result.Report.Problems.Select(p => (p.Line, p.Message)).Should().Equal(
            (3, "'O8.0' is not an ICD-10-CM code; the row was skipped."),
            (4, "The group 'Sex' and rule 'Unknown' name no MCE age, sex or manifestation list; the row was skipped."),
            (null, "Refused whole: nothing from this file was loaded, because of the 2 row(s) refused above (a damaged file is never half-used)."));
        result.Index.Mce.Should().BeNull("a file with a refused row contributes nothing");

        Write(CsvName, "\"icd_code\",\"icd_description\",\"icd_conflict_group\",\"icd_conflict_rule\"\n\"O80\",\"Delivery\",\"Age\",\"Maternity (Ages 9-64)\"\n");
        result = Load();
        result.Report.Problems.Should().BeEmpty();
        var version = result.Index.Mce!.Versions.Single();
        (version.List, version.Release.Release, version.Release.EffectiveFrom, version.Release.EffectiveTo, version.Release.RowCount)
            .Should().Be((MceList.Maternity, "MCE v41.1", (DateOnly?)new DateOnly(2023, 10, 1), (DateOnly?)new DateOnly(2024, 9, 30), 1));
    }

    [Fact]
    public void Csv_WrongHeader_IsAnError()
    {
        Write(CsvName, "code,description\nO80,Delivery\n");
        Load().Report.Problems.Should().ContainSingle(p => p.IsError && p.Message.Contains("icd_conflict_group", StringComparison.Ordinal));
    }

    [Fact]
    public void ListVersion_CodeSplitAfterTheDate_IsFoundByItsSubcodes()
    {
        var release = new ClaimScrubber.TableRelease(MceTable.TableName, "MCE v43.1", "x.txt", new DateOnly(2026, 4, 1), null, 2);
        var version = new MceListVersion(MceList.UnacceptablePrincipal, release, 2026, [IcdCode.Parse("Z59.861"), IcdCode.Parse("Z59.869")]);
        version.ContainsDescendantOf(IcdCode.Parse("Z59.86")).Should().BeTrue();
        version.ContainsDescendantOf(IcdCode.Parse("Z59.87")).Should().BeFalse();
        version.ContainsDescendantOf(IcdCode.Parse("Z59.869")).Should().BeFalse();
    }

    [Fact]
    public void Definitions_CoverageConditions_AreReadFromEachSectionsText()
    {
        Write(DefinitionsName, Manual(
            "11. Non-covered procedure\nText.\nA. Non-covered procedure codes\nThe procedures shown below are identified as always non-covered procedures.\nProcedure\n02HA3QZ\tHeart assist\n"
            + "C. Non-covered procedure codes (discontinued as of 04/01/2022)\nThe procedures shown below are identified as non-covered procedures except when combined with diagnosis code Z006 (Exam).\n"
            + "F. Non-covered procedure codes\nThe procedures shown below are identified as \"Non-covered procedures\" when the beneficiary is over age 60.\nProcedure\n0SR20JZ\tDisc\n"
            + "G. Non-covered procedure codes\nThe procedure codes shown below are identified as non-covered procedures only when ICD-10-CM diagnosis code Z302 (Encounter for sterilization) is listed.\nProcedure\n0UL70ZZ\tOcclusion\n"
            + "17. Limited coverage\nText.\nA. Limited coverage codes\nThe following is a list of limited coverage procedure codes.\n02YA0Z0\tHeart transplant\n"
            + "B. Limited coverage codes\nThe procedures shown below are identified as limited coverage procedures when combined with diagnosis code Z006 (Exam).\n02YA0Z1\tHeart transplant\n"
            + "18. Wrong procedure performed\nText.\nWrong procedure performed codes\nY6551\tWrong procedure\n"));
        var result = Load();
        result.Report.Problems.Should().BeEmpty();
        result.Index.Mce!.ProcedureReleases.Single().Coverage.Select(r => $"{r.Section} {r.Edit} {r.Condition} {r.Describe()} {string.Join(',', r.Procedures)}").Should().Equal(
            "11A NonCovered Always always 02HA3QZ",
            "11F NonCovered OverAge for beneficiaries over age 60 0SR20JZ",
            "11G NonCovered WithDiagnosis when billed with Z30.2 0UL70ZZ",
            "17A LimitedCoverage Always always 02YA0Z0",
            "17B LimitedCoverage WithDiagnosis when billed with Z00.6 02YA0Z1");
    }

    [Fact]
    public void Definitions_ConditionNotUnderstood_IsRefusedByName_AndTheManualContributesNothing()
    {
        Write(DefinitionsName, Manual(
            "11. Non-covered procedure\nText.\nA. Non-covered procedure codes\nThe procedures shown below are non-covered when the moon is full.\nProcedure\n02HA3QZ\tHeart assist\n"
            + "B. Non-covered procedure codes\nThe procedures shown below are identified as always non-covered procedures.\nProcedure\n0WFGXZZ\tFragmentation\n02HA3Q\tToo short\n"
            + "18. Wrong procedure performed\nText.\nWrong procedure performed codes\nY6551\tWrong procedure\n"));
        var result = Load();
        result.Report.Problems.Select(p => (p.IsError, p.Line, p.Message)).Should().Equal(
            (true, 28, "Section 11A ('Non-covered procedure codes') states a condition the reader does not understand ('The procedures shown below are non-covered when the moon is full. Procedure'); its 1 procedures were not loaded."),
            (true, 36, "'02HA3Q' in section 11B ('Non-covered procedure codes') is not an ICD-10-PCS code; the row was skipped."),
            (false, null, "Refused whole: nothing from this file was loaded, because of the 2 row(s) refused above (a damaged file is never half-used)."));
        result.Index.Mce.Should().BeNull("a manual with a refused section or row contributes nothing");
    }

    [Fact]
    public void Definitions_StayProcedureWithoutItsDays_IsAnError()
    {
        Write(DefinitionsName, Manual("19. Procedure inconsistent with LOS\nThe following procedure code should only be coded on long stays.\n5A1955Z \tRespiratory Ventilation\n20. Unspecified code\nText.\nG8190\tHemiplegia\n"));
        var result = Load();
        result.Report.Problems.Select(p => (p.IsError, p.Line, p.Message)).Should().Equal(
            (true, 26, "Section 19 ('Procedure inconsistent with LOS') does not say how long a stay its procedures need ('greater than N consecutive days'); edit 19 was not loaded."),
            (false, null, "Refused whole: nothing from this file was loaded, because of the 1 row(s) refused above (a damaged file is never half-used)."));
        result.Index.Mce.Should().BeNull("a manual with a refused section contributes nothing");
    }

    [Fact]
    public void Definitions_ChangesToAnUnknownProcedureList_AreReportedNotApplied()
    {
        var manual = Manual("11. Non-covered procedure\nText.\nA. Non-covered procedure codes\nThe procedures shown below are identified as always non-covered procedures.\nProcedure\n02HA3QZ\tHeart assist\n18. Wrong procedure performed\nText.\nWrong procedure performed codes\nY6551\tWrong procedure\n")
            .Replace("Chapter 2: Code list changes\nIndex", "Chapter 2: Code list changes\n11H. Non-covered procedure codes\nThe following codes were removed\n30233AZ\tStem cells\nIndex", StringComparison.Ordinal);
        Write(DefinitionsName, manual);
        var problem = Load().Report.Problems.Should().ContainSingle().Subject;
        (problem.IsError, problem.Message).Should().Be((false, "Chapter 2 changes the list '11H', which is not a non-covered or limited-coverage section of chapter 1; the changes were not applied."));
    }

    [Fact]
    public void Definitions_DischargeStatusNoteWithBadDate_IsAnError_AndTheManualContributesNothing()
    {
        Write(DefinitionsName, Manual("16. Invalid discharge status\nValid values are:\n01 = Home or self-care\n04 = Cust/supp care (added 10/41/09)\n18. Wrong procedure performed\nText.\nWrong procedure performed codes\nY6551\tWrong procedure\n"));
        var result = Load();
        result.Report.Problems.Select(p => (p.IsError, p.Line, p.Message)).Should().Equal(
            (true, 29, "The discharge status note's date '10/41/09' is not M/D/YY or M/D/YYYY."),
            (false, null, "Refused whole: nothing from this file was loaded, because of the 1 row(s) refused above (a damaged file is never half-used)."));
        result.Index.Mce.Should().BeNull("a manual with a damaged note contributes nothing");
    }

    private static string Manual(string body) =>
        "Definitions of Medicare Code Edits\nICD-10 Version\nv43.1 April 2026\n\nTable of Contents\nChapter 1: Edit code lists\t7\n4. Age conflict\t8\nA. Perinatal/Newborn diagnoses\t9\n"
        + "Chapter 2: Code list changes\t267\n\nChapter 1: Edit code lists\nBelow is a list of edits described in this chapter.\n1. Invalid diagnosis or procedure code\n4. Age conflict\n5. Sex conflict\n"
        + "6. Manifestation code as principal diagnosis\n8. Questionable admission\n18. Wrong procedure performed\n20. Unspecified code\n\n\n1. Invalid diagnosis or procedure code\nText.\n2. External causes\nText.\n"
        + body + "\nChapter 2: Code list changes\nIndex\n";

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name), text, Encoding.Latin1);

    private CodeSetLoadResult Load() => SampleLoad.Load(folder);
}
