using System.Text;

namespace ClaimScrubber.Internal;

/// <summary>
/// Deduplicated descriptions stored as one Latin-1 byte array (CMS code-set text is Latin-1), a byte per character
/// instead of a string object each; a description is decoded only when a message needs it.
/// </summary>
internal sealed partial class Latin1TextPool
{
    private readonly int[] starts;
    private readonly byte[] bytes;

    private Latin1TextPool(int[] starts, byte[] bytes)
    {
        this.starts = starts;
        this.bytes = bytes;
    }

    /// <summary>Gets the number of distinct texts.</summary>
    public int Count => starts.Length - 1;

    /// <summary>Decodes text <paramref name="id"/> (allocates: for messages, not hot paths).</summary>
    public string this[int id] => Encoding.Latin1.GetString(bytes, starts[id], starts[id + 1] - starts[id]);

    /// <summary>Collects texts, giving equal texts the same id.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly List<int> starts = [];
        private readonly List<byte> bytes = new(1 << 20);

        /// <summary>Adds <paramref name="text"/> (characters beyond Latin-1 become '?') and returns its id.</summary>
        public int Add(string text)
        {
            if (!ids.TryGetValue(text, out var id))
            {
                id = starts.Count;
                ids.Add(text, id);
                starts.Add(bytes.Count);
                bytes.AddRange(Encoding.Latin1.GetBytes(text));
            }

            return id;
        }

        public Latin1TextPool Build() => new([.. starts, bytes.Count], [.. bytes]);
    }
}
