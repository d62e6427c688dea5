using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Icd10Pcs;

internal sealed partial class PcsCodeSet
{
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteInt32(firstYear);
        writer.WriteArray<ulong>(keys);
        writer.WriteArray<uint>(years);
        writer.WriteArray<int>(descriptions);
        texts.WriteSnapshot(writer);
        writer.WriteInt32(releases.Length);
        foreach (var release in releases)
        {
            writer.WriteNullableRelease(release);
        }

        writer.WriteArray<int>(codeCounts);
        writer.WriteArray<int>(tableCounts);
    }

    internal static PcsCodeSet ReadSnapshot(SnapshotReader reader)
    {
        var firstYear = reader.ReadInt32("the first fiscal year");
        var keys = reader.ReadArray<ulong>("the codes");
        var years = reader.ReadArray<uint>("the years");
        var descriptions = reader.ReadArray<int>("the descriptions");
        var texts = Latin1TextPool.ReadSnapshot(reader);
        var releases = new TableRelease?[reader.ReadCount("the number of fiscal years")];
        for (var slot = 0; slot < releases.Length; slot++)
        {
            releases[slot] = reader.ReadNullableRelease();
        }

        var codeCounts = reader.ReadArray<int>("the code counts");
        var tableCounts = reader.ReadArray<int>("the table counts");
        reader.Check(years.Length == keys.Length && descriptions.Length == keys.Length && codeCounts.Length == releases.Length && tableCounts.Length == releases.Length && releases.Length <= 32, "the codes, years or counts do not line up");
        return new PcsCodeSet(keys, years, descriptions, texts, firstYear, releases, codeCounts, tableCounts);
    }
}
