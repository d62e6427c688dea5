using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.CodeSets.Mce;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The MCE diagnosis rules on hand-made claims, against the full MCE lists and ICD-10-CM order files.</summary>
public class MceDiagnosisRulesTests
{
    private static readonly Lazy<Scrubber> Scrubber = new(() => ClaimScrubber.Scrubber.Create(MceCmsData.Index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 9, 30) }));

    private static readonly DateOnly Discharge = new(2026, 3, 15);

    [CmsTheory]
    [InlineData("Z38.00", 0, false)]
    [InlineData("Z38.00", 1, true)]
    [InlineData("Z00.129", 0, false)]
    [InlineData("Z00.129", 17, false)]
    [InlineData("Z00.129", 18, true)]
    [InlineData("O80", 8, true)]
    [InlineData("O80", 9, false)]
    [InlineData("O80", 64, false)]
    [InlineData("O80", 65, true)]
    [InlineData("Z00.00", 14, true)]
    [InlineData("Z00.00", 15, false)]
    [InlineData("Z00.00", 124, false)]
    public void AgeConflict_BoundaryAges_FollowTheMceRanges(string code, int age, bool conflict)
    {
        var claim = Inpatient(Discharge, BornYearsBefore(Discharge, age), Sex.Female, code, "I10");
        var findings = Scrubber.Value.Scrub(claim).Findings.Where(f => f.RuleId == "DX012").ToArray();
        findings.Should().HaveCount(conflict ? 1 : 0);
        if (conflict)
        {
            findings[0].Element.Should().Be("diagnoses[1]");
            findings[0].Codes.Should().Equal(IcdCode.Parse(code).ToDottedString());
            findings[0].Message.Should().EndWith("and the patient's age on the discharge date is outside that range.");
            findings[0].Source!.Release.Should().Be("MCE v43.1");
        }
    }

    [CmsFact]
    public void AgeConflict_DayBeforeBirthday_UsesCompletedYears()
    {
        // Born 1961-03-16: 64 on 2026-03-15 (no conflict for maternity), 65 a day later.
        var birth = new DateOnly(1961, 3, 16);
        Ids(Inpatient(Discharge, birth, Sex.Female, "O80", "Z3A.39")).Should().NotContain("DX012");
        Ids(Inpatient(Discharge.AddDays(1), birth, Sex.Female, "O80", "Z3A.39")).Should().Contain("DX012");
    }

    [CmsTheory]
    [InlineData("2024-09-30", true)]
    [InlineData("2024-10-01", false)]
    public void SexConflict_IsOffFromOctober2024(string discharge, bool conflict)
    {
        var date = DateOnly.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture);
        var findings = Scrubber.Value.Scrub(Inpatient(date, new DateOnly(1990, 1, 1), Sex.Male, "O80", "Z3A.39")).Findings.Where(f => f.RuleId == "DX013").ToArray();
        findings.Select(f => f.Element).Should().Equal(conflict ? ["diagnoses[1]", "diagnoses[2]"] : []);
        if (conflict)
        {
            findings[0].Message.Should().Be("Diagnosis O80 is on the MCE list 'Female-only diagnoses', and the patient's recorded sex is not the one the list is for.");
            findings[0].Source!.Release.Should().Be("MCE v41.1");
        }
    }

    [CmsTheory]
    [InlineData("2024-09-30", true)]  // E66.8 is billable in FY2024 only; the v43.1 list names its FY2025 subcodes
    [InlineData("2024-10-01", false)] // a header from FY2025: the ICD-10-CM validity rules report it, not the MCE rules
    public void QuestionableAdmission_CodeValidInOneFiscalYearOnly_IsEditedOnlyThen(string discharge, bool edited)
    {
        var date = DateOnly.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture);
        Ids(Inpatient(date, new DateOnly(1970, 1, 1), Sex.Female, "E66.8", "I10")).Contains("DX017").Should().Be(edited);
    }

    [CmsTheory]
    [InlineData("2025-09-30", false)]
    [InlineData("2025-10-01", true)]
    public void UnacceptablePrincipal_CodeNewInFy2026_IsEditedFromItsFirstDay(string discharge, bool edited)
    {
        var date = DateOnly.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture);
        Ids(Inpatient(date, new DateOnly(1970, 1, 1), Sex.Female, "Z91.0110", "I10")).Contains("DX015").Should().Be(edited);
    }

    [CmsFact]
    public void PrincipalEdits_OnInpatientClaim_AreEachReported()
    {
        var claim = Inpatient(Discharge, new DateOnly(1950, 1, 1), Sex.Female, "Y65.53", "G81.90", "Y65.53");
        Scrubber.Value.Scrub(claim).Findings.Select(f => (f.RuleId, f.Element)).Should().Equal(
            ("DX010", "diagnoses[1]"), ("DX019", "diagnoses[1]"), ("DX018", "diagnoses[2]"), ("DX011", "diagnoses[3]"), ("DX019", "diagnoses[3]"));
    }

    [CmsFact]
    public void InpatientOnlyEdits_OnProfessionalClaim_AreNotReported()
    {
        var claim = TestClaims.Professional(["I10", "G81.90"]);
        Ids(claim).Should().NotContain(["DX015", "DX016", "DX017", "DX018"]);
        Ids(Inpatient(new DateOnly(2026, 3, 2), new DateOnly(1950, 4, 2), Sex.Female, "I10", "G81.90")).Should().Contain(["DX017", "DX018"]);
    }

    [CmsFact]
    public void FirstListedEdits_OnProfessionalClaim_AreReported()
    {
        var claim = TestClaims.Professional(["F02.80", "W19.XXXA"]);
        Scrubber.Value.Scrub(claim).Findings.Select(f => (f.RuleId, f.Element)).Should().Equal(("DX014", "diagnoses[1]"));
        var external = Scrubber.Value.Scrub(TestClaims.Professional(["W19.XXXA", "S72.001A"])).Findings.Single();
        (external.RuleId, external.Message).Should().Be(("DX010", "The first-listed diagnosis W19.XXXA is an external-cause code (V00–Y99), which says how an injury happened, not what was treated."));
    }

    [CmsTheory]
    [InlineData(true, "DX016")]
    [InlineData(false, null)]
    public void RequiresSecondary_Z5189_IsAcceptableOnlyWithASecondaryDiagnosis(bool alone, string? expected)
    {
        var codes = alone ? new[] { "Z51.89" } : ["Z51.89", "I10"];
        var ids = Ids(Inpatient(Discharge, new DateOnly(1950, 1, 1), Sex.Female, codes));
        ids.Should().NotContain("DX015");
        ids.Contains("DX016").Should().Be(expected is not null);
    }

    [CmsFact]
    public void CleanInpatientClaim_HasNoMceFinding() =>
        Ids(Inpatient(Discharge, new DateOnly(1950, 1, 1), Sex.Female, "J18.9", "I10", "E11.9")).Should().BeEmpty();

    [CmsFact]
    public void Evaluate_CleanInpatientClaim_AllocatesNothing()
    {
        var claim = Inpatient(Discharge, new DateOnly(1950, 1, 1), Sex.Female, "J18.9", "I10", "E11.9", "N18.30");
        var rule = new ClaimScrubber.Rules.Diagnoses.MceDiagnosisRules(new ClaimScrubber.CodeSets.Mce.MceEditor(MceCmsData.Index.Mce!, MceCmsData.Index.Icd10Cm));
        var context = new ScrubContext();
        context.Begin(Scrubber.Value, claim, new DateOnly(2026, 9, 30));
        rule.Evaluate(context);
        var start = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            rule.Evaluate(context);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        context.FindingCount.Should().Be(0);
        allocated.Should().Be(0);
    }

    private static string[] Ids(Claim claim) => [.. Scrubber.Value.Scrub(claim).Findings.Select(f => f.RuleId).Where(id => id.StartsWith("DX", StringComparison.Ordinal))];

    private static DateOnly BornYearsBefore(DateOnly date, int years) => date.AddYears(-years);

    private static Claim Inpatient(DateOnly discharge, DateOnly birth, Sex sex, params string[] diagnoses) => new()
    {
        ClaimId = "IP1",
        Setting = ClaimSetting.Inpatient,
        Patient = new Patient { BirthDate = birth, Sex = sex },
        BillingNpi = Npi.Parse("1234567893"),
        FrequencyCode = "1",
        DischargeDate = discharge,
        Diagnoses = [.. diagnoses.Select(IcdCode.Parse)],
        Lines = [new ServiceLine { ProcedureCode = ProcedureCode.Parse("99232"), ServiceDate = discharge.AddDays(-1), Charge = 100m, DiagnosisPointers = [1] }],
    };
}
