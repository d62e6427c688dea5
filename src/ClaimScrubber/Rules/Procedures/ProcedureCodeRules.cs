using System.Globalization;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Procedures;

namespace ClaimScrubber.Rules.Procedures;

/// <summary>
/// Each line's procedure code exists (PX001) and, for HCPCS Level II, is valid on the date of service (PX002) and
/// billable to Medicare as the HCPCS coverage code says (PX003, PX004).
/// </summary>
internal sealed class ProcedureCodeRules : IClaimRule
{
    private readonly CodeSetIndex index;
    private readonly HcpcsTable? hcpcs;

    // The HCPCS file is the complete Level II list, so only it can call a Level II code unknown; other tables list
    // some Level II codes and would call the rest unknown. CPT has no public master list, so any table listing CPT
    // codes is the best there is.
    private readonly bool judgesLevelOne;

    public ProcedureCodeRules(CodeSetIndex index)
    {
        this.index = index;
        hcpcs = index.Hcpcs;
        judgesLevelOne = index.KnownProcedureCodes.Any(c => !c.IsLevelTwo);
    }

    private static readonly ModifierCode Gy = ModifierCode.Parse("GY");

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.UnknownProcedure, R.ProcedureNotActive, R.NotValidForMedicare, R.NonCoveredWithoutGy];

    public void Evaluate(ScrubContext context)
    {
        var lines = context.Claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code)
            {
                continue;
            }

            var number = i + 1;
            if (code.IsLevelTwo ? hcpcs is not null : judgesLevelOne)
            {
                if (!index.IsKnownProcedure(code))
                {
                    ReportUnknown(context, number, code);
                    continue;
                }
            }

            if (hcpcs is null || !hcpcs.TryGet(code, out var info))
            {
                continue;
            }

            if (line.ServiceDate is { } date && !info.IsActiveOn(date))
            {
                if (context.IsEnabled(R.ProcedureNotActive))
                {
                    ReportInactive(context, number, code, date, info, hcpcs.Release);
                }

                continue;
            }

            CheckCoverage(context, line, number, code, info.CoverageCode, hcpcs.Release);
        }
    }

    private static void CheckCoverage(ScrubContext context, ServiceLine line, int number, ProcedureCode code, char coverage, TableRelease release)
    {
        if (coverage == 'I' && context.IsEnabled(R.NotValidForMedicare))
        {
            context.Report(R.NotValidForMedicare, number, ElementPath.LineMember(number, "procedureCode"),
                $"Procedure code {code} is not valid for Medicare (HCPCS coverage code I): Medicare uses another code for this service.",
                "Bill Medicare the code it recognises for the service; keep this code for payers that accept it.", [code.ToString()], release);
        }
        else if (coverage is 'M' or 'S' && !line.HasModifier(Gy) && context.IsEnabled(R.NonCoveredWithoutGy))
        {
            var why = coverage == 'S' ? "not covered by Medicare by statute (HCPCS coverage code S)" : "not covered by Medicare (HCPCS coverage code M)";
            context.Report(R.NonCoveredWithoutGy, number, ElementPath.LineMember(number, "procedureCode"),
                $"Procedure code {code} is {why}, and the line lacks modifier GY.",
                "Append GY so that Medicare denies the line promptly with the patient or a secondary payer liable, or bill the payer that covers it.", [code.ToString()], release);
        }
    }

    private void ReportUnknown(ScrubContext context, int number, ProcedureCode code)
    {
        if (!context.IsEnabled(R.UnknownProcedure))
        {
            return;
        }

        var message = code.IsLevelTwo
            ? $"Procedure code {code} is not a HCPCS Level II code: the HCPCS file does not list it, even as terminated."
            : $"Procedure code {code} is not known to any loaded code table.";
        context.Report(R.UnknownProcedure, number, ElementPath.LineMember(number, "procedureCode"), message,
            "Check the code for a typing error and bill a current CPT or HCPCS code for the service.", [code.ToString()], code.IsLevelTwo ? hcpcs!.Release : null);
    }

    private static void ReportInactive(ScrubContext context, int number, ProcedureCode code, DateOnly date, HcpcsCodeInfo info, TableRelease release)
    {
        string message, fixHint;
        if (info.TerminatedOn is { } terminated && date > terminated)
        {
            message = string.Create(CultureInfo.InvariantCulture, $"Procedure code {code} was terminated: its last valid date was {terminated:yyyy-MM-dd}, before the date of service.");
            fixHint = info.CrossReferences.Length > 0
                ? $"Bill the code CMS cross-references it to ({info.CrossReferences}) if it describes the service, or correct the date of service."
                : "Bill the code that is valid on the date of service, or correct the date of service.";
        }
        else
        {
            message = string.Create(CultureInfo.InvariantCulture, $"Procedure code {code} takes effect on {info.AddedOn:yyyy-MM-dd}, after the date of service.");
            fixHint = "Bill the code that was valid on the date of service, or correct the date of service.";
        }

        context.Report(R.ProcedureNotActive, number, ElementPath.LineMember(number, "procedureCode"), message, fixHint, [code.ToString()], release);
    }
}
