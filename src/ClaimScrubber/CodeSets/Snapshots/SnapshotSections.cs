using System.Collections.Immutable;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Icd10Pcs;
using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.CodeSets.Ncd;
using ClaimScrubber.CodeSets.Opps;
using ClaimScrubber.CodeSets.PlaceOfService;

namespace ClaimScrubber.CodeSets.Snapshots;

/// <summary>
/// The one list of the tables a snapshot can hold: each table type with its stable section tag and how it is written
/// and read. A table type the index holds but this list lacks is not written (a test checks that the full index
/// has none); a tag a snapshot holds but this list lacks is refused.
/// </summary>
internal static class SnapshotSections
{
    /// <summary>Every section, in the order a snapshot writes them (the largest first, so they start decoding first).</summary>
    public static ImmutableArray<Section> All { get; } =
    [
        Of<PtpTables>("ptp", (t, w) => t.WriteSnapshot(w), PtpTables.ReadSnapshot),
        Of<IcdCodeSet>("icd10cm", (t, w) => t.WriteSnapshot(w), IcdCodeSet.ReadSnapshot),
        Of<PcsCodeSet>("icd10pcs", (t, w) => t.WriteSnapshot(w), PcsCodeSet.ReadSnapshot),
        Of<LabNcdTable>("lab-ncd", (t, w) => t.WriteSnapshot(w), LabNcdTable.ReadSnapshot),
        Of<MceTable>("mce", (t, w) => t.WriteSnapshot(w), MceTable.ReadSnapshot),
        Of<Excludes1Table>("icd10cm-excludes1", (t, w) => t.WriteSnapshot(w), Excludes1Table.ReadSnapshot),
        Of<FeeScheduleTable>("pfs-rvu", (t, w) => t.WriteSnapshot(w), FeeScheduleTable.ReadSnapshot),
        Of<HcpcsTable>("hcpcs", (t, w) => t.WriteSnapshot(w), HcpcsTable.ReadSnapshot),
        Of<ModifierTable>("modifiers", (t, w) => t.WriteSnapshot(w), ModifierTable.ReadSnapshot),
        Of<MueTables>("mue", (t, w) => t.WriteSnapshot(w), MueTables.ReadSnapshot),
        Of<AddOnCodeTables>("aoc", (t, w) => t.WriteSnapshot(w), AddOnCodeTables.ReadSnapshot),
        Of<OppsTable>("opps-addendum-b", (t, w) => t.WriteSnapshot(w), OppsTable.ReadSnapshot),
        Of<PlaceOfServiceTable>("pos", (t, w) => t.WriteSnapshot(w), PlaceOfServiceTable.ReadSnapshot),
    ];

    private static Section Of<T>(string tag, Action<T, SnapshotWriter> write, Func<SnapshotReader, T> read)
        where T : class => new(tag, typeof(T), (table, writer) => write((T)table, writer), reader => read(reader));

    /// <summary>One table's section.</summary>
    /// <param name="Tag">The stable tag the snapshot names the section by.</param>
    /// <param name="Type">The table type, as the index keys it.</param>
    /// <param name="Write">Writes the table's primary data.</param>
    /// <param name="Read">Reads it back, rebuilding what the table derives from it.</param>
    internal sealed record Section(string Tag, Type Type, Action<object, SnapshotWriter> Write, Func<SnapshotReader, object> Read);
}
