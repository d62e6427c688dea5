namespace ClaimScrubber;

/// <summary>
/// The documented limits of one claim: what an 837 can carry, and so the most a reader accepts and a scrubber takes.
/// A claim beyond any of them is refused before any rule runs, so that neither memory nor the findings of one claim
/// can grow without bound.
/// </summary>
/// <remarks>
/// Sources: ASC X12N 005010X222A1 (837P) and 005010X223A2 (837I) implementation guides. Loop 2400 repeats at most 50
/// times on the 837P and 999 times on the 837I; HI carries at most 12 diagnoses on the 837P and 25 on the 837I
/// (principal plus 24 others); the 837I's condition, occurrence, occurrence span and value code HI segments repeat twice
/// with 12 codes each, its procedure HI segments carry a principal and 24 other procedures, its external cause HI 12
/// codes and its reason-for-visit HI 3; loop 2320 (other payers) repeats at most 10 times; SV1-01 / SV2-02 carry at most 4 modifiers; SV1-07 at most 4 diagnosis pointers.
/// Quantities (SV1-04, SV2-05: data element 380, R 1/15) are limited by the guides' notes to 8 digits before the
/// decimal point and 3 after; monetary amounts (SV1-02, SV2-03, CLM02: data element 782, R 1/18) to 10 characters
/// including the 2 places for cents (X12 RFI 2164 restates it from the guides' appendix on decimals). CLM01 is
/// AN 1/38; the guides' note asks receivers to keep at least its first 20 characters, and X12 RFI 525 says a longer one
/// must not be rejected for it, so 38 is the limit. Checked against these sources for issue 11; no value changed.
/// </remarks>
public static class ClaimLimits
{
    /// <summary>The most service lines of any claim (the 837I's loop 2400 maximum).</summary>
    public const int MaxServiceLines = 999;

    /// <summary>The most diagnoses of any claim (the 837I's principal plus 24 others).</summary>
    public const int MaxDiagnoses = 25;

    /// <summary>The most condition codes of a claim (837I HI with qualifier BG: 2 segments of 12).</summary>
    public const int MaxConditionCodes = 24;

    /// <summary>The most occurrence codes of a claim (837I HI with qualifier BH: 2 segments of 12).</summary>
    public const int MaxOccurrenceCodes = 24;

    /// <summary>The most occurrence span codes of a claim (837I HI with qualifier BI: 2 segments of 12).</summary>
    public const int MaxOccurrenceSpanCodes = 24;

    /// <summary>The most value codes of a claim (837I HI with qualifier BE: 2 segments of 12).</summary>
    public const int MaxValueCodes = 24;

    /// <summary>The most ICD-10-PCS procedures of a claim (837I: the principal, BBR, and 2 segments of 12 others, BBQ).</summary>
    public const int MaxPcsProcedures = 25;

    /// <summary>The most external cause of injury diagnoses of a claim (837I HI with qualifier ABN).</summary>
    public const int MaxExternalCauseDiagnoses = 12;

    /// <summary>The most patient reason-for-visit diagnoses of a claim (837I HI with qualifier APR).</summary>
    public const int MaxReasonForVisitDiagnoses = 3;

    /// <summary>The most other payers of a claim (837 loop 2320).</summary>
    public const int MaxOtherCoverages = 10;

    /// <summary>The most modifiers of one service line.</summary>
    public const int MaxModifiersPerLine = 4;

    /// <summary>The most diagnosis pointers of one service line.</summary>
    public const int MaxDiagnosisPointersPerLine = 4;

    /// <summary>The largest number of units of one line: 8 digits before the decimal point.</summary>
    public const decimal MaxUnits = 99_999_999.999m;

    /// <summary>The most digits after the decimal point of a line's units.</summary>
    public const int MaxUnitsDecimals = 3;

    /// <summary>The largest absolute charge of one line: 10 digits, 2 of them after the decimal point.</summary>
    public const decimal MaxCharge = 99_999_999.99m;

    /// <summary>The most digits after the decimal point of a charge.</summary>
    public const int MaxChargeDecimals = 2;

    /// <summary>The most characters of a claim id (CLM01 is at most 38 characters; receivers keep at least 20).</summary>
    public const int MaxClaimIdLength = 38;

    /// <summary>The most characters of a malformed value a message echoes; a longer one is cut and marked.</summary>
    public const int MaxEchoedValueLength = 40;
}
