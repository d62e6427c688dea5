using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Ncci;

internal sealed partial class AddOnCodeTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteArray<ulong>(keys);
        writer.WriteArray<AddOnType>(types);
        writer.WriteArray<ushort>(effective);
        writer.WriteArray<ushort>(ends);
    }

    internal static AddOnCodeTable ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var keys = reader.ReadArray<ulong>("the code pairs");
        var types = reader.ReadArray<AddOnType>("the types");
        var effective = reader.ReadArray<ushort>("the effective days");
        var ends = reader.ReadArray<ushort>("the last days");
        reader.Check(types.Length == keys.Length && effective.Length == keys.Length && ends.Length == keys.Length, "the pairs, types and days do not line up");
        reader.Check(release.EffectiveFrom.HasValue, "a release has no effective date");
        return new AddOnCodeTable(release, keys, types, effective, ends);
    }
}

internal sealed partial class AddOnCodeTables
{
    internal void WriteSnapshot(SnapshotWriter writer) => writer.WriteList(tables, static (w, table) => table.WriteSnapshot(w));

    internal static AddOnCodeTables ReadSnapshot(SnapshotReader reader) => new(reader.ReadList("add-on code tables", AddOnCodeTable.ReadSnapshot));
}
