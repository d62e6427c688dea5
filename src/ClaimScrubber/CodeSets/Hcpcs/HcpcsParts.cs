using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>One HCPCS quarterly file as read (<paramref name="File"/> as the load report names it): its procedure table and its Level II modifiers with their records.</summary>
internal sealed record HcpcsQuarter(string File, HcpcsTable Procedures, TableRelease ModifierRelease, IReadOnlyList<KeyValuePair<ushort, HcpcsCodeInfo>> Modifiers);

/// <summary>One modifier list as read: each modifier's lists and categories.</summary>
internal sealed record ModifierList(string File, TableRelease Release, IReadOnlyDictionary<ushort, (ModifierLevels Levels, string Category)> Modifiers);

/// <summary>
/// Gathers the HCPCS quarterly files and modifier lists of a folder, which the readers read in parallel, and composes
/// the procedure and modifier tables from them when the index is built.
/// </summary>
internal sealed class HcpcsParts
{
    private readonly List<HcpcsQuarter> quarters = [];
    private readonly List<ModifierList> lists = [];

    /// <summary>Gets the parts of <paramref name="builder"/>, registering their composition on first use.</summary>
    public static HcpcsParts Of(CodeSetIndexBuilder builder) => builder.Part(() => new HcpcsParts(), parts => parts.Finish(builder));

    public void Add(HcpcsQuarter quarter) => quarters.Add(quarter);

    public void Add(ModifierList list) => lists.Add(list);

    private void Finish(CodeSetIndexBuilder builder)
    {
        // Each quarterly file lists every code, terminated ones with their dates, so the newest supersedes the others.
        var quarter = Newest(quarters, q => q.Procedures.Release, q => q.File, builder);
        var list = Newest(lists, l => l.Release, l => l.File, builder);
        if (quarter is not null)
        {
            builder.SetTable(quarter.Procedures);
            builder.AddRelease(quarter.Procedures.Release);
            builder.AddRelease(quarter.ModifierRelease);
        }

        if (list is not null)
        {
            builder.AddRelease(list.Release);
        }

        if (quarter is not null || list is not null)
        {
            builder.SetTable(ComposeModifiers(quarter, list));
        }
    }

    private static ModifierTable ComposeModifiers(HcpcsQuarter? quarter, ModifierList? list)
    {
        var merged = new SortedDictionary<ushort, ModifierInfo>();
        if (list is not null)
        {
            foreach (var (code, (levels, category)) in list.Modifiers)
            {
                merged[code] = new ModifierInfo(levels, category, null);
            }
        }

        if (quarter is not null)
        {
            foreach (var (code, record) in quarter.Modifiers)
            {
                merged[code] = merged.TryGetValue(code, out var listed)
                    ? listed with { Levels = listed.Levels | ModifierLevels.LevelTwo, LevelTwo = record }
                    : new ModifierInfo(ModifierLevels.LevelTwo, string.Empty, record);
            }
        }

        return new ModifierTable([.. merged.Keys], [.. merged.Values], list?.Release, quarter?.ModifierRelease);
    }

    private static T? Newest<T>(List<T> items, Func<T, TableRelease> release, Func<T, string> fileOf, CodeSetIndexBuilder builder)
        where T : class
    {
        if (items.Count == 0)
        {
            return null;
        }

        var ordered = items
            .OrderByDescending(i => release(i).EffectiveFrom ?? DateOnly.MinValue)
            .ThenBy(i => fileOf(i), StringComparer.Ordinal)
            .ToList();
        foreach (var older in ordered.Skip(1))
        {
            builder.AddProblem(new LoadProblem(fileOf(older), null,
                $"Superseded by '{fileOf(ordered[0])}' ({release(ordered[0]).Release}), which was used instead of this release ({release(older).Release}).", IsError: false));
        }

        return ordered[0];
    }
}
