using System.Collections.Immutable;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>
/// The ICD-10-CM code set of several fiscal years at once, from the CMS order files: for every code, the years in
/// which it is billable and those in which it is a header, and its descriptions in each year.
/// </summary>
/// <remarks>
/// A fiscal year runs from October 1 to September 30: FY2026 is 2025-10-01 to 2026-09-30.
/// <para>
/// Dates outside the loaded years: <see cref="Lookup(IcdCode, DateOnly)"/> checks the code against the nearest loaded
/// fiscal year (the later one when two are equally near) and says so with <see cref="IcdLookup.UsedNearestYear"/>, so a
/// rule can report that it had no table for the date (DX004) and still catch codes that exist in no year. A code added
/// or deleted in an unloaded year is then judged by the nearest year's list.
/// </para>
/// <para>
/// Storage: one sorted array of every code of every loaded year (packed <see cref="IcdCode.Value"/>), with two
/// bitmasks per code (billable years, header years; bit <c>year − first year</c>), and per year the index of the
/// code's deduplicated description pair. A hash index finds a code's position (every diagnosis of every claim is
/// looked up, and a binary search over 100,000 codes costs a cache miss per step); look-ups allocate nothing.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
internal sealed partial class IcdCodeSet
{
    /// <summary>The table name releases carry.</summary>
    public const string TableName = "ICD-10-CM order file";

    /// <summary>The most fiscal years one table spans (a bit each in a 32-bit mask).</summary>
    public const int MaxYearSpan = 32;

    private readonly ulong[] codes;
    private readonly uint[] billableYears;
    private readonly uint[] headerYears;
    private readonly int firstYear;
    private readonly TableRelease?[] releases;
    private readonly int[]?[] descriptionPairs;
    private readonly int[] rowCounts;
    private readonly int[] billableCounts;
    private readonly int[] pairShort;
    private readonly int[] pairLong;
    private readonly Latin1TextPool texts;
    private readonly PackedKeyIndex positions;

    private IcdCodeSet(ulong[] codes, uint[] billableYears, uint[] headerYears, int firstYear, TableRelease?[] releases, int[]?[] descriptionPairs, int[] rowCounts, int[] billableCounts, int[] pairShort, int[] pairLong, Latin1TextPool texts)
    {
        this.codes = codes;
        this.billableYears = billableYears;
        this.headerYears = headerYears;
        this.firstYear = firstYear;
        this.releases = releases;
        this.descriptionPairs = descriptionPairs;
        this.rowCounts = rowCounts;
        this.billableCounts = billableCounts;
        this.pairShort = pairShort;
        this.pairLong = pairLong;
        this.texts = texts;
        positions = PackedKeyIndex.Create(codes);
        var years = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < releases.Length; i++)
        {
            if (releases[i] is not null)
            {
                years.Add(firstYear + i);
            }
        }

