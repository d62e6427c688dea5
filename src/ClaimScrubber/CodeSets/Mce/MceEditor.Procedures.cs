using ClaimScrubber.CodeSets.Icd10Pcs;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The procedure and claim edits of CMS's Medicare Code Editor: which edits one ICD-10-PCS procedure of an inpatient
/// claim draws, given the discharge date, the other procedures, the diagnoses, age, sex and length of stay; and whether
/// the claim's age, sex and discharge status are valid (edits 14–16).
/// </summary>
/// <remarks>
/// As the MCE does: validity is by the discharge date's fiscal year, and a procedure not valid on the date draws no
/// other edit. A procedure the manual makes non-covered in the claim's circumstances is not also reported as of limited
/// coverage (17 lists the pancreas transplants that 11B makes non-covered when billed alone): Medicare's limited coverage
/// is coverage of part of the cost, which a non-covered procedure does not get. The questionable obstetric admission
/// (8B) looks for the outcome of delivery among the secondary diagnoses, as the manual says; the sex conflict reads
/// <see cref="PcsSexSpecificity"/> up to the date the manual deactivates the edit.
/// </remarks>
internal sealed partial class MceEditor
{
    /// <summary>Tells whether <paramref name="code"/> is valid in the fiscal year of <paramref name="date"/>; every code counts as valid without an ICD-10-PCS table.</summary>
    public bool IsValid(PcsCode code, DateOnly date) => Pcs is null || Pcs.Lookup(code, date).Status == PcsStatus.Valid;

    /// <summary>Returns the edits the procedure at <paramref name="position"/> draws.</summary>
    /// <param name="procedures">The claim's ICD-10-PCS procedures, in claim order.</param>
    /// <param name="position">The procedure to edit.</param>
    /// <param name="diagnoses">The claim's diagnoses, principal first.</param>
    /// <param name="date">The discharge date.</param>
    /// <param name="age">The age in years, or <see langword="null"/> when unknown or invalid (no age condition holds).</param>
    /// <param name="sex">The patient's sex (no sex edit when unknown).</param>
    /// <param name="stayDays">The discharge date less the admission date in days, or <see langword="null"/> when unknown (no length-of-stay edit).</param>
    public MceProcedureEdits EditProcedure(ReadOnlySpan<PcsCode> procedures, int position, ReadOnlySpan<IcdCode> diagnoses, DateOnly date, int? age, Sex sex, int? stayDays)
    {
        var code = procedures[position];
        return IsValid(code, date) ? ValidProcedureEdits(code, procedures, diagnoses, date, age, sex, stayDays) : MceProcedureEdits.InvalidCode;
    }

    /// <summary>Returns the edits a procedure valid on <paramref name="date"/> draws (see <see cref="EditProcedure"/> for the parameters).</summary>
    public MceProcedureEdits ValidProcedureEdits(PcsCode code, ReadOnlySpan<PcsCode> procedures, ReadOnlySpan<IcdCode> diagnoses, DateOnly date, int? age, Sex sex, int? stayDays)
    {
        var edits = MceProcedureEdits.None;
        if (Table.ProceduresFor(date) is { } release)
        {
            foreach (var rule in release.Coverage)
            {
                if ((edits & rule.Edit) == 0 && rule.Lists(code, date) && rule.Applies(procedures, diagnoses, age))
                {
                    edits |= rule.Edit;
                }
            }

            if ((edits & MceProcedureEdits.NonCovered) != 0)
            {
                edits &= ~MceProcedureEdits.LimitedCoverage;
            }

            if (release.IsDelivery(code, date) && !HasOutcomeOfDelivery(release, diagnoses))
            {
                edits |= MceProcedureEdits.QuestionableObstetricAdmission;
            }

            if (stayDays is { } days && release.NeedsStay(code) && days < release.MinimumStayDays)
            {
                edits |= MceProcedureEdits.InconsistentWithLengthOfStay;
            }
        }

        if (ConflictsWithSex(code, sex, date))
        {
            edits |= MceProcedureEdits.SexConflict;
        }

        return edits;
    }

    /// <summary>Returns the section that made the procedure draw <paramref name="edit"/> (for messages), or <see langword="null"/>.</summary>
    public MceCoverageRule? CoverageRuleFor(MceProcedureEdits edit, PcsCode code, ReadOnlySpan<PcsCode> procedures, ReadOnlySpan<IcdCode> diagnoses, DateOnly date, int? age)
    {
        if (Table.ProceduresFor(date) is { } release)
        {
            foreach (var rule in release.Coverage)
            {
                if (rule.Edit == edit && rule.Lists(code, date) && rule.Applies(procedures, diagnoses, age))
                {
                    return rule;
                }
            }
        }

        return null;
    }

    /// <summary>Tells whether the sex-conflict edit, still active on <paramref name="date"/>, finds <paramref name="code"/> for the other sex.</summary>
    public bool ConflictsWithSex(PcsCode code, Sex sex, DateOnly date)
    {
        if (sex == Sex.Unknown || (Table.SexEditInactiveFrom is { } off && date >= off))
        {
            return false;
        }

        var only = PcsSexSpecificity.Of(code);
        return only != Sex.Unknown && only != sex;
    }

    /// <summary>Returns the claim-level edits (14–16) of a claim with this age, MCE sex code and discharge status.</summary>
    /// <param name="age">The age in years.</param>
    /// <param name="sexCode">The sex as the MCE codes it (0 unknown, 1 male, 2 female).</param>
    /// <param name="dischargeStatus">The UB-04 patient discharge status, or <see langword="null"/> when not given (not checked).</param>
    /// <param name="date">The discharge date.</param>
    public MceClaimEdits EditClaim(int age, int sexCode, string? dischargeStatus, DateOnly date)
    {
        var edits = MceClaimEdits.None;
        if (Table.ProceduresFor(date) is not { } release)
        {
            return edits;
        }

        if (release.ValidAges is { } ages && (age < ages.Min || age > ages.Max))
        {
            edits |= MceClaimEdits.InvalidAge;
        }

        if (release.ValidSexCodes is { } codes && !codes.Contains(sexCode))
        {
            edits |= MceClaimEdits.InvalidSex;
        }

        if (dischargeStatus is not null && !release.IsValidDischargeStatus(dischargeStatus, date))
        {
            edits |= MceClaimEdits.InvalidDischargeStatus;
        }

        return edits;
    }

    /// <summary>Tells whether the MCE accepts discharge status <paramref name="status"/> (0–99) on <paramref name="date"/>; any status when no manual lists them.</summary>
    public bool IsValidDischargeStatus(int status, DateOnly date)
    {
        if (Table.ProceduresFor(date) is not { } release)
        {
            return true;
        }

        Span<char> text = [(char)('0' + (status / 10 % 10)), (char)('0' + (status % 10))];
        return release.IsValidDischargeStatus(text, date);
    }

    /// <summary>Tells whether <paramref name="age"/> is one the MCE accepts on <paramref name="date"/> (0–124; any age when no manual says).</summary>
    public bool IsValidAge(int age, DateOnly date) =>
        Table.ProceduresFor(date)?.ValidAges is not { } ages || (age >= ages.Min && age <= ages.Max);

    private static bool HasOutcomeOfDelivery(MceProcedureRelease release, ReadOnlySpan<IcdCode> diagnoses)
    {
        for (var i = 1; i < diagnoses.Length; i++)
        {
            if (release.IsOutcomeOfDelivery(diagnoses[i]))
            {
                return true;
            }
        }

        return false;
    }
}
