using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Modifiers;

namespace ClaimScrubber.Rules.Modifiers;

/// <summary>
/// Each line's modifiers: none twice (MOD003), each known (MOD001) and, for Level II modifiers, valid on the date of
/// service (MOD002). The last two need the modifier table. More than four is a limit the scrubber checks first (MOD004).
/// </summary>
internal sealed class ModifierRules : IClaimRule
{
    private readonly ModifierTable? table;

    public ModifierRules(ModifierTable? table) => this.table = table;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.UnknownModifier, R.ModifierNotActive, R.DuplicateModifier];

    public void Evaluate(ScrubContext context)
    {
        var lines = context.Claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var modifiers = line.Modifiers;
            if (modifiers.IsEmpty)
            {
                continue;
            }

            var number = i + 1;
            for (var p = 0; p < modifiers.Length; p++)
            {
                var modifier = modifiers[p];
                if (modifiers.AsSpan(0, p).Contains(modifier))
                {
                    if (context.IsEnabled(R.DuplicateModifier))
                    {
                        context.Report(R.DuplicateModifier, number, ElementPath.LineModifier(number, p + 1),
                            $"Modifier {modifier} appears more than once on the line.", "Report each modifier once.", Codes(line, modifier));
                    }

                    continue;
                }

                if (table is not null)
                {
                    CheckKnownAndActive(context, table, line, number, p, modifier);
                }
            }
        }
    }

    private static void CheckKnownAndActive(ScrubContext context, ModifierTable table, ServiceLine line, int number, int position, ModifierCode modifier)
    {
        if (!table.TryGet(modifier, out var info))
        {
            // The HCPCS file alone knows no CPT modifier, so it cannot call a modifier unknown.
            if (table.IsComplete && context.IsEnabled(R.UnknownModifier))
            {
                context.Report(R.UnknownModifier, number, ElementPath.LineModifier(number, position + 1),
                    $"Modifier {modifier} is not a CPT or HCPCS Level II modifier.", "Check the modifier for a typing error; use a current CPT or HCPCS Level II modifier, or none.",
                    Codes(line, modifier), table.Release);
            }

            return;
        }

        if (line.ServiceDate is not { } date || info.IsActiveOn(date) || info.LevelTwo is not { } record || !context.IsEnabled(R.ModifierNotActive))
        {
            return;
        }

        var message = record.TerminatedOn is { } terminated && date > terminated
            ? string.Create(CultureInfo.InvariantCulture, $"Modifier {modifier} was terminated: its last valid date was {terminated:yyyy-MM-dd}, before the date of service.")
            : string.Create(CultureInfo.InvariantCulture, $"Modifier {modifier} takes effect on {record.AddedOn:yyyy-MM-dd}, after the date of service.");
        context.Report(R.ModifierNotActive, number, ElementPath.LineModifier(number, position + 1), message,
            "Use the modifier that is valid on the date of service, or correct the date of service.", Codes(line, modifier), table.LevelTwoRelease);
    }

    private static ImmutableArray<string> Codes(ServiceLine line, ModifierCode modifier) =>
        line.ProcedureCode is { } code ? [code.ToString(), modifier.ToString()] : [modifier.ToString()];
}