        FiscalYears = years.ToImmutable();
    }

    /// <summary>Gets the loaded fiscal years, ascending.</summary>
    public ImmutableArray<int> FiscalYears { get; }

    /// <summary>Gets how many distinct codes the loaded years hold together.</summary>
    public int DistinctCodeCount => codes.Length;

    /// <summary>Returns the fiscal year <paramref name="date"/> falls in: October 1 starts the next year's.</summary>
    /// <param name="date">A date of service.</param>
    /// <returns>The fiscal year, such as 2026 for 2025-10-01.</returns>
    public static int FiscalYearOf(DateOnly date) => CodeSets.FiscalYears.Of(date);

    /// <summary>Returns the first day of <paramref name="fiscalYear"/> (October 1 of the year before).</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The first day.</returns>
    public static DateOnly FiscalYearStart(int fiscalYear) => CodeSets.FiscalYears.Start(fiscalYear);

    /// <summary>Returns the last day of <paramref name="fiscalYear"/> (September 30).</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The last day.</returns>
    public static DateOnly FiscalYearEnd(int fiscalYear) => CodeSets.FiscalYears.End(fiscalYear);

    /// <summary>Builds the table from the records of each fiscal year.</summary>
    /// <param name="years">Each year's number, release and records (codes unique within a year).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">No year, a year twice, a code twice in a year, or years more than <see cref="MaxYearSpan"/> apart.</exception>
    public static IcdCodeSet Create(IReadOnlyList<(int FiscalYear, TableRelease Release, IReadOnlyList<IcdOrderRecord> Records)> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            throw new ArgumentException("At least one fiscal year is needed.", nameof(years));
        }

        var first = years.Min(y => y.FiscalYear);
        var span = years.Max(y => y.FiscalYear) - first + 1;
        if (span > MaxYearSpan)
        {
            throw new ArgumentException($"The fiscal years span {span} years; one table holds at most {MaxYearSpan}.", nameof(years));
        }

        var all = new HashSet<ulong>();
        foreach (var year in years)
        {
            foreach (var record in year.Records)
            {
                all.Add(record.Code.Value);
            }
        }

        var codes = all.ToArray();
        Array.Sort(codes);
        var billable = new uint[codes.Length];
        var header = new uint[codes.Length];
        var releases = new TableRelease?[span];
        var pairsByYear = new int[]?[span];
        var rowCounts = new int[span];
        var billableCounts = new int[span];
        var texts = new Latin1TextPool.Builder();
        var pairs = new Dictionary<(int Short, int Long), int>();
        var pairShort = new List<int>();
        var pairLong = new List<int>();
        foreach (var (fiscalYear, release, records) in years)
        {
            var slot = fiscalYear - first;
            if (releases[slot] is not null)
            {
                throw new ArgumentException($"FY{fiscalYear} is given twice.", nameof(years));
            }

            releases[slot] = release;
            var yearPairs = new int[codes.Length];
            Array.Fill(yearPairs, -1);
            pairsByYear[slot] = yearPairs;
            var bit = 1u << slot;
            foreach (var record in records)
            {
                var index = Array.BinarySearch(codes, record.Code.Value);
                if (yearPairs[index] >= 0)
                {
                    throw new ArgumentException($"FY{fiscalYear} lists {record.Code} twice.", nameof(years));
                }

                if (record.Billable)
                {
                    billable[index] |= bit;
                    billableCounts[slot]++;
                }
                else
                {
                    header[index] |= bit;
                }

                var key = (texts.Add(record.ShortDescription), texts.Add(record.LongDescription));
                if (!pairs.TryGetValue(key, out var pair))
                {
                    pair = pairShort.Count;
                    pairs.Add(key, pair);
                    pairShort.Add(key.Item1);
                    pairLong.Add(key.Item2);
                }

                yearPairs[index] = pair;
                rowCounts[slot]++;
            }
        }

        return new IcdCodeSet(codes, billable, header, first, releases, pairsByYear, rowCounts, billableCounts, [.. pairShort], [.. pairLong], texts.Build());
    }

    /// <summary>Tells whether <paramref name="fiscalYear"/> is loaded.</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns><see langword="true"/> when the year's order file (or addenda) was loaded.</returns>
    public bool HasYear(int fiscalYear) => ReleaseFor(fiscalYear) is not null;

    /// <summary>Gets the release of <paramref name="fiscalYear"/>, or <see langword="null"/> when it is not loaded.</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The release.</returns>
    public TableRelease? ReleaseFor(int fiscalYear)
    {
        var slot = fiscalYear - firstYear;
        return (uint)slot < (uint)releases.Length ? releases[slot] : null;
    }

    /// <summary>Returns <paramref name="fiscalYear"/> when loaded, else the nearest loaded year (the later one on a tie).</summary>
    /// <param name="fiscalYear">The fiscal year wanted.</param>
    /// <returns>A loaded fiscal year.</returns>
    public int NearestYear(int fiscalYear) => CodeSets.FiscalYears.Nearest(FiscalYears.AsSpan(), fiscalYear);

    /// <summary>
    /// Looks <paramref name="code"/> up in the fiscal year of <paramref name="date"/>, or in the nearest loaded year
    /// when that one is not loaded (see <see cref="IcdLookup.UsedNearestYear"/>). Never returns
    /// <see cref="IcdStatus.NoTableForDate"/>.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The date of service.</param>
    /// <returns>The status, the year used and its release.</returns>
    public IcdLookup Lookup(IcdCode code, DateOnly date) => Lookup(RowOf(code), code, date);

    /// <summary>Looks <paramref name="code"/> up on <paramref name="date"/> as <see cref="Lookup(IcdCode, DateOnly)"/> does, from its row (<see cref="RowOf"/>).</summary>
    /// <param name="row">The code's row, or -1 when the code set does not list it.</param>
    /// <param name="code">The code.</param>
    /// <param name="date">The date of service.</param>
    /// <returns>The status, the fiscal year it was judged in, and that year's release.</returns>
    internal IcdLookup Lookup(int row, IcdCode code, DateOnly date)
    {
        var dateYear = FiscalYearOf(date);
        return Lookup(row, code, HasYear(dateYear) ? dateYear : NearestYear(dateYear), dateYear);
    }

    /// <summary>Finds the row of <paramref name="code"/> in the code set (any fiscal year), or -1: a claim's facts keep it for every rule that asks.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The row, or -1.</returns>
    internal int RowOf(IcdCode code) => positions.IndexOf(code.Value);

    /// <summary>Looks <paramref name="code"/> up in <paramref name="fiscalYear"/> only.</summary>
    /// <param name="code">The code.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The status (<see cref="IcdStatus.NoTableForDate"/> when the year is not loaded), the year and its release.</returns>
    public IcdLookup Lookup(IcdCode code, int fiscalYear) => Lookup(RowOf(code), code, fiscalYear, fiscalYear);

    /// <summary>Tells whether <paramref name="code"/> is billable in <paramref name="fiscalYear"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns><see langword="true"/> when the year is loaded and lists the code as billable.</returns>
    public bool IsBillable(IcdCode code, int fiscalYear)
    {
        var index = positions.IndexOf(code.Value);
        return index >= 0 && HasBit(billableYears[index], fiscalYear - firstYear);
    }

    /// <summary>
    /// Tells whether <paramref name="code"/> is billable on <paramref name="date"/>, judged as <see cref="Lookup(IcdCode, DateOnly)"/>
    /// judges it (the nearest loaded year when the date's is not loaded), without building the look-up's details.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The date of service.</param>
    /// <returns><see langword="true"/> when the code is billable then.</returns>
    public bool IsBillableOn(IcdCode code, DateOnly date) => IsBillableOn(RowOf(code), date);

    /// <summary>Tells whether the code of <paramref name="row"/> (<see cref="RowOf"/>; -1 for none) is billable on <paramref name="date"/>, as <see cref="IsBillableOn(IcdCode, DateOnly)"/> judges it.</summary>
    /// <param name="row">The code's row, or -1.</param>
    /// <param name="date">The date of service.</param>
    /// <returns><see langword="true"/> when the code is billable then.</returns>
    internal bool IsBillableOn(int row, DateOnly date)
    {
        var year = FiscalYearOf(date);
        return row >= 0 && HasBit(billableYears[row], (HasYear(year) ? year : NearestYear(year)) - firstYear);
    }

    /// <summary>Tells whether <paramref name="code"/> is a header (not billable) in <paramref name="fiscalYear"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns><see langword="true"/> when the year is loaded and lists the code as a header.</returns>
    public bool IsHeader(IcdCode code, int fiscalYear)
    {
        var index = positions.IndexOf(code.Value);
        return index >= 0 && HasBit(headerYears[index], fiscalYear - firstYear);
    }

    /// <summary>Tells whether <paramref name="code"/> is in <paramref name="fiscalYear"/>, billable or header.</summary>
    /// <param name="code">The code.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns><see langword="true"/> when the year lists the code.</returns>
    public bool Contains(IcdCode code, int fiscalYear)
    {
        var index = positions.IndexOf(code.Value);
        return index >= 0 && HasBit(billableYears[index] | headerYears[index], fiscalYear - firstYear);
    }

    /// <summary>Gets the number of records (billable and header) of <paramref name="fiscalYear"/>, or 0 when not loaded.</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The row count.</returns>
    public int RowCount(int fiscalYear) => HasYear(fiscalYear) ? rowCounts[fiscalYear - firstYear] : 0;

    /// <summary>Gets the number of billable codes of <paramref name="fiscalYear"/>, or 0 when not loaded.</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The billable count.</returns>
    public int BillableCount(int fiscalYear) => HasYear(fiscalYear) ? billableCounts[fiscalYear - firstYear] : 0;

    /// <summary>Gets the short description of <paramref name="code"/> in <paramref name="fiscalYear"/>, or <see langword="null"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The short description (allocated on each call: for messages, not hot paths).</returns>
    public string? ShortDescription(IcdCode code, int fiscalYear) => PairOf(code, fiscalYear) is var pair and >= 0 ? Text(pairShort[pair]) : null;

    /// <summary>Gets the long description of <paramref name="code"/> in <paramref name="fiscalYear"/>, or <see langword="null"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The long description (allocated on each call: for messages, not hot paths).</returns>
    public string? LongDescription(IcdCode code, int fiscalYear) => PairOf(code, fiscalYear) is var pair and >= 0 ? Text(pairLong[pair]) : null;

    /// <summary>
    /// Writes the billable codes of <paramref name="fiscalYear"/> that extend <paramref name="prefix"/> (in code order)
    /// to <paramref name="destination"/>, as many as fit, and counts them all.
    /// </summary>
    /// <param name="prefix">A header code or any prefix of 3 or more characters.</param>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <param name="destination">Where to write the first ones.</param>
    /// <returns>How many billable descendants there are (possibly more than were written).</returns>
    public int BillableDescendants(IcdCode prefix, int fiscalYear, Span<IcdCode> destination)
    {
        var slot = fiscalYear - firstYear;
        var index = Array.BinarySearch(codes, prefix.Value);

        // Descendants sort right after their prefix (absent characters pack as 0), so they are one contiguous run.
        var start = index >= 0 ? index + 1 : ~index;
        var count = 0;
        for (var i = start; i < codes.Length; i++)
        {
            var candidate = IcdCode.FromValue(codes[i]);
            if (!candidate.StartsWith(prefix))
            {
                break;
            }

            if (HasBit(billableYears[i], slot))
            {
                if (count < destination.Length)
                {
                    destination[count] = candidate;
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Enumerates the records of <paramref name="fiscalYear"/> in code order (allocates; for composition and tests).</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns>The records; none when the year is not loaded.</returns>
    public IEnumerable<IcdOrderRecord> Records(int fiscalYear)
    {
        if (!HasYear(fiscalYear))
        {
            yield break;
        }

        var slot = fiscalYear - firstYear;
        var yearPairs = descriptionPairs[slot]!;
        for (var i = 0; i < codes.Length; i++)
        {
            var pair = yearPairs[i];
            if (pair >= 0)
            {
                yield return new IcdOrderRecord(IcdCode.FromValue(codes[i]), HasBit(billableYears[i], slot), Text(pairShort[pair]), Text(pairLong[pair]));
            }
        }
    }

    internal static bool HasBit(uint mask, int slot) => (uint)slot < MaxYearSpan && (mask & (1u << slot)) != 0;

    private IcdLookup Lookup(int index, IcdCode code, int fiscalYear, int dateFiscalYear)
    {
        var release = ReleaseFor(fiscalYear);
        var billable = index >= 0 ? billableYears[index] : 0;
        var header = index >= 0 ? headerYears[index] : 0;
        var slot = fiscalYear - firstYear;
        var status = release is null ? IcdStatus.NoTableForDate
            : HasBit(billable, slot) ? IcdStatus.Billable
            : HasBit(header, slot) ? IcdStatus.Header
            : (billable | header) != 0 ? IcdStatus.NotValidOnDate
            : IcdStatus.Unknown;
        return new IcdLookup(code, status, release is null ? 0 : fiscalYear, dateFiscalYear, release, billable, header, firstYear);
    }

    private int PairOf(IcdCode code, int fiscalYear)
    {
        var slot = fiscalYear - firstYear;
        if ((uint)slot >= (uint)descriptionPairs.Length || descriptionPairs[slot] is not { } yearPairs)
        {
            return -1;
        }

        var index = positions.IndexOf(code.Value);
        return index >= 0 ? yearPairs[index] : -1;
    }

    private string Text(int id) => texts[id];
}
