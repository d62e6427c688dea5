using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.Internal;

internal sealed partial class Latin1TextPool
{
    /// <summary>Writes the pool as its raw Latin-1 bytes and start offsets.</summary>
    internal void WriteSnapshot(SnapshotWriter writer)
    {
        writer.WriteArray<int>(starts);
        writer.WriteArray<byte>(bytes);
    }

    internal static Latin1TextPool ReadSnapshot(SnapshotReader reader)
    {
        var starts = reader.ReadArray<int>("the text offsets");
        var bytes = reader.ReadArray<byte>("the texts");
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != bytes.Length)
        {
            throw reader.Corrupt("the text offsets do not span the texts");
        }

        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1])
            {
                throw reader.Corrupt("the text offsets are not in order");
            }
        }

        return new Latin1TextPool(starts, bytes);
    }
}
