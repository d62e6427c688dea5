using System.Collections.Frozen;
using System.Globalization;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeScheduleProcedures;

namespace ClaimScrubber.Rules.Procedures;

/// <summary>
/// A CPT code the physician fee schedule in force no longer lists while an older table does (PX032): the code was deleted.
/// The RVU file of a year has a row for every CPT code of that year (lab tests aside, which the clinical lab fee schedule
/// prices), so a code it lacks that an older NCCI release held in a live edit, or an older MUE or add-on release listed,
/// is a deleted code (99441–99443 from 2025, for example). The codes are worked out once, when the scrubber is built.
/// </summary>
/// <remarks>
/// The fee schedule in force for a date of service is the loaded RVU release of its year or an earlier one; for dates
/// before the release's year the rule is silent (the code may have been valid then). A fee schedule that lacks more than
/// a tenth of the older tables' CPT codes is not a whole year's file (a sample, an extract), and the rule is not built.
/// Source: PFS RVU file (RVU25D), which lists every CPT code of its year with a status code.
/// </remarks>
internal sealed class DeletedCodeRule : IClaimRule
{
    private readonly FeeScheduleTable fees;
    private readonly int feeScheduleYear;
    private readonly FrozenDictionary<uint, TableRelease> deleted;

    private DeletedCodeRule(FeeScheduleTable fees, int feeScheduleYear, FrozenDictionary<uint, TableRelease> deleted)
    {
        this.fees = fees;
        this.feeScheduleYear = feeScheduleYear;
        this.deleted = deleted;
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.DeletedFromFeeSchedule];

    /// <summary>Gets the codes the rule knows as deleted, each with the older release that lists it.</summary>
    internal IReadOnlyDictionary<uint, TableRelease> Deleted => deleted;

    /// <summary>
    /// Builds the rule; it knows no code (and reports nothing) when the fee schedule does not say its year, when no older
    /// table lists a code it lacks, or when it is a partial file. It is built all the same, so that PX032 counts as running
    /// wherever a fee schedule is loaded.
    /// </summary>
    public static DeletedCodeRule Create(FeeScheduleTable fees, PtpTables? ptp, MueTables? mue, AddOnCodeTables? addOns)
    {
        if (fees.Release.EffectiveFrom is not { } from)
        {
            return new DeletedCodeRule(fees, int.MaxValue, FrozenDictionary<uint, TableRelease>.Empty);
        }

        var yearStart = new DateOnly(from.Year, 1, 1);
        var found = new Dictionary<uint, TableRelease>();
        var considered = new HashSet<uint>();
        void Consider(uint code, TableRelease release)
        {
            var procedure = ProcedureCode.FromValue(code);
            if (procedure.IsLevelTwo || ProcedureClasses.IsLaboratoryTest(procedure) || ProcedureClasses.IsMultianalyteAssay(procedure) || !considered.Add(code))
            {
                return;
            }

            if (!fees.TryGet(procedure, out _) && !fees.HasRow(procedure, M.Professional) && !fees.HasRow(procedure, M.Technical))
            {
                found.TryAdd(code, release);
            }
        }

        foreach (var table in (PtpTable?[])[ptp?.Practitioner, ptp?.OutpatientHospital])
        {
            for (var slot = 0; table is not null && slot < table.Sources.Count; slot++)
            {
                if (table.Sources[slot].EffectiveFrom < yearStart)
                {
                    foreach (var code in table.CodesInForceAtRelease[slot])
                    {
                        Consider(code, table.Sources[slot]);
                    }
                }
            }
        }

        foreach (var setting in (NcciSetting[])[NcciSetting.Practitioner, NcciSetting.OutpatientHospital])
        {
            foreach (var table in mue?.All(setting) ?? [])
            {
                if (table.Release.EffectiveFrom < yearStart)
                {
                    foreach (var code in table.Codes)
                    {
                        Consider(code, table.Release);
                    }
                }
            }
        }

        foreach (var table in addOns?.All ?? [])
        {
            if (table.Release.EffectiveFrom < yearStart)
            {
                foreach (var code in table.Codes)
                {
                    Consider(code.Value, table.Release);
                }
            }
        }

        // A year's RVU file lacks only the few hundred codes deleted since the older tables; one that lacks more than a tenth
        // of them is a partial file (such as a sample), whose missing codes say nothing.
        return new DeletedCodeRule(fees, from.Year, found.Count * 10 > considered.Count ? FrozenDictionary<uint, TableRelease>.Empty : found.ToFrozenDictionary());
    }

    public void Evaluate(ScrubContext context)
    {
        var lines = context.Claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].ProcedureCode is not { } code || lines[i].ServiceDate is not { } date || date.Year < feeScheduleYear
                || !deleted.TryGetValue(code.Value, out var older) || !context.IsEnabled(R.DeletedFromFeeSchedule))
            {
                continue;
            }

            var culture = CultureInfo.InvariantCulture;
            context.Report(R.DeletedFromFeeSchedule, i + 1, ElementPath.LineMember(i + 1, "procedureCode"),
                string.Create(culture, $"{code} is not in the {fees.Release.Table} {fees.Release.Release} release, the physician fee schedule in force for the date of service, while the older {older.Table} {older.Release} lists it: the CPT code was deleted."),
                string.Create(culture, $"Bill the code that replaced {code} for the year of the date of service (see that year's CPT and fee schedule update); a deleted code is denied."),
                [code.ToString()], fees.Release);
        }
    }
}
