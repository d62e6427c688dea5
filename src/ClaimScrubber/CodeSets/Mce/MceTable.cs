using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The Medicare Code Editor diagnosis lists of every loaded MCE release (the v43.1 definitions manual, the v41.1
/// age/sex/manifestation lists), each list kept per release so that a discharge date reads the list of its own time.
/// </summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class MceTable
{
    /// <summary>The table name releases and findings use.</summary>
    public const string TableName = "Medicare Code Editor";

    private readonly MceListVersion[][] versions;
    private CachedMembership? membership;

    public MceTable(IEnumerable<MceListVersion> lists)
    {
        versions = new MceListVersion[MceLists.Count][];
        var byList = lists.GroupBy(v => v.List).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Release.EffectiveFrom ?? DateOnly.MinValue).ToArray());
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = byList.TryGetValue((MceList)i, out var found) ? found : [];
        }

        Versions = [.. versions.SelectMany(v => v)];
        Latest = Versions.Select(v => v.Release).OrderBy(r => r.EffectiveFrom ?? DateOnly.MinValue).LastOrDefault();
    }

    /// <summary>Gets the newest loaded release, which decides edits that need no list (external cause, duplicates).</summary>
    public TableRelease? Latest { get; }

    /// <summary>Gets every list version, by list then release date.</summary>
    public ImmutableArray<MceListVersion> Versions { get; }

    /// <summary>
    /// Gets the version of <paramref name="list"/> that stands for <paramref name="date"/>: the release whose dates
    /// cover it; else the next later release (a newer manual is the best evidence for the versions between); else the
    /// latest earlier one. Returns <see langword="null"/> when no release has the list.
    /// </summary>
    public MceListVersion? VersionFor(MceList list, DateOnly date)
    {
        var candidates = versions[(int)list];
        MceListVersion? later = null;
        MceListVersion? earlier = null;
        foreach (var version in candidates)
        {
            if (version.Covers(date))
            {
                return version;
            }

            if (version.Release.EffectiveFrom is { } from && from > date)
            {
                later ??= version;
            }
            else
            {
                earlier = version;
            }
        }

        return later ?? earlier;
    }

    /// <summary>
    /// Returns the list membership worked out against <paramref name="icd"/>, building it on first use: every scrubber
    /// over the same index shares it, and building it takes a noticeable fraction of a second.
    /// </summary>
    /// <param name="icd">The ICD-10-CM code set the membership was worked out with.</param>
    /// <param name="build">Builds the membership when none is cached for <paramref name="icd"/>.</param>
    /// <returns>The membership.</returns>
    public MceListMembership MembershipFor(Icd10Cm.IcdCodeSet? icd, Func<MceListMembership> build)
    {
        if (Volatile.Read(ref membership) is { } cached && ReferenceEquals(cached.Icd, icd))
        {
            return cached.Membership;
        }

        var built = new CachedMembership(icd, build());
        Volatile.Write(ref membership, built);
        return built.Membership;
    }

    /// <summary>Tells whether any release has <paramref name="list"/>.</summary>
    public bool Has(MceList list) => versions[(int)list].Length > 0;

    private sealed record CachedMembership(Icd10Cm.IcdCodeSet? Icd, MceListMembership Membership);
}
