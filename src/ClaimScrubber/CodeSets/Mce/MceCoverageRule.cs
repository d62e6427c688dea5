namespace ClaimScrubber.CodeSets.Mce;

/// <summary>When the procedures of an MCE coverage list draw their edit, as the list's section in the definitions manual states.</summary>
internal enum MceCoverageCondition
{
    /// <summary>Always ("identified as always non-covered procedures", "a list of limited coverage procedure codes").</summary>
    Always,

    /// <summary>Only when a principal or secondary diagnosis is one of the section's diagnoses (11D, 11G).</summary>
    WithDiagnosis,

    /// <summary>Except when a principal or secondary diagnosis is one of the section's diagnoses (11C and 17B, discontinued).</summary>
    UnlessDiagnosis,

    /// <summary>
    /// When billed without one of the section's companion procedures and without one of its diagnoses (11B: a pancreas
    /// transplant alone, without a kidney transplant or a listed diabetes diagnosis).
    /// </summary>
    UnlessDiagnosisOrProcedure,

    /// <summary>When the beneficiary is over the section's age (11F: over age 60).</summary>
    OverAge,
}

/// <summary>
/// One lettered section of MCE edit 11 (non-covered) or 17 (limited coverage): its procedures, the condition under which
/// they draw the edit, the diagnoses or procedures the condition names, and the dates the section holds for.
/// </summary>
/// <remarks>This type is immutable and thread-safe; <see cref="Lists"/> and <see cref="Applies"/> allocate nothing.</remarks>
internal sealed partial class MceCoverageRule
{
    private readonly ulong[] procedures;
    private readonly ulong[] removedProcedures;
    private readonly ulong[] addedProcedures;
    private readonly ulong[] diagnoses;
    private readonly ulong[] companions;

    public MceCoverageRule(string section, MceProcedureEdits edit, MceCoverageCondition condition, IEnumerable<PcsCode> procedures, IEnumerable<IcdCode>? diagnoses = null, IEnumerable<PcsCode>? companions = null, int age = 0, DateOnly? effectiveFrom = null, DateOnly? inactiveFrom = null, IEnumerable<PcsCode>? removedOnRelease = null, IEnumerable<PcsCode>? addedOnRelease = null)
        : this(section, edit, condition, MceCodes.Sorted(procedures.Select(p => p.Value)), MceCodes.Sorted((diagnoses ?? []).Select(d => d.Value)), MceCodes.Sorted((companions ?? []).Select(p => p.Value)), age, effectiveFrom, inactiveFrom, MceCodes.Sorted((removedOnRelease ?? []).Select(p => p.Value)), MceCodes.Sorted((addedOnRelease ?? []).Select(p => p.Value)))
    {
    }

    private MceCoverageRule(string section, MceProcedureEdits edit, MceCoverageCondition condition, ulong[] procedures, ulong[] diagnoses, ulong[] companions, int age, DateOnly? effectiveFrom, DateOnly? inactiveFrom, ulong[] removedProcedures, ulong[] addedProcedures)
    {
        Section = section;
        Edit = edit;
        Condition = condition;
        this.procedures = procedures;
        this.diagnoses = diagnoses;
        this.companions = companions;
        Age = age;
        EffectiveFrom = effectiveFrom;
        InactiveFrom = inactiveFrom;
        this.removedProcedures = removedProcedures;
        this.addedProcedures = addedProcedures;
    }

    /// <summary>Gets the section of the manual, such as <c>11D</c>.</summary>
    public string Section { get; }

    /// <summary>Gets the edit the section's procedures draw: <see cref="MceProcedureEdits.NonCovered"/> or <see cref="MceProcedureEdits.LimitedCoverage"/>.</summary>
    public MceProcedureEdits Edit { get; }

    /// <summary>Gets when the procedures draw the edit.</summary>
    public MceCoverageCondition Condition { get; }

    /// <summary>Gets the age the beneficiary must be over (<see cref="MceCoverageCondition.OverAge"/>).</summary>
    public int Age { get; }

    /// <summary>Gets the first day of the release the section comes from, which dates the codes it added or removed.</summary>
    public DateOnly? EffectiveFrom { get; }

