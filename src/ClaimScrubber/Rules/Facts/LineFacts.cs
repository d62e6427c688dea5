using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.CodeSets.Ncd;

namespace ClaimScrubber.Rules.Facts;

/// <summary>What the HCPCS file and the index's tables say of a line's procedure code: its HCPCS row, and whether any table knows it.</summary>
/// <param name="HcpcsRow">The code's row in the HCPCS file (<see cref="CodeSets.Hcpcs.HcpcsTable.Info"/>), or -1.</param>
/// <param name="Known">Whether any loaded table lists the code (<see cref="ClaimScrubber.CodeSetIndex.IsKnownProcedure"/>).</param>
internal readonly record struct ProcedureFacts(int HcpcsRow, bool Known);

/// <summary>
/// The physician fee schedule's rows for a line's code: its own (global) row and, when the line bills a component (26 or
/// TC, the first on the line) that the file prices apart, that component's row.
/// </summary>
internal readonly struct FeeFacts
{
    private readonly FeeScheduleEntry global;
    private readonly FeeScheduleEntry component;
    private readonly bool hasGlobal;
    private readonly bool hasComponent;

    public FeeFacts(FeeScheduleEntry? global, FeeScheduleEntry? component)
    {
        hasGlobal = global.HasValue;
        this.global = global.GetValueOrDefault();
        hasComponent = component.HasValue;
        this.component = component.GetValueOrDefault();
    }

    /// <summary>Gets the code's own row (no modifier).</summary>
    public bool TryGetGlobal(out FeeScheduleEntry entry)
    {
        entry = global;
        return hasGlobal;
    }

    /// <summary>Gets the row that prices the line as billed: its component's when the file has one, else the code's own (<see cref="FeeScheduleTable.TryGetBilled"/>).</summary>
    public bool TryGetBilled(out FeeScheduleEntry entry)
    {
        entry = hasComponent ? component : global;
        return hasComponent || hasGlobal;
    }

    /// <summary>Gets the code's own row, or its component's when the file lists the code only with the component (a lab interpretation with only a 26 row).</summary>
    public bool TryGetListed(out FeeScheduleEntry entry)
    {
        entry = hasGlobal ? global : component;
        return hasGlobal || hasComponent;
    }
}

/// <summary>
/// What the NCCI tables in force on a line's date of service say of its code, for the claim's setting: its run of PTP pairs
/// as column 1, its MUE row, and its add-on type.
/// </summary>
/// <param name="Day">The line's date as an <see cref="NcciDay"/>.</param>
/// <param name="PtpRun">The code's run of pairs in the setting's PTP table; empty when it is column 1 of none, or the setting has no table.</param>
/// <param name="Mue">The setting's MUE table in force on the date, or <see langword="null"/>.</param>
/// <param name="MueRow">The code's row in <paramref name="Mue"/>, or -1.</param>
/// <param name="AddOns">The add-on code table in force on the date (the same for every setting), or <see langword="null"/>.</param>
/// <param name="AddOnType">The code's add-on type in force on the date, or <see langword="null"/> when it is no add-on code.</param>
internal readonly record struct NcciFacts(ushort Day, PtpRun PtpRun, MueTable? Mue, int MueRow, AddOnCodeTable? AddOns, AddOnType? AddOnType);

/// <summary>The lab NCD that covers a line's code on its date of service, if any.</summary>
/// <param name="Ncd">The NCD, or <see langword="null"/>.</param>
internal readonly record struct NcdFacts(LabNcd? Ncd);

/// <summary>Where a diagnosis is in the ICD-10-CM code set and in the MCE list membership: one look-up each, for every rule that asks.</summary>
/// <param name="IcdRow">The code's row in the ICD-10-CM code set (<see cref="CodeSets.Icd10Cm.IcdCodeSet.RowOf"/>), or -1.</param>
/// <param name="MceRow">The code's row in the MCE list membership (<see cref="CodeSets.Mce.MceEditor.RowOf"/>), or -1.</param>
internal readonly record struct DiagnosisFacts(int IcdRow, int MceRow);
