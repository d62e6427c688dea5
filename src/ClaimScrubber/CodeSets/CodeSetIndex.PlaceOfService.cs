using ClaimScrubber.CodeSets.PlaceOfService;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the place-of-service codes, or <see langword="null"/> when the list was not loaded.</summary>
    internal PlaceOfServiceTable? PlacesOfService => Table<PlaceOfServiceTable>();
}
