using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.CodeSets.Ncd;

namespace ClaimScrubber.Rules.Facts;

/// <summary>The tables a claim's facts are read from, gathered once per scrubber from its index.</summary>
internal sealed class FactTables
{
    public FactTables(CodeSetIndex index)
    {
        Index = index;
        Hcpcs = index.Hcpcs;
        FeeSchedule = index.FeeSchedule;
        Ptp = index.Ptp;
        Mue = index.Mue;
        AddOns = index.AddOnCodes;
        LabNcds = index.LabNcds;
        Icd10Cm = index.Icd10Cm;
        Excludes1 = index.Excludes1;

        // One MCE editor (and so one list membership) for the MCE rules and the linkage rules that read its lists.
        Mce = index.Mce is { } mce ? new MceEditor(mce, index.Icd10Cm) : null;
    }

    public CodeSetIndex Index { get; }

    public HcpcsTable? Hcpcs { get; }

    public FeeScheduleTable? FeeSchedule { get; }

    public PtpTables? Ptp { get; }

    public MueTables? Mue { get; }

    public AddOnCodeTables? AddOns { get; }

    public LabNcdTable? LabNcds { get; }

    public IcdCodeSet? Icd10Cm { get; }

    public MceEditor? Mce { get; }

    public Excludes1Table? Excludes1 { get; }
}
