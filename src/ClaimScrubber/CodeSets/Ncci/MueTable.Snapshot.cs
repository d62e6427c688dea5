using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Ncci;

internal sealed partial class MueTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteByte((byte)Setting);
        writer.WriteRelease(Release);
        writer.WriteArray<uint>(codes);
        writer.WriteArray<int>(values);
        writer.WriteArray<MueIndicator>(indicators);
        writer.WriteArray<byte>(rationaleIndexes);
        writer.WriteStrings(rationales);
    }

    internal static MueTable ReadSnapshot(SnapshotReader reader)
    {
        var setting = (NcciSetting)reader.ReadByte("the setting");
        var release = reader.ReadRelease();
        var codes = reader.ReadArray<uint>("the codes");
        var values = reader.ReadArray<int>("the values");
        var indicators = reader.ReadArray<MueIndicator>("the indicators");
        var rationaleIndexes = reader.ReadArray<byte>("the rationale indexes");
        var rationales = reader.ReadStrings("the rationales");
        reader.Check(values.Length == codes.Length && indicators.Length == codes.Length && rationaleIndexes.Length == codes.Length, "the codes, values and indicators do not line up");
        reader.Check(Array.TrueForAll(rationaleIndexes, r => r < rationales.Length), "a row names a rationale that is not there");
        reader.Check(release.EffectiveFrom.HasValue, "a release has no effective date");
        return new MueTable(setting, release, codes, values, indicators, rationaleIndexes, [.. rationales]);
    }
}

internal sealed partial class MueTables
{
    internal void WriteSnapshot(SnapshotWriter writer) => writer.WriteList([.. bySetting.SelectMany(s => s)], static (w, table) => table.WriteSnapshot(w));

    internal static MueTables ReadSnapshot(SnapshotReader reader) => new(reader.ReadList("MUE tables", MueTable.ReadSnapshot));
}
