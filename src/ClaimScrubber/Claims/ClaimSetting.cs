namespace ClaimScrubber;

/// <summary>Where the service was billed from, which decides the claim form and the edit tables that apply.</summary>
public enum ClaimSetting
{
    /// <summary>A professional claim (837P / CMS-1500): practitioner edit tables.</summary>
    Professional = 0,

    /// <summary>An institutional outpatient hospital claim (837I / UB-04): outpatient hospital edit tables.</summary>
    OutpatientHospital = 1,

    /// <summary>An institutional inpatient claim (837I / UB-04): Medicare Code Editor principal-diagnosis edits.</summary>
    Inpatient = 2,

    /// <summary>
    /// Any other institutional claim (837I / UB-04): skilled nursing, home health, hospice, clinics, swing beds and the
    /// other bills whose type of bill is not hospital inpatient or outpatient (see <see cref="ClaimScrubber.TypeOfBill.Setting"/>).
    /// Institutional structure edits apply; the NCCI PTP and MUE tables, published for practitioners and outpatient
    /// hospitals, and the Medicare Code Editor's inpatient edits do not.
    /// </summary>
    OtherInstitutional = 3,
}
