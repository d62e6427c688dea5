using System.Collections.Immutable;
using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Opps;

/// <summary>What one quarter's Addendum B says about a HCPCS code.</summary>
/// <param name="Indicator">The payment status indicator.</param>
/// <param name="Apc">The ambulatory payment classification, or 0 when the row has none (packaged and unpaid codes).</param>
internal readonly record struct OppsCodeStatus(OppsStatusIndicator Indicator, int Apc);

/// <summary>
/// One quarter's OPPS Addendum B: the payment status indicator and APC of every HCPCS code, as of the quarter's first
/// day. Sorted by <see cref="ProcedureCode.Value"/>.
/// </summary>
/// <remarks>This type is immutable and thread-safe; <see cref="TryGet"/> allocates nothing.</remarks>
internal sealed partial class OppsQuarter
{
    private readonly uint[] codes;
    private readonly OppsStatusIndicator[] indicators;
    private readonly ushort[] apcs;
    private readonly PackedKeyIndex positions;

    /// <summary>Creates the quarter from codes sorted by value, without duplicates, and their indicators and APCs in the same order.</summary>
    public OppsQuarter(TableRelease release, uint[] codes, OppsStatusIndicator[] indicators, ushort[] apcs)
    {
        if (codes.Length != indicators.Length || codes.Length != apcs.Length)
        {
            throw new ArgumentException("Each code needs one indicator and one APC.", nameof(codes));
        }

        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i - 1] >= codes[i])
            {
                throw new ArgumentException("Codes must be sorted and distinct.", nameof(codes));
            }
        }

        Release = release;
        this.codes = codes;
        this.indicators = indicators;
        this.apcs = apcs;
        positions = PackedKeyIndex.Create(codes);
    }

    /// <summary>Gets the release: the quarter's first day is its effective date.</summary>
    public TableRelease Release { get; }

    /// <summary>Gets the number of codes.</summary>
    public int Count => codes.Length;

    /// <summary>Gets the codes, in code order (allocates).</summary>
    public IEnumerable<ProcedureCode> Codes => codes.Select(ProcedureCode.FromValue);

    /// <summary>Looks a code up.</summary>
    public bool TryGet(ProcedureCode code, out OppsCodeStatus status)
    {
        var index = positions.IndexOf(code.Value);
        if (index < 0)
        {
            status = default;
            return false;
        }

        status = new OppsCodeStatus(indicators[index], apcs[index]);
        return true;
    }
}

/// <summary>
/// The OPPS Addendum B of every loaded quarter. A date of service reads the latest quarter that began on or before it:
/// Addendum B is the snapshot of the quarter's first day, and CMS publishes one each quarter.
/// </summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class OppsTable : IProcedureCodeSource
{
    /// <summary>The table name releases and findings use.</summary>
    public const string TableName = "OPPS Addendum B";

    public OppsTable(IEnumerable<OppsQuarter> quarters) =>
        Quarters = [.. quarters.OrderBy(q => q.Release.EffectiveFrom ?? DateOnly.MinValue)];

    /// <summary>Gets the quarters, oldest first.</summary>
    public ImmutableArray<OppsQuarter> Quarters { get; }

    /// <inheritdoc/>
    public IEnumerable<ProcedureCode> ProcedureCodes => Quarters.SelectMany(q => q.Codes);

    /// <summary>Gets the quarter that stands for <paramref name="date"/>, or <see langword="null"/> when every loaded quarter began after it.</summary>
    public OppsQuarter? QuarterFor(DateOnly date)
    {
        OppsQuarter? standing = null;
        foreach (var quarter in Quarters)
        {
            if (quarter.Release.EffectiveFrom is { } from && from > date)
            {
                break;
            }

            standing = quarter;
        }

        return standing;
    }
}
