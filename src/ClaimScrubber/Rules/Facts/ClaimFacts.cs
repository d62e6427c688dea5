using System.Runtime.CompilerServices;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Rules.Modifiers;

namespace ClaimScrubber.Rules.Facts;

/// <summary>
/// What the loaded tables say of the claim being scrubbed: per line, its procedure code's rows in every table (HCPCS, fee
/// schedule, NCCI, lab NCD); per diagnosis, its rows in the ICD-10-CM code set and the MCE lists, and the codes whose
/// Excludes1 notes it falls under. Each family of facts is looked up once per claim, for all lines or diagnoses at once, when
/// a rule first asks for it; the rules read them instead of asking the tables again.
/// </summary>
/// <remarks>
/// One instance per thread, kept by <see cref="Scrubbing.ScrubContext"/> and bound to each claim in turn: its buffers grow to
/// the largest claim seen and are reused, so reading facts allocates nothing. The facts are table facts only; what they mean
/// for a claim (which setting's edits apply, what a payer allows) stays with the rules.
/// </remarks>
internal sealed class ClaimFacts
{
    private FactTables? tables;
    private Claim? claim;
    private Families resolved;
    private ProcedureFacts[] procedures = [];
    private FeeFacts[] fees = [];
    private NcciFacts[] ncci = [];
    private NcdFacts[] ncds = [];
    private DiagnosisFacts[] diagnoses = [];
    private NoteOwner[] owners = [];
    private int[] ownerCounts = [];

    [Flags]
    private enum Families
    {
        None = 0,
        Procedures = 1 << 0,
        Fees = 1 << 1,
        Ncci = 1 << 2,
        Ncds = 1 << 3,
        Diagnoses = 1 << 4,
        Excludes1 = 1 << 5,
    }

    /// <summary>Gets the tables the facts come from.</summary>
    public FactTables Tables => tables!;

