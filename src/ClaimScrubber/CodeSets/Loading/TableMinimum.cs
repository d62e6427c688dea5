namespace ClaimScrubber.CodeSets.Loading;

/// <summary>
/// How small a table of one kind may be before the loader refuses it as cut short or not the whole table, and, for
/// tables CMS sorts by code, the codes every release of the kind ends with. CMS publishes no row count or checksum
/// for its text files, so a file cut at a line end is known only by being far smaller than any release, or by
/// stopping before the codes every release ends with.
/// </summary>
/// <param name="Kind">What a row of the table is, for messages (<c>ICD-10-CM order-file</c>).</param>
/// <param name="Rows">The fewest rows a file of this kind may hold: well below every release CMS has published (docs/data-loading.md gives each kind's history).</param>
/// <param name="End">The codes every release ends with (<c>the V codes</c>), or <see langword="null"/> when the kind has no such end.</param>
/// <remarks>A folder whose manifest declares it a sample (<c>"sample": true</c>) needs one row per table and no end.</remarks>
internal sealed record TableMinimum(string Kind, int Rows, string? End = null)
{
    // Figures: the smallest release of each kind on record (docs/data-loading.md), with the minimum well below it.

    /// <summary>ICD-10-CM order file: 91,737 rows in FY2016 (69,823 codes), above 90,000 every year since; tabular order ends with chapter 21 (Z) then 22 (U).</summary>
    public static TableMinimum IcdOrderFile { get; } = new("ICD-10-CM order-file", 75_000, "the Z codes (chapter 21, factors influencing health status)");

    /// <summary>ICD-10-PCS order file: 71,924 codes in FY2016, about 79,000 since FY2020; sorted by code, it ends with section X (new technology).</summary>
    public static TableMinimum PcsOrderFile { get; } = new("ICD-10-PCS order-file", 60_000, "section X (new technology)");

    /// <summary>HCPCS Level II procedure codes of a quarterly file: about 6,000 to 8,500 over the years; sorted by code, the V codes last.</summary>
    public static TableMinimum HcpcsProcedures { get; } = new("HCPCS Level II procedure-code", 4_000, "the V codes (vision, hearing and speech services)");

    /// <summary>HCPCS Level II modifiers of a quarterly file: about 300 to 400.</summary>
    public static TableMinimum HcpcsModifiers { get; } = new("HCPCS Level II modifier", 150);

    /// <summary>The CPT and HCPCS modifier list: 434 rows in 2024.</summary>
    public static TableMinimum ModifierList { get; } = new("modifier-list", 200);

    /// <summary>Place of service: codes 01 to 99, each listed (unassigned ones too); about 60 are assigned.</summary>
    public static TableMinimum PlaceOfService { get; } = new("place-of-service", 50, "code 99 (other place of service)");

    /// <summary>Physician fee schedule RVU file: about 16,000 to 19,000 rows; sorted by code, the V codes last.</summary>
    public static TableMinimum FeeSchedule { get; } = new("fee-schedule RVU", 10_000, "the V codes (vision, hearing and speech services)");

    /// <summary>A whole NCCI PTP table of one setting: above 1,000,000 pairs for a decade (2,546,017 practitioner and 1,775,818 outpatient in 2024 Q3).</summary>
    public static TableMinimum PtpTable { get; } = new("NCCI PTP", 500_000);

    /// <summary>One of the files CMS splits a PTP table's text form into (<c>-f1</c> to <c>-f4</c>), each a range of column-1 codes.</summary>
    public static TableMinimum PtpTextPart { get; } = new("NCCI PTP", 10_000);

    /// <summary>MUE practitioner and outpatient hospital tables: above 10,000 codes for a decade (15,095 and 15,045 in 2026 Q2); sorted by code, the V codes last.</summary>
    public static TableMinimum Mue { get; } = new("NCCI MUE", 5_000, "the V codes (vision, hearing and speech services)");

    /// <summary>MUE DME supplier table: 3,083 codes in 2026 Q2; sorted by code, the V codes last.</summary>
    public static TableMinimum MueDme { get; } = new("NCCI MUE", 1_000, "the V codes (vision, hearing and speech services)");

    /// <summary>NCCI add-on code edits: 9,000 rows in 2026 Q2.</summary>
    public static TableMinimum AddOnCodes { get; } = new("NCCI add-on code", 1_000);

    /// <summary>The codes on the MCE definitions manual's diagnosis lists: 10,139 in v43.1.</summary>
    public static TableMinimum MceDefinitions { get; } = new("MCE diagnosis-list", 5_000);

    /// <summary>The MCE age, sex and manifestation lists as CSV: 7,946 rows in v41.1.</summary>
    public static TableMinimum MceAgeSexLists { get; } = new("MCE age, sex and manifestation list", 3_000);

    /// <summary>The lab NCD spreadsheet: 66,278 rows in January 2026.</summary>
    public static TableMinimum LabNcd { get; } = new("lab NCD", 20_000);

    /// <summary>Excludes1 references of the ICD-10-CM tabular list: 5,584 in the 2021 edition.</summary>
    public static TableMinimum Excludes1 { get; } = new("Excludes1 reference", 2_000);

    /// <summary>
    /// OPPS Addendum B: a row for every CPT and Level II HCPCS code OPPS recognises that quarter, payable or not (CPT alone
    /// has more than 10,000 codes); sorted by code, but no letter ends every release.
    /// </summary>
    public static TableMinimum OppsAddendumB { get; } = new("OPPS Addendum B code", 5_000);
}
