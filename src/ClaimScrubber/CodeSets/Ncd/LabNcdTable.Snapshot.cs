using System.Collections.Immutable;
using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Ncd;

internal sealed partial class LabNcdTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteInt32(Ncds.Length);
        foreach (var ncd in Ncds)
        {
            ncd.WriteSnapshot(writer);
        }
    }

    internal static LabNcdTable ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var ncds = ImmutableArray.CreateBuilder<LabNcd>(reader.ReadCount("the number of NCDs"));
        for (var i = 0; i < ncds.Capacity; i++)
        {
            ncds.Add(LabNcd.ReadSnapshot(reader));
        }

        return new LabNcdTable(ncds.MoveToImmutable(), release);
    }
}

internal sealed partial class LabNcd
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteString(Number);
        writer.WriteString(Description);
        writer.WriteInt32(Procedures.Length);
        foreach (var procedure in Procedures)
        {
            writer.WriteUInt32(procedure.Code.Value);
            WriteDates(writer, procedure.Dates);
        }

        writer.WriteArray<ulong>(keys);
        writer.WriteInt32(rows.Length);
        foreach (var row in rows)
        {
            WriteDiagnosis(writer, row);
        }

        writer.WriteBool(OtherCodes.HasValue);
        if (OtherCodes is { } other)
        {
            WriteDiagnosis(writer, other);
        }
    }

    internal static LabNcd ReadSnapshot(SnapshotReader reader)
    {
        var number = reader.ReadString("an NCD number");
        var description = reader.ReadString("an NCD title");
        var procedures = new (ProcedureCode Code, NcdDates Dates)[reader.ReadCount("the number of HCPCS codes", 12)];
        for (var i = 0; i < procedures.Length; i++)
        {
            procedures[i] = (ProcedureCode.FromValue(reader.ReadUInt32("a HCPCS code")), ReadDates(reader));
        }

        var keys = reader.ReadArray<ulong>("the diagnosis codes");
        var rows = new NcdDiagnosis[reader.ReadCount("the number of diagnosis rows", 9)];
        reader.Check(rows.Length == keys.Length, "the diagnosis codes and rows do not line up");
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = ReadDiagnosis(reader);
        }

        NcdDiagnosis? other = reader.ReadBool("the catch-all flag") ? ReadDiagnosis(reader) : null;
        return new LabNcd(number, description, ncd => [.. procedures.Select(p => new NcdProcedure(p.Code, p.Dates, ncd))], keys, rows, other);
    }

    private static void WriteDates(SnapshotWriter writer, NcdDates dates)
    {
        writer.WriteInt32(dates.From);
        writer.WriteInt32(dates.To);
    }

    private static NcdDates ReadDates(SnapshotReader reader) => new(reader.ReadInt32("a first day"), reader.ReadInt32("a last day"));

    private static void WriteDiagnosis(SnapshotWriter writer, NcdDiagnosis row)
    {
        writer.WriteByte((byte)row.Resolution);
        WriteDates(writer, row.Dates);
    }

    private static NcdDiagnosis ReadDiagnosis(SnapshotReader reader) => new((NcdResolution)reader.ReadByte("a resolution"), ReadDates(reader));
}
