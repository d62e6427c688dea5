using ClaimScrubber.CodeSets.Icd10Cm;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// The diagnosis logic of CMS's Medicare Code Editor over the loaded MCE lists and ICD-10-CM code set: which edits one
/// diagnosis of a claim draws, given the discharge date, age, sex and the other diagnoses.
/// </summary>
/// <remarks>
/// As the MCE does: validity is by the discharge date's fiscal year; a code invalid on the date draws no other edit
/// than a duplicate of the principal; age uses the four ranges of edit 4; principal-diagnosis edits (2, 6, 8, 9) read
/// the first diagnosis only; wrong procedure (18) and unspecified (20) read every diagnosis.
/// <para>
/// A code expanded into subcodes after the date is absent from the newer lists, which name its subcodes instead. When
/// such a code (valid on the date, not billable in the list's own fiscal year) has a subcode on a list, the list held
/// the code itself before the expansion, and it counts as listed — CMS gives new subcodes the edits of the code they
/// split.
/// </para>
/// <para>This type is immutable and thread-safe; <see cref="Edit"/> allocates nothing.</para>
/// </remarks>
internal sealed partial class MceEditor
{
    private readonly MceListMembership membership;

    public MceEditor(MceTable table, IcdCodeSet? icd, Icd10Pcs.PcsCodeSet? pcs = null)
    {
        Table = table;
        Icd = icd;
        Pcs = pcs;
        membership = table.MembershipFor(icd, () => MceListMembership.Build(table, IsListedOnByDefinition));
    }

    public MceTable Table { get; }

    public IcdCodeSet? Icd { get; }

    /// <summary>Gets the ICD-10-PCS code set procedures are validated against, or <see langword="null"/> (then every well-formed code counts as valid).</summary>
    public Icd10Pcs.PcsCodeSet? Pcs { get; }

    /// <summary>Tells whether <paramref name="code"/> is valid (billable) on <paramref name="date"/>; every code counts as valid without an ICD-10-CM table.</summary>
    public bool IsValid(IcdCode code, DateOnly date) => Icd is null || Icd.IsBillableOn(code, date);

    /// <summary>Tells whether the code of ICD-10-CM row <paramref name="icdRow"/> (<see cref="IcdCodeSet.RowOf"/>) is valid on <paramref name="date"/>, as <see cref="IsValid(IcdCode, DateOnly)"/> judges it.</summary>
    public bool IsValid(int icdRow, DateOnly date) => Icd is null || Icd.IsBillableOn(icdRow, date);

    /// <summary>Finds the row of <paramref name="code"/> in the list membership, or -1 when no list can hold it: a claim's facts keep it for every rule that asks.</summary>
    public int RowOf(IcdCode code) => membership.RowOf(code);

    /// <summary>Returns the edits the diagnosis at <paramref name="position"/> (0 = principal) draws.</summary>
    /// <param name="diagnoses">The claim's diagnoses, principal first.</param>
    /// <param name="position">The diagnosis to edit.</param>
    /// <param name="date">The discharge date (or date of service).</param>
    /// <param name="age">The age in years on <paramref name="date"/>, or <see langword="null"/> when unknown (no age edit).</param>
    /// <param name="sex">The patient's sex (no sex edit when unknown).</param>
    public MceEdits Edit(ReadOnlySpan<IcdCode> diagnoses, int position, DateOnly date, int? age, Sex sex)
    {
        var code = diagnoses[position];
        var edits = MceEdits.None;
        if (position > 0 && code == diagnoses[0])
        {
            edits |= MceEdits.DuplicateOfPdx;
        }

        if (!IsValid(code, date))
        {
            return edits | MceEdits.InvalidCode;
        }

        return edits | ValidCodeEdits(code, position == 0, diagnoses.Length > 1, date, age, sex);
    }

    /// <summary>Returns the edits a valid code draws in the given position, apart from duplicates.</summary>
    public MceEdits ValidCodeEdits(IcdCode code, bool principal, bool hasSecondary, DateOnly date, int? age, Sex sex) =>
        ValidCodeEdits(code, RowOf(code), principal, hasSecondary, date, age, sex);

