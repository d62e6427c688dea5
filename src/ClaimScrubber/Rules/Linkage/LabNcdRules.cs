using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Ncd;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.DiagnosisLinkage;

namespace ClaimScrubber.Rules.Linkage;

/// <summary>
/// Medical necessity of lab tests under the clinical laboratory NCDs: a test is covered when at least one diagnosis it
/// points to resolves to 1 (covered). Otherwise the line will deny, and the ABN modifiers decide who is liable: GA (a
/// required ABN is on file) makes the patient liable; GZ (no ABN) leaves the provider liable and Medicare denies the
/// line automatically; GX (voluntary notice) only fits never-covered diagnoses (resolution 2), as does GY.
/// </summary>
internal sealed class LabNcdRules : IClaimRule
{
    private static readonly ModifierCode Ga = ModifierCode.Parse("GA");
    private static readonly ModifierCode Gz = ModifierCode.Parse("GZ");
    private static readonly ModifierCode Gx = ModifierCode.Parse("GX");
    private static readonly ModifierCode Gy = ModifierCode.Parse("GY");

    private readonly LabNcdTable table;
    private readonly IcdCodeSet? icd;
    private readonly int suggestions;

    /// <param name="table">The lab NCDs.</param>
    /// <param name="icd">The ICD-10-CM code set, when loaded: suggestions are then billable codes with their descriptions.</param>
    /// <param name="options">The options.</param>
    public LabNcdRules(LabNcdTable table, IcdCodeSet? icd, ScrubberOptions options)
    {
        this.table = table;
        this.icd = icd;
        suggestions = options.LabNcdSuggestionCount;
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        R.NcdNotMedicallyNecessary, R.NcdDiagnosisDenied, R.NcdDenialWithoutAbn, R.NcdDenialWithAbn, R.NcdVoluntaryNoticeOnly,
        R.ConflictingLiabilityModifiers, R.LiabilityModifierOnCoveredLine,
    ];

