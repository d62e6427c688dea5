using ClaimScrubber.CodeSets.Hcpcs;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the HCPCS Level II procedure codes, or <see langword="null"/> when no quarterly file was loaded.</summary>
    internal HcpcsTable? Hcpcs => Table<HcpcsTable>();

    /// <summary>Gets the known modifiers, or <see langword="null"/> when neither the modifier list nor the HCPCS file was loaded.</summary>
    internal ModifierTable? Modifiers => Table<ModifierTable>();
}
