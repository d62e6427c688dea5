using System.Collections.Frozen;
using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Loading;

using ClaimScrubber.CodeSets;

namespace ClaimScrubber;

/// <summary>
/// The code sets and edit tables a scrubber checks against, loaded from CMS files. Each table is optional:
/// a rule whose table is not loaded does not run. Every table records the release it came from.
/// </summary>
/// <remarks>
/// Load one with <see cref="LoadFolder"/> (strict) or <see cref="CmsFolderLoader"/> (with a report), or compose
/// one from tables with <see cref="CodeSetIndexBuilder"/>.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial class CodeSetIndex
{
    private readonly FrozenDictionary<Type, object> tables;

    internal CodeSetIndex(Dictionary<Type, object> tables, ImmutableArray<TableRelease> releases)
    {
        this.tables = tables.ToFrozenDictionary();
        Releases = releases;
        knownProcedures = [.. tables.Values.OfType<IProcedureCodeSource>().SelectMany(t => t.ProcedureCodes).Select(c => c.Value).Distinct().Order()];
        knownProcedureIndex = Internal.PackedKeyIndex.Create(knownProcedures);
    }

    private readonly uint[] knownProcedures;
    private readonly Internal.PackedKeyIndex knownProcedureIndex;

    /// <summary>Gets every procedure code some loaded table knows, in code order.</summary>
    internal ImmutableArray<ClaimScrubber.ProcedureCode> KnownProcedureCodes => [.. knownProcedures.Select(ClaimScrubber.ProcedureCode.FromValue)];

    /// <summary>Gets a value indicating whether any loaded table lists procedure codes.</summary>
    internal bool HasProcedureCodes => knownProcedures.Length > 0;

    /// <summary>Tells whether any loaded table (HCPCS, fee schedule, NCCI…) knows <paramref name="code"/>.</summary>
    internal bool IsKnownProcedure(ClaimScrubber.ProcedureCode code) => knownProcedureIndex.IndexOf(code.Value) >= 0;

    /// <summary>
    /// Gets the groups of built-in checks that do not run on this index because a table they read is not loaded, with the
    /// CMS files that would load it; empty when every optional table the checks read is loaded.
    /// </summary>
    public ImmutableArray<UnavailableEdits> UnavailableEdits => CodeSets.UnavailableEdits.Of(this);

    /// <summary>Gets an index with no table loaded.</summary>
    public static CodeSetIndex Empty { get; } = new CodeSetIndexBuilder().Build();

    /// <summary>Gets the release of every loaded table, ordered by table, release and file.</summary>
    public ImmutableArray<TableRelease> Releases { get; }

    /// <summary>
    /// Loads every CMS file the library recognises in <paramref name="folder"/> and its subfolders, and fails
    /// if any file could not be read.
    /// </summary>
    /// <param name="folder">A folder of CMS files as CMS publishes them, such as a download of the quarterly releases.</param>
    /// <returns>The index.</returns>
    /// <exception cref="CmsDataException">A file is unreadable, corrupt or truncated; the message names every file and line at fault.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static CodeSetIndex LoadFolder(string folder)
    {
        var result = CmsFolderLoader.Load(folder);
        result.Report.ThrowIfErrors();
        return result.Index;
    }

    /// <summary>Gets the table of type <typeparamref name="T"/>, or <see langword="null"/> when it is not loaded.</summary>
    internal T? Table<T>()
        where T : class => tables.TryGetValue(typeof(T), out var table) ? (T)table : null;
}