    /// <summary>Gets each line's HCPCS row and whether any table knows its code (default for a line without a code).</summary>
    public ReadOnlySpan<ProcedureFacts> Procedures
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (resolved & Families.Procedures) != 0 ? procedures.AsSpan(0, claim!.Lines.Length) : ResolveProcedures();
    }

    /// <summary>Gets each line's fee schedule rows (none for a line without a code, or without the table).</summary>
    public ReadOnlySpan<FeeFacts> Fees
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (resolved & Families.Fees) != 0 ? fees.AsSpan(0, claim!.Lines.Length) : ResolveFees();
    }

    /// <summary>Gets each line's NCCI facts on its date, for the claim's setting (default for a line without a code or date).</summary>
    public ReadOnlySpan<NcciFacts> Ncci
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (resolved & Families.Ncci) != 0 ? ncci.AsSpan(0, claim!.Lines.Length) : ResolveNcci();
    }

    /// <summary>Gets each line's lab NCD on its date (none for a line without a code or date).</summary>
    public ReadOnlySpan<NcdFacts> Ncds
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (resolved & Families.Ncds) != 0 ? ncds.AsSpan(0, claim!.Lines.Length) : ResolveNcds();
    }

    /// <summary>Gets each diagnosis's rows in the ICD-10-CM code set and the MCE list membership.</summary>
    public ReadOnlySpan<DiagnosisFacts> Diagnoses
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (resolved & Families.Diagnoses) != 0 ? diagnoses.AsSpan(0, claim!.Diagnoses.Length) : ResolveDiagnoses();
    }

    /// <summary>
    /// Gets the prefixes of diagnosis <paramref name="index"/> (0-based; itself included) whose Excludes1 notes it falls
    /// under, shortest first (<see cref="Excludes1Table.FindNoteOwners"/>); none without the table.
    /// </summary>
    public ReadOnlySpan<NoteOwner> Excludes1Owners(int index)
    {
        if ((resolved & Families.Excludes1) == 0)
        {
            ResolveExcludes1();
        }

        return owners.AsSpan(index * Excludes1Table.PrefixCount, ownerCounts[index]);
    }

    /// <summary>Tells whether any diagnosis of the claim falls under an Excludes1 note.</summary>
    public bool AnyExcludes1Owner()
    {
        if ((resolved & Families.Excludes1) == 0)
        {
            ResolveExcludes1();
        }

        foreach (var count in ownerCounts.AsSpan(0, claim!.Diagnoses.Length))
        {
            if (count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Binds the facts to <paramref name="claimToScrub"/>; none is looked up until asked for.</summary>
    public void Bind(FactTables factTables, Claim claimToScrub)
    {
        tables = factTables;
        claim = claimToScrub;
        resolved = Families.None;
    }

    /// <summary>Lets go of the claim and tables when the claim is done.</summary>
    public void Unbind()
    {
        tables = null;
        claim = null;
        resolved = Families.None;
    }

    private static T[] Room<T>(T[] buffer, int count) => buffer.Length >= count ? buffer : new T[Math.Max(count, 2 * buffer.Length)];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<ProcedureFacts> ResolveProcedures()
    {
        var lines = claim!.Lines.AsSpan();
        var index = tables!.Index;
        var hcpcs = tables.Hcpcs;
        procedures = Room(procedures, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            procedures[i] = lines[i].ProcedureCode is { } code
                ? new ProcedureFacts(hcpcs?.RowOf(code) ?? -1, index.IsKnownProcedure(code))
                : new ProcedureFacts(-1, false);
        }

        resolved |= Families.Procedures;
        return procedures.AsSpan(0, lines.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<FeeFacts> ResolveFees()
    {
        var lines = claim!.Lines.AsSpan();
        var table = tables!.FeeSchedule;
        fees = Room(fees, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (table is null || line.ProcedureCode is not { } code)
            {
                fees[i] = default;
                continue;
            }

            var component = PaymentModifiers.ComponentOf(line);
            fees[i] = new FeeFacts(
                table.TryGet(code, out var global) ? global : null,
                !component.IsDefault && table.TryGet(code, component, out var billed) ? billed : null);
        }

        resolved |= Families.Fees;
        return fees.AsSpan(0, lines.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<NcciFacts> ResolveNcci()
    {
        var c = claim!;
        var lines = c.Lines.AsSpan();
        var setting = c.Setting switch
        {
            ClaimSetting.Professional => NcciSetting.Practitioner,
            ClaimSetting.OutpatientHospital => NcciSetting.OutpatientHospital,
            _ => (NcciSetting?)null,
        };
        var ptp = setting switch
        {
            NcciSetting.Practitioner => tables!.Ptp?.Practitioner,
            NcciSetting.OutpatientHospital => tables!.Ptp?.OutpatientHospital,
            _ => null,
        };
        var mue = setting is null ? null : tables!.Mue;
        var addOns = tables!.AddOns;
        ncci = Room(ncci, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || line.ServiceDate is not { } date)
            {
                // A PTP run needs no date: pairs are grouped by date afterwards.
                ncci[i] = line.ProcedureCode is { } undated && ptp is not null ? new NcciFacts(0, ptp.RunOf(undated), null, -1, null, null) : new NcciFacts(0, default, null, -1, null, null);
                continue;
            }

            var day = NcciDay.Of(date);
            var mueTable = mue?.For(setting!.Value, day);
            var addOnTable = addOns?.For(day);
            ncci[i] = new NcciFacts(day, ptp?.RunOf(code) ?? default, mueTable, mueTable?.Find(code) ?? -1, addOnTable, addOnTable?.TypeOf(code, day));
        }

        resolved |= Families.Ncci;
        return ncci.AsSpan(0, lines.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<NcdFacts> ResolveNcds()
    {
        var lines = claim!.Lines.AsSpan();
        var table = tables!.LabNcds;
        ncds = Room(ncds, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            ncds[i] = table is not null && line.ProcedureCode is { } code && line.ServiceDate is { } date && table.TryGetNcd(code, date, out var ncd)
                ? new NcdFacts(ncd)
                : default;
        }

        resolved |= Families.Ncds;
        return ncds.AsSpan(0, lines.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<DiagnosisFacts> ResolveDiagnoses()
    {
        var codes = claim!.Diagnoses.AsSpan();
        var icd = tables!.Icd10Cm;
        var mce = tables.Mce;
        diagnoses = Room(diagnoses, codes.Length);
        for (var d = 0; d < codes.Length; d++)
        {
            diagnoses[d] = new DiagnosisFacts(icd?.RowOf(codes[d]) ?? -1, mce?.RowOf(codes[d]) ?? -1);
        }

        resolved |= Families.Diagnoses;
        return diagnoses.AsSpan(0, codes.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ResolveExcludes1()
    {
        var codes = claim!.Diagnoses.AsSpan();
        var table = tables!.Excludes1;
        const int Width = Excludes1Table.PrefixCount;
        owners = Room(owners, codes.Length * Width);
        ownerCounts = Room(ownerCounts, codes.Length);
        for (var d = 0; d < codes.Length; d++)
        {
            ownerCounts[d] = table?.FindNoteOwners(codes[d], owners.AsSpan(d * Width, Width)) ?? 0;
        }

        resolved |= Families.Excludes1;
    }
}
