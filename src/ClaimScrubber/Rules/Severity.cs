namespace ClaimScrubber;

/// <summary>How serious a finding is. Higher values are more serious.</summary>
public enum Severity
{
    /// <summary>Worth knowing; the claim can go as it is.</summary>
    Info = 0,

    /// <summary>Likely to cause a denial or an audit question; review before sending.</summary>
    Warning = 1,

    /// <summary>The payer will reject or deny as billed; fix before sending.</summary>
    Error = 2,
}
