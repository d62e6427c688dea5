using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Opps;

internal sealed partial class OppsTable
{
    internal void WriteSnapshot(SnapshotWriter writer) => writer.WriteList(Quarters, static (w, quarter) => quarter.WriteSnapshot(w));

    internal static OppsTable ReadSnapshot(SnapshotReader reader) => new(reader.ReadList("quarters", OppsQuarter.ReadSnapshot));
}

internal sealed partial class OppsQuarter
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteArray<uint>(codes);
        writer.WriteArray<byte>(System.Runtime.InteropServices.MemoryMarshal.Cast<OppsStatusIndicator, byte>(indicators));
        writer.WriteArray<ushort>(apcs);
    }

    internal static OppsQuarter ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var codes = reader.ReadArray<uint>("the codes");
        var indicators = reader.ReadArray<byte>("the status indicators");
        var apcs = reader.ReadArray<ushort>("the APCs");
        reader.Check(indicators.Length == codes.Length && apcs.Length == codes.Length, "the codes, status indicators and APCs do not line up");
        reader.Check(Array.TrueForAll(indicators, i => i is > 0 and <= (byte)OppsStatusIndicator.Y), "a status indicator is not one Addendum D1 defines");
        reader.Check(codes.Length == 0 || codes[0] != 0, "a code is empty");
        try
        {
            return new OppsQuarter(release, codes, [.. indicators.Select(i => (OppsStatusIndicator)i)], apcs);
        }
        catch (ArgumentException ex)
        {
            throw reader.Corrupt(ex.Message);
        }
    }
}
