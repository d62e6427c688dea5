using static ClaimScrubber.Tests.Support.InstitutionalClaims;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Hand-made claims that reach the rules of the claim model v2 — UB-04 / 837I structure (UB), ICD-10-PCS and MCE procedure
/// edits (PCS), billing data (BIL) and OPPS status indicators (OPPS) — for scans over every rule (<c>PatientDataTests</c>):
/// each rule at least once, with the index it needs.
/// </summary>
public static class InstitutionalScanClaims
{
    /// <summary>The claims, each group with the index it is scrubbed against (<paramref name="full"/>: the full CMS data).</summary>
    public static IEnumerable<(CodeSetIndex Index, IEnumerable<Claim> Claims)> ReachingEveryRule(CodeSetIndex full)
    {
        yield return (full, [.. Structure(), .. Procedures(), .. BillingData()]);
        yield return (SampleCmsData.Index, [.. Procedures(), .. Opps()]);
        yield return (UnpaidIndicators(), Opps());
    }

    /// <summary>UB001–UB016, one bill each.</summary>
    public static IEnumerable<Claim> Structure()
    {
        yield return new Claim { ClaimId = "S-UB001", Setting = ClaimSetting.OutpatientHospital, StatementFrom = new DateOnly(2026, 3, 2), StatementThrough = new DateOnly(2026, 3, 2), Lines = [Line("0510", "G0463")] };
        yield return Outpatient(typeOfBill: "17");
        yield return Inpatient(typeOfBill: "13", setting: ClaimSetting.Inpatient, admitted: null, admissionType: null, admissionSource: null, poa: []);
        yield return Inpatient(frequency: "2", status: "01");
        yield return Inpatient(from: null, lines: [Line("0120", null, "2026-03-06")]);
        yield return Inpatient(lines: [Line("0120", null, "2026-03-02", 4), Line("0250", null, "2026-03-07")]);
        yield return Inpatient(admitted: null, admissionType: null, admissionSource: null);
        yield return Inpatient(admissionType: "6", admissionSource: "7");
        yield return Outpatient(status: null);
        yield return Outpatient([Line("510", "G0463"), Line("0300", null)]);
        yield return Outpatient([Line("0420", "97110", "2026-03-02", 1, "GO")]);
        yield return Inpatient(diagnoses: ["I21.4", "E11.9", "Z79.4"], poa: [PresentOnAdmission.Yes, PresentOnAdmission.NotReported, PresentOnAdmission.Exempt]);
        yield return Inpatient(occurrences: [Occurrence("01", null)], spans: [Span("74", "2026-03-05", "2026-03-04")], values: [Value("01", null)]);
        yield return Inpatient(conditionCodes: ["39", "39"], values: [Value("80", 4m), Value("80", 4m)]);
        yield return Outpatient(typeOfBill: "12", conditionCodes: ["44"]);
    }

    /// <summary>PCS001–PCS021: unknown and out-of-year codes, procedures off an inpatient bill, and each MCE edit.</summary>
    public static IEnumerable<Claim> Procedures()
    {
        yield return Inpatient(procedures: ["0DTJ4ZZ", "0DTJ4ZX"]);
        yield return Inpatient(from: "2025-03-02", through: "2025-03-06", admitted: "2025-03-02", procedures: ["00H033J"], lines: [Line("0120", null, "2025-03-02", 4)]);
        yield return Inpatient(typeOfBill: "13", admitted: null, admissionType: null, admissionSource: null, poa: [], procedures: ["0DTJ4ZZ"]);
        yield return Inpatient(procedures: ["02HA3QZ"]);
        yield return Inpatient(procedures: ["0FYG0Z0", "0TY00Z0"]);
        yield return Inpatient(procedures: ["0SR20JZ"], birthDate: "1961-07-19");
        yield return Inpatient(diagnoses: ["O80"], poa: [PresentOnAdmission.Yes], procedures: ["10E0XZZ"]);
        yield return Inpatient(from: "2024-09-26", through: "2024-09-30", admitted: "2024-09-26", procedures: ["0VTQ0ZZ"], sex: Sex.Female, lines: [Line("0120", null, "2024-09-26", 4)]);
        yield return Inpatient(from: "2024-09-26", through: "2024-09-30", admitted: "2024-09-26", procedures: ["0UT90ZZ"], sex: Sex.Male, lines: [Line("0120", null, "2024-09-26", 4)]);
        yield return Inpatient(admitted: "2026-03-03", procedures: ["5A1955Z"]);
        yield return Inpatient(birthDate: "1900-01-01");
        yield return Inpatient(status: "99");
    }

    /// <summary>BIL001–BIL004 on professional claims that carry the 837 payer loops.</summary>
    public static IEnumerable<Claim> BillingData()
    {
        yield return ProfessionalBills.Professional([ProfessionalBills.Line("71046"), ProfessionalBills.Line("E0601")], id: "S-BIL001");
        yield return ProfessionalBills.Professional([ProfessionalBills.Line("85025", "1245319599")], id: "S-BIL002");
        yield return ProfessionalBills.Professional([ProfessionalBills.Line("99213")], frequency: "7", id: "S-BIL003");
        yield return ProfessionalBills.Professional([ProfessionalBills.Line("J1100")], id: "S-BIL004");
    }

    /// <summary>OPPS001–OPPS007 on hospital outpatient bills (with <see cref="UnpaidIndicators"/> for E2, D and M).</summary>
    public static IEnumerable<Claim> Opps()
    {
        yield return Outpatient([Line("0360", "33533"), Line("0510", "G0463")]);
        yield return Outpatient([Line("0510", "99213")]);
        yield return Outpatient([Line("0270", "A9270"), Line("0510", "G0463")]);
        yield return Outpatient([Line("0402", "76942")]);
        yield return Outpatient([Line("0636", "C9399"), Line("0510", "G0463")]);
        yield return Outpatient([Line("0636", "C9257"), Line("0510", "G0463")]);
        yield return Outpatient([Line("0510", "G9999"), Line("0510", "G0463")]);
    }

    /// <summary>
    /// The repository's sample with a hand-made Addendum B in its place, giving the status indicators the sample does not
    /// carry (E2, D and M) to codes chosen for the test, not as CMS assigns them.
    /// </summary>
    public static CodeSetIndex UnpaidIndicators() => Unpaid.Value;

    private static readonly Lazy<CodeSetIndex> Unpaid = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("scan-opps-");
        try
        {
            var source = Path.Combine(CmsData.SampleFolder, "cms");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("addendum_b", StringComparison.OrdinalIgnoreCase)))
            {
                var target = Path.Combine(folder.FullName, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.WriteAllText(Path.Combine(folder.FullName, "2026_january_web_addendum_b.csv"),
                "HCPCS Code,Short Descriptor,SI,APC\r\nC9257,,D,\r\nC9399,,E2,\r\nG0463,,J2,5012\r\nG9999,,M,\r\n");
            var loaded = SampleLoad.Load(folder.FullName, CmsData.SampleManifest);
            loaded.Report.ThrowIfErrors();
            return loaded.Index;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    });
}
