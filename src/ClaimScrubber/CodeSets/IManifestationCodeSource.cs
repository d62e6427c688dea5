using ClaimScrubber.Codes;

namespace ClaimScrubber.CodeSets;

/// <summary>
/// A table that knows the ICD-10-CM manifestation codes (the "code first the underlying condition" codes, such as the
/// Medicare Code Editor's manifestation list). Linkage rules read it through <see cref="CodeSetIndex.Find{T}"/>, so
/// whichever table provides the list (MCE, ICD-10-CM tabular) serves them.
/// </summary>
internal interface IManifestationCodeSource
{
    /// <summary>Gets the release that decides, for findings to name.</summary>
    TableRelease ManifestationRelease { get; }

    /// <summary>Tells whether <paramref name="code"/> is a manifestation code on <paramref name="date"/>; allocates nothing.</summary>
    bool IsManifestation(IcdCode code, DateOnly date);
}
