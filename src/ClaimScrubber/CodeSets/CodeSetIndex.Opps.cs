using ClaimScrubber.CodeSets.Opps;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the OPPS Addendum B quarters (status indicator and APC per HCPCS code), or <see langword="null"/> when none was loaded.</summary>
    internal OppsTable? Opps => Table<OppsTable>();
}
