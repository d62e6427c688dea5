using System.Globalization;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Ncci;

namespace ClaimScrubber.Rules.Ncci;

/// <summary>
/// NCCI add-on code edits: an add-on code is paid only with a primary procedure on the same date of service. The
/// table of the quarter in force on the line's date decides; add-on edits are the same for every setting.
/// </summary>
/// <remarks>The add-on tables are read through the claim's facts (<see cref="Facts.ClaimFacts.Ncci"/>); the scrubber adds this rule only when they are loaded.</remarks>
internal sealed class AddOnCodeRule : IClaimRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.AddOnWithoutPrimary, R.AddOnType3WithoutListedPrimary, R.AddOnContractorDefined, R.AddOnAlone];

    public void Evaluate(ScrubContext context)
    {
        // NCCI edits the claims of practitioners, suppliers and outpatient hospitals: not inpatient stays nor the other
        // institutional bills (skilled nursing, home health, hospice), for which CMS publishes no NCCI tables.
        if (context.Claim.Setting is not (ClaimScrubber.ClaimSetting.Professional or ClaimScrubber.ClaimSetting.OutpatientHospital))
        {
            return;
        }

        var lines = context.Claim.Lines;
        var facts = context.Facts.Ncci;
        for (var i = 0; i < lines.Length; i++)
        {
            // The claim's facts hold each dated line's add-on type in the table in force on its date.
            if (lines[i].ProcedureCode is not { } code || lines[i].ServiceDate is not { } date || facts[i].AddOnType is not { } type)
            {
                continue;
            }

            var day = facts[i].Day;
            var table = facts[i].AddOns!;
            var hasPrimaryService = false;
            var hasListedPrimary = false;
            for (var j = 0; j < lines.Length; j++)
            {
                if (j == i || lines[j].ProcedureCode is not { } other || lines[j].ServiceDate != date)
                {
                    continue;
                }

                // A line of the same date reads the same table.
                hasPrimaryService |= facts[j].AddOnType is null;
                hasListedPrimary |= table.IsListedPrimary(code, other, day);
            }

            if (hasListedPrimary)
            {
                continue;
            }

            var number = i + 1;
            if (!hasPrimaryService)
            {
                if (context.IsEnabled(R.AddOnAlone))
                {
                    Report(context, R.AddOnAlone, table, code, number,
                        string.Create(CultureInfo.InvariantCulture, $"{code} is an add-on code (type {(int)type}) and no primary service is billed on its date of service: an add-on code is never paid alone."),
                        Hint(table, code, day));
                }

                continue;
            }

            if (type == AddOnType.ListedPrimaries)
            {
                if (context.IsEnabled(R.AddOnWithoutPrimary))
                {
                    Report(context, R.AddOnWithoutPrimary, table, code, number,
                        string.Create(CultureInfo.InvariantCulture, $"{code} is a type 1 add-on code and none of its listed primary codes is billed on its date of service."),
                        Hint(table, code, day));
                }
            }
            else if (type == AddOnType.SomeListed)
            {
                if (context.IsEnabled(R.AddOnType3WithoutListedPrimary))
                {
                    var listed = table.HasListedPrimaries(code, day);
                    Report(context, R.AddOnType3WithoutListedPrimary, table, code, number,
                        string.Format(CultureInfo.InvariantCulture, listed
                            ? "{0} is a type 3 add-on code and none of its listed primary codes is billed on its date of service; the contractor may accept another primary."
                            : "{0} is a type 3 add-on code whose primaries the NCCI table does not list; the contractor decides whether the services billed on its date of service qualify.", code),
                        listed ? Hint(table, code, day) : "Check the contractor's list of primary codes for this add-on code before sending.");
                }
            }
            else if (context.IsEnabled(R.AddOnContractorDefined))
            {
                Report(context, R.AddOnContractorDefined, table, code, number,
                    string.Create(CultureInfo.InvariantCulture, $"{code} is a type 2 add-on code: its primary codes are defined by the Medicare contractor, not NCCI."),
                    "Check the contractor's list of primary codes for this add-on code before sending.");
            }
        }
    }

    private static string Hint(AddOnCodeTable table, ProcedureCode code, ushort day)
    {
        var primaries = table.DescribePrimaries(code, day);
        return primaries.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Bill {code} with the primary procedure it adds to, on the same date, or remove it.")
            : string.Create(CultureInfo.InvariantCulture, $"Bill {code} with one of its primary codes ({primaries}) on the same date, or remove it.");
    }

    private static void Report(ScrubContext context, RuleDescriptor rule, AddOnCodeTable table, ProcedureCode code, int line, string message, string hint) =>
        context.Report(rule, line, ElementPath.LineMember(line, "procedureCode"), message, hint, [code.ToString()], table.Release);
}
