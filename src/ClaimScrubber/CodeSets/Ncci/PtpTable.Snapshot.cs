using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Ncci;

internal sealed partial class PtpTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteByte((byte)Setting);
        writer.WriteStrings(rationales);
        writer.WriteReleases(sources);
        writer.WriteArray<ushort>(sourceDays);
        writer.WriteArray<uint>(codes);
        writer.WriteArray<ulong>(keys);
        writer.WriteArray<ulong>(payloads);
    }

    internal static PtpTable ReadSnapshot(SnapshotReader reader)
    {
        var setting = (NcciSetting)reader.ReadByte("the setting");
        var rationales = reader.ReadStrings("the rationales");
        var sources = reader.ReadReleases();
        var sourceDays = reader.ReadArray<ushort>("the release days");
        var codes = reader.ReadArray<uint>("the codes");
        var keys = reader.ReadArray<ulong>("the pairs");
        var payloads = reader.ReadArray<ulong>("the edits");
        reader.Check(payloads.Length == keys.Length && sourceDays.Length == sources.Length && sources.Length > 0, "the pairs, edits or releases do not line up");
        return new PtpTable(setting, keys, payloads, [.. rationales], [.. sources], sourceDays, codes);
    }
}

internal sealed partial class PtpTables
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        foreach (var table in (PtpTable?[])[Practitioner, OutpatientHospital])
        {
            writer.WriteBool(table is not null);
            table?.WriteSnapshot(writer);
        }
    }

    internal static PtpTables ReadSnapshot(SnapshotReader reader)
    {
        var practitioner = reader.ReadBool("the practitioner flag") ? PtpTable.ReadSnapshot(reader) : null;
        var outpatientHospital = reader.ReadBool("the outpatient hospital flag") ? PtpTable.ReadSnapshot(reader) : null;
        return new PtpTables(practitioner, outpatientHospital);
    }
}
