using System.Globalization;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Ncci;

namespace ClaimScrubber.Rules.Ncci;

/// <summary>
/// NCCI medically unlikely edits. Professional claims use the practitioner table, except for DME lines: the claim
/// model carries no supplier flag (DMEPOS suppliers bill on the same professional form), so a line counts as a DME
/// supplier line when the DME supplier table lists its code and the practitioner table does not, or lists it with
/// value 0 (not payable to a practitioner, so only a supplier bills it). Outpatient hospital claims use the
/// outpatient hospital table; inpatient claims have no MUEs here.
/// </summary>
internal sealed class MueRule : IClaimRule
{
    private readonly MueTables tables;

    public MueRule(MueTables tables) => this.tables = tables;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.MueLineExceeded, R.MueDatePolicyExceeded, R.MueDateClinicalExceeded, R.MueNotPayable];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        NcciSetting setting;
        switch (claim.Setting)
        {
            case ClaimSetting.Professional:
                setting = NcciSetting.Practitioner;
                break;
            case ClaimSetting.OutpatientHospital:
                setting = NcciSetting.OutpatientHospital;
                break;
            default:
                return;
        }

        var lines = claim.Lines;
        var n = lines.Length;

        // MUEs apply per provider: on a professional claim another practitioner billing the code that day has a limit of
        // their own; a hospital claim is one provider.
        var groups = context.LineGroups(claim.Setting == ClaimSetting.Professional);
        var facts = context.Facts.Ncci;
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || line.ServiceDate is null)
            {
                continue;
            }

            // The claim's facts hold the setting's table in force on the date and the code's row in it.
            var (table, row) = EditFor(tables, setting, code, facts[i].Day, facts[i].Mue, facts[i].MueRow);
            if (table is null)
            {
                continue;
            }

            var limit = table.Value(row);
            var indicator = table.Indicator(row);
            if (limit == 0)
            {
                // With GY, GA or GZ the denial is intended: PX033 reports it as such.
                if (context.IsEnabled(R.MueNotPayable) && !Modifiers.PaymentModifiers.IntendsDenial(line))
                {
                    Report(context, R.MueNotPayable, table, code, i,
                        string.Create(CultureInfo.InvariantCulture, $"{code} has an MUE value of 0 in the NCCI {NcciSettingNames.Of(table.Setting)} MUE table (adjudication indicator {(int)indicator}, rationale \"{table.Rationale(row)}\"): it is not payable in this setting."),
                        string.Create(CultureInfo.InvariantCulture, $"Check the code: {code} is not payable to a {NcciSettingNames.Of(table.Setting)} provider; bill the service under the code or setting that pays it, or remove the line."));
                }

                continue;
            }

            if (indicator == MueIndicator.Line)
            {
                if (line.Units > limit && context.IsEnabled(R.MueLineExceeded))
                {
                    Report(context, R.MueLineExceeded, table, code, i,
                        string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} bills {line.Units} units of {code}; its MUE is {limit} per line (adjudication indicator 1, line edit; rationale \"{table.Rationale(row)}\")."),
                        string.Create(CultureInfo.InvariantCulture, $"Bill at most {limit} units of {code} on one line; units beyond it on a separate line need an appropriate modifier (such as 76, 77, 91 or an anatomic modifier) and documentation."));
                }

                continue;
            }

            // A date-of-service edit counts every line of the code on the date (and provider) once, at the first such line.
            if (groups.GroupOf(i) != i)
            {
                continue;
            }

            var units = line.Units;
            var others = 0;
            for (var j = groups.Next(i); j >= 0; j = groups.Next(j))
            {
                units += lines[j].Units;
                others++;
            }

            var rule = indicator == MueIndicator.DatePolicy ? R.MueDatePolicyExceeded : R.MueDateClinicalExceeded;
            if (units > limit && context.IsEnabled(rule))
            {
                var kind = indicator == MueIndicator.DatePolicy ? "2, date of service edit: policy" : "3, date of service edit: clinical";
                var where = others == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} bills")
                    : string.Concat("L", LineList.Describe(LinesOf(groups, i)).AsSpan(1), " bill");
                Report(context, rule, table, code, i,
                    string.Create(CultureInfo.InvariantCulture, $"{where} {units} units of {code} on one date of service; its MUE is {limit} per day (adjudication indicator {kind}; rationale \"{table.Rationale(row)}\"), counted over every line of the date."),
                    indicator == MueIndicator.DatePolicy
                        ? string.Create(CultureInfo.InvariantCulture, $"Bill at most {limit} units of {code} for the date: the policy limit is absolute and modifiers do not raise it; check for duplicate or mistyped units.")
                        : string.Create(CultureInfo.InvariantCulture, $"Bill at most {limit} units of {code} for the date, or, if more were medically necessary, keep the documentation for an appeal; check for duplicate or mistyped units."));
            }
        }
    }

    /// <summary>
    /// Finds the MUE of a line: the setting's table in force on the day; on a professional claim, a code the practitioner
    /// table lacks or gives 0 that the DME supplier table lists is a supplier's line and takes that table's edit.
    /// </summary>
    internal static (MueTable? Table, int Row) EditFor(MueTables tables, NcciSetting setting, ProcedureCode code, ushort day)
    {
        var table = tables.For(setting, day);
        return EditFor(tables, setting, code, day, table, table?.Find(code) ?? -1);
    }

    /// <summary>
    /// Finds the MUE of a line as <see cref="EditFor(MueTables, NcciSetting, ProcedureCode, ushort)"/> does, from the setting's
    /// table in force on the day and the code's row in it, already found (a claim's facts).
    /// </summary>
    private static (MueTable? Table, int Row) EditFor(MueTables tables, NcciSetting setting, ProcedureCode code, ushort day, MueTable? table, int row)
    {
        if (setting == NcciSetting.Practitioner && (row < 0 || table!.Value(row) == 0) && tables.For(NcciSetting.DmeSupplier, day) is { } dme && dme.Find(code) is var dmeRow && dmeRow >= 0)
        {
            return (dme, dmeRow);
        }

        return row < 0 ? (null, -1) : (table, row);
    }

    private static List<int> LinesOf(in LineGroups groups, int first)
    {
        var numbers = new List<int>();
        for (var j = first; j >= 0; j = groups.Next(j))
        {
            numbers.Add(j + 1);
        }

        return numbers;
    }

    private static void Report(ScrubContext context, RuleDescriptor rule, MueTable table, ProcedureCode code, int line, string message, string hint) =>
        context.Report(rule, line + 1, ElementPath.LineMember(line + 1, "units"), message, hint, [code.ToString()], table.Release);
}
