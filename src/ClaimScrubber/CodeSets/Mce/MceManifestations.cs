using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Codes;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>The MCE manifestation list (edit 6) as the linkage rules read it: the list version that stands for the date of service.</summary>
internal sealed class MceManifestations(MceTable mce) : IManifestationCodeSource
{
    public bool IsManifestation(IcdCode code, DateOnly date, [NotNullWhen(true)] out TableRelease? release)
    {
        if (mce.VersionFor(MceList.Manifestation, date) is { } version && version.IsActiveOn(date) && version.Contains(code, date))
        {
            release = version.Release;
            return true;
        }

        release = null;
        return false;
    }
}
