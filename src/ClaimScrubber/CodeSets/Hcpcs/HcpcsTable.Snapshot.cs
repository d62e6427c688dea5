using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Hcpcs;

internal sealed partial class HcpcsTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteArray<uint>(codes);
        foreach (var entry in entries)
        {
            WriteInfo(writer, entry);
        }
    }

    internal static HcpcsTable ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var codes = reader.ReadArray<uint>("the codes");
        var entries = new HcpcsCodeInfo[codes.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = ReadInfo(reader);
        }

        return new HcpcsTable(codes, entries, release);
    }

    /// <summary>Writes one HCPCS record (also the Level II record of a modifier).</summary>
    internal static void WriteInfo(SnapshotWriter writer, in HcpcsCodeInfo info)
    {
        writer.WriteNullableDate(info.AddedOn);
        writer.WriteNullableDate(info.ActionEffectiveOn);
        writer.WriteNullableDate(info.TerminatedOn);
        writer.WriteChar(info.ActionCode);
        writer.WriteChar(info.CoverageCode);
        writer.WriteString(info.Betos);
        writer.WriteString(info.TypesOfService);
        writer.WriteString(info.CrossReferences);
        writer.WriteString(info.ShortDescription);
    }

    internal static HcpcsCodeInfo ReadInfo(SnapshotReader reader) => new(
        reader.ReadNullableDate("an add date"),
        reader.ReadNullableDate("an action date"),
        reader.ReadNullableDate("a termination date"),
        reader.ReadChar("an action code"),
        reader.ReadChar("a coverage code"),
        reader.ReadString("a BETOS code"),
        reader.ReadString("the types of service"),
        reader.ReadString("the cross-references"),
        reader.ReadString("a short description"));
}
