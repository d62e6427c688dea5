using ClaimScrubber.Tests.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules;

/// <summary>
/// NCCI PTP modifier semantics as the NCCI Policy Manual (chapter I, §E; chapter XI for E/M) and CMS's fact sheet on 59 and
/// X{EPSU} (MLN1783722) state them, on real practitioner pairs of the full tables (global days from the full RVU file).
/// The first cases are the audit's (issue 12): each passed with "bypassed by …" before.
/// </summary>
public class NcciModifierPolicyTests
{
    private static readonly Lazy<Scrubber> Full = new(() => Scrubber.Create(AllocationTests.FullIndex.Value, ScrubberOptions.Default with { AsOfDate = TestClaims.Today }));

    private static ServiceLine L(string code, params string[] modifiers) => TestClaims.Line(code).WithModifiers(modifiers);

    private static List<Finding> Ptp(params ServiceLine[] lines) => Ptp(TestClaims.Professional(null, lines));

    private static List<Finding> Ptp(Claim claim) => [.. Full.Value.Scrub(claim).Findings.Where(f => f.RuleId.StartsWith("NCCI00", StringComparison.Ordinal))];

    [CmsFact]
    public void ColumnTwoEm_WithoutItsOwn25_IsDenied_WhateverTheProcedureLineCarries()
    {
        // "96372","99213","*",1: RT on the injection says nothing about the visit (audit: reported "bypassed by RT").
        var finding = Ptp(L("99213"), L("96372", "RT")).Should().ContainSingle().Subject;
        (finding.RuleId, finding.Line, finding.Element).Should().Be(("NCCI002", 1, "lines[1].procedureCode"));
        finding.Message.Should().Be("NCCI practitioner PTP edit (comprehensive/component, rationale \"Standards of medical/surgical practice\"): 99213 (line 1) is column 2 to 96372 (line 2) on the same date of service; modifier indicator 1: 99213 is an E/M service, denied unless its line carries 25 (a significant, separately identifiable visit); a modifier on the other line does not bypass an edit whose column 2 is an E/M service.");
        finding.FixHint.Should().Be("If the visit 99213 (line 1) was significant and separately identifiable from 96372, append 25 and keep the documentation; otherwise remove it. 59 and X{EPSU} are not used on an E/M service.");
        Ptp(L("99213", "25"), L("96372", "RT")).Should().ContainSingle().Which.RuleId.Should().Be("NCCI003");
    }

    [CmsFact]
    public void DistinctServiceModifierOnAnEm_NeverBypasses_AndIsAFinding()
    {
        // Audit: 99213-59 + 96372 was bypassed. CMS does not accept 59 or X{EPSU} on an E/M service.
        foreach (var modifier in new[] { "59", "XE", "XS", "XP", "XU" })
        {
            var finding = Ptp(L("99213", modifier), L("96372")).Should().ContainSingle().Subject;
            (finding.RuleId, finding.Severity, finding.Element).Should().Be(("NCCI004", Severity.Error, "lines[1].modifiers[1]"));
            finding.Message.Should().EndWith($"modifier indicator 1: 99213 is denied: modifier {modifier} on line 1 cannot bypass this edit, since 59 and X{{EPSU}} are not used on an E/M service (CMS MLN1783722); the visit takes 25 or 57.");
            finding.FixHint.Should().StartWith($"Remove {modifier} from line 1. If the visit 99213 (line 1) was significant and separately identifiable from 96372, append 25");
        }
    }

    [CmsFact]
    public void SameAnatomicModifierOnBothLines_IsOneSite_DifferentOnesAreTwo_AndOneSidedIsAWarning()
    {
        // "11102","17000","*",1. Audit: 11102-RT + 17000-RT was bypassed.
        var same = Ptp(L("11102", "RT"), L("17000", "RT")).Should().ContainSingle().Subject;
        (same.RuleId, same.Line, same.Element).Should().Be(("NCCI004", 2, "lines[2].modifiers[1]"));
        same.Message.Should().EndWith("modifier RT on line 2 cannot bypass this edit, since both lines carry RT, which names one and the same site.");
        same.FixHint.Should().Be("Remove RT from line 2. If 17000 (line 2) was done on another site than 11102, report each line's site (LT/RT, or the digit or eyelid modifier), or XS for another organ or structure; otherwise remove 17000.");

        Ptp(L("11102", "RT"), L("17000", "LT")).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier LT on line 2 (procedures on different anatomic sites).");
        Ptp(L("11102", "F2"), L("17000", "F3")).Should().ContainSingle().Which.RuleId.Should().Be("NCCI003");
        Ptp(L("11102", "RT"), L("17000", "F2")).Should().ContainSingle().Which.RuleId.Should().Be("NCCI003", "F2 is a left-hand digit: the other side");
        Ptp(L("11102", "RT"), L("17000", "RT", "XS")).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier XS on line 2 (a separate organ or structure).");

        var oneSided = Ptp(L("11102", "RT"), L("17000")).Should().ContainSingle().Subject;
        (oneSided.RuleId, oneSided.Severity, oneSided.Line, oneSided.Element).Should().Be(("NCCI005", Severity.Warning, 2, "lines[1].modifiers[1]"));
        oneSided.Message.Should().EndWith("modifier indicator 1, bypassed by modifier RT on line 1 only: an anatomic modifier bypasses the edit when the two codes were done on different sites, and line 2 names no site.");
        oneSided.FixHint.Should().Be("Check the record: if 17000 (line 2) was done on another site, report that site on line 2 (LT); if both were on the same site, remove 17000.");
    }

