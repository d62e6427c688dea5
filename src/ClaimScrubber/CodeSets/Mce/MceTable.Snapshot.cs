using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Codes;

namespace ClaimScrubber.CodeSets.Mce;

internal sealed partial class MceTable
{
    internal void WriteSnapshot(SnapshotWriter writer) => writer.WriteList(Versions, static (w, version) => version.WriteSnapshot(w));

    internal static MceTable ReadSnapshot(SnapshotReader reader) => new(reader.ReadList("list versions", MceListVersion.ReadSnapshot));
}

internal sealed partial class MceListVersion
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteInt32((int)List);
        writer.WriteRelease(Release);
        writer.WriteInt32(CodeYear);
        writer.WriteNullableDate(InactiveFrom);
        writer.WriteArray<ulong>(codes);
        writer.WriteArray<ulong>(removedCodes);
        writer.WriteArray<ulong>(addedCodes);
    }

    internal static MceListVersion ReadSnapshot(SnapshotReader reader)
    {
        var list = reader.ReadInt32("a list");
        reader.Check((uint)list < MceLists.Count, $"list number {list} is not an MCE list");
        var release = reader.ReadRelease();
        var codeYear = reader.ReadInt32("a code year");
        var inactiveFrom = reader.ReadNullableDate("a deactivation date");
        var codes = reader.ReadArray<ulong>("the codes");
        var removed = reader.ReadArray<ulong>("the removed codes");
        var added = reader.ReadArray<ulong>("the added codes");
        return new MceListVersion((MceList)list, release, codeYear, codes.Select(IcdCode.FromValue), removed.Select(IcdCode.FromValue), added.Select(IcdCode.FromValue), inactiveFrom);
    }
}