    /// <summary>Gets the first date the section no longer applies (the manual's "discontinued as of"), or <see langword="null"/>.</summary>
    public DateOnly? InactiveFrom { get; }

    /// <summary>Gets the procedures, in code order (allocates; for tests and reports).</summary>
    public IEnumerable<PcsCode> Procedures => procedures.Select(PcsCode.FromValue);

    /// <summary>Gets the diagnoses the condition names, in code order (allocates).</summary>
    public IEnumerable<IcdCode> Diagnoses => diagnoses.Select(IcdCode.FromValue);

    /// <summary>Gets the companion procedures the condition names, in code order (allocates).</summary>
    public IEnumerable<PcsCode> Companions => companions.Select(PcsCode.FromValue);

    /// <summary>Gets the procedures the release removed, which the section held before its effective date (allocates).</summary>
    public IEnumerable<PcsCode> RemovedProcedures => removedProcedures.Select(PcsCode.FromValue);

    /// <summary>
    /// Tells whether the section, active on <paramref name="date"/>, lists <paramref name="code"/> then: codes the
    /// release removed count before its effective date, codes it added only from then.
    /// </summary>
    public bool Lists(PcsCode code, DateOnly date) =>
        (InactiveFrom is not { } off || date < off) && MceCodes.ListedOn(procedures, addedProcedures, removedProcedures, EffectiveFrom, code.Value, date);

    /// <summary>Tells whether a listed procedure draws the edit on a claim with these procedures, diagnoses (principal first) and age.</summary>
    /// <param name="claimProcedures">Every procedure of the claim.</param>
    /// <param name="claimDiagnoses">Every diagnosis of the claim, principal first.</param>
    /// <param name="age">The age in years, or <see langword="null"/> when unknown or invalid (no age condition holds).</param>
    public bool Applies(ReadOnlySpan<PcsCode> claimProcedures, ReadOnlySpan<IcdCode> claimDiagnoses, int? age) => Condition switch
    {
        MceCoverageCondition.Always => true,
        MceCoverageCondition.WithDiagnosis => AnyDiagnosis(claimDiagnoses),
        MceCoverageCondition.UnlessDiagnosis => !AnyDiagnosis(claimDiagnoses),
        MceCoverageCondition.UnlessDiagnosisOrProcedure => !AnyDiagnosis(claimDiagnoses) && !AnyCompanion(claimProcedures),
        MceCoverageCondition.OverAge => age > Age,
        _ => false,
    };

    /// <summary>Says in words when the section's procedures draw the edit, for findings and reports.</summary>
    public string Describe() => Condition switch
    {
        MceCoverageCondition.WithDiagnosis => $"when billed with {CodeList(diagnoses.Select(d => IcdCode.FromValue(d).ToDottedString()))}",
        MceCoverageCondition.UnlessDiagnosis => $"unless billed with {CodeList(diagnoses.Select(d => IcdCode.FromValue(d).ToDottedString()))}",
        MceCoverageCondition.UnlessDiagnosisOrProcedure => $"when billed without {CodeList(companions.Select(c => PcsCode.FromValue(c).ToString()))} and without {CodeList(diagnoses.Select(d => IcdCode.FromValue(d).ToDottedString()))}",
        MceCoverageCondition.OverAge => $"for beneficiaries over age {Age}",
        _ => "always",
    };

    private static string CodeList(IEnumerable<string> codes)
    {
        var all = codes.ToArray();
        return all.Length switch
        {
            1 => all[0],
            <= 6 => "one of " + string.Join(", ", all),
            _ => $"one of the section's {all.Length} codes ({string.Join(", ", all.Take(3))}…)",
        };
    }

    private bool AnyDiagnosis(ReadOnlySpan<IcdCode> claimDiagnoses)
    {
        foreach (var diagnosis in claimDiagnoses)
        {
            if (MceCodes.Has(diagnoses, diagnosis.Value))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyCompanion(ReadOnlySpan<PcsCode> claimProcedures)
    {
        foreach (var procedure in claimProcedures)
        {
            if (MceCodes.Has(companions, procedure.Value))
            {
                return true;
            }
        }

        return false;
    }

}
