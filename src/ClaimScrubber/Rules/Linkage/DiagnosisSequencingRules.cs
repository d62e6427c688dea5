using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.DiagnosisLinkage;

namespace ClaimScrubber.Rules.Linkage;

/// <summary>
/// Which diagnoses a line may lead with, and which diagnoses no line uses (more than four pointers is a limit the
/// scrubber checks first, LNK014).
/// External cause codes are recognised by their chapter (V00–Y99); manifestation codes need a table that lists them
/// (<see cref="IManifestationCodeSource"/>), without which only the external-cause half runs.
/// </summary>
internal sealed class DiagnosisSequencingRules : IClaimRule
{
    private readonly IManifestationCodeSource? manifestations;
    private readonly bool reportUnlinked;
    private readonly bool claimLevelEditsJudgeFirstDiagnosis;

    /// <param name="manifestations">The manifestation list, or <see langword="null"/>.</param>
    /// <param name="claimLevelEditsJudgeFirstDiagnosis">
    /// Whether the MCE diagnosis rules run and report an external cause or manifestation code listed first on the claim
    /// (DX010, DX014); a line led by diagnosis 1 is then left to them, so one fact gives one finding.
    /// </param>
    /// <param name="options">The options.</param>
    public DiagnosisSequencingRules(IManifestationCodeSource? manifestations, bool claimLevelEditsJudgeFirstDiagnosis, ScrubberOptions options)
    {
        this.manifestations = manifestations;
        this.claimLevelEditsJudgeFirstDiagnosis = claimLevelEditsJudgeFirstDiagnosis;
        reportUnlinked = options.ReportUnlinkedDiagnoses;
        Descriptors = manifestations is null
            ? [R.NoFirstListableDiagnosis, R.ExternalCauseFirst, R.UnlinkedDiagnosis]
            : [R.NoFirstListableDiagnosis, R.ManifestationFirst, R.ExternalCauseFirst, R.UnlinkedDiagnosis];
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        var date = claim.DiagnosisDate;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            var pointers = line.DiagnosisPointers;
            if (pointers.IsEmpty)
            {
                continue;
            }

            CheckSequencing(context, claim, line, number, line.ServiceDate ?? date);
        }

        if (reportUnlinked && claim.Setting == ClaimSetting.Professional && !lines.IsEmpty && context.IsEnabled(R.UnlinkedDiagnosis))
        {
            ReportUnlinked(context, claim);
        }
    }

    private void CheckSequencing(ScrubContext context, Claim claim, ServiceLine line, int number, DateOnly? date)
    {
        var firstListable = false;
        var any = false;
        var first = -1;
        foreach (var index in new PointedDiagnoses(claim, line))
        {
            any = true;
            if (first < 0)
            {
                first = index;
            }

            if (!IsSecondaryOnly(claim.Diagnoses[index], date))
            {
                firstListable = true;
                break;
            }
        }

        if (!any || (first == 0 && claimLevelEditsJudgeFirstDiagnosis))
        {
            return;
        }

        var primary = claim.Diagnoses[first];
        if (!firstListable)
        {
            if (context.IsEnabled(R.NoFirstListableDiagnosis))
            {
                var codes = PointedCodes(claim, line);
                context.Report(R.NoFirstListableDiagnosis, number, ElementPath.LineMember(number, "diagnosisPointers"),
                    $"The line points only to {string.Join(", ", codes)}, which can never be first-listed (external cause or manifestation codes), so nothing states the condition treated.",
                    "Add the injury or underlying condition to the claim and point the line to it first; keep the external cause or manifestation code as a secondary pointer.",
                    codes, ManifestationSource(claim, line, date));
            }

            return;
        }

        // The first pointer is the primary reason for the service.
        if (IsManifestation(primary, date, out var release) && context.IsEnabled(R.ManifestationFirst))
        {
            var text = primary.ToDottedString();
            context.Report(R.ManifestationFirst, number, ElementPath.LinePointer(number, 1),
                $"The line's first diagnosis, {text}, is a manifestation code, which cannot be the primary reason for a service.",
                $"Point first to the underlying condition that {text} is a manifestation of (ICD-10-CM 'code first'), then to {text}.",
                [text], release);
        }
        else if (primary.IsExternalCause && context.IsEnabled(R.ExternalCauseFirst))
        {
            var text = primary.ToDottedString();
            context.Report(R.ExternalCauseFirst, number, ElementPath.LinePointer(number, 1),
                $"The line's first diagnosis, {text}, is an external cause code, which is never first-listed.",
                $"Reorder the pointers so the injury or condition comes first and {text} follows it.", [text]);
        }
    }

    private static void ReportUnlinked(ScrubContext context, Claim claim)
    {
        var diagnoses = claim.Diagnoses;
        var lines = claim.Lines;
        for (var d = 0; d < diagnoses.Length; d++)
        {
            var linked = false;
            for (var i = 0; i < lines.Length && !linked; i++)
            {
                linked = lines[i].PointsTo(d + 1);
            }

            if (!linked)
            {
                var text = diagnoses[d].ToDottedString();
                context.Report(R.UnlinkedDiagnosis, null, ElementPath.Diagnosis(d + 1),
                    $"No service line points to diagnosis {d + 1}, {text}.",
                    $"Point the lines {text} justifies to it, or leave it as a coexisting condition if it supports none.", [text]);
            }
        }
    }

    private bool IsSecondaryOnly(IcdCode code, DateOnly? date) => code.IsExternalCause || IsManifestation(code, date, out _);

    private bool IsManifestation(IcdCode code, DateOnly? date, [NotNullWhen(true)] out TableRelease? release)
    {
        release = null;
        return manifestations is not null && date is { } d && manifestations.IsManifestation(code, d, out release);
    }

    /// <summary>Names the manifestation list's release when a manifestation code took part in the finding.</summary>
    private TableRelease? ManifestationSource(Claim claim, ServiceLine line, DateOnly? date)
    {
        foreach (var index in new PointedDiagnoses(claim, line))
        {
            if (IsManifestation(claim.Diagnoses[index], date, out var release))
            {
                return release;
            }
        }

        return null;
    }

    private static ImmutableArray<string> PointedCodes(Claim claim, ServiceLine line)
    {
        var codes = ImmutableArray.CreateBuilder<string>();
        foreach (var index in new PointedDiagnoses(claim, line))
        {
            codes.Add(claim.Diagnoses[index].ToDottedString());
        }

        return codes.ToImmutable();
    }
}
