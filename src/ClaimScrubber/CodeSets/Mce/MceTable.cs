using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The Medicare Code Editor lists of every loaded MCE release (the v43.1 definitions manual, the v41.1
/// age/sex/manifestation lists), each list kept per release so that a discharge date reads the list of its own time:
/// the diagnosis lists, and what each manual says about procedures and the claim's demographics.
/// </summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class MceTable
{
    /// <summary>The table name releases and findings use.</summary>
    public const string TableName = "Medicare Code Editor";

    private readonly MceListVersion[][] versions;
    private CachedMembership? membership;

    public MceTable(IEnumerable<MceListVersion> lists, IEnumerable<MceProcedureRelease>? procedureReleases = null, DateOnly? sexEditInactiveFrom = null)
    {
        versions = new MceListVersion[MceLists.Count][];
        var byList = lists.GroupBy(v => v.List).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Release.EffectiveFrom ?? DateOnly.MinValue).ToArray());
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = byList.TryGetValue((MceList)i, out var found) ? found : [];
        }

        Versions = [.. versions.SelectMany(v => v)];
        ProcedureReleases = [.. (procedureReleases ?? []).OrderBy(r => r.Release.EffectiveFrom ?? DateOnly.MinValue)];
        SexEditInactiveFrom = sexEditInactiveFrom;
        Latest = Versions.Select(v => v.Release).Concat(ProcedureReleases.Select(r => r.Release)).OrderBy(r => r.EffectiveFrom ?? DateOnly.MinValue).LastOrDefault();
    }

    /// <summary>Gets what each loaded manual says about procedures and the claim's demographics, by release date.</summary>
    public ImmutableArray<MceProcedureRelease> ProcedureReleases { get; }

    /// <summary>
    /// Gets the first date the sex-conflict edit (5) no longer applies, as the manual's heading or the v41.1 lists say
    /// ("deactivated as of 10/01/2024"), or <see langword="null"/> when no loaded file says.
    /// </summary>
    public DateOnly? SexEditInactiveFrom { get; }

    /// <summary>Gets the newest loaded release, which decides edits that need no list (external cause, duplicates).</summary>
    public TableRelease? Latest { get; }

    /// <summary>Gets every list version, by list then release date.</summary>
    public ImmutableArray<MceListVersion> Versions { get; }

    /// <summary>
    /// Gets the version of <paramref name="list"/> that stands for <paramref name="date"/>: the release whose dates
    /// cover it; else the next later release (a newer manual is the best evidence for the versions between); else the
    /// latest earlier one. Returns <see langword="null"/> when no release has the list.
    /// </summary>
    public MceListVersion? VersionFor(MceList list, DateOnly date) => StandingOn(versions[(int)list], v => v.Release, date);

    /// <summary>Gets the manual whose procedure and claim edits stand for <paramref name="date"/>, chosen as <see cref="VersionFor"/> chooses.</summary>
    public MceProcedureRelease? ProceduresFor(DateOnly date) => StandingOn(ProcedureReleases.AsSpan(), r => r.Release, date);

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

    /// <summary>
    /// Returns the candidate (ordered by release date) whose release covers <paramref name="date"/>; else the next
    /// later one (a newer manual is the best evidence for the versions between); else the latest earlier one.
    /// </summary>
    private static T? StandingOn<T>(ReadOnlySpan<T> candidates, Func<T, TableRelease> releaseOf, DateOnly date)
        where T : class
    {
        T? later = null;
        T? earlier = null;
        foreach (var candidate in candidates)
        {
            var release = releaseOf(candidate);
            if ((release.EffectiveFrom is not { } start || date >= start) && (release.EffectiveTo is not { } end || date <= end))
            {
                return candidate;
            }

            if (release.EffectiveFrom is { } from && from > date)
            {
                later ??= candidate;
            }
            else
            {
                earlier = candidate;
            }
        }

        return later ?? earlier;
    }

    private sealed record CachedMembership(Icd10Cm.IcdCodeSet? Icd, MceListMembership Membership);
}
