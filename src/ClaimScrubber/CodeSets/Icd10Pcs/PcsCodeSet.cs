using System.Collections.Immutable;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Icd10Pcs;

/// <summary>What the ICD-10-PCS table says about a code on a date.</summary>
internal enum PcsStatus
{
    /// <summary>The code is in no loaded fiscal year.</summary>
    Unknown = 0,

    /// <summary>The code is valid in the fiscal year.</summary>
    Valid = 1,

    /// <summary>The code is not in the fiscal year but is in another loaded one (deleted, or not yet effective).</summary>
    NotValidOnDate = 2,

    /// <summary>No table is loaded for the fiscal year asked for.</summary>
    NoTableForDate = 3,
}

/// <summary>One record of a CMS ICD-10-PCS order file: a 7-character code (flag 1) or a 3-character table header (flag 0).</summary>
/// <param name="Key">The characters packed left-aligned as <see cref="PcsCode.Value"/> packs a code.</param>
/// <param name="Length">3 for a table header, 7 for a code.</param>
/// <param name="ShortDescription">The short description.</param>
/// <param name="LongDescription">The long description.</param>
internal readonly record struct PcsOrderRecord(ulong Key, int Length, string ShortDescription, string LongDescription)
{
    /// <summary>Gets a value indicating whether the record is a code (not a table header).</summary>
    public bool IsCode => Length == PcsCode.Length;

    /// <summary>Gets the code or table as text.</summary>
    public string Text => PcsCode.FromValue(Key).ToString()[..Length];
}

/// <summary>The answer of <see cref="PcsCodeSet.Lookup(PcsCode, DateOnly)"/>.</summary>
/// <param name="Code">The code looked up.</param>
/// <param name="Status">The status in <paramref name="FiscalYear"/>.</param>
/// <param name="FiscalYear">The fiscal year whose table decided, or 0 when none is loaded.</param>
/// <param name="DateFiscalYear">The fiscal year the date falls in.</param>
/// <param name="Release">The release of <paramref name="FiscalYear"/>.</param>
internal readonly record struct PcsLookup(PcsCode Code, PcsStatus Status, int FiscalYear, int DateFiscalYear, TableRelease? Release)
{
    /// <summary>Gets a value indicating whether the date's own fiscal year is not loaded, so the nearest loaded year was used.</summary>
    public bool UsedNearestYear => FiscalYear != DateFiscalYear;
}

/// <summary>
/// The ICD-10-PCS code set of several fiscal years, from the CMS order files: the years in which each 7-character
/// code is valid, the 3-character tables, and descriptions.
/// </summary>
/// <remarks>
/// Dates outside the loaded years are checked against the nearest loaded year, as <see cref="Icd10Cm.IcdCodeSet"/> does.
/// Descriptions are those of the latest loaded year that lists the code.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
internal sealed partial class PcsCodeSet
{
    /// <summary>The table name releases carry.</summary>
    public const string TableName = "ICD-10-PCS order file";

    private readonly ulong[] keys;
    private readonly uint[] years;
    private readonly int[] descriptions;
    private readonly Latin1TextPool texts;
    private readonly int firstYear;
    private readonly TableRelease?[] releases;
    private readonly int[] codeCounts;
    private readonly int[] tableCounts;

    private PcsCodeSet(ulong[] keys, uint[] years, int[] descriptions, Latin1TextPool texts, int firstYear, TableRelease?[] releases, int[] codeCounts, int[] tableCounts)
    {
        this.keys = keys;
        this.years = years;
        this.descriptions = descriptions;
        this.texts = texts;
        this.firstYear = firstYear;
        this.releases = releases;
        this.codeCounts = codeCounts;
        this.tableCounts = tableCounts;
        FiscalYears = [.. Enumerable.Range(firstYear, releases.Length).Where(y => releases[y - firstYear] is not null)];
    }

    /// <summary>Gets the loaded fiscal years, ascending.</summary>
    public ImmutableArray<int> FiscalYears { get; }

