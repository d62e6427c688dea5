using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.MceDiagnoses;

namespace ClaimScrubber.Rules.Diagnoses;

/// <summary>
/// <c>DX020</c>: two diagnoses of the claim that an Excludes1 note says are never coded together, in every setting. Each
/// pair is reported once, on the later diagnosis, naming the note and the code it is under.
/// </summary>
internal sealed class Excludes1Rule : IClaimRule
{
    private readonly Excludes1Table table;

    public Excludes1Rule(Excludes1Table table) => this.table = table;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.Excludes1Pair];

    public void Evaluate(ScrubContext context)
    {
        var diagnoses = context.Claim.Diagnoses.AsSpan();
        if (diagnoses.Length < 2)
        {
            return;
        }

        // Which prefixes of each code own notes, found once per code rather than once per pair and direction.
        const int Width = Excludes1Table.PrefixCount;
        Span<NoteOwner> owners = diagnoses.Length <= 32 ? stackalloc NoteOwner[diagnoses.Length * Width] : new NoteOwner[diagnoses.Length * Width];
        Span<int> counts = diagnoses.Length <= 32 ? stackalloc int[diagnoses.Length] : new int[diagnoses.Length];
        var any = false;
        for (var d = 0; d < diagnoses.Length; d++)
        {
            counts[d] = table.FindNoteOwners(diagnoses[d], owners.Slice(d * Width, Width));
            any |= counts[d] > 0;
        }

        if (!any)
        {
            return;
        }

        for (var j = 1; j < diagnoses.Length; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var first = diagnoses[i];
                var second = diagnoses[j];
                if (first == second || (counts[i] | counts[j]) == 0)
                {
                    continue;
                }

                if (table.TryFind(owners.Slice(i * Width, counts[i]), second, out var entry) || table.TryFind(owners.Slice(j * Width, counts[j]), first, out entry))
                {
                    if (context.IsEnabled(R.Excludes1Pair))
                    {
                        var a = first.ToDottedString();
                        var b = second.ToDottedString();
                        context.Report(R.Excludes1Pair, null, ElementPath.Diagnosis(j + 1),
                            $"Diagnoses {a} and {b} are never coded together: the Excludes1 note under {entry.Owner.ToDottedString()} reads '{table.Notes[entry.Note]}'.",
                            "Keep the code that describes the condition documented and remove the other.", [a, b], table.Release);
                    }

                    break;
                }
            }
        }
    }
}
