namespace ClaimScrubber;

/// <summary>What a payer would most likely do with a claim that has the finding.</summary>
public enum Disposition
{
    /// <summary>Nothing: the finding informs the biller or an auditor.</summary>
    Informational = 0,

    /// <summary>The claim comes back to the provider unprocessable, to be corrected and resubmitted.</summary>
    ReturnToProvider = 1,

    /// <summary>The service line is denied; the rest of the claim is processed.</summary>
    LineDenial = 2,

    /// <summary>The whole claim is rejected at the front end.</summary>
    ClaimRejection = 3,
}
