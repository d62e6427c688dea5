namespace ClaimScrubber;

/// <summary>The patient's sex as reported on the claim.</summary>
public enum Sex
{
    /// <summary>Not reported or unknown (<c>U</c>).</summary>
    Unknown = 0,

    /// <summary>Female (<c>F</c>).</summary>
    Female = 1,

    /// <summary>Male (<c>M</c>).</summary>
    Male = 2,
}
