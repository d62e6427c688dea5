using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets;

/// <summary>How often CMS publishes a table, which bounds the period one release covers when its file names no end date.</summary>
public enum TableCadence
{
    /// <summary>Published when something changes, with no schedule (place of service codes, the CPT and HCPCS modifier list).</summary>
    Irregular = 0,

    /// <summary>Every quarter: NCCI PTP, MUE and add-on edits, the physician fee schedule, OPPS Addendum B, HCPCS Level II, the lab NCD edits.</summary>
    Quarterly = 1,

    /// <summary>Every October with an April update: the Medicare Code Editor.</summary>
    Semiannual = 2,

    /// <summary>Every fiscal year (October 1): ICD-10-CM and ICD-10-PCS code sets and the ICD-10-CM tabular list.</summary>
    Yearly = 3,
}

/// <summary>
/// The dates the loaded releases of one table cover, and how often CMS publishes it: a date of service after
/// <see cref="CoversTo"/> is checked against a release that may lack the codes and edits published since (CLM020, DX004).
/// </summary>
/// <param name="Table">The table's name, as its releases give it (<see cref="TableRelease.Table"/>).</param>
/// <param name="Cadence">How often CMS publishes the table.</param>
/// <param name="Releases">The loaded releases of the table, oldest first.</param>
/// <param name="CoversFrom">The first date a loaded release applies to, or <see langword="null"/> when unbounded.</param>
/// <param name="CoversTo">
/// The last date the loaded releases cover: the latest release's own end date, else its start plus one publishing period
/// less a day; <see langword="null"/> for a table published without a schedule, or whose releases carry no dates.
/// </param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TableCoverage(string Table, TableCadence Cadence, ImmutableArray<TableRelease> Releases, DateOnly? CoversFrom, DateOnly? CoversTo)
{
    /// <summary>Tells whether the loaded releases cover <paramref name="date"/>.</summary>
    /// <param name="date">A date of service.</param>
    /// <returns><see langword="false"/> when <paramref name="date"/> is before <see cref="CoversFrom"/> or after <see cref="CoversTo"/>.</returns>
    public bool Covers(DateOnly date) => (CoversFrom is not { } from || date >= from) && (CoversTo is not { } to || date <= to);

    /// <summary>Tells whether the table is out of date on <paramref name="date"/> (such as today): the date is after <see cref="CoversTo"/>.</summary>
    /// <param name="date">The date to judge against.</param>
    /// <returns><see langword="true"/> when a newer release should be in force on <paramref name="date"/>.</returns>
    public bool IsOutOfDateOn(DateOnly date) => CoversTo is { } to && date > to;

    /// <summary>Works out the coverage of every table of <paramref name="releases"/>, in table order.</summary>
    internal static ImmutableArray<TableCoverage> Of(IEnumerable<TableRelease> releases) =>
    [
        .. releases.GroupBy(r => r.Table, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var cadence = CadenceOf(g.Key);
            ImmutableArray<TableRelease> ordered = [.. g.OrderBy(r => r.EffectiveFrom ?? DateOnly.MinValue).ThenBy(r => r.SourceFile, StringComparer.Ordinal)];
            var from = ordered.Any(r => r.EffectiveFrom is null) ? null : ordered.Min(r => r.EffectiveFrom);
            DateOnly? to = null;
            foreach (var release in ordered)
            {
                if (EndOf(release, cadence) is { } end && (to is null || end > to))
                {
                    to = end;
                }
            }

            return new TableCoverage(g.Key, cadence, ordered, from, cadence == TableCadence.Irregular ? null : to);
        }),
    ];

    /// <summary>The publishing cadence of a table, by its name (CMS's schedule for each kind of file).</summary>
    internal static TableCadence CadenceOf(string table) => table switch
    {
        Icd10Cm.IcdCodeSet.TableName or Icd10Cm.Excludes1Table.TableName or Icd10Pcs.PcsCodeSet.TableName => TableCadence.Yearly,
        Mce.MceTable.TableName => TableCadence.Semiannual,
        Hcpcs.HcpcsQuarterlyReader.ProcedureTableName or Hcpcs.HcpcsQuarterlyReader.ModifierTableName or Ncd.LabNcdReader.TableName or FeeSchedule.RvuFileReader.TableName or Opps.OppsTable.TableName => TableCadence.Quarterly,
        _ when table.StartsWith("NCCI ", StringComparison.Ordinal) => TableCadence.Quarterly,
        _ => TableCadence.Irregular,
    };

    /// <summary>The last date one release covers: its own end date, else its start plus one publishing period less a day.</summary>
    private static DateOnly? EndOf(TableRelease release, TableCadence cadence)
    {
        if (release.EffectiveTo is { } to)
        {
            return to;
        }

        if (release.EffectiveFrom is not { } from)
        {
            return null;
        }

        var months = cadence switch
        {
            TableCadence.Quarterly => 3,
            TableCadence.Semiannual => 6,
            TableCadence.Yearly => 12,
            _ => 0,
        };
        return months == 0 ? null : from.Year >= DateOnly.MaxValue.Year ? DateOnly.MaxValue : from.AddMonths(months).AddDays(-1);
    }
}
