using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets.Ncd;

/// <summary>How a lab NCD treats one ICD-10-CM code for the HCPCS codes it governs (the spreadsheet's resolution code).</summary>
internal enum NcdResolution : byte
{
    /// <summary>No row decides: the NCD neither lists the code nor has a catch-all row.</summary>
    Unknown = 0,

    /// <summary>1: the diagnosis supports the test.</summary>
    Covered = 1,

    /// <summary>2: the diagnosis is on the NCD's list of codes that are never covered (screening and similar).</summary>
    Denied = 2,

    /// <summary>3: the diagnosis does not support the test's medical necessity.</summary>
    NotMedicallyNecessary = 3,
}

/// <summary>
/// The clinical laboratory NCD edits: which NCD governs each lab HCPCS code, and for each NCD how every ICD-10-CM
/// code resolves, with effective dates for both. Keyed by the packed code integers; look-ups allocate nothing.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class LabNcdTable
{
    private readonly FrozenDictionary<uint, NcdProcedure> procedures;

    public LabNcdTable(ImmutableArray<LabNcd> ncds, TableRelease release)
    {
        Ncds = ncds;
        Release = release;
        var map = new Dictionary<uint, NcdProcedure>();
        foreach (var ncd in ncds)
        {
            foreach (var procedure in ncd.Procedures)
            {
                map[procedure.Code.Value] = procedure;
            }
        }

        procedures = map.ToFrozenDictionary();
    }

    /// <summary>Gets the NCDs in the order the spreadsheet lists them.</summary>
    public ImmutableArray<LabNcd> Ncds { get; }

    public TableRelease Release { get; }

    /// <summary>Gets how many HCPCS codes fall under an NCD.</summary>
    public int ProcedureCount => procedures.Count;

    /// <summary>Finds the NCD that governs <paramref name="code"/> on <paramref name="date"/>, if any.</summary>
    public bool TryGetNcd(ProcedureCode code, DateOnly date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LabNcd? ncd)
    {
        if (procedures.TryGetValue(code.Value, out var procedure) && procedure.Dates.Contains(date))
        {
            ncd = procedure.Ncd;
            return true;
        }

        ncd = null;
        return false;
    }

    /// <summary>Finds the NCD row of <paramref name="code"/> whatever the date, with its HCPCS dates.</summary>
    public bool TryGetProcedure(ProcedureCode code, out NcdProcedure procedure) => procedures.TryGetValue(code.Value, out procedure);
}

/// <summary>A span of dates as day numbers; both ends inclusive, open ends stored as the extreme values.</summary>
internal readonly record struct NcdDates(int From, int To)
{
    public static NcdDates Always { get; } = new(int.MinValue, int.MaxValue);

    public DateOnly? EffectiveFrom => From == int.MinValue ? null : DateOnly.FromDayNumber(From);

    public DateOnly? TerminatedAfter => To == int.MaxValue ? null : DateOnly.FromDayNumber(To);

    public static NcdDates Of(DateOnly? from, DateOnly? to) => new(from?.DayNumber ?? int.MinValue, to?.DayNumber ?? int.MaxValue);

    public bool Contains(DateOnly date) => date.DayNumber >= From && date.DayNumber <= To;
}

/// <summary>A HCPCS code listed under an NCD, with the dates the NCD governs it.</summary>
internal readonly record struct NcdProcedure(ProcedureCode Code, NcdDates Dates, LabNcd Ncd);

/// <summary>One ICD-10-CM row of an NCD: how the code resolves and when the row is in effect.</summary>
internal readonly record struct NcdDiagnosis(NcdResolution Resolution, NcdDates Dates);

/// <summary>What an NCD says about one diagnosis on one date.</summary>
/// <param name="Resolution">The resolution that applies, or <see cref="NcdResolution.Unknown"/>.</param>
/// <param name="Listed">Whether a row listing the code itself is in effect (otherwise the catch-all row decided).</param>
/// <param name="OutOfEffect">The listing row, when the code is listed but that row is not in effect on the date.</param>
internal readonly record struct NcdLookup(NcdResolution Resolution, bool Listed, NcdDiagnosis? OutOfEffect);

