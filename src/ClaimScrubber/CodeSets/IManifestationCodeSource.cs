using System.Diagnostics.CodeAnalysis;

namespace ClaimScrubber.CodeSets;

/// <summary>
/// A table that knows the ICD-10-CM manifestation codes (the "code first the underlying condition" codes, such as the
/// Medicare Code Editor's manifestation list). Linkage rules read it through <see cref="CodeSetIndex.Find{T}"/>, so
/// whichever table provides the list serves them; <see cref="Mce.MceManifestations"/> adapts the MCE table.
/// </summary>
internal interface IManifestationCodeSource
{
    /// <summary>Tells whether <paramref name="code"/> is a manifestation code on <paramref name="date"/>; allocates nothing.</summary>
    /// <param name="code">The diagnosis.</param>
    /// <param name="date">The date of service.</param>
    /// <param name="release">The release that decided, when the method returns <see langword="true"/>.</param>
    bool IsManifestation(IcdCode code, DateOnly date, [NotNullWhen(true)] out TableRelease? release);
}
