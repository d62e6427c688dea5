using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>One UB-04 patient discharge status the MCE accepts, with the dates the manual gives it ("added 10/01/09", "valid until 9/30/09").</summary>
/// <param name="Code">The two-digit status.</param>
/// <param name="From">The first date it is valid, or <see langword="null"/> when it always was.</param>
/// <param name="To">The last date it is valid, or <see langword="null"/> when it still is.</param>
internal readonly record struct MceDischargeStatus(string Code, DateOnly? From, DateOnly? To)
{
    /// <summary>Tells whether the status is valid on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => (From is not { } from || date >= from) && (To is not { } to || date <= to);
}

/// <summary>
/// What one MCE definitions manual says about procedures and the claim: the coverage sections of edits 11 and 17, the
/// delivery procedures and outcome-of-delivery diagnoses of edit 8B, the procedures of edit 19 with the stay they need,
/// and the valid ages, sex codes and discharge statuses of edits 14–16.
/// </summary>
/// <remarks>This type is immutable and thread-safe; its look-ups allocate nothing.</remarks>
internal sealed partial class MceProcedureRelease
{
    private readonly ulong[] cesarean;
    private readonly ulong[] vaginalDelivery;
    private readonly ulong[] outcomeOfDelivery;
    private readonly ulong[] lengthOfStay;

    public MceProcedureRelease(
        TableRelease release,
        IEnumerable<MceCoverageRule> coverage,
        IEnumerable<PcsCode> cesarean,
        IEnumerable<PcsCode> vaginalDelivery,
        IEnumerable<IcdCode> outcomeOfDelivery,
        DateOnly? obstetricInactiveFrom,
        IEnumerable<PcsCode> lengthOfStay,
        int minimumStayDays,
        (int Min, int Max)? validAges,
        IEnumerable<int>? validSexCodes,
        IEnumerable<MceDischargeStatus>? dischargeStatuses)
        : this(release, [.. coverage], MceCodes.Sorted(cesarean.Select(c => c.Value)), MceCodes.Sorted(vaginalDelivery.Select(c => c.Value)), MceCodes.Sorted(outcomeOfDelivery.Select(c => c.Value)), obstetricInactiveFrom,
            MceCodes.Sorted(lengthOfStay.Select(c => c.Value)), minimumStayDays, validAges, validSexCodes is null ? null : [.. validSexCodes.Distinct().Order()], dischargeStatuses is null ? null : [.. dischargeStatuses.OrderBy(s => s.Code, StringComparer.Ordinal)])
    {
    }

    private MceProcedureRelease(TableRelease release, ImmutableArray<MceCoverageRule> coverage, ulong[] cesarean, ulong[] vaginalDelivery, ulong[] outcomeOfDelivery, DateOnly? obstetricInactiveFrom, ulong[] lengthOfStay, int minimumStayDays, (int Min, int Max)? validAges, ImmutableArray<int>? validSexCodes, ImmutableArray<MceDischargeStatus>? dischargeStatuses)
    {
        Release = release;
        Coverage = coverage;
        this.cesarean = cesarean;
        this.vaginalDelivery = vaginalDelivery;
        this.outcomeOfDelivery = outcomeOfDelivery;
        ObstetricInactiveFrom = obstetricInactiveFrom;
        this.lengthOfStay = lengthOfStay;
        MinimumStayDays = minimumStayDays;
        ValidAges = validAges;
        ValidSexCodes = validSexCodes;
        DischargeStatuses = dischargeStatuses;
    }

    /// <summary>Returns this release's edits under <paramref name="release"/> (the manual's release once its row count is known).</summary>
    public MceProcedureRelease WithRelease(TableRelease release) =>
        new(release, Coverage, cesarean, vaginalDelivery, outcomeOfDelivery, ObstetricInactiveFrom, lengthOfStay, MinimumStayDays, ValidAges, ValidSexCodes, DischargeStatuses);

    /// <summary>Gets the manual's release; its effective dates are the dates it stands for.</summary>
    public TableRelease Release { get; }

    /// <summary>Gets the sections of edits 11 and 17 that list procedures, in manual order.</summary>
    public ImmutableArray<MceCoverageRule> Coverage { get; }

    /// <summary>Gets the first date edit 8B no longer applies, or <see langword="null"/>.</summary>
    public DateOnly? ObstetricInactiveFrom { get; }

    /// <summary>Gets the fewest days of stay (discharge date less admission date) the procedures of edit 19 are consistent with.</summary>
    public int MinimumStayDays { get; }

    /// <summary>Gets the ages edit 14 accepts, or <see langword="null"/> when the manual does not say.</summary>
    public (int Min, int Max)? ValidAges { get; }

    /// <summary>Gets the sex codes edit 15 accepts, or <see langword="null"/> when the manual does not say.</summary>
    public ImmutableArray<int>? ValidSexCodes { get; }

    /// <summary>Gets the discharge statuses edit 16 accepts, or <see langword="null"/> when the manual does not list them.</summary>
    public ImmutableArray<MceDischargeStatus>? DischargeStatuses { get; }

    /// <summary>Gets the number of codes the release's procedure edits read (its contribution to the release's row count).</summary>
    public int CodeCount => Coverage.Sum(c => c.Procedures.Count() + c.Diagnoses.Count() + c.Companions.Count()) + cesarean.Length + vaginalDelivery.Length + outcomeOfDelivery.Length + lengthOfStay.Length + (DischargeStatuses?.Length ?? 0);

    /// <summary>Gets the cesarean section procedures of edit 8B (allocates).</summary>
    public IEnumerable<PcsCode> Cesarean => cesarean.Select(PcsCode.FromValue);

    /// <summary>Gets the vaginal delivery procedures of edit 8B (allocates).</summary>
    public IEnumerable<PcsCode> VaginalDelivery => vaginalDelivery.Select(PcsCode.FromValue);

    /// <summary>Gets the outcome-of-delivery diagnoses of edit 8B (allocates).</summary>
    public IEnumerable<IcdCode> OutcomeOfDelivery => outcomeOfDelivery.Select(IcdCode.FromValue);

    /// <summary>Gets the procedures of edit 19 (allocates).</summary>
    public IEnumerable<PcsCode> LengthOfStayProcedures => lengthOfStay.Select(PcsCode.FromValue);

    /// <summary>Tells whether <paramref name="code"/> is a cesarean or vaginal delivery procedure of edit 8B active on <paramref name="date"/>.</summary>
    public bool IsDelivery(PcsCode code, DateOnly date) =>
        (ObstetricInactiveFrom is not { } off || date < off)
        && (MceCodes.Has(cesarean, code.Value) || MceCodes.Has(vaginalDelivery, code.Value));

    /// <summary>Tells whether <paramref name="code"/> is an outcome-of-delivery diagnosis of edit 8B.</summary>
    public bool IsOutcomeOfDelivery(IcdCode code) => MceCodes.Has(outcomeOfDelivery, code.Value);

    /// <summary>Tells whether <paramref name="code"/> is a procedure of edit 19.</summary>
    public bool NeedsStay(PcsCode code) => MceCodes.Has(lengthOfStay, code.Value);

    /// <summary>Tells whether edit 16 accepts <paramref name="status"/> on <paramref name="date"/>; <see langword="true"/> when the manual lists no statuses.</summary>
    public bool IsValidDischargeStatus(ReadOnlySpan<char> status, DateOnly date)
    {
        if (DischargeStatuses is not { } statuses)
        {
            return true;
        }

        foreach (var known in statuses)
        {
            if (status.SequenceEqual(known.Code) && known.IsValidOn(date))
            {
                return true;
            }
        }

        return false;
    }
}
