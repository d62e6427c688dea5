using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.FeeSchedule;

internal sealed partial class FeeScheduleTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteArray<ulong>(keys);
        foreach (var entry in entries)
        {
            writer.WriteChar(entry.Status);
            writer.WriteByte(entry.PcTc);
            writer.WriteByte((byte)entry.Global);
            writer.WriteByte(entry.MultipleProcedure);
            writer.WriteByte(entry.Bilateral);
            writer.WriteByte(entry.Assistant);
            writer.WriteByte(entry.CoSurgeons);
            writer.WriteByte(entry.Team);
            writer.WriteBool(entry.NonFacilityNotPriced);
            writer.WriteBool(entry.FacilityNotPriced);
            writer.WriteBool(entry.NotUsedForMedicarePayment);
            writer.WriteUInt32(entry.EndoscopicBase.Value);
            writer.WriteByte((byte)entry.Class);
        }
    }

    internal static FeeScheduleTable ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var keys = reader.ReadArray<ulong>("the codes");
        var rows = new (ProcedureCode, ModifierCode, FeeScheduleEntry)[keys.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var entry = new FeeScheduleEntry(
                reader.ReadChar("a status"),
                reader.ReadByte("a PC/TC indicator"),
                (GlobalPeriod)reader.ReadByte("a global period"),
                reader.ReadByte("a multiple-procedure indicator"),
                reader.ReadByte("a bilateral indicator"),
                reader.ReadByte("an assistant indicator"),
                reader.ReadByte("a co-surgeon indicator"),
                reader.ReadByte("a team indicator"),
                reader.ReadBool("a non-facility NA flag"),
                reader.ReadBool("a facility NA flag"),
                reader.ReadBool("a not-used-for-payment flag"),
                ProcedureCode.FromValue(reader.ReadUInt32("an endoscopic base")),
                (ProcedureClass)reader.ReadByte("a class"));
            rows[i] = (ProcedureCode.FromValue((uint)(keys[i] >> 16)), ModifierCode.FromValue((ushort)keys[i]), entry);
        }

        return new FeeScheduleTable(rows, release);
    }
}
