using System.Collections.Concurrent;
using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets;

/// <summary>Collects tables, from CMS readers or from the caller, into an immutable <see cref="CodeSetIndex"/>.</summary>
/// <remarks>
/// Tables made of several files (fiscal years, addenda, quarters, settings) are gathered as parts and composed
/// when <see cref="Build"/> is called. This type is not thread-safe; the index it builds is.
/// </remarks>
public sealed partial class CodeSetIndexBuilder
{
    private readonly Dictionary<Type, object> tables = [];
    private readonly Dictionary<Type, object> parts = [];
    private readonly List<Action> finishers = [];
    private readonly List<TableRelease> releases = [];
    private readonly ConcurrentQueue<LoadProblem> problems = new();
    private bool built;

    /// <summary>Gets the problems met while composing tables (such as addenda that do not apply to their base year).</summary>
    internal IEnumerable<LoadProblem> Problems => problems;

    /// <summary>Builds the index from the tables added so far. A builder builds once.</summary>
    /// <returns>The index.</returns>
    /// <exception cref="InvalidOperationException">The builder has built an index already.</exception>
    public CodeSetIndex Build()
    {
        if (built)
        {
            throw new InvalidOperationException("This builder has built its index already; use a new builder for another index.");
        }

        built = true;
        foreach (var finish in finishers)
        {
            finish();
        }

        var ordered = releases
            .OrderBy(r => r.Table, StringComparer.Ordinal)
            .ThenBy(r => r.Release, StringComparer.Ordinal)
            .ThenBy(r => r.SourceFile, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CodeSetIndex(tables.ToDictionary(), ordered);
    }

    /// <summary>Records the release of a table (or of one part of it) for <see cref="CodeSetIndex.Releases"/>.</summary>
    internal void AddRelease(TableRelease release) => releases.Add(release);

    /// <summary>Records a problem met while composing tables.</summary>
    internal void AddProblem(LoadProblem problem) => problems.Enqueue(problem);

    /// <summary>Sets the finished table of type <typeparamref name="T"/>, replacing any before it.</summary>
    internal void SetTable<T>(T table)
        where T : class => tables[typeof(T)] = table;

    /// <summary>
    /// Gets the accumulator of a multi-file table, creating it on first use; <paramref name="finish"/> runs once at
    /// <see cref="Build"/> to compose the table (typically ending with <see cref="SetTable{T}"/>).
    /// </summary>
    internal TPart Part<TPart>(Func<TPart> create, Action<TPart> finish)
        where TPart : class
    {
        if (!parts.TryGetValue(typeof(TPart), out var part))
        {
            var created = create();
            parts[typeof(TPart)] = created;
            finishers.Add(() => finish(created));
            part = created;
        }

        return (TPart)part;
    }
}
