namespace ClaimScrubber;

/// <summary>Where the services were rendered when that is not the billing provider's address (837 loop 2310C on the 837P, 2310E on the 837I).</summary>
/// <remarks>
/// Optional elements are <see langword="null"/> when the claim omits them. The facility's postal code decides the
/// payment locality, so it is kept; its name and street are not.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ServiceFacility
{
    /// <summary>Gets the facility's NPI (NM109), or <see langword="null"/> when missing.</summary>
    public Npi? Npi { get; init; }

    /// <summary>Gets the facility's ZIP code (N403), five or nine digits, or <see langword="null"/> when missing.</summary>
    public string? PostalCode { get; init; }
}
