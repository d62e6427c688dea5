namespace ClaimScrubber.CodeSets.Opps;

/// <summary>
/// The OPPS payment status indicators, as Addendum D1 of the OPPS/ASC final rule defines them: whether the service a
/// HCPCS code describes is paid under the hospital outpatient prospective payment system and, if so, how.
/// </summary>
internal enum OppsStatusIndicator : byte
{
    /// <summary>No status indicator (the default value; never read from a file).</summary>
    None = 0,

    /// <summary>A: paid under a fee schedule or payment system other than OPPS (clinical laboratory, ambulance, therapy…).</summary>
    A,

    /// <summary>B: not recognized by OPPS when submitted on an outpatient hospital Part B bill type (12x, 13x); an alternative code may be.</summary>
    B,

    /// <summary>C: inpatient procedure — not paid under OPPS; admit the patient and bill as inpatient.</summary>
    C,

    /// <summary>D: discontinued code — not paid under OPPS or any other Medicare payment system.</summary>
    D,

    /// <summary>E1: not covered by any Medicare outpatient benefit category, statutorily excluded, or not reasonable and necessary.</summary>
    E1,

    /// <summary>E2: items and services for which pricing information and claims data are not available.</summary>
    E2,

    /// <summary>F: corneal tissue acquisition, certain CRNA services, hepatitis B vaccines — paid at reasonable cost.</summary>
    F,

    /// <summary>G: pass-through drugs and biologicals — separate APC payment.</summary>
    G,

    /// <summary>H: pass-through device categories — separate cost-based pass-through payment.</summary>
    H,

    /// <summary>J1: hospital Part B services paid through a comprehensive APC.</summary>
    J1,

    /// <summary>J2: hospital Part B services that may be paid through a comprehensive APC.</summary>
    J2,

    /// <summary>K: non-pass-through drugs and non-implantable biologicals, including therapeutic radiopharmaceuticals — separate APC payment.</summary>
    K,

    /// <summary>L: influenza and pneumococcal pneumonia vaccines — paid at reasonable cost, no deductible or coinsurance.</summary>
    L,

    /// <summary>M: items and services not billable to the MAC — not paid under OPPS.</summary>
    M,

    /// <summary>N: items and services packaged into APC rates — no separate APC payment.</summary>
    N,

    /// <summary>P: partial hospitalization — per diem APC payment.</summary>
    P,

    /// <summary>Q1: STV-packaged codes — packaged when the claim has a service with status S, T or V; else paid through a separate APC.</summary>
    Q1,

    /// <summary>Q2: T-packaged codes — packaged when the same date of service has a service with status T; else paid through a separate APC.</summary>
    Q2,

    /// <summary>Q3: codes that may be paid through a composite APC.</summary>
    Q3,

    /// <summary>Q4: conditionally packaged laboratory tests — packaged with an OPPS service, else paid under the clinical laboratory fee schedule.</summary>
    Q4,

    /// <summary>R: blood and blood products — separate APC payment.</summary>
    R,

    /// <summary>S: procedure or service, not discounted when multiple — separate APC payment.</summary>
    S,

    /// <summary>T: procedure or service, multiple procedure reduction applies — separate APC payment.</summary>
    T,

    /// <summary>U: brachytherapy sources — separate APC payment.</summary>
    U,

    /// <summary>V: clinic or emergency department visit — separate APC payment.</summary>
    V,

    /// <summary>X: ancillary services (in Addendum B releases before CY 2016, when CMS retired the indicator).</summary>
    X,

    /// <summary>Y: non-implantable durable medical equipment — not paid under OPPS.</summary>
    Y,
}

/// <summary>Reading and describing <see cref="OppsStatusIndicator"/> values.</summary>
internal static class OppsStatusIndicators
{
    /// <summary>Reads a status indicator as Addendum B prints it (<c>J1</c>, <c>N</c>), or returns <see cref="OppsStatusIndicator.None"/>.</summary>
    public static OppsStatusIndicator Parse(ReadOnlySpan<char> text) => text.Trim() switch
    {
        "A" => OppsStatusIndicator.A,
        "B" => OppsStatusIndicator.B,
        "C" => OppsStatusIndicator.C,
        "D" => OppsStatusIndicator.D,
        "E1" => OppsStatusIndicator.E1,
        "E2" => OppsStatusIndicator.E2,
        "F" => OppsStatusIndicator.F,
        "G" => OppsStatusIndicator.G,
        "H" => OppsStatusIndicator.H,
        "J1" => OppsStatusIndicator.J1,
        "J2" => OppsStatusIndicator.J2,
        "K" => OppsStatusIndicator.K,
        "L" => OppsStatusIndicator.L,
        "M" => OppsStatusIndicator.M,
        "N" => OppsStatusIndicator.N,
        "P" => OppsStatusIndicator.P,
        "Q1" => OppsStatusIndicator.Q1,
        "Q2" => OppsStatusIndicator.Q2,
        "Q3" => OppsStatusIndicator.Q3,
        "Q4" => OppsStatusIndicator.Q4,
        "R" => OppsStatusIndicator.R,
        "S" => OppsStatusIndicator.S,
        "T" => OppsStatusIndicator.T,
        "U" => OppsStatusIndicator.U,
        "V" => OppsStatusIndicator.V,
        "X" => OppsStatusIndicator.X,
        "Y" => OppsStatusIndicator.Y,
        _ => OppsStatusIndicator.None,
    };

    /// <summary>
    /// Tells whether a service with <paramref name="indicator"/> is paid separately under OPPS (its own APC payment), so
    /// that packaged services (N) on the same claim have a payment to be packaged into.
    /// </summary>
    public static bool IsSeparatelyPaidUnderOpps(OppsStatusIndicator indicator) => indicator is
        OppsStatusIndicator.G or OppsStatusIndicator.H or OppsStatusIndicator.J1 or OppsStatusIndicator.J2 or OppsStatusIndicator.K
        or OppsStatusIndicator.P or OppsStatusIndicator.Q1 or OppsStatusIndicator.Q2 or OppsStatusIndicator.Q3 or OppsStatusIndicator.R
        or OppsStatusIndicator.S or OppsStatusIndicator.T or OppsStatusIndicator.U or OppsStatusIndicator.V or OppsStatusIndicator.X;

    /// <summary>Returns the indicator as Addendum B prints it.</summary>
    public static string Text(OppsStatusIndicator indicator) => indicator == OppsStatusIndicator.None ? string.Empty : indicator.ToString();
}