    [CmsFact]
    public void EmWithoutItsModifier_IsDeniedOnce_AndNoBypassIsReportedBesideMod029()
    {
        // "20610","99214","*",1. Audit: NCCI003 said "bypassed by RT" while MOD029 on the same line said 25 was missing.
        var findings = Full.Value.Scrub(TestClaims.Professional(null, L("99214"), L("20610", "RT"))).Findings.Where(f => f.Line == 1).ToList();
        findings.Select(f => f.RuleId).Should().BeEquivalentTo(["NCCI002", "MOD029"]);
        findings.Single(f => f.RuleId == "NCCI002").FixHint.Should().Contain("append 25");
    }

    [CmsFact]
    public void ColumnTwoEm_TakesThe25Or57ThatFitsTheProcedure()
    {
        // "27447","99213","*",1: 27447 is a major surgery (global 090); 20610 a minor one (000).
        Ptp(L("99213", "57"), L("27447")).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier 57 on line 1 (the visit that decided the surgery).");
        var with25 = Ptp(L("99213", "25"), L("27447")).Should().ContainSingle().Subject;
        with25.RuleId.Should().Be("NCCI004");
        with25.Message.Should().EndWith("modifier 25 on line 1 cannot bypass this edit, since 27447 is a major surgery (global days 090): a visit on its day is part of its global package unless it was the decision for surgery, which 57 says.");
        with25.FixHint.Should().Be("Remove 25 from line 1. If the visit 99213 (line 1) was the decision to perform the major surgery 27447, append 57; otherwise remove it: a visit the day of a major surgery is part of its global package.");
        Ptp(L("99213"), L("27447")).Should().ContainSingle().Which.Message.Should().Contain("denied unless its line carries 57 (the decision for this major surgery)");

        var with57 = Ptp(L("99214", "57"), L("20610")).Should().ContainSingle().Subject;
        with57.RuleId.Should().Be("NCCI004");
        with57.Message.Should().EndWith("since 57 marks the decision for a major surgery (global days 090) and 20610 is not one; a separately identifiable visit takes 25.");
        Ptp(L("99214", "24"), L("20610")).Should().ContainSingle().Which.Message.Should().EndWith("since 24 marks an unrelated visit in an earlier surgery's postoperative period, not a visit on the day of 20610.");
    }

    [CmsFact]
    public void RepeatLab_HospitalEncounter_AndPostoperativeModifiers_BypassOnlyWhereTheyApply()
    {
        // "80047","82374","*",1 (both lab tests); "11042","17000","*",1 (17000: global 010); "11042","96372","*",1 (96372: XXX).
        Ptp(L("80047"), L("82374", "91")).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier 91 on line 2 (a repeated clinical laboratory test).");
        Ptp(L("11042"), L("17000", "91")).Should().ContainSingle().Which.Message.Should().EndWith("since 91 marks a repeated clinical laboratory test and 17000 is not one.");
        Ptp(L("11042"), L("17000", "27")).Should().ContainSingle().Which.Message.Should().EndWith("since 27 marks a separate hospital outpatient encounter and applies only to an outpatient hospital claim.");
        Ptp(L("11042"), L("17000", "79")).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier 79 on line 2 (a procedure in another's postoperative period).");
        Ptp(L("11042"), L("96372", "79")).Should().ContainSingle().Which.Message.Should().EndWith("since 79 marks a procedure in a postoperative period and 96372 has no global period (global days XXX).");
        Ptp(L("11042"), L("17000", "25")).Should().ContainSingle().Which.Message.Should().EndWith("since 25 applies to an E/M service and 17000 is not one.");

        // "99202","99213","*",1 in the outpatient hospital table: a second hospital encounter the same day takes 27.
        var outpatient = TestClaims.Professional(null, L("99202"), L("99213", "27"));
        var claim = new Claim
        {
            ClaimId = "OP", Setting = ClaimSetting.OutpatientHospital, Patient = outpatient.Patient, BillingNpi = outpatient.BillingNpi,
            PlaceOfService = outpatient.PlaceOfService, FrequencyCode = "1", Diagnoses = outpatient.Diagnoses, Lines = outpatient.Lines,
        };
        Ptp(claim).Should().ContainSingle().Which.Message.Should().EndWith("bypassed by modifier 27 on line 2 (a separate hospital outpatient encounter).");
    }

    [CmsFact]
    public void DistinctModifierBeside59_IsLeftToMod030_AndLabPairsNameTheirModifiers()
    {
        // 59 with XS on one line: MOD030 says the line misuses them, so the PTP bypass note is not given.
        Full.Value.Scrub(TestClaims.Professional(null, L("11042"), L("17000", "59", "XS"))).Ids().Should().Contain("MOD030").And.NotContain(id => id.StartsWith("NCCI00", StringComparison.Ordinal));
        Ptp(L("80047"), L("82374")).Should().ContainSingle().Which.FixHint.Should().Be("If 82374 (line 2) was run on a separate specimen or at a separate encounter, append XE (or XU; 59 only when no X modifier fits); append 91 only to a repeat of the same test; otherwise remove 82374.");
        Ptp(L("11042"), L("17000")).Should().ContainSingle().Which.FixHint.Should().Be("If 17000 (line 2) was a separate and distinct service, append the X modifier that says why: XE (separate encounter), XS (separate organ or structure), XP (separate practitioner) or XU (unusual non-overlapping service), 59 only when none fits, or LT/RT or a digit modifier for another site; otherwise remove 17000.");
        Ptp(L("64483", "59"), L("10060", "XS")).Should().ContainSingle().Which.FixHint.Should().Be("Remove 64483 from line 1: it is not separately payable with 10060 on the same day; if 10060 was billed in error, correct that line instead.");
    }
}