    /// <summary>Returns the edits a valid code draws in the given position, apart from duplicates, from its row (<see cref="RowOf"/>).</summary>
    public MceEdits ValidCodeEdits(IcdCode code, int row, bool principal, bool hasSecondary, DateOnly date, int? age, Sex sex)
    {
        var lists = ListsOn(row, date);
        var edits = MceEdits.None;
        if (lists == 0 && !(principal && code.IsExternalCause))
        {
            return edits;
        }

        if (age is { } years and >= 0 and <= 124 && AgeConflictList(lists, years) is not null)
        {
            edits |= MceEdits.AgeConflict;
        }

        if ((sex == Sex.Male && Has(lists, MceList.FemaleOnly)) || (sex == Sex.Female && Has(lists, MceList.MaleOnly)))
        {
            edits |= MceEdits.SexConflict;
        }

        if (principal)
        {
            if (code.IsExternalCause)
            {
                edits |= MceEdits.ECodeAsPdx;
            }

            if (Has(lists, MceList.Manifestation))
            {
                edits |= MceEdits.ManifestationAsPdx;
            }

            if (Has(lists, MceList.QuestionableAdmission))
            {
                edits |= MceEdits.QuestionableAdmission;
            }

            if (Has(lists, MceList.RequiresSecondary))
            {
                if (!hasSecondary)
                {
                    edits |= MceEdits.RequiresSdx;
                }
            }
            else if (Has(lists, MceList.UnacceptablePrincipal))
            {
                edits |= MceEdits.UnacceptablePdx;
            }
        }

        if (Has(lists, MceList.WrongProcedure))
        {
            edits |= MceEdits.WrongProcedurePerformed;
        }

        if (Has(lists, MceList.Unspecified))
        {
            edits |= MceEdits.Unspecified;
        }

        return edits;
    }

    /// <summary>Returns the age list that puts <paramref name="code"/> outside <paramref name="age"/>, or <see langword="null"/>.</summary>
    public MceList? AgeConflictList(IcdCode code, DateOnly date, int age) => AgeConflictList(ListsOn(RowOf(code), date), age);

    /// <summary>Returns the age list that puts the code of <paramref name="row"/> (<see cref="RowOf"/>) outside <paramref name="age"/>, or <see langword="null"/>.</summary>
    public MceList? AgeConflictList(int row, DateOnly date, int age) => AgeConflictList(ListsOn(row, date), age);

    /// <summary>Tells whether <paramref name="list"/>, as it stood on <paramref name="date"/> and with its edit active then, holds <paramref name="code"/>.</summary>
    public bool InList(MceList list, IcdCode code, DateOnly date) => Has(ListsOn(RowOf(code), date), list);

    /// <summary>Tells whether <paramref name="list"/>, as it stood on <paramref name="date"/> and with its edit active then, holds the code of <paramref name="row"/> (<see cref="RowOf"/>).</summary>
    public bool InList(MceList list, int row, DateOnly date) => Has(ListsOn(row, date), list);

    /// <summary>Returns the lists the code of <paramref name="row"/> is on, on <paramref name="date"/>: bit <c>(int)list</c> per list.</summary>
    private int ListsOn(int row, DateOnly date) => membership.ListsOf(row, membership.EraOf(date));

    /// <summary>Gets the release of <paramref name="list"/> that stands for <paramref name="date"/>.</summary>
    public TableRelease? ReleaseOf(MceList list, DateOnly date) => Table.VersionFor(list, date)?.Release;

    private static bool Has(int lists, MceList list) => (lists & (1 << (int)list)) != 0;

    private static MceList? AgeConflictList(int lists, int age)
    {
        if (age != 0 && Has(lists, MceList.Newborn))
        {
            return MceList.Newborn;
        }

        if (age > 17 && Has(lists, MceList.Pediatric))
        {
            return MceList.Pediatric;
        }

        if ((age < 9 || age > 64) && Has(lists, MceList.Maternity))
        {
            return MceList.Maternity;
        }

        if ((age < 15 || age > 124) && Has(lists, MceList.Adult))
        {
            return MceList.Adult;
        }

        return null;
    }

    /// <summary>
    /// What being on a list means, on one date: the version standing then, with its edit active, holds the code (as
    /// its release's added and removed codes have it on that date), or holds a subcode of a code not billable in the
    /// version's own year. <see cref="MceListMembership"/> evaluates it once per code and era.
    /// </summary>
    internal bool IsListedOnByDefinition(MceList list, IcdCode code, DateOnly date)
    {
        if (Table.VersionFor(list, date) is not { } version || !version.IsActiveOn(date))
        {
            return false;
        }

        if (version.Contains(code, date))
        {
            return true;
        }

        return Icd is not null && version.CodeYear != 0 && !Icd.IsBillable(code, version.CodeYear) && version.ContainsDescendantOf(code);
    }
}
