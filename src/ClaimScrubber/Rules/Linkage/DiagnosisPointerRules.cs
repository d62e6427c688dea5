using System.Globalization;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Linkage;

namespace ClaimScrubber.Rules.Linkage;

/// <summary>Diagnosis pointers exist and point at a diagnosis of the claim. Reads no table.</summary>
internal sealed class DiagnosisPointerRules : IClaimRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.PointerOutOfRange, R.LineWithoutDiagnosis, R.DuplicatePointer];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var diagnosisCount = claim.Diagnoses.Length;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var pointers = lines[i].DiagnosisPointers;
            if (pointers.IsEmpty)
            {
                // Institutional claims link diagnoses at claim level, not per line.
                if (claim.Setting == ClaimSetting.Professional)
                {
                    context.Report(R.LineWithoutDiagnosis, number, ElementPath.LineMember(number, "diagnosisPointers"),
                        "The line points to no diagnosis.", "Point the line to the diagnoses that justify the service, the primary reason first (SV107).");
                }

                continue;
            }

            for (var p = 0; p < pointers.Length; p++)
            {
                var pointer = pointers[p];
                if (pointer < 1 || pointer > diagnosisCount)
                {
                    if (context.IsEnabled(R.PointerOutOfRange))
                    {
                        context.Report(R.PointerOutOfRange, number, ElementPath.LinePointer(number, p + 1),
                            string.Create(CultureInfo.InvariantCulture, $"Diagnosis pointer {pointer} points nowhere: the claim has {diagnosisCount} diagnosis(es)."),
                            string.Create(CultureInfo.InvariantCulture, $"Point to a diagnosis from 1 to {diagnosisCount}, or add the missing diagnosis to the claim."));
                    }
                }
                else if (pointers.AsSpan(0, p).Contains(pointer) && context.IsEnabled(R.DuplicatePointer))
                {
                    context.Report(R.DuplicatePointer, number, ElementPath.LinePointer(number, p + 1),
                        string.Create(CultureInfo.InvariantCulture, $"Diagnosis pointer {pointer} appears more than once on the line."),
                        "Point to each diagnosis once; use the free pointer for another supporting diagnosis.", [claim.Diagnoses[pointer - 1].ToDottedString()]);
                }
            }
        }
    }
}
