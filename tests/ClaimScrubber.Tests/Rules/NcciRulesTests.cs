using ClaimScrubber.Rules;
using ClaimScrubber.Rules.Ncci;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>The NCCI rules against the full CMS tables, with pairs, limits and add-on codes read from the files.</summary>
[Collection(NcciFullDataCollection.Name)]
public class NcciRulesTests
{
    private static readonly Lazy<Scrubber> Scrubber = new(() => ClaimScrubber.Scrubber.Create(NcciFullData.Index, ScrubberOptions.Default with { AsOfDate = TestClaims.Today }));

    private static ServiceLine L(string code, string date = "2026-03-02", decimal units = 1, params string[] modifiers) =>
        TestClaims.Line(code, date, units).WithModifiers(modifiers);

    private static List<Finding> Ncci(params ServiceLine[] lines) => Ncci(TestClaims.Professional(null, lines));

    private static List<Finding> Ncci(Claim claim) => [.. Scrubber.Value.Scrub(claim).Findings.Where(f => f.Family == RuleFamily.Ncci)];

    private static Claim Outpatient(params ServiceLine[] lines)
    {
        var claim = TestClaims.Professional(null, lines);
        return new Claim
        {
            ClaimId = claim.ClaimId, Setting = ClaimSetting.OutpatientHospital, Patient = claim.Patient, BillingNpi = claim.BillingNpi,
            PlaceOfService = claim.PlaceOfService, FrequencyCode = claim.FrequencyCode, Diagnoses = claim.Diagnoses, Lines = claim.Lines,
        };
    }

    [CmsFact]
    public void Ptp_Indicator0_DeniesColumn2_EvenWithModifiers()
    {
        // "10060","64483","*",0,"Anesthesia service included in surgical procedure"
        var finding = Ncci(L("64483", modifiers: "59"), L("10060", modifiers: "XS")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element, finding.Severity, finding.Carc, finding.Rarc).Should().Be(("NCCI001", 1, "lines[1].procedureCode", Severity.Error, "236", "N20"));
        finding.Codes.Should().Equal("10060", "64483");
        finding.Message.Should().Be("NCCI practitioner PTP edit (comprehensive/component, rationale \"Anesthesia service included in surgical procedure\"): 64483 (line 1) is column 2 to 10060 (line 2) on the same date of service; modifier indicator 0: no modifier allows both codes to be paid, so 64483 is denied.");
        finding.FixHint.Should().Be("Remove 64483 from line 1: it is not separately payable with 10060 on the same day; if 10060 was billed in error, correct that line instead.");
        finding.Source!.SourceFile.Should().Be("ptp_practitioner_2024-07-01.csv.gz");
    }

