using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Icd10Cm;

internal sealed partial class IcdCodeSet
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteInt32(firstYear);
        writer.WriteArray<ulong>(codes);
        writer.WriteArray<uint>(billableYears);
        writer.WriteArray<uint>(headerYears);
        writer.WriteInt32(releases.Length);
        for (var slot = 0; slot < releases.Length; slot++)
        {
            writer.WriteNullableRelease(releases[slot]);
            if (releases[slot] is not null)
            {
                writer.WriteArray<int>(descriptionPairs[slot]!);
            }
        }

        writer.WriteArray<int>(rowCounts);
        writer.WriteArray<int>(billableCounts);
        writer.WriteArray<int>(pairShort);
        writer.WriteArray<int>(pairLong);
        texts.WriteSnapshot(writer);
    }

    internal static IcdCodeSet ReadSnapshot(SnapshotReader reader)
    {
        var firstYear = reader.ReadInt32("the first fiscal year");
        var codes = reader.ReadArray<ulong>("the codes");
        var billable = reader.ReadArray<uint>("the billable years");
        var header = reader.ReadArray<uint>("the header years");
        var span = reader.ReadCount("the number of fiscal years");
        reader.Check(span <= MaxYearSpan && billable.Length == codes.Length && header.Length == codes.Length, "the fiscal years or codes do not line up");
        var releases = new TableRelease?[span];
        var pairs = new int[]?[span];
        for (var slot = 0; slot < span; slot++)
        {
            releases[slot] = reader.ReadNullableRelease();
            if (releases[slot] is not null)
            {
                pairs[slot] = reader.ReadArray<int>("a year's descriptions");
                reader.Check(pairs[slot]!.Length == codes.Length, "a year's descriptions do not line up with the codes");
            }
        }

        var rowCounts = reader.ReadArray<int>("the row counts");
        var billableCounts = reader.ReadArray<int>("the billable counts");
        var pairShort = reader.ReadArray<int>("the short descriptions");
        var pairLong = reader.ReadArray<int>("the long descriptions");
        var texts = Latin1TextPool.ReadSnapshot(reader);
        reader.Check(rowCounts.Length == span && billableCounts.Length == span && pairShort.Length == pairLong.Length, "the counts or descriptions do not line up");
        return new IcdCodeSet(codes, billable, header, firstYear, releases, pairs, rowCounts, billableCounts, pairShort, pairLong, texts);
    }
}