/// <summary>
/// One national coverage determination of the lab NCD manual (such as 190.22 thyroid testing): the HCPCS codes it
/// governs and, in a sorted array keyed by <see cref="IcdCode.Value"/>, how each ICD-10-CM code resolves. Codes it
/// does not list take the resolution of its catch-all row (<c>@@@@@@@</c> in the spreadsheet).
/// </summary>
internal sealed partial class LabNcd
{
    private readonly ulong[] keys;
    private readonly NcdDiagnosis[] rows;

    /// <param name="number">The NCD number, such as <c>190.22</c>.</param>
    /// <param name="description">The NCD title.</param>
    /// <param name="procedures">The HCPCS codes with their dates.</param>
    /// <param name="keys">The ICD-10-CM codes' values, sorted ascending (a code may repeat with other dates).</param>
    /// <param name="rows">The rows, parallel to <paramref name="keys"/>.</param>
    /// <param name="otherCodes">The catch-all row, or <see langword="null"/> when the NCD has none.</param>
    public LabNcd(string number, string description, Func<LabNcd, ImmutableArray<NcdProcedure>> procedures, ulong[] keys, NcdDiagnosis[] rows, NcdDiagnosis? otherCodes)
    {
        Number = number;
        Description = description;
        this.keys = keys;
        this.rows = rows;
        OtherCodes = otherCodes;
        Procedures = procedures(this);
    }

    public string Number { get; }

    public string Description { get; }

    public ImmutableArray<NcdProcedure> Procedures { get; }

    /// <summary>Gets the resolution of every code the NCD does not list, or <see langword="null"/>.</summary>
    public NcdDiagnosis? OtherCodes { get; }

    /// <summary>Gets how many ICD-10-CM rows the NCD lists (without its catch-all row).</summary>
    public int DiagnosisCount => keys.Length;

    /// <summary>Gets the listed code at <paramref name="index"/> in code order.</summary>
    public (IcdCode Code, NcdDiagnosis Row) this[int index] => (IcdCode.FromValue(keys[index]), rows[index]);

    /// <summary>Resolves <paramref name="diagnosis"/> on <paramref name="date"/>.</summary>
    public NcdLookup Resolve(IcdCode diagnosis, DateOnly date)
    {
        NcdDiagnosis? outOfEffect = null;
        for (var i = LowerBound(diagnosis.Value); i < keys.Length && keys[i] == diagnosis.Value; i++)
        {
            if (rows[i].Dates.Contains(date))
            {
                return new NcdLookup(rows[i].Resolution, Listed: true, null);
            }

            outOfEffect = rows[i];
        }

        var other = OtherCodes is { } catchAll && catchAll.Dates.Contains(date) ? catchAll.Resolution : NcdResolution.Unknown;
        return new NcdLookup(other, Listed: false, outOfEffect);
    }

    /// <summary>
    /// Lists up to <paramref name="max"/> codes of the same three-character category as <paramref name="diagnosis"/>
    /// that the NCD covers on <paramref name="date"/>; used to suggest a more specific, supporting code.
    /// </summary>
    public ImmutableArray<IcdCode> CoveredInCategory(IcdCode diagnosis, DateOnly date, int max)
    {
        var category = diagnosis.Category;
        var builder = ImmutableArray.CreateBuilder<IcdCode>(Math.Min(max, 16));
        for (var i = LowerBound(category.Value); i < keys.Length && builder.Count < max; i++)
        {
            var code = IcdCode.FromValue(keys[i]);
            if (!code.StartsWith(category))
            {
                break;
            }

            if (code != diagnosis && rows[i].Resolution == NcdResolution.Covered && rows[i].Dates.Contains(date))
            {
                builder.Add(code);
            }
        }

        return builder.ToImmutable();
    }

    private int LowerBound(ulong value)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (keys[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <inheritdoc/>
    public override string ToString() => $"NCD {Number} {Description}";
}