    [CmsFact]
    public void Ptp_OutpatientClaim_UsesTheOutpatientTable()
    {
        // The outpatient hospital table has 10060/64483 with indicator 1.
        var finding = Ncci(Outpatient(L("10060"), L("64483"))).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line).Should().Be(("NCCI002", 2));
        finding.Message.Should().StartWith("NCCI outpatient hospital PTP edit");
        Ncci(Outpatient(L("10060"), L("64483", modifiers: "XU"))).Select(f => f.RuleId).Should().Equal("NCCI003");
    }

    [CmsFact]
    public void Ptp_Indicator1_WithoutModifier_DeniesColumn2()
    {
        // "20610","99213","*",1,"CPT Manual or CMS manual coding instruction"
        var finding = Ncci(L("20610"), L("99213")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element, finding.Disposition).Should().Be(("NCCI002", 2, "lines[2].procedureCode", Disposition.LineDenial));
        finding.Message.Should().Be("NCCI practitioner PTP edit (comprehensive/component, rationale \"CPT Manual or CMS manual coding instruction\"): 99213 (line 2) is column 2 to 20610 (line 1) on the same date of service; modifier indicator 1: 99213 is an E/M service, denied unless its line carries 25 (a significant, separately identifiable visit); a modifier on the other line does not bypass an edit whose column 2 is an E/M service.");
        finding.FixHint.Should().Be("If the visit 99213 (line 2) was significant and separately identifiable from 20610, append 25 and keep the documentation; otherwise remove it. 59 and X{EPSU} are not used on an E/M service.");
    }

    [CmsFact]
    public void Ptp_Indicator1_Modifier25_BypassesAndIsReported()
    {
        var finding = Ncci(L("20610"), L("99213", modifiers: "25")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Severity, finding.Disposition, finding.Line, finding.Element).Should().Be(("NCCI003", Severity.Info, Disposition.Informational, 2, "lines[2].modifiers[1]"));
        finding.Codes.Should().Equal("20610", "99213", "25");
        finding.Message.Should().EndWith("99213 (line 2) is column 2 to 20610 (line 1) on the same date of service; modifier indicator 1, bypassed by modifier 25 on line 2 (a significant, separately identifiable E/M service).");
    }

    [CmsTheory]
    [InlineData("59")]
    [InlineData("XS")]
    public void Ptp_Indicator1_59OrXS_OnEitherLine_Bypasses(string modifier)
    {
        // "11042","17000","*",1,"Standards of medical/surgical practice"
        Ncci(L("11042"), L("17000")).Select(f => f.RuleId).Should().Equal("NCCI002");
        var onColumn2 = Ncci(L("11042"), L("17000", modifiers: modifier)).Should().ContainSingle().Subject;
        (onColumn2.RuleId, onColumn2.Element).Should().Be(("NCCI003", "lines[2].modifiers[1]"));
        var onColumn1 = Ncci(L("11042", modifiers: ["76", modifier]), L("17000")).Should().ContainSingle().Subject;
        (onColumn1.RuleId, onColumn1.Line, onColumn1.Element).Should().Be(("NCCI003", 2, "lines[1].modifiers[2]"));
        onColumn1.Message.Should().EndWith($"bypassed by modifier {modifier} on line 1 ({(modifier == "XS" ? "a separate organ or structure" : "a distinct procedural service")}).");
    }

    [CmsFact]
    public void Ptp_Indicator1_LeftAndRight_Bypass()
    {
        // "27447","29881","*",1,"More extensive procedure"
        Ncci(L("27447"), L("29881")).Select(f => f.RuleId).Should().Equal("NCCI002");
        Ncci(L("27447", modifiers: "RT"), L("29881", modifiers: "LT")).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier LT on line 2 (procedures on different anatomic sites).");
        Ncci(L("27447"), L("29881", modifiers: "26")).Select(f => f.RuleId).Should().Equal(["NCCI002"], "26 is not an NCCI-associated modifier");
    }

    [CmsFact]
    public void Ptp_MutuallyExclusiveRationale_IsNamed()
    {
        // "G0439","99213","*",1,"Mutually exclusive procedures"
        Ncci(L("G0439"), L("99213")).Should().ContainSingle().Which.Message.Should().StartWith("NCCI practitioner PTP edit (mutually exclusive, rationale \"Mutually exclusive procedures\"): 99213 (line 2) is column 2 to G0439 (line 1)");
    }

    [CmsFact]
    public void Ptp_DeletedPair_FiresThroughItsDeletionDateOnly()
    {
        // "0001A","99213","20231231",1,"CPT Manual or CMS manual coding instruction"
        Ncci(L("0001A", "2023-12-31"), L("99213", "2023-12-31")).Select(f => f.RuleId).Should().Equal("NCCI002");
        Ncci(L("0001A", "2024-01-01"), L("99213", "2024-01-01")).Should().BeEmpty();
    }

    [CmsFact]
    public void Ptp_Indicator9_NeverFires()
    {
        // "97110","97140","19990401",9,"Standards of medical/surgical practice"
        Ncci(L("97110", "1999-03-01"), L("97140", "1999-03-01")).Should().BeEmpty();
        Ncci(L("97110"), L("97140")).Should().BeEmpty();
    }

    [CmsFact]
    public void Ptp_OtherDateOrOtherRenderingProvider_IsNoPair()
    {
        Ncci(L("10060"), L("64483", "2026-03-03")).Should().BeEmpty();
        var otherProvider = new ServiceLine { ProcedureCode = ProcedureCode.Parse("64483"), ServiceDate = new DateOnly(2026, 3, 2), Units = 1, DiagnosisPointers = [1], RenderingNpi = Npi.Parse("1003000126") };
        Ncci(L("10060"), otherProvider).Should().BeEmpty();
    }

    [CmsFact]
    public void Mue_Indicator3_SumsUnitsAcrossLinesOfTheDate()
    {
        // 36415,2,3 Date of Service Edit: Clinical,CMS Policy
        Ncci(L("36415", units: 2)).Should().BeEmpty();
        var finding = Ncci(L("36415", units: 2), L("99213"), L("36415", "2026-03-02", 1, "91")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element, finding.Carc, finding.Rarc).Should().Be(("NCCI022", 1, "lines[1].units", "151", "N362"));
        finding.Message.Should().Be("Lines 1 and 3 bill 3 units of 36415 on one date of service; its MUE is 2 per day (adjudication indicator 3, date of service edit: clinical; rationale \"CMS Policy\"), counted over every line of the date.");
        finding.Source!.SourceFile.Should().Be("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv");
        Ncci(L("36415", units: 2), L("36415", "2026-03-03", 2)).Should().BeEmpty();
    }

    [CmsFact]
    public void Mue_Indicator2_SumsUnitsAcrossLines()
    {
        // G0439,1,2 Date of Service Edit: Policy
        var finding = Ncci(L("G0439"), L("G0439")).Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("NCCI021");
        finding.Message.Should().Be("Lines 1 and 2 bill 2 units of G0439 on one date of service; its MUE is 1 per day (adjudication indicator 2, date of service edit: policy; rationale \"Code Descriptor / CPT Instruction\"), counted over every line of the date.");
    }

    [CmsFact]
    public void Mue_Indicator1_ComparesEachLine()
    {
        // A0425,250,1 Line Edit,Clinical: Data
        Ncci(L("A0425", units: 200), L("A0425", "2026-03-02", 200, "76")).Should().BeEmpty();
        var finding = Ncci(L("A0425", units: 251)).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Element).Should().Be(("NCCI020", "lines[1].units"));
        finding.Message.Should().Be("Line 1 bills 251 units of A0425; its MUE is 250 per line (adjudication indicator 1, line edit; rationale \"Clinical: Data\").");
    }

    [CmsFact]
    public void Mue_DmeLine_UsesTheDmeSupplierTable_AndValue0IsNotPayable()
    {
        // E0100: practitioner 0, DME supplier 1 (indicator 3), outpatient hospital 0.
        Ncci(L("E0100")).Should().BeEmpty();
        var dme = Ncci(L("E0100", units: 2)).Should().ContainSingle().Subject;
        (dme.RuleId, dme.Source!.SourceFile).Should().Be(("NCCI022", "MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv"));
        var outpatient = Ncci(Outpatient(L("E0100"))).Should().ContainSingle().Subject;
        outpatient.RuleId.Should().Be("NCCI023");
        outpatient.Message.Should().Be("E0100 has an MUE value of 0 in the NCCI outpatient hospital MUE table (adjudication indicator 3, rationale \"CMS Policy\"): it is not payable in this setting.");
    }

    [CmsFact]
    public void AddOn_Type1_NeedsAListedPrimaryOnTheDate()
    {
        // 1,11045,,11042,,2013091,,
        Ncci(L("11042"), L("11045")).Should().BeEmpty();
        var finding = Ncci(L("99213"), L("11045")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Carc, finding.Rarc).Should().Be(("NCCI040", 2, "107", "N122"));
        finding.Message.Should().Be("11045 is a type 1 add-on code and none of its listed primary codes is billed on its date of service.");
        finding.FixHint.Should().StartWith("Bill 11045 with one of its primary codes (11042");
        finding.Source!.SourceFile.Should().Be("AOC_V2026Q2-MCR.csv");
    }

    [CmsFact]
    public void AddOn_Alone_IsAnError()
    {
        var finding = Ncci(L("11045"), L("11042", "2026-03-03")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line).Should().Be(("NCCI043", 1));
        finding.Message.Should().Be("11045 is an add-on code (type 1) and no primary service is billed on its date of service: an add-on code is never paid alone.");
    }

    [CmsFact]
    public void AddOn_Type3_ListedPrimaryOrWarning()
    {
        // 3,96160,,99213,,2017001,, ; 3,49327,,38570,,2014001,,
        Ncci(L("99213"), L("96160")).Where(f => f.RuleId.StartsWith("NCCI04", StringComparison.Ordinal)).Should().BeEmpty();
        var listed = Ncci(L("10060"), L("96160")).Should().ContainSingle(f => f.RuleId == "NCCI041").Subject;
        listed.Severity.Should().Be(Severity.Warning);
        listed.Message.Should().Be("96160 is a type 3 add-on code and none of its listed primary codes is billed on its date of service; the contractor may accept another primary.");
        Ncci(L("38570"), L("49327")).Where(f => f.RuleId.StartsWith("NCCI04", StringComparison.Ordinal)).Should().BeEmpty("49327 lists CCCCC and primaries such as 38570");
    }

    [CmsFact]
    public void InpatientClaim_HasNoNcciEdits()
    {
        var claim = Outpatient(L("11045"), L("10060"), L("64483"), L("36415", units: 5));
        Ncci(new Claim { ClaimId = "I1", Setting = ClaimSetting.Inpatient, Patient = claim.Patient, BillingNpi = claim.BillingNpi, Diagnoses = claim.Diagnoses, Lines = claim.Lines, DischargeDate = new DateOnly(2026, 3, 4) })
            .Should().BeEmpty();
    }

    [CmsFact]
    public void AddOn_Type2_IsInformational()
    {
        // 2,0054T,,CCCCC,,2013091,,Contractor Defined Primary Codes
        var finding = Ncci(L("10060"), L("0054T")).Should().ContainSingle(f => f.RuleId.StartsWith("NCCI04", StringComparison.Ordinal)).Subject;
        (finding.RuleId, finding.Severity).Should().Be(("NCCI042", Severity.Info));
    }

    [CmsFact]
    public void CleanFiveLineClaim_HasNoFinding_AndTheNcciRulesAllocateNothing()
    {
        var claim = TestClaims.Professional(null, L("99213"), L("36415"), L("85025"), L("80053"), L("84443"));
        Ncci(claim).Should().BeEmpty();
        var index = NcciFullData.Index;
        IClaimRule[] rules = [new PtpRule(index.Ptp!, index.FeeSchedule), new MueRule(index.Mue!), new AddOnCodeRule()];
        var context = new ScrubContext();
        context.Begin(Scrubber.Value, claim, TestClaims.Today);
        foreach (var rule in rules)
        {
            rule.Evaluate(context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var rule in rules)
            {
                rule.Evaluate(context);
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        context.FindingCount.Should().Be(0);
    }
}
