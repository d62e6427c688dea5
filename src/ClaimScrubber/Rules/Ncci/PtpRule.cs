using System.Globalization;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Ncci;

namespace ClaimScrubber.Rules.Ncci;

/// <summary>
/// NCCI procedure-to-procedure edits: every pair of lines with the same date of service (and, on a professional claim,
/// the same rendering provider) is looked up in both orders in the setting's PTP table.
/// </summary>
internal sealed class PtpRule : IClaimRule
{
    /// <summary>
    /// The NCCI PTP-associated modifiers (NCCI Policy Manual, chapter I): anatomic, global surgery, and 27, 59, 91, X{EPSU}.
    /// Sorted, searched as packed values.
    /// </summary>
    private static readonly ushort[] BypassModifiers = [.. new[]
    {
        "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
        "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
        "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU",
    }.Select(m => ModifierCode.Parse(m).Value).Order()];

    private readonly PtpTables tables;

    public PtpRule(PtpTables tables) => this.tables = tables;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.PtpNoModifierAllowed, R.PtpModifierMissing, R.PtpBypassedByModifier];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var table = claim.Setting switch
        {
            ClaimSetting.Professional => tables.Practitioner,
            ClaimSetting.OutpatientHospital => tables.OutpatientHospital,
            _ => null,
        };
        if (table is null)
        {
            return;
        }

        var lines = claim.Lines;
        var sameProvider = claim.Setting == ClaimSetting.Professional;

        // Each line's run of pairs as column 1, found once for all the lines it is paired with.
        Span<PtpRun> runs = lines.Length <= 64 ? stackalloc PtpRun[lines.Length] : new PtpRun[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            runs[i] = lines[i].ProcedureCode is { } code ? table.RunOf(code) : default;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var first = lines[i];
            if (first.ProcedureCode is not { } firstCode || first.ServiceDate is not { } date)
            {
                continue;
            }

            var day = NcciDay.Of(date);
            for (var j = i + 1; j < lines.Length; j++)
            {
                var second = lines[j];
                if (second.ProcedureCode is not { } secondCode || second.ServiceDate != date || secondCode == firstCode
                    || (sameProvider && claim.RenderingNpiFor(first) != claim.RenderingNpiFor(second)))
                {
                    continue;
                }

                Check(context, table, lines, runs[i], i, j, day);
                Check(context, table, lines, runs[j], j, i, day);
            }
        }
    }

    /// <summary>Finds the index of the first NCCI-associated modifier on <paramref name="line"/>, or -1.</summary>
    internal static int BypassModifierAt(ServiceLine line)
    {
        var modifiers = line.Modifiers;
        for (var m = 0; m < modifiers.Length; m++)
        {
            if (Array.BinarySearch(BypassModifiers, modifiers[m].Value) >= 0)
            {
                return m;
            }
        }

        return -1;
    }

    private static void Check(ScrubContext context, PtpTable table, System.Collections.Immutable.ImmutableArray<ServiceLine> lines, PtpRun column1Run, int column1Line, int column2Line, ushort day)
    {
        if (column1Run.Length == 0)
        {
            return;
        }

        var column1 = lines[column1Line];
        var column2 = lines[column2Line];
        var row = table.Find(column1Run, column1.ProcedureCode!.Value, column2.ProcedureCode!.Value, day);
        if (row < 0)
        {
            return;
        }

        var indicator = table.Indicator(row);
        if (indicator == PtpModifierIndicator.NotApplicable)
        {
            return;
        }

        if (indicator == PtpModifierIndicator.NotAllowed)
        {
            if (context.IsEnabled(R.PtpNoModifierAllowed))
            {
                Report(context, R.PtpNoModifierAllowed, table, row, column1Line, column2Line, null, -1, -1);
            }

            return;
        }

        // The modifier may sit on either line; the column 2 line is where payers expect it, so it is looked at first.
        var onLine = column2Line;
        var at = BypassModifierAt(column2);
        if (at < 0)
        {
            onLine = column1Line;
            at = BypassModifierAt(column1);
        }

        if (at < 0)
        {
            if (context.IsEnabled(R.PtpModifierMissing))
            {
                Report(context, R.PtpModifierMissing, table, row, column1Line, column2Line, null, -1, -1);
            }
        }
        else if (context.IsEnabled(R.PtpBypassedByModifier))
        {
            Report(context, R.PtpBypassedByModifier, table, row, column1Line, column2Line, lines[onLine].Modifiers[at].ToString(), onLine, at);
        }
    }

    private static void Report(ScrubContext context, RuleDescriptor rule, PtpTable table, int row, int column1Line, int column2Line, string? modifier, int modifierLine, int modifierIndex)
    {
        var c1 = table.Column1(row).ToString();
        var c2 = table.Column2(row).ToString();
        var kind = table.IsMutuallyExclusive(row) ? "mutually exclusive" : "comprehensive/component";
        var date = NcciDay.Format(context.Claim.Lines[column2Line].ServiceDate!.Value);
        var culture = CultureInfo.InvariantCulture;

        // Interpolated strings, not composite formats: no boxed line numbers and no format parsing per finding.
        var head = string.Create(culture, $"NCCI {NcciSettingNames.Of(table.Setting)} PTP edit ({kind}, rationale \"{table.Rationale(row)}\"): {c2} (line {column2Line + 1}) is column 2 to {c1} (line {column1Line + 1}) on {date}; ");
        string message;
        string hint;
        if (rule == R.PtpNoModifierAllowed)
        {
            message = string.Create(culture, $"{head}modifier indicator 0: no modifier allows both codes to be paid, so {c2} is denied.");
            hint = string.Create(culture, $"Remove {c2} from line {column2Line + 1}: it is not separately payable with {c1} on the same day; if {c1} was billed in error, correct that line instead.");
        }
        else if (rule == R.PtpModifierMissing)
        {
            message = string.Create(culture, $"{head}modifier indicator 1: {c2} is denied unless an NCCI-associated modifier shows a separate and distinct service.");
            hint = string.Create(culture, $"If {c2} was a separate and distinct service (other session, site, organ, incision or lesion; other side), append the modifier that documents it (XE, XS, XP, XU or 59; LT/RT or another anatomic modifier); otherwise remove {c2}.");
        }
        else
        {
            message = string.Create(culture, $"{head}modifier indicator 1, bypassed by modifier {modifier} on line {modifierLine + 1}.");
            hint = string.Create(culture, $"Make sure the record documents the separate and distinct service that modifier {modifier} asserts; auditors review 59 and X{{EPSU}} use.");
        }

        var element = modifier is null
            ? ElementPath.LineMember(column2Line + 1, "procedureCode")
            : ElementPath.LineModifier(modifierLine + 1, modifierIndex + 1);
        context.Report(rule, column2Line + 1, element, message, hint, modifier is null ? [c1, c2] : [c1, c2, modifier], table.Source(row));
    }
}
