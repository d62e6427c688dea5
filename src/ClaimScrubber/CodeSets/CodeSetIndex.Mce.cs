using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Mce;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the Medicare Code Editor diagnosis lists, or <see langword="null"/> when no MCE file was loaded.</summary>
    internal MceTable? Mce => Table<MceTable>();

    /// <summary>Gets the Excludes1 notes of the ICD-10-CM tabular list, or <see langword="null"/> when the tabular XML was not loaded.</summary>
    internal Excludes1Table? Excludes1 => Table<Excludes1Table>();
}
