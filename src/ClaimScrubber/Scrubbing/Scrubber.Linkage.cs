using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.CodeSets.Ncd;
using ClaimScrubber.Rules.Linkage;

using ClaimScrubber.Scrubbing;

namespace ClaimScrubber;

public sealed partial class Scrubber
{
    /// <summary>
    /// Explains, for each line of <paramref name="claim"/>, the diagnoses it points to and whether each supports it
    /// under the loaded coverage tables (the lab NCDs). Separate from <see cref="Scrub"/> so that scrubbing stays
    /// allocation-free; call it only when the report is wanted.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The report, one entry per line.</returns>
    public LinkageReport ExplainLinkage(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = Index.LabNcds;
        var lines = ImmutableArray.CreateBuilder<LineLinkage>(claim.Lines.Length);
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            var line = claim.Lines[i];
            LabNcd? ncd = null;
            if (table is not null && line.ProcedureCode is { } code && line.ServiceDate is { } date)
            {
                table.TryGetNcd(code, date, out ncd);
            }

            var diagnoses = ImmutableArray.CreateBuilder<DiagnosisSupport>();
            var pointed = new PointedDiagnoses(claim, line);
            while (pointed.MoveNext())
            {
                var diagnosis = claim.Diagnoses[pointed.Current];
                var (support, reason) = ncd is null ? (LinkageSupport.Unknown, null) : Explain(ncd, diagnosis, line.ServiceDate!.Value);
                diagnoses.Add(new DiagnosisSupport(pointed.Position, pointed.Current + 1, diagnosis.ToDottedString(), support, reason));
            }

            var lineSupport = ncd is null
                ? LinkageSupport.Unknown
                : LabNcdRules.Assess(ncd, claim, line, line.ServiceDate!.Value) switch
                {
                    NcdResolution.Covered => LinkageSupport.Covered,
                    NcdResolution.Unknown => LinkageSupport.Unknown,
                    _ => LinkageSupport.NotCovered,
                };
            lines.Add(new LineLinkage(i + 1, line.ProcedureCode?.ToString(), ncd is null ? null : $"NCD {ncd.Number} {ncd.Description}", lineSupport,
                diagnoses.ToImmutable(), ncd is null ? null : table!.Release));
        }

        return new LinkageReport(claim.ClaimId, lines.MoveToImmutable());
    }

    private static (LinkageSupport Support, string? Reason) Explain(LabNcd ncd, ClaimScrubber.IcdCode diagnosis, DateOnly date)
    {
        var lookup = ncd.Resolve(diagnosis, date);
        var source = lookup.Listed ? "listed" : "not listed, so its catch-all row applies";
        return lookup.Resolution switch
        {
            NcdResolution.Covered => (LinkageSupport.Covered, $"NCD {ncd.Number} resolution 1 ({source}): covered"),
            NcdResolution.Denied => (LinkageSupport.NotCovered, $"NCD {ncd.Number} resolution 2 ({source}): never covered"),
            NcdResolution.NotMedicallyNecessary => (LinkageSupport.NotCovered, $"NCD {ncd.Number} resolution 3 ({source}): does not support medical necessity"),
            _ => (LinkageSupport.Unknown, string.Create(CultureInfo.InvariantCulture, $"NCD {ncd.Number} does not decide this code")),
        };
    }
}
