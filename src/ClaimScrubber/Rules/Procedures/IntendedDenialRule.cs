using System.Globalization;
using System.Text;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Rules.Ncci;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeScheduleProcedures;

namespace ClaimScrubber.Rules.Procedures;

/// <summary>
/// A line whose denial the biller says is intended (PX033): it carries GY (statutorily excluded), GA (a required ABN on
/// file) or GZ (no ABN), and a table says Medicare denies it — fee schedule status N, an MUE value of 0, HCPCS coverage
/// code S or M. Reported at Info with who is liable, where the table's own rule (PX021, NCCI023) stays silent.
/// </summary>
/// <remarks>Sources: MCPM Pub. 100-04, chapter 1, §60.4.2 and chapter 30, §50 (GA, GY, GZ).</remarks>
internal sealed class IntendedDenialRule(FeeScheduleTable? fees, MueTables? mue, HcpcsTable? hcpcs) : IClaimRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.IntendedDenial];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Modifiers.IsEmpty || line.ProcedureCode is not { } code || !M.IntendsDenial(line) || !context.IsEnabled(R.IntendedDenial))
            {
                continue;
            }

            var statusN = fees is not null && fees.TryGetBilled(code, M.ComponentOf(line), out var entry) && entry.Status == 'N';
            var mueZero = MueOfZero(claim, line, code);
            var coverage = hcpcs is not null && hcpcs.TryGet(code, out var info) && info.CoverageCode is 'S' or 'M' ? info.CoverageCode : '\0';
            if (!statusN && mueZero is null && coverage == '\0')
            {
                continue;
            }

            var modifier = line.HasModifier(M.StatutorilyExcluded) ? "GY" : line.HasModifier(M.WaiverOnFile) ? "GA" : "GZ";
            var (liable, hint) = modifier switch
            {
                "GY" => ("the patient (or a secondary payer) liable", "Nothing to fix: GY tells Medicare the service is excluded; bill the patient or the payer that covers it."),
                "GA" => ("the patient liable under the advance beneficiary notice on file", "Nothing to fix: keep the signed ABN (CMS-R-131) on file."),
                _ => ("the provider liable, since no advance beneficiary notice was given", "Nothing to fix if no ABN was given; the patient may not be billed for the line."),
            };
            context.Report(R.IntendedDenial, i + 1, ElementPath.LineMember(i + 1, "modifiers"),
                string.Create(CultureInfo.InvariantCulture, $"{code} carries {modifier} and Medicare denies it ({Reasons(statusN, mueZero, coverage)}): the denial is intended, with {liable}."),
                hint, [code.ToString(), modifier], fees?.Release);
        }
    }

    /// <summary>The NCCI setting whose MUE gives the line 0, or <see langword="null"/>.</summary>
    private NcciSetting? MueOfZero(Claim claim, ServiceLine line, ProcedureCode code)
    {
        var setting = claim.Setting switch
        {
            ClaimSetting.Professional => NcciSetting.Practitioner,
            ClaimSetting.OutpatientHospital => NcciSetting.OutpatientHospital,
            _ => (NcciSetting?)null,
        };
        return mue is not null && setting is { } ncci && line.ServiceDate is { } date && MueRule.EditFor(mue, ncci, code, NcciDay.Of(date)) is ({ } table, var row) && table.Value(row) == 0
            ? table.Setting
            : null;
    }

    private static string Reasons(bool statusN, NcciSetting? mueZero, char coverage)
    {
        var text = new StringBuilder();
        if (statusN)
        {
            text.Append("fee schedule status N, not covered");
        }

        if (mueZero is { } setting)
        {
            text.Append(text.Length > 0 ? "; " : string.Empty).Append(CultureInfo.InvariantCulture, $"MUE value 0 in the NCCI {NcciSettingNames.Of(setting)} table");
        }

        if (coverage != '\0')
        {
            text.Append(text.Length > 0 ? "; " : string.Empty).Append(coverage == 'S' ? "HCPCS coverage code S, not covered by statute" : "HCPCS coverage code M, not covered");
        }

        return text.ToString();
    }
}
