using System.Diagnostics.CodeAnalysis;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The MCE manifestation list (edit 6) as the linkage rules read it: on the list as the MCE editor itself judges it on
/// the date of service, so that the linkage and MCE rules never disagree about a code.
/// </summary>
internal sealed class MceManifestations(MceEditor editor) : IManifestationCodeSource
{
    public bool IsManifestation(IcdCode code, DateOnly date, [NotNullWhen(true)] out TableRelease? release)
    {
        release = editor.InList(MceList.Manifestation, code, date) ? editor.ReleaseOf(MceList.Manifestation, date) : null;
        return release is not null;
    }
}
