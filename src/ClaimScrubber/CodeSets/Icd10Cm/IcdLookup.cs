namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>What the ICD-10-CM table says about a code in one fiscal year.</summary>
internal enum IcdStatus
{
    /// <summary>The code is in no loaded fiscal year.</summary>
    Unknown = 0,

    /// <summary>The code is billable (a complete code) in the fiscal year.</summary>
    Billable = 1,

    /// <summary>The code is a header in the fiscal year: it has children, so it needs more characters.</summary>
    Header = 2,

    /// <summary>The code is not in the fiscal year but is in another loaded one (deleted, or not yet effective).</summary>
    NotValidOnDate = 3,

    /// <summary>No table is loaded for the fiscal year asked for.</summary>
    NoTableForDate = 4,
}

/// <summary>
/// The answer of <see cref="IcdCodeSet.Lookup(IcdCode, DateOnly)"/>: the status of a code in the fiscal year used,
/// which fiscal year that was (and which one the date falls in), the release that decided it, and the other loaded
/// years in which the code is billable or a header.
/// </summary>
internal readonly struct IcdLookup
{
    private readonly uint billableYears;
    private readonly uint headerYears;
    private readonly int firstYear;

    internal IcdLookup(IcdCode code, IcdStatus status, int fiscalYear, int dateFiscalYear, TableRelease? release, uint billableYears, uint headerYears, int firstYear)
    {
        Code = code;
        Status = status;
        FiscalYear = fiscalYear;
        DateFiscalYear = dateFiscalYear;
        Release = release;
        this.billableYears = billableYears;
        this.headerYears = headerYears;
        this.firstYear = firstYear;
    }

    /// <summary>Gets the code looked up.</summary>
    public IcdCode Code { get; }

    /// <summary>Gets the status of the code in <see cref="FiscalYear"/>.</summary>
    public IcdStatus Status { get; }

    /// <summary>Gets the fiscal year whose table decided <see cref="Status"/>, or 0 when none was loaded.</summary>
    public int FiscalYear { get; }

    /// <summary>Gets the fiscal year the date of service falls in.</summary>
    public int DateFiscalYear { get; }

    /// <summary>Gets a value indicating whether the date's own fiscal year is not loaded, so the nearest loaded year was used.</summary>
    public bool UsedNearestYear => FiscalYear != DateFiscalYear;

    /// <summary>Gets the release of <see cref="FiscalYear"/>, or <see langword="null"/> when none was loaded.</summary>
    public TableRelease? Release { get; }

    /// <summary>Gets a value indicating whether the code may be billed in <see cref="FiscalYear"/>.</summary>
    public bool IsBillable => Status == IcdStatus.Billable;

    /// <summary>Gets a value indicating whether the code is in at least one loaded fiscal year.</summary>
    public bool IsKnown => (billableYears | headerYears) != 0;

    /// <summary>Tells whether the code is billable in <paramref name="fiscalYear"/> (a loaded year).</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns><see langword="true"/> when billable in that year.</returns>
    public bool IsBillableIn(int fiscalYear) => IcdCodeSet.HasBit(billableYears, fiscalYear - firstYear);

    /// <summary>Tells whether the code is a header in <paramref name="fiscalYear"/> (a loaded year).</summary>
    /// <param name="fiscalYear">The fiscal year.</param>
    /// <returns><see langword="true"/> when a header in that year.</returns>
    public bool IsHeaderIn(int fiscalYear) => IcdCodeSet.HasBit(headerYears, fiscalYear - firstYear);
}