    /// <summary>
    /// Combines what the NCD says about each diagnosis the line points to: covered if any covers; unknown if any is
    /// undecided (an NCD without a catch-all row); otherwise not medically necessary if any says so, else denied.
    /// </summary>
    internal static NcdResolution Assess(LabNcd ncd, Claim claim, ServiceLine line, DateOnly date)
    {
        var any = false;
        var unknown = false;
        var notNecessary = false;
        foreach (var index in new PointedDiagnoses(claim, line))
        {
            any = true;
            switch (ncd.Resolve(claim.Diagnoses[index], date).Resolution)
            {
                case NcdResolution.Covered:
                    return NcdResolution.Covered;
                case NcdResolution.NotMedicallyNecessary:
                    notNecessary = true;
                    break;
                case NcdResolution.Unknown:
                    unknown = true;
                    break;
            }
        }

        return !any || unknown ? NcdResolution.Unknown : notNecessary ? NcdResolution.NotMedicallyNecessary : NcdResolution.Denied;
    }

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || line.ServiceDate is not { } date || !table.TryGetNcd(code, date, out var ncd))
            {
                continue;
            }

            var outcome = Assess(ncd, claim, line, date);
            if (outcome != NcdResolution.Unknown)
            {
                Check(context, claim, line, i + 1, code, date, ncd, outcome);
            }
        }
    }

    private void Check(ScrubContext context, Claim claim, ServiceLine line, int number, ProcedureCode code, DateOnly date, LabNcd ncd, NcdResolution outcome)
    {
        var ga = line.HasModifier(Ga);
        var gz = line.HasModifier(Gz);
        var gx = line.HasModifier(Gx);
        if ((ga && gz) || (gx && (ga || gz)))
        {
            if (context.IsEnabled(R.ConflictingLiabilityModifiers))
            {
                var pair = ga && gz ? "GA and GZ" : ga ? "GX and GA" : "GX and GZ";
                context.Report(R.ConflictingLiabilityModifiers, number, ElementPath.LineMember(number, "modifiers"),
                    $"The line carries {pair}, which contradict each other: an ABN cannot be both on file and absent, or both required and voluntary.",
                    "Keep one: GA when the patient signed a required ABN before the test, GZ when no ABN was obtained, GX only for a voluntary notice on a never-covered service.",
                    [code.ToString(), .. pair.Split(" and ")], table.Release);
            }

            return;
        }

        if (outcome == NcdResolution.Covered)
        {
            if ((gz || gx) && context.IsEnabled(R.LiabilityModifierOnCoveredLine))
            {
                var modifier = gz ? "GZ" : "GX";
                var consequence = gz ? "Medicare denies every GZ line automatically" : "Medicare returns GX lines that report covered charges";
                context.Report(R.LiabilityModifierOnCoveredLine, number, ElementPath.LineMember(number, "modifiers"),
                    $"{code} is covered by NCD {ncd.Number} ({ncd.Description}) for a diagnosis it points to, but carries {modifier}: {consequence}.",
                    $"Remove {modifier}: the test is expected to be paid.", [code.ToString(), modifier], table.Release);
            }

            return;
        }

        var denied = outcome == NcdResolution.Denied;
        var rule = ga || (denied && (gx || line.HasModifier(Gy))) ? R.NcdDenialWithAbn
            : gz ? R.NcdDenialWithoutAbn
            : gx ? R.NcdVoluntaryNoticeOnly
            : denied ? R.NcdDiagnosisDenied
            : R.NcdNotMedicallyNecessary;
        if (!context.IsEnabled(rule))
        {
            return;
        }

        var why = Explain(claim, line, date, ncd, out var codes);
        var subject = $"{code} falls under NCD {ncd.Number} ({ncd.Description}) and no diagnosis it points to supports it: {why}.";
        var alternatives = Alternatives(claim, line, date, ncd);
        var (message, hint) = rule == R.NcdDenialWithAbn
            ? ($"{subject} The line will deny; with the notice on file the patient is liable (PR-{(denied ? "96" : "50")}).",
               alternatives.Length > 0 ? $"No change needed if the diagnoses are right; if the record supports one of {alternatives} (covered by NCD {ncd.Number}), point the line to it instead." : "No change needed if the diagnoses are right; keep the signed notice on file.")
            : rule == R.NcdDenialWithoutAbn
            ? ($"{subject} With GZ (no ABN) Medicare denies the line automatically and the patient may not be billed.",
               Suggest(alternatives, ncd) + "If the patient signed an ABN (CMS-R-131) before the test, report GA instead of GZ.")
            : rule == R.NcdVoluntaryNoticeOnly
            ? ($"{subject} GX marks a voluntary notice, which does not shift liability for a medical-necessity denial; without GA the provider is liable.",
               Suggest(alternatives, ncd) + "If the patient signed a required ABN (CMS-R-131) before the test, report GA instead of GX; otherwise report GZ.")
            : ($"{subject} The line will deny{(denied ? " as never covered" : " as not medically necessary")}.",
               Suggest(alternatives, ncd) + (denied
                   ? "Otherwise the test is not covered: with a voluntary notice to the patient append GX (or GY), and the patient is liable."
                   : "Otherwise, if the patient signed an ABN (CMS-R-131) before the test, append GA so the patient is liable; without one append GZ (the provider is liable)."));
        context.Report(rule, number, ElementPath.LineMember(number, "diagnosisPointers"), message, hint, [code.ToString(), .. codes], table.Release,
            carc: denied && rule != R.NcdDenialWithoutAbn ? "96" : null);
    }

    private static string Suggest(string alternatives, LabNcd ncd) =>
        alternatives.Length > 0
            ? $"Check the record for a diagnosis NCD {ncd.Number} covers, such as {alternatives}, and point the line to it if the record supports one. "
            : $"Check the record for a diagnosis NCD {ncd.Number} covers, and point the line to it if the record supports one. ";

    /// <summary>Says, for each diagnosis the line points to, how the NCD resolves it.</summary>
    private static string Explain(Claim claim, ServiceLine line, DateOnly date, LabNcd ncd, out ImmutableArray<string> codes)
    {
        var text = new StringBuilder();
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var index in new PointedDiagnoses(claim, line))
        {
            var diagnosis = claim.Diagnoses[index];
            var dotted = diagnosis.ToDottedString();
            list.Add(dotted);
            var lookup = ncd.Resolve(diagnosis, date);
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(dotted).Append(lookup.Resolution == NcdResolution.Denied ? " is never covered" : " does not support medical necessity");
            if (lookup.OutOfEffect is { } row)
            {
                text.Append(row.Dates.TerminatedAfter is { } end && end < date
                    ? string.Create(CultureInfo.InvariantCulture, $" (listed only until {end:yyyy-MM-dd})")
                    : string.Create(CultureInfo.InvariantCulture, $" (listed only from {row.Dates.EffectiveFrom:yyyy-MM-dd})"));
            }
        }

        codes = list.ToImmutable();
        return text.ToString();
    }

    /// <summary>Lists covered codes of the same categories as the diagnoses pointed to, up to the configured count.</summary>
    private string Alternatives(Claim claim, ServiceLine line, DateOnly date, LabNcd ncd)
    {
        if (suggestions == 0)
        {
            return string.Empty;
        }

        var fiscalYear = IcdCodeSet.FiscalYearOf(date);
        if (icd is not null && !icd.HasYear(fiscalYear))
        {
            fiscalYear = icd.NearestYear(fiscalYear);
        }

        // Headers the NCD lists (a category before it was subdivided) are not billable on the date, so they are no fix.
        var found = new List<IcdCode>(suggestions);
        foreach (var index in new PointedDiagnoses(claim, line))
        {
            foreach (var code in ncd.CoveredInCategory(claim.Diagnoses[index], date, int.MaxValue))
            {
                if (found.Count < suggestions && !found.Contains(code) && (icd is null || icd.IsBillable(code, fiscalYear)))
                {
                    found.Add(code);
                }
            }
        }

        return string.Join(", ", found.Select(code => icd?.ShortDescription(code, fiscalYear) is { } name ? $"{code.ToDottedString()} ({name})" : code.ToDottedString()));
    }
}