    /// <summary>Builds the table from the records of each fiscal year (the latest year's descriptions are kept).</summary>
    /// <exception cref="ArgumentException">No year, a year twice, or years more than 32 apart.</exception>
    public static PcsCodeSet Create(IReadOnlyList<(int FiscalYear, TableRelease Release, IReadOnlyList<PcsOrderRecord> Records)> yearsIn)
    {
        ArgumentNullException.ThrowIfNull(yearsIn);
        if (yearsIn.Count == 0)
        {
            throw new ArgumentException("At least one fiscal year is needed.", nameof(yearsIn));
        }

        var ordered = yearsIn.OrderBy(y => y.FiscalYear).ToList();
        var first = ordered[0].FiscalYear;
        var span = ordered[^1].FiscalYear - first + 1;
        if (span > 32 || ordered.Select(y => y.FiscalYear).Distinct().Count() != ordered.Count)
        {
            throw new ArgumentException("The fiscal years must be distinct and at most 32 years apart.", nameof(yearsIn));
        }

        var keys = ordered.SelectMany(y => y.Records).Select(r => r.Key).Distinct().Order().ToArray();
        var mask = new uint[keys.Length];
        var descriptions = new int[keys.Length];
        var releases = new TableRelease?[span];
        var codeCounts = new int[span];
        var tableCounts = new int[span];
        var texts = new Latin1TextPool.Builder();
        foreach (var (year, release, records) in ordered)
        {
            var slot = year - first;
            releases[slot] = release;
            foreach (var record in records)
            {
                var index = Array.BinarySearch(keys, record.Key);
                mask[index] |= 1u << slot;

                // Later years overwrite: messages use the current title.
                descriptions[index] = texts.Add(record.ShortDescription);
                _ = record.IsCode ? codeCounts[slot]++ : tableCounts[slot]++;
            }
        }

        return new PcsCodeSet(keys, mask, descriptions, texts.Build(), first, releases, codeCounts, tableCounts);
    }

    /// <summary>Gets the release of <paramref name="fiscalYear"/>, or <see langword="null"/> when it is not loaded.</summary>
    public TableRelease? ReleaseFor(int fiscalYear)
    {
        var slot = fiscalYear - firstYear;
        return (uint)slot < (uint)releases.Length ? releases[slot] : null;
    }

    /// <summary>Gets the number of 7-character codes of <paramref name="fiscalYear"/>.</summary>
    public int CodeCount(int fiscalYear) => ReleaseFor(fiscalYear) is null ? 0 : codeCounts[fiscalYear - firstYear];

    /// <summary>Gets the number of 3-character table headers of <paramref name="fiscalYear"/>.</summary>
    public int TableCount(int fiscalYear) => ReleaseFor(fiscalYear) is null ? 0 : tableCounts[fiscalYear - firstYear];

    /// <summary>Tells whether <paramref name="code"/> is valid in <paramref name="fiscalYear"/>.</summary>
    public bool IsValid(PcsCode code, int fiscalYear)
    {
        var index = Array.BinarySearch(keys, code.Value);
        return index >= 0 && HasYear(years[index], fiscalYear);
    }

    /// <summary>
    /// Looks <paramref name="code"/> up in the fiscal year of <paramref name="date"/>, or in the nearest loaded year
    /// when that one is not loaded (see <see cref="PcsLookup.UsedNearestYear"/>).
    /// </summary>
    public PcsLookup Lookup(PcsCode code, DateOnly date)
    {
        var dateYear = CodeSets.FiscalYears.Of(date);
        var year = CodeSets.FiscalYears.Nearest(FiscalYears.AsSpan(), dateYear);
        var index = Array.BinarySearch(keys, code.Value);
        var mask = index >= 0 ? years[index] : 0;
        var status = HasYear(mask, year) ? PcsStatus.Valid : mask != 0 ? PcsStatus.NotValidOnDate : PcsStatus.Unknown;
        return new PcsLookup(code, status, year, dateYear, ReleaseFor(year));
    }

    /// <summary>Gets the short description of <paramref name="code"/> (latest loaded year), or <see langword="null"/>.</summary>
    public string? ShortDescription(PcsCode code)
    {
        var index = Array.BinarySearch(keys, code.Value);
        return index >= 0 ? texts[descriptions[index]] : null;
    }

    /// <summary>Gets the description of the 3-character table <paramref name="code"/> belongs to, or <see langword="null"/>.</summary>
    public string? TableDescription(PcsCode code)
    {
        var index = Array.BinarySearch(keys, code.Value & ~((1UL << (6 * (PcsCode.Length - 3))) - 1));
        return index >= 0 ? texts[descriptions[index]] : null;
    }

    private bool HasYear(uint mask, int fiscalYear)
    {
        var slot = fiscalYear - firstYear;
        return (uint)slot < 32 && (mask & (1u << slot)) != 0;
    }
}
