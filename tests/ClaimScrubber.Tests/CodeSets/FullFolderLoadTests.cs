using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets;

/// <summary>The library takes a folder of CMS files as CMS publishes them: the whole shared folder loads, every table with its release and row count.</summary>
public class FullFolderLoadTests
{
    [CmsFact]
    public void FullFolder_LoadsEveryTable_WithItsReleaseAndRowCount_AndNoError()
    {
        var report = FullCmsData.Result.Report;
        report.Problems.Where(p => p.IsError).Should().BeEmpty();
        report.Tables.Select(t => $"{t.Table} | {t.Release} | {t.SourceFile} | {t.RowCount}").Should().Equal(
            "CMS place of service codes | undated | place_of_service_codes.csv | 99",
            "CPT and HCPCS modifier list | 2024-06 | modifier_codes_cpt_and_hcpcs_2024-06.csv | 426",
            "HCPCS Level II modifiers | 2025 Q4 (October) | HCPC2025_OCT_ANWEB.csv | 383",
            "HCPCS Level II procedure codes | 2025 Q4 (October) | HCPC2025_OCT_ANWEB.csv | 8463",
            "ICD-10-CM order file | FY2024 | cms_2024_dx.zip/icd10cm_order_2024.txt | 97296",
            "ICD-10-CM order file | FY2025 | cms_2025_dx.zip/icd10cm_order_2025.txt | 97584",
            "ICD-10-CM order file | FY2026 | cms_2026_dx.zip/icd10cm_order_2026.txt | 98186",
            "ICD-10-CM order file | FY2027 | icd10cm_order_addenda_2027.txt | 98403",
            "ICD-10-CM tabular Excludes1 | FY2021 | icd10cm_tabular_2021.xml.gz | 5584",
            "ICD-10-PCS order file | FY2025 (FY2026 order file less its addenda) | cms_2026_pcs.zip/order_addenda_2026.txt | 79896",
            "ICD-10-PCS order file | FY2026 | cms_2026_pcs.zip/icd10pcs_order_2026.txt | 80029",
            "Lab NCD | 2026100 (January 2026) | 2026100-Initial-ICD10-NCD-Spreadsheet-20250721.csv | 66278",
            "Medicare Code Editor | MCE v41.1 | mce_v41.1_fy2024_age_sex_manifestation.csv | 7946",
            "Medicare Code Editor | MCE v43.1 | Definitions of Medicare Code Edits_v_43_1.txt | 10550",
            "NCCI MUE DME supplier | 2026-04-01 | MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv | 3083",
            "NCCI MUE outpatient hospital | 2026-04-01 | MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv | 15045",
            "NCCI MUE practitioner | 2026-04-01 | MCR_MUE_PractitionerServices_Eff_04-01-2026.csv | 15095",
            "NCCI PTP outpatient hospital | 2024-07-01 | ptp_outpatient_hospital_2024-07-01.csv.gz | 1775818",
            "NCCI PTP practitioner | 2024-07-01 | ptp_practitioner_2024-07-01.csv.gz | 2546017",
            "NCCI add-on codes | 2026 Q2 | AOC_V2026Q2-MCR.csv | 9000",
            "PFS RVU | 2025 October | PPRRVU2025_Oct.csv | 19090");

        // What the folder holds that is not a CMS table the library reads: documentation, a check file, and the X12 code list.
        report.SkippedFiles.Should().Equal("README.md", "icd10cm/icd10cm_fy2027_expected_after_addenda.tsv.gz", "pfs/RVU25D.pdf", "x12-codes/carc_rarc_group_codes_2024-06.csv");

        // Each table CMS ships in two forms is read once, and the other form is named.
        report.Problems.Where(p => p.Message.StartsWith("Holds the same table as", StringComparison.Ordinal)).Select(p => p.File).Should().BeEquivalentTo(
            "hcpcs/HCPC2025_OCT_ANWEB.xlsx", "ncci/AOC_V2026Q2-MCR.xlsx", "ncd/2026100-Initial-ICD10-NCD-Spreadsheet-20250721.xlsx", "pfs/PPRRVU2025_Oct.txt");
    }
}
