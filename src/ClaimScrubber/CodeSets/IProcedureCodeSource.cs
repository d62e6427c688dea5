namespace ClaimScrubber.CodeSets;

/// <summary>
/// A table that knows procedure codes. CPT has no public master list, so a procedure code counts as known when
/// any loaded table knows it (HCPCS file, fee-schedule RVU file, NCCI tables…); the index unions every table
/// that implements this.
/// </summary>
internal interface IProcedureCodeSource
{
    /// <summary>Gets every procedure code the table lists (duplicates allowed).</summary>
    IEnumerable<ProcedureCode> ProcedureCodes { get; }
}
