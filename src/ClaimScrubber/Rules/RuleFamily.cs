namespace ClaimScrubber;

/// <summary>The family a rule belongs to; it is also the prefix of the rule's id.</summary>
public enum RuleFamily
{
    /// <summary>Claim structure: required elements, dates, units, charges, NPIs, duplicates (<c>CLM</c>).</summary>
    Claim = 0,

    /// <summary>Diagnosis code validity and Medicare Code Editor diagnosis edits (<c>DX</c>).</summary>
    Diagnosis = 1,

    /// <summary>Procedure code validity, fee-schedule status and procedure demographics (<c>PX</c>).</summary>
    Procedure = 2,

    /// <summary>Modifier validity and fee-schedule modifier indicators (<c>MOD</c>).</summary>
    Modifier = 3,

    /// <summary>Place of service (<c>POS</c>).</summary>
    PlaceOfService = 4,

    /// <summary>NCCI procedure-to-procedure, medically unlikely and add-on code edits (<c>NCCI</c>).</summary>
    Ncci = 5,

    /// <summary>Diagnosis–procedure linkage: pointers and medical necessity (<c>LNK</c>).</summary>
    Linkage = 6,

    /// <summary>Hospital outpatient prospective payment: what OPPS Addendum B's status indicators say of a line (<c>OPPS</c>).</summary>
    Opps = 7,

    /// <summary>Institutional bill structure (UB-04, 837I): type of bill, statement period, admission, revenue codes, POA, condition, occurrence and value codes (<c>UB</c>).</summary>
    Institutional = 8,

    /// <summary>ICD-10-PCS procedures of an inpatient claim: validity and the Medicare Code Editor's procedure and claim edits (<c>PCS</c>).</summary>
    InpatientProcedure = 9,

    /// <summary>Billing data payers require beside the codes: ordering and referring providers, CLIA, the claim a replacement replaces, NDC (<c>BIL</c>).</summary>
    BillingData = 10,
}
