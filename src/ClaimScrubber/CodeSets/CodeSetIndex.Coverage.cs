using System.Collections.Immutable;

using ClaimScrubber.CodeSets;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    private ImmutableArray<TableCoverage> coverage;

    /// <summary>
    /// Gets, for each loaded table, the dates its releases cover and how often CMS publishes it, in table order: what a
    /// data report shows against today, and what the scrubber reports when a date of service is after a table's period.
    /// </summary>
    public ImmutableArray<TableCoverage> Coverage
    {
        get
        {
            if (coverage.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref coverage, TableCoverage.Of(Releases));
            }

            return coverage;
        }
    }
}
