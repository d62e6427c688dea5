using ClaimScrubber.CodeSets.Mce;

namespace ClaimScrubber.CodeSets;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the Medicare Code Editor diagnosis lists, or <see langword="null"/> when no MCE file was loaded.</summary>
    internal MceTable? Mce => Table<MceTable>();
}
