using System.Collections.Immutable;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Rules;
using ClaimScrubber.Tests.Scrubbing;
using ClaimScrubber.Tests.Support;
using static ClaimScrubber.Tests.Support.TestClaims;

namespace ClaimScrubber.Tests.Rules;

/// <summary>
/// The edits CMS sets outside its tables (issue 12, item 3): a zero line charge (CLM014), timely filing (CLM015/CLM016,
/// 42 CFR 424.44), G2211 with a 25-modified visit (PX031, CY2024/CY2025 PFS final rules) and a code the fee schedule in
/// force no longer lists (PX032). PX033 (GY/GA/GZ) is in <see cref="FeeScheduleStatusRulesTests"/>.
/// </summary>
public class PolicyEditsTests
{
    private static ImmutableArray<Finding> Scrub(ScrubberOptions options, params ServiceLine[] lines) =>
        FeeScheduleFixture.Scrubber(options).Scrub(Professional(null, lines)).Findings;

    private static ImmutableArray<Finding> Scrub(params ServiceLine[] lines) => Scrub(ScrubberOptions.Default, lines);

    private static ServiceLine Charged(string code, decimal charge) => new()
    {
        ProcedureCode = ProcedureCode.Parse(code), ServiceDate = new DateOnly(2026, 3, 2), Units = 1, Charge = charge, DiagnosisPointers = [1],
    };

    [Fact]
    public void ZeroCharge_IsReturned_ExceptForCodesBilledAtZero()
    {
        var finding = Scrub(Line("20610"), Charged("99213", 0m)).Should().Contain(f => f.RuleId == "CLM014").Subject;
        (finding.Severity, finding.Disposition, finding.Line, finding.Element, finding.Carc, finding.Rarc).Should().Be((Severity.Error, Disposition.ReturnToProvider, 2, "lines[2].charge", "16", "M79"));
        finding.Message.Should().Be("Line 2 bills 99213 with a charge of 0.00; Medicare returns a line without the provider's charge as unprocessable.");
        finding.FixHint.Should().Be("Enter the charge for 99213 (SV102 or SV203); only quality-data codes and services reported for information go at 0.00.");
        finding.Codes.Should().Equal("99213");

        Scrub(Charged("99213", 0.01m)).Should().NotContain(f => f.RuleId == "CLM014");
        Scrub(Line(), Charged("1036F", 0m)).Should().NotContain(f => f.RuleId == "CLM014", "a CPT Category II code reports quality data at 0.00");
        Scrub(Line(), Charged("36416", 0m)).Should().NotContain(f => f.RuleId == "CLM014", "a status B service is reported for information");
        Scrub(ScrubberOptions.Default with { DisabledRules = ["CLM014"] }, Charged("99213", 0m)).Should().NotContain(f => f.RuleId == "CLM014");
    }

    [Theory]
    [InlineData("2025-06-14", "CLM015")] // one calendar year and a day before the as-of date (2026-06-15)
    [InlineData("2025-06-15", "CLM016")] // due on the as-of date itself: still in time, in its last month
    [InlineData("2025-07-14", "CLM016")] // due 2026-07-14: within a month
    [InlineData("2025-07-15", null)]     // due 2026-07-15: a month away exactly
    [InlineData("2026-06-15", null)]
    [InlineData("2026-07-01", null)]     // a future date is CLM004's
    public void TimelyFiling_CountsOneCalendarYear_FromEachProfessionalLine(string date, string? rule)
    {
        var findings = Scrub(TimelyFiling, Line("99213", date)).Where(f => f.RuleId is "CLM015" or "CLM016").ToList();
        findings.Select(f => f.RuleId).Should().Equal(rule is null ? [] : [rule]);
        if (rule == "CLM015")
        {
            (findings[0].Severity, findings[0].Line, findings[0].Element, findings[0].Carc).Should().Be((Severity.Error, 1, "lines[1].serviceDate", "29"));
            findings[0].Message.Should().Be("Line 1's date of service is more than 12 months before the as-of date: Medicare denies a claim filed more than one calendar year after the date of service.");
            findings[0].FixHint.Should().Be("Check whether an exception of 42 CFR 424.44(b) applies (an administrative error, a retroactive Medicare entitlement); otherwise the service cannot be billed to Medicare.");
        }
        else if (rule == "CLM016")
        {
            (findings[0].Severity, findings[0].Disposition).Should().Be((Severity.Warning, Disposition.Informational));
            findings[0].Message.Should().Be("Line 1's date of service reaches the 12-month filing limit within a month of the as-of date.");
        }
    }

