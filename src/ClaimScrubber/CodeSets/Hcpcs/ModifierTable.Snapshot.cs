using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Hcpcs;

internal sealed partial class ModifierTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteNullableRelease(ListRelease);
        writer.WriteNullableRelease(LevelTwoRelease);
        writer.WriteArray<ushort>(codes);
        foreach (var entry in entries)
        {
            writer.WriteByte((byte)entry.Levels);
            writer.WriteString(entry.Category);
            writer.WriteBool(entry.LevelTwo.HasValue);
            if (entry.LevelTwo is { } record)
            {
                HcpcsTable.WriteInfo(writer, record);
            }
        }
    }

    internal static ModifierTable ReadSnapshot(SnapshotReader reader)
    {
        var listRelease = reader.ReadNullableRelease();
        var levelTwoRelease = reader.ReadNullableRelease();
        var codes = reader.ReadArray<ushort>("the modifiers");
        var entries = new ModifierInfo[codes.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var levels = (ModifierLevels)reader.ReadByte("a modifier's levels");
            var category = reader.ReadString("a modifier's category");
            entries[i] = new ModifierInfo(levels, category, reader.ReadBool("a Level II flag") ? HcpcsTable.ReadInfo(reader) : null);
        }

        return new ModifierTable(codes, entries, listRelease, levelTwoRelease);
    }
}
