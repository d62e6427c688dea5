using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.CodeSets.Mce;

internal sealed partial class MceTable
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteList(Versions, static (w, version) => version.WriteSnapshot(w));
        writer.WriteList(ProcedureReleases, static (w, release) => release.WriteSnapshot(w));
        writer.WriteNullableDate(SexEditInactiveFrom);
    }

    internal static MceTable ReadSnapshot(SnapshotReader reader)
    {
        var versions = reader.ReadList("list versions", MceListVersion.ReadSnapshot);
        var procedures = reader.ReadList("procedure releases", MceProcedureRelease.ReadSnapshot);
        return new MceTable(versions, procedures, reader.ReadNullableDate("the sex edit's deactivation date"));
    }
}

internal sealed partial class MceProcedureRelease
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteRelease(Release);
        writer.WriteList(Coverage, static (w, rule) => rule.WriteSnapshot(w));
        writer.WriteArray<ulong>(cesarean);
        writer.WriteArray<ulong>(vaginalDelivery);
        writer.WriteArray<ulong>(outcomeOfDelivery);
        writer.WriteNullableDate(ObstetricInactiveFrom);
        writer.WriteArray<ulong>(lengthOfStay);
        writer.WriteInt32(MinimumStayDays);
        writer.WriteNullableInt32(ValidAges?.Min);
        writer.WriteNullableInt32(ValidAges?.Max);
        writer.WriteBool(ValidSexCodes is not null);
        writer.WriteArray<int>(ValidSexCodes is { } sexCodes ? sexCodes.AsSpan() : []);
        writer.WriteBool(DischargeStatuses is not null);
        writer.WriteList(DischargeStatuses ?? [], static (w, status) =>
        {
            w.WriteString(status.Code);
            w.WriteNullableDate(status.From);
            w.WriteNullableDate(status.To);
        });
    }

    internal static MceProcedureRelease ReadSnapshot(SnapshotReader reader)
    {
        var release = reader.ReadRelease();
        var coverage = reader.ReadList("coverage sections", MceCoverageRule.ReadSnapshot);
        var cesarean = reader.ReadArray<ulong>("the cesarean procedures");
        var vaginal = reader.ReadArray<ulong>("the vaginal delivery procedures");
        var outcome = reader.ReadArray<ulong>("the outcome-of-delivery diagnoses");
        var obstetricOff = reader.ReadNullableDate("the obstetric edit's end");
        var stay = reader.ReadArray<ulong>("the length-of-stay procedures");
        var minimumStay = reader.ReadInt32("the minimum stay");
        var minAge = reader.ReadNullableInt32("the youngest valid age");
        var maxAge = reader.ReadNullableInt32("the oldest valid age");
        reader.Check(minAge.HasValue == maxAge.HasValue, "the valid ages have one bound only");
        var hasSexCodes = reader.ReadBool("the sex codes flag");
        var sexCodes = reader.ReadArray<int>("the sex codes");
        var hasStatuses = reader.ReadBool("the discharge statuses flag");
        var statuses = reader.ReadList("discharge statuses", static r => new MceDischargeStatus(r.ReadString("a discharge status"), r.ReadNullableDate("its first date"), r.ReadNullableDate("its last date")));
        return new MceProcedureRelease(release, [.. coverage], cesarean, vaginal, outcome, obstetricOff, stay, minimumStay,
            minAge is { } min && maxAge is { } max ? (min, max) : null, hasSexCodes ? [.. sexCodes] : null, hasStatuses ? [.. statuses] : null);
    }
}

internal sealed partial class MceCoverageRule
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteString(Section);
        writer.WriteInt32((int)Edit);
        writer.WriteInt32((int)Condition);
        writer.WriteInt32(Age);
        writer.WriteNullableDate(EffectiveFrom);
        writer.WriteNullableDate(InactiveFrom);
        writer.WriteArray<ulong>(procedures);
        writer.WriteArray<ulong>(diagnoses);
        writer.WriteArray<ulong>(companions);
        writer.WriteArray<ulong>(removedProcedures);
        writer.WriteArray<ulong>(addedProcedures);
    }

    internal static MceCoverageRule ReadSnapshot(SnapshotReader reader)
    {
        var section = reader.ReadString("a section");
        var edit = (MceProcedureEdits)reader.ReadInt32("an edit");
        reader.Check(edit is MceProcedureEdits.NonCovered or MceProcedureEdits.LimitedCoverage, $"section {section} has edit {(int)edit}, which is neither non-covered nor limited coverage");
        var condition = (MceCoverageCondition)reader.ReadInt32("a condition");
        reader.Check(Enum.IsDefined(condition), $"section {section} has condition {(int)condition}, which is not an MCE coverage condition");
        return new MceCoverageRule(section, edit, condition, age: reader.ReadInt32("an age"), effectiveFrom: reader.ReadNullableDate("an effective date"), inactiveFrom: reader.ReadNullableDate("an end date"),
            procedures: reader.ReadArray<ulong>("the procedures"), diagnoses: reader.ReadArray<ulong>("the diagnoses"), companions: reader.ReadArray<ulong>("the companion procedures"),
            removedProcedures: reader.ReadArray<ulong>("the removed procedures"), addedProcedures: reader.ReadArray<ulong>("the added procedures"));
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
