using ClaimScrubber.CodeSets.Ncd;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the clinical laboratory NCD edits, or <see langword="null"/> when not loaded.</summary>
    internal LabNcdTable? LabNcds => Table<LabNcdTable>();

    /// <summary>
    /// Gets the first loaded table that implements <typeparamref name="T"/>, for rules that read a capability (such as
    /// the list of manifestation codes) whichever table provides it.
    /// </summary>
    internal T? Find<T>()
        where T : class
    {
        foreach (var table in tables.Values)
        {
            if (table is T found)
            {
                return found;
            }
        }

        return null;
    }
}
