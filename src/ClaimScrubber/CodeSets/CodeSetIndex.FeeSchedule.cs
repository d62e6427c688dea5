using ClaimScrubber.CodeSets.FeeSchedule;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the physician fee schedule RVU indicators, or <see langword="null"/> when not loaded.</summary>
    internal FeeScheduleTable? FeeSchedule => Table<FeeScheduleTable>();
}
