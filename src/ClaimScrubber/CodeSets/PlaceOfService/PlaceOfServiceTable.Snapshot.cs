using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.PlaceOfService;

internal sealed partial class PlaceOfServiceTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteInt32(entries.Length);
        foreach (var entry in entries)
        {
            writer.WriteBool(entry.HasValue);
            if (entry is { } info)
            {
                writer.WriteBool(info.IsAssigned);
                writer.WriteBool(info.IsFacility);
                writer.WriteString(info.Name);
                writer.WriteString(info.Description);
            }
        }
    }

    internal static PlaceOfServiceTable ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var entries = new PlaceOfServiceInfo?[reader.ReadCount("the number of codes")];
        for (var i = 0; i < entries.Length; i++)
        {
            if (reader.ReadBool("a code flag"))
            {
                entries[i] = new PlaceOfServiceInfo(reader.ReadBool("an assigned flag"), reader.ReadBool("a facility flag"), reader.ReadString("a name"), reader.ReadString("a description"));
            }
        }

        return new PlaceOfServiceTable(entries, release);
    }
}
