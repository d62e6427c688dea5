using ClaimScrubber.Compatibility;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Mce;

/// <summary>
/// The MCE procedure and claim edits, one edge at a time, on the repository's sample manual and ICD-10-CM/PCS order files
/// (real codes, the sections' real conditions).
/// </summary>
public class MceProcedureEditTests
{
    private static readonly Lazy<CodeSetIndex> Index = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "mce-px-sample-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        foreach (var source in Directory.GetFiles(Path.Combine(CmsData.SampleFolder, "cms", "mce")).Concat(Directory.GetFiles(Path.Combine(CmsData.SampleFolder, "cms", "icd10cm"), "icd10*_order_*.txt")))
        {
            var target = Path.Combine(folder, Path.GetFileName(source));
            if (!File.Exists(target))
            {
                File.Copy(source, target);
            }
        }

        var loaded = SampleLoad.Load(folder);
        loaded.Report.Problems.Where(p => p.IsError).Should().BeEmpty();
        return loaded.Index;
    });

    private static readonly DateOnly Discharge = new(2026, 5, 1);

    private static MceCompatibleEditor Editor => MceCompatibleEditor.Create(Index.Value);

    [Theory]
    [InlineData("02HA3QZ", "NON_COVERED")] // 11A: always
    [InlineData("0WFGXZZ", "NON_COVERED")]
    [InlineData("02YA0Z0", "LIMITED_COVERAGE")] // 17A
    [InlineData("0TY00Z0", "LIMITED_COVERAGE")]
    [InlineData("0DTJ4ZZ", "")]
    [InlineData("0DTJ4ZX", "INVALID_CODE")] // well formed, not in the code set
    [InlineData("0DTJ4Z", "INVALID_CODE")] // malformed
    public void Procedure_OnItsOwn_DrawsItsListsEdit(string procedure, string edits) =>
        Procedures(Claim("K359", [], [procedure])).Should().Equal(Expect(procedure, edits));

    [Fact]
    public void PancreasTransplant_Alone_IsNonCoveredAndNotAlsoLimitedCoverage() =>
        Procedures(Claim("K8590", [], ["0FYG0Z0"])).Should().Equal("0FYG0Z0=NON_COVERED");

    [Fact]
    public void PancreasTransplant_WithKidneyTransplant_IsLimitedCoverage() =>
        Procedures(Claim("N186", [], ["0FYG0Z0", "0TY00Z0"])).Should().Equal("0FYG0Z0=LIMITED_COVERAGE", "0TY00Z0=LIMITED_COVERAGE");

    [Theory]
    [InlineData("E1010", new string[0])] // principal
    [InlineData("I10", new[] { "E109" })] // secondary
    public void PancreasTransplant_WithListedDiabetes_IsLimitedCoverage(string principal, string[] secondary) =>
        Procedures(Claim(principal, secondary, ["0FYG0Z0"])).Should().Equal("0FYG0Z0=LIMITED_COVERAGE");

    [Fact]
    public void PancreasTransplant_WithMalformedKidneyCode_StaysNonCovered() =>
        Procedures(Claim("K8590", [], ["0FYG0Z0", "0TY00Z"])).Should().Equal("0FYG0Z0=NON_COVERED", "0TY00Z=INVALID_CODE");

    [Theory]
    [InlineData("C9100", "NON_COVERED")] // 11D: non-covered only with a listed leukemia
    [InlineData("I10", "")]
    public void AutologousMarrowTransfusion_IsNonCoveredOnlyWithListedDiagnosis(string principal, string edits) =>
        Procedures(Claim(principal, [], ["30233G0"])).Should().Equal(Expect("30233G0", edits));

    [Theory]
    [InlineData("2026-03-31", "NON_COVERED")] // v43.1 removed 30233AZ from 11D as of 2026-04-01
    [InlineData("2026-04-01", "")]
    public void CodeTheReleaseRemoved_CountsOnlyBeforeItsEffectiveDate(string discharge, string edits) =>
        Procedures(Claim("C9200", [], ["30233AZ"]) with { DischargeDate = DateOnly.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture) })
            .Should().Equal(Expect("30233AZ", edits));

    [Theory]
    [InlineData(61, "NON_COVERED")] // 11F: over age 60
    [InlineData(60, "")]
    [InlineData(125, "")] // an invalid age meets no age condition (and draws INVALID_AGE)
    public void LumbarDiscReplacement_IsNonCoveredOverAge60(int age, string edits) =>
        Procedures(Claim("M5126", [], ["0SR20JZ"]) with { Age = age }).Should().Equal(Expect("0SR20JZ", edits));

    [Theory]
    [InlineData("Z302", new string[0], "NON_COVERED")] // 11G: sterilization non-covered with Z30.2, principal or secondary
    [InlineData("N979", new[] { "Z302" }, "NON_COVERED")]
    [InlineData("N979", new string[0], "")]
    public void Sterilization_IsNonCoveredOnlyWithEncounterForSterilization(string principal, string[] secondary, string edits) =>
        Procedures(Claim(principal, secondary, ["0UL70ZZ"]) with { Sex = 2 }).Should().Equal(Expect("0UL70ZZ", edits));

    [Theory]
    [InlineData("O80", new[] { "Z370" }, "")] // 8B: the outcome of delivery is a secondary diagnosis
    [InlineData("O80", new string[0], "QUESTIONABLE_OBSTETRIC_ADMISSION")]
    [InlineData("Z370", new[] { "O80" }, "QUESTIONABLE_OBSTETRIC_ADMISSION")] // the manual asks for a secondary diagnosis
    public void Delivery_WithoutSecondaryOutcomeOfDelivery_IsQuestionable(string principal, string[] secondary, string edits)
    {
        Procedures(Claim(principal, secondary, ["10E0XZZ"]) with { Sex = 2 }).Should().Equal(Expect("10E0XZZ", edits));
        Procedures(Claim(principal, secondary, ["10D00Z0"]) with { Sex = 2 }).Should().Equal(Expect("10D00Z0", edits));
    }

    [Theory]
    [InlineData("2024-09-30", 1, "10E0XZZ", "QUESTIONABLE_OBSTETRIC_ADMISSION+SEX_CONFLICT")] // delivery on a male
    [InlineData("2024-10-01", 1, "10E0XZZ", "QUESTIONABLE_OBSTETRIC_ADMISSION")] // the sex edit is deactivated from 2024-10-01
    [InlineData("2024-09-30", 2, "0VTQ0ZZ", "SEX_CONFLICT")] // vasectomy on a female
    [InlineData("2024-09-30", 0, "0VTQ0ZZ", "")] // unknown sex: no conflict
    [InlineData("2024-09-30", 1, "0VT08ZZ", "")]
    public void SexSpecificProcedure_OnTheOtherSex_ConflictsBeforeOctober2024(string discharge, int sex, string procedure, string edits) =>
        Procedures(Claim("N400", [], [procedure]) with { DischargeDate = DateOnly.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture), Sex = sex })
            .Should().Equal(Expect(procedure, edits));

    [Theory]
    [InlineData("2026-04-28", "INCONSISTENT_WITH_LENGTH_OF_STAY")] // ventilation over 96 hours in a 3-day stay
    [InlineData("2026-04-27", "")]
    [InlineData(null, "")] // no admission date: the MCE cannot tell
    public void VentilationOver96Hours_InAStayUnderFourDays_IsInconsistent(string? admitted, string edits) =>
        Procedures(Claim("J9600", [], ["5A1955Z"]) with { AdmissionDate = admitted is null ? null : DateOnly.Parse(admitted, System.Globalization.CultureInfo.InvariantCulture) })
            .Should().Equal(Expect("5A1955Z", edits));

    [Theory]
    [InlineData(0, 0, null, "")]
    [InlineData(124, 2, "01", "")]
    [InlineData(125, 1, null, "INVALID_AGE")]
    [InlineData(-1, 1, null, "INVALID_AGE")]
    [InlineData(40, 3, null, "INVALID_SEX")]
    [InlineData(40, 1, "99", "INVALID_DISCHARGE_STATUS")]
    [InlineData(40, 1, "71", "INVALID_DISCHARGE_STATUS")] // valid 10/01/01–09/30/03 only
    [InlineData(40, 9, "99", "INVALID_DISCHARGE_STATUS+INVALID_SEX")]
    public void ClaimEdits_AgeSexAndDischargeStatus_AreChecked(int age, int sex, string? status, string edits)
    {
        var result = Editor.Edit(Claim("E785", [], []) with { Age = age, Sex = sex, DischargeStatus = status });
        string.Join('+', result.ClaimEdits).Should().Be(edits);
        result.EditType.Should().Be(edits.Length == 0 ? "NONE" : "PREPAYMENT");
    }

    [Theory]
    [InlineData("2009-09-30", "")] // 04 was "Disch/trans to ICF" until 9/30/09, then "Cust/supp care" from 10/01/09
    [InlineData("2009-10-01", "")]
    [InlineData("2001-09-30", "INVALID_DISCHARGE_STATUS")] // 62 was added 10/01/2001
    public void DischargeStatus_IsValidByTheDatesTheManualGives(string discharge, string edits)
    {
        var date = DateOnly.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture);
        string.Join('+', Editor.Edit(Claim("E785", [], []) with { DischargeDate = date, DischargeStatus = "04" }).ClaimEdits).Should().BeEmpty();
        string.Join('+', Editor.Edit(Claim("E785", [], []) with { DischargeDate = date, DischargeStatus = "62" }).ClaimEdits).Should().Be(edits);
    }

    [Fact]
    public void EditAll_ExtendedLayout_ReadsAdmissionAndStatusAndWritesClaimEdits()
    {
        var input = new StringReader(
            MceCompatibleEditor.ExtendedInputHeader + "\n" +
            "c1\t20260501\t70\t1\tE785\t\t5A1955Z\t20260429\t99\n" +
            "c2\t20260501\t70\t1\tE785\t\t5A1955Z\t\t\n");
        var output = new StringWriter();
        Editor.EditAll(input, output).Should().Be(2);
        output.ToString().Split('\n').Should().Equal(
            MceCompatibleEditor.ExtendedOutputHeader,
            "c1\tPREPAYMENT\tE785=\t5A1955Z=INCONSISTENT_WITH_LENGTH_OF_STAY\tINVALID_DISCHARGE_STATUS",
            "c2\tNONE\tE785=\t5A1955Z=\t",
            string.Empty);
    }

    [Fact]
    public void EditAll_GoldenLayout_WritesTheFourColumnsOfCmsOutput()
    {
        var input = new StringReader(MceCompatibleEditor.InputHeader + "\nc1\t20260501\t70\t2\tE785\t\t0FYG0Z0,0DTJ4ZZ\n");
        var output = new StringWriter();
        Editor.EditAll(input, output).Should().Be(1);
        output.ToString().Should().Be($"{MceCompatibleEditor.OutputHeader}\nc1\tPREPAYMENT\tE785=\t0FYG0Z0=NON_COVERED;0DTJ4ZZ=\n");
    }

    [Theory]
    [InlineData("c1\t20260501\tseventy\t1\tI10\t\t", "Line 2: the age 'seventy' is not a whole number of years.")]
    [InlineData("c1\t20260501\t70\tM\tI10\t\t", "Line 2: the sex 'M' is not a number (0 unknown, 1 male, 2 female).")]
    [InlineData("c1\t20260501\t70\t1\tI10", "Line 2: expected 7 tab-separated cells (id, discharge_date, age, sex, pdx, sdx, px), found 5.")]
    public void EditAll_MalformedRow_IsAFormatErrorNamingTheLine(string row, string message)
    {
        var act = () => Editor.EditAll(new StringReader(MceCompatibleEditor.InputHeader + "\n" + row + "\n"), new StringWriter());
        act.Should().Throw<FormatException>().WithMessage(message);
    }

    private static MceClaimInput Claim(string principal, string[] secondary, string[] procedures) =>
        new("c", Discharge, 70, 1, principal, [.. secondary], [.. procedures]);

    private static string[] Procedures(MceClaimInput claim) =>
        [.. Editor.Edit(claim).ProcedureEdits.Select(p => $"{p.Code}={string.Join('+', p.Edits)}")];

    private static string[] Expect(string procedure, string edits) => [$"{procedure}={edits}"];
}
