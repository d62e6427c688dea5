using System.Collections.Immutable;
using ClaimScrubber.Codes;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>One Excludes1 reference: the code (or category) whose note it is, and the code, prefix or range it excludes.</summary>
/// <param name="Owner">The code whose note it is; the note holds for its descendants too.</param>
/// <param name="From">The first excluded code or prefix.</param>
/// <param name="To">The last excluded code or prefix of a range, or the same as <paramref name="From"/>.</param>
/// <param name="Note">The index of the note's text in <see cref="Excludes1Table.Notes"/>.</param>
internal readonly record struct Excludes1Entry(IcdCode Owner, IcdCode From, IcdCode To, int Note);

/// <summary>
/// The Excludes1 notes of the ICD-10-CM tabular list ("NOT CODED HERE": the two conditions are never coded together), at
/// category and code level, each note holding for the descendants of the code it is under.
/// </summary>
/// <remarks>
/// The tabular list available is the 2021 edition: codes added since have no notes here, so pairs involving them are not
/// checked (the loader says so). This type is immutable and thread-safe; look-ups allocate nothing.
/// </remarks>
internal sealed partial class Excludes1Table
{
    public const string TableName = "ICD-10-CM tabular Excludes1";

    private readonly Excludes1Entry[] entries;
    private readonly ulong[] owners;

    public Excludes1Table(IEnumerable<Excludes1Entry> entries, ImmutableArray<string> notes, TableRelease release)
    {
        this.entries = [.. entries.OrderBy(e => e.Owner.Value)];
        owners = [.. this.entries.Select(e => e.Owner.Value)];
        Notes = notes;
        Release = release;
    }

    public ImmutableArray<string> Notes { get; }

    public TableRelease Release { get; }

    public int Count => entries.Length;

    /// <summary>
    /// Finds an Excludes1 note under <paramref name="code"/> or one of its ancestors that excludes <paramref name="other"/>.
    /// </summary>
    /// <param name="code">The code whose notes are read.</param>
    /// <param name="other">The code that may be excluded.</param>
    /// <param name="entry">The note's entry, when found.</param>
    /// <returns><see langword="true"/> when a note excludes <paramref name="other"/>.</returns>
    public bool TryFind(IcdCode code, IcdCode other, out Excludes1Entry entry)
    {
        var length = code.Length;
        for (var prefixLength = IcdCode.MinLength; prefixLength <= length; prefixLength++)
        {
            var owner = code.Truncate(prefixLength);

            // A note never excludes the code's own family (ranges in chapter notes can span it).
            if (other.StartsWith(owner))
            {
                continue;
            }

            var index = Array.BinarySearch(owners, owner.Value);
            if (index < 0)
            {
                continue;
            }

            while (index > 0 && owners[index - 1] == owner.Value)
            {
                index--;
            }

            for (; index < owners.Length && owners[index] == owner.Value; index++)
            {
                if (Excludes(entries[index], other))
                {
                    entry = entries[index];
                    return true;
                }
            }
        }

        entry = default;
        return false;
    }

    private static bool Excludes(Excludes1Entry entry, IcdCode code)
    {
        if (entry.From == entry.To)
        {
            return code.StartsWith(entry.From);
        }

        var fromLength = entry.From.Length;
        var toLength = entry.To.Length;
        var length = code.Length;
        var low = length >= fromLength ? code.Truncate(fromLength) : code;
        var high = length >= toLength ? code.Truncate(toLength) : code;
        return low >= entry.From && high <= entry.To;
    }
}