    [Theory]
    [InlineData("2025-02-28", null)]
    [InlineData("2025-03-01", "CLM015")]
    public void TimelyFiling_February29_IsDueOnFebruary28(string asOf, string? rule)
    {
        var options = TimelyFiling with { AsOfDate = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) };
        var ids = Scrubber.Create(FeeScheduleFixture.Index, options).Scrub(Professional(null, Line("99213", "2024-02-29"))).Findings.Select(f => f.RuleId).Where(id => id.StartsWith("CLM01", StringComparison.Ordinal));
        ids.Should().Equal(rule is null ? ["CLM016"] : [rule]);
    }

    [Fact]
    public void TimelyFiling_OfAnInstitutionalClaim_CountsFromItsThroughDate_Once()
    {
        var scrubber = Scrubber.Create(FeeScheduleFixture.Index, TimelyFiling with { AsOfDate = Today });
        var spanning = new ServiceLine
        {
            ProcedureCode = ProcedureCode.Parse("99213"), ServiceDate = new DateOnly(2025, 5, 1), ServiceDateTo = new DateOnly(2025, 6, 20), Units = 1, Charge = 100m, DiagnosisPointers = [1],
        };
        var professional = Professional(null, Line("99213", "2025-05-01"), spanning);
        var claim = new Claim
        {
            ClaimId = professional.ClaimId, Setting = ClaimSetting.OutpatientHospital, Patient = professional.Patient, BillingNpi = professional.BillingNpi,
            FrequencyCode = professional.FrequencyCode, Diagnoses = professional.Diagnoses, Lines = professional.Lines,
        };
        var findings = scrubber.Scrub(claim).Findings.Where(f => f.RuleId is "CLM015" or "CLM016").ToList();
        findings.Select(f => (f.RuleId, f.Line, f.Element)).Should().Equal([("CLM016", (int?)null, "claim")], "the through date 2025-06-20 is due 2026-06-20");
        findings[0].Message.Should().Be("The claim's through date of service reaches the 12-month filing limit within a month of the as-of date.");
    }

    [Fact]
    public void TimelyFiling_IsOptIn()
    {
        Scrub(Line("99213", "2024-01-02")).Should().NotContain(f => f.RuleId == "CLM015" || f.RuleId == "CLM016");
        RuleCatalog.Claims.PastTimelyFiling.IsEnabledByDefault.Should().BeFalse();
    }

    [Fact]
    public void G2211_WithA25ModifiedVisit_IsNotPaid()
    {
        var finding = Scrub(Line("99213").WithModifiers("25"), Line("G2211"), Line("20610")).Should().Contain(f => f.RuleId == "PX031").Subject;
        (finding.Severity, finding.Line, finding.Element, finding.Carc, finding.Rarc).Should().Be((Severity.Error, 2, "lines[2].procedureCode", "97", "N20"));
        finding.Message.Should().Be("G2211 is billed with 99213 (line 1), which carries modifier 25, and no annual wellness visit, vaccine administration or Part B preventive service is billed that day: Medicare does not pay the visit complexity add-on then.");
        finding.FixHint.Should().Be("Remove G2211, or remove 25 from 99213 if the visit was not separately identifiable from another service that day; G2211 is paid with a 25-modified visit only beside an annual wellness visit, a vaccine administration or a Part B preventive service (from 2025).");
        finding.Codes.Should().Equal("G2211", "99213", "25");
    }

    [Theory]
    [InlineData("G0439")] // annual wellness visit
    [InlineData("90471")] // vaccine administration
    [InlineData("G0442")] // alcohol misuse screening, a Part B preventive service
    public void G2211_WithA25ModifiedVisit_IsPaidBesideAnAwvVaccineOrPreventiveService_From2025(string service)
    {
        Scrub(Line("99214").WithModifiers("25"), Line("G2211"), Line(service)).Should().NotContain(f => f.RuleId == "PX031");

        var before = Scrub(Line("99214", "2024-06-03").WithModifiers("25"), Line("G2211", "2024-06-03"), Line(service, "2024-06-03")).Should().Contain(f => f.RuleId == "PX031").Subject;
        before.Message.Should().Be("G2211 is billed with 99214 (line 1), which carries modifier 25: before 2025 Medicare never pays the visit complexity add-on with a 25-modified visit.");
    }

    [Fact]
    public void G2211_WithoutA25Visit_OnAnotherDay_OrByAnotherProvider_IsNotReported()
    {
        Scrub(Line("99213"), Line("G2211")).Should().NotContain(f => f.RuleId == "PX031");
        Scrub(Line("99213", "2026-03-03").WithModifiers("25"), Line("G2211")).Should().NotContain(f => f.RuleId == "PX031");
        Scrub(Line("99285").WithModifiers("25"), Line("G2211")).Should().NotContain(f => f.RuleId == "PX031", "G2211 goes with office visits; an emergency visit is not one");
        Scrub(Line("99213").WithModifiers("25").By("1003000126"), Line("G2211")).Should().NotContain(f => f.RuleId == "PX031");
    }

    [CmsFact]
    public void DeletedCode_99442_IsReportedFor2025And2026_NotBefore()
    {
        // Audit (issue 12): 99442 (telephone E/M, deleted 2025-01-01) billed for 2026 passed. The PFS 2025 file lacks it; the
        // 2024-07-01 PTP file holds it in live edits.
        var scrubber = Scrubber.Create(AllocationTests.FullIndex.Value, ScrubberOptions.Default with { AsOfDate = Today });
        var finding = scrubber.Scrub(Professional(null, Line("99442"))).Findings.Should().Contain(f => f.RuleId == "PX032").Subject;
        (finding.Severity, finding.Line, finding.Element, finding.Carc, finding.Rarc).Should().Be((Severity.Error, 1, "lines[1].procedureCode", "181", "N56"));
        finding.Message.Should().Be("99442 is not in the PFS RVU 2025 October release, the physician fee schedule in force for the date of service, while the older NCCI PTP practitioner 2024-07-01 lists it: the CPT code was deleted.");
        finding.Codes.Should().Equal("99442");

        scrubber.Scrub(Professional(null, Line("99442", "2024-11-04"))).Findings.Should().NotContain(f => f.RuleId == "PX032", "before the fee schedule's year the code may have been valid");
        scrubber.Scrub(Professional(null, Line("99213"), Line("80053"), Line("0001U"), Line("J3490"))).Findings.Should().NotContain(f => f.RuleId == "PX032");
    }

    [CmsFact]
    public void DeletedCodes_OnTheFullData_AreTheCptCodesThe2025FeeScheduleDropped()
    {
        var index = AllocationTests.FullIndex.Value;
        var rule = ClaimScrubber.Rules.Procedures.DeletedCodeRule.Create(index.FeeSchedule!, index.Ptp, index.Mue, index.AddOnCodes);
        var codes = rule.Deleted.Keys.Select(v => ProcedureCode.FromValue(v).ToString()).Order(StringComparer.Ordinal).ToList();
        // The 2024-07-01 NCCI files and the 2026 Q2 MUE/add-on files list 34 CPT codes the CY2025 October RVU file lacks:
        // the 2025 deletions among them (99441-99443 telephone E/M, 0398T, 96040, ...).
        codes.Should().HaveCount(34, string.Join(' ', codes));
        codes.Should().Contain(["99441", "99442", "99443", "0398T", "96040"]);
        codes.Should().NotContain(["99213", "20610", "27447", "71046", "99024", "G2211"]);
        codes.Should().OnlyContain(c => !ProcedureCode.Parse(c).IsLevelTwo);
    }

    [Fact]
    public void DeletedCode_IsNotJudged_AgainstAPartialFeeSchedule()
    {
        // The sample RVU file holds 55 rows: most CPT codes of the sample NCCI tables are missing from it, which says
        // nothing about their deletion.
        var index = SampleCmsData.Index;
        ClaimScrubber.Rules.Procedures.DeletedCodeRule.Create(index.FeeSchedule!, index.Ptp, index.Mue, index.AddOnCodes).Deleted.Should().BeEmpty();
        Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = Today }).Scrub(Professional(null, Line("99442"), Line("93000"))).Findings.Should().NotContain(f => f.RuleId == "PX032");
    }

    [Fact]
    public void TableCoverage_EndsAtTheReleaseEnd_OrOnePublishingPeriodAfterItsStart()
    {
        static TableRelease R(string table, string release, DateOnly? from, DateOnly? to = null) => new(table, release, release + ".csv", from, to, 1);
        var coverage = TableCoverage.Of(
        [
            R("PFS RVU", "2025 October", new DateOnly(2025, 10, 1)),
            R("PFS RVU", "2025 July", new DateOnly(2025, 7, 1)),
            R("NCCI MUE practitioner", "2026 Q2", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)),
            R(ClaimScrubber.CodeSets.Icd10Pcs.PcsCodeSet.TableName, "FY2026", new DateOnly(2025, 10, 1)),
            R("Place of service", "2024", null),
        ]);
        coverage.Select(c => (c.Table, c.Cadence, c.CoversFrom, c.CoversTo, c.Releases.Length)).Should().Equal(
            ("ICD-10-PCS order file", TableCadence.Yearly, new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), 1),
            ("NCCI MUE practitioner", TableCadence.Quarterly, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), 1),
            ("PFS RVU", TableCadence.Quarterly, new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), 2),
            ("Place of service", TableCadence.Irregular, (DateOnly?)null, (DateOnly?)null, 1));
        coverage[2].Releases.Select(r => r.Release).Should().Equal("2025 July", "2025 October");
        coverage[2].Covers(new DateOnly(2025, 12, 31)).Should().BeTrue();
        coverage[2].Covers(new DateOnly(2026, 1, 1)).Should().BeFalse();
        coverage[2].Covers(new DateOnly(2025, 6, 30)).Should().BeFalse();
        coverage[2].IsOutOfDateOn(new DateOnly(2026, 1, 1)).Should().BeTrue();
        coverage[3].IsOutOfDateOn(DateOnly.MaxValue).Should().BeFalse("a table published without a schedule has no end");
    }

    [Fact]
    public void TableOutOfDate_IsOneClaimLevelNoticePerTable_WhenEnabled()
    {
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(FeeScheduleFixture.Fees);
        builder.AddRelease(FeeScheduleFixture.Fees.Release);
        var index = builder.Build();
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = Today, EnabledRules = ["CLM020"] });
        ImmutableArray<Finding> Scrub(params ServiceLine[] lines) => scrubber.Scrub(Professional(null, lines)).Findings;

        var finding = Scrub(Line("99213", "2026-03-02"), Line("20610", "2026-03-04")).Should().ContainSingle(f => f.RuleId == "CLM020").Subject;
        (finding.Severity, finding.Line, finding.Element, finding.Source?.Table).Should().Be((Severity.Info, (int?)null, "claim", "PFS RVU"));
        finding.Message.Should().Be("The loaded PFS RVU table covers dates of service from October 2025 to December 2025 (CMS publishes it quarterly); the claim has dates of service after that, checked against its latest loaded release, which may lack the codes and edits published since.");
        finding.FixHint.Should().Be("Load the PFS RVU release in force for the dates of service (CMS publishes it quarterly); data-report lists each table's coverage.");

        Scrub(Line("99213", "2025-12-31")).Should().NotContain(f => f.RuleId == "CLM020");
        Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = Today }).Scrub(Professional(null, Line("99213", "2026-03-02"))).Findings
            .Should().NotContain(f => f.RuleId == "CLM020", "the notice is opt-in");
    }

    private static readonly ScrubberOptions TimelyFiling = ScrubberOptions.Default with { EnabledRules = ["CLM015", "CLM016"] };
}
