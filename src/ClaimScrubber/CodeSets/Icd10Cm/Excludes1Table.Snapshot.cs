using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Icd10Cm;

internal sealed partial class Excludes1Table
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteStrings(Notes);

        // Field by field, not the structs raw: their padding bytes would make one save differ from the next.
        writer.WriteInt32(entries.Length);
        foreach (var entry in entries)
        {
            writer.WriteUInt64(entry.Owner.Value);
            writer.WriteUInt64(entry.From.Value);
            writer.WriteUInt64(entry.To.Value);
            writer.WriteInt32(entry.Note);
        }
    }

    internal static Excludes1Table ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var notes = reader.ReadStrings("the notes");
        var entries = new Excludes1Entry[reader.ReadCount("the number of entries", 28)];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new Excludes1Entry(IcdCode.FromValue(reader.ReadUInt64()), IcdCode.FromValue(reader.ReadUInt64()), IcdCode.FromValue(reader.ReadUInt64()), reader.ReadInt32());
            reader.Check((uint)entries[i].Note < (uint)notes.Length, "an entry names a note that is not there");
        }

        return new Excludes1Table(entries, notes, release);
    }
}
