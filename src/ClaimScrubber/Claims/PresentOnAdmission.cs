namespace ClaimScrubber;

/// <summary>
/// Whether a diagnosis was present when the patient was admitted (the present-on-admission indicator of an inpatient
/// claim: UB-04 form locator 67, 837I HI-xx-9).
/// </summary>
public enum PresentOnAdmission
{
    /// <summary>No indicator was reported for the diagnosis (blank).</summary>
    NotReported = 0,

    /// <summary>Present at the time of inpatient admission (<c>Y</c>).</summary>
    Yes = 1,

    /// <summary>Not present at the time of inpatient admission (<c>N</c>).</summary>
    No = 2,

    /// <summary>Documentation is insufficient to tell (<c>U</c>).</summary>
    Unknown = 3,

    /// <summary>The provider cannot clinically determine it (<c>W</c>).</summary>
    ClinicallyUndetermined = 4,

    /// <summary>The code is exempt from present-on-admission reporting (<c>1</c>, which the 5010 837I also reports as a blank).</summary>
    Exempt = 5,
}
