using System.Text;

namespace ClaimScrubber.Rules;

/// <summary>Renders the rule catalogue as the Markdown document kept in <c>docs/rules.md</c>.</summary>
public static class RuleCatalogDocument
{
    /// <summary>Renders every built-in rule, grouped by family, as a Markdown table per family.</summary>
    /// <returns>The document, with <c>\n</c> line ends.</returns>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Rule catalogue\n\n")
            .Append("Generated from `RuleCatalog` by `RuleCatalogDocumentTests`; do not edit by hand. Rule ids are stable:\n")
            .Append("a published id never changes meaning. Severity and disposition are the defaults; `ScrubberOptions`\n")
            .Append("can disable a rule or override its severity; rules marked *(opt-in)* run only when `EnabledRules` names them.\n")
            .Append("CARC/RARC are the adjustment and remark codes a payer would likely send.\n");
        foreach (var family in RuleCatalog.All.GroupBy(r => r.Family).OrderBy(g => g.Key))
        {
            text.Append("\n## ").Append(family.Key).Append("\n\n")
                .Append("| Id | Title | Severity | Disposition | CARC | RARC | Description | Source |\n")
                .Append("|---|---|---|---|---|---|---|---|\n");
            foreach (var rule in family.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                text.Append("| ").Append(rule.Id)
                    .Append(" | ").Append(Escape(rule.Title)).Append(rule.IsEnabledByDefault ? string.Empty : " *(opt-in)*")
                    .Append(" | ").Append(rule.DefaultSeverity)
                    .Append(" | ").Append(rule.DefaultDisposition)
                    .Append(" | ").Append(rule.Carc ?? "—")
                    .Append(" | ").Append(rule.Rarc ?? "—")
                    .Append(" | ").Append(Escape(rule.Description))
                    .Append(" | ").Append(rule.Source is null ? "—" : Escape(rule.Source))
                    .Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
