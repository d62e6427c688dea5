using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Codes;

namespace ClaimScrubber.CodeSets.Mce;

internal sealed partial class MceTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteInt32(Versions.Length);
        foreach (var version in Versions)
        {
            version.WriteSnapshot(writer);
        }
    }

    internal static MceTable ReadSnapshot(SnapshotReader reader)
    {
        var versions = new MceListVersion[reader.ReadCount("the number of list versions")];
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = MceListVersion.ReadSnapshot(reader);
        }

        return new MceTable(versions);
    }
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
