using ClaimScrubber.CodeSets.Icd10Cm;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the ICD-10-CM code set (every loaded fiscal year), or <see langword="null"/> when no order file was loaded.</summary>
    internal IcdCodeSet? Icd10Cm => Table<IcdCodeSet>();

    /// <summary>Gets the ICD-10-PCS code set (every loaded fiscal year), or <see langword="null"/> when no PCS order file was loaded.</summary>
    internal CodeSets.Icd10Pcs.PcsCodeSet? Icd10Pcs => Table<CodeSets.Icd10Pcs.PcsCodeSet>();
}
