using System.Collections.Immutable;
using ClaimScrubber.Internal;

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
    private readonly PackedKeyIndex ownerIndex;
    private readonly int[] ownerEnds;
    private readonly ulong[] excludedFrom;
    private readonly ulong[] excludedWidths;

    public Excludes1Table(IEnumerable<Excludes1Entry> entries, ImmutableArray<string> notes, TableRelease release)
    {
        this.entries = [.. entries.OrderBy(e => e.Owner.Value)];
        owners = [.. this.entries.Select(e => e.Owner.Value)];
        ownerIndex = PackedKeyIndex.Create(owners);

        ownerEnds = new int[owners.Length];
        for (var end = owners.Length; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && owners[start - 1] == owners[end - 1])
            {
                start--;
            }

            ownerEnds[start] = end;
            end = start;
        }

        // A code is excluded when it extends a code from From to To: in packed order, from From's value to the end of
        // To's descendants, tested as one unsigned comparison of the distance from From. A reversed range excludes nothing.
        excludedFrom = [.. this.entries.Select(e => e.To.DescendantsEnd >= e.From.Value ? e.From.Value : ulong.MaxValue)];
        excludedWidths = [.. this.entries.Select(e => e.To.DescendantsEnd >= e.From.Value ? e.To.DescendantsEnd - e.From.Value : 0)];
        Notes = notes;
        Release = release;
    }

    public ImmutableArray<string> Notes { get; }

    public TableRelease Release { get; }

    public int Count => entries.Length;

    /// <summary>Gets every reference, ordered by owner (for tests and reports).</summary>
    public ReadOnlySpan<Excludes1Entry> Entries => entries;

    /// <summary>How many prefixes a code has that can own notes (lengths 3 to 7): the most <see cref="FindNoteOwners"/> finds.</summary>
    public const int PrefixCount = IcdCode.MaxLength - IcdCode.MinLength + 1;

    /// <summary>
    /// Finds an Excludes1 note under <paramref name="code"/> or one of its ancestors that excludes <paramref name="other"/>.
    /// </summary>
    /// <param name="code">The code whose notes are read.</param>
    /// <param name="other">The code that may be excluded.</param>
    /// <param name="entry">The note's entry, when found.</param>
    /// <returns><see langword="true"/> when a note excludes <paramref name="other"/>.</returns>
    public bool TryFind(IcdCode code, IcdCode other, out Excludes1Entry entry)
    {
        Span<NoteOwner> owners = stackalloc NoteOwner[PrefixCount];
        return TryFind(owners[..FindNoteOwners(code, owners)], other, out entry);
    }

    /// <summary>
    /// Finds the prefixes of <paramref name="code"/> (itself included) that own notes. A claim finds them once per code,
    /// not once per pair and direction; most codes have none, which settles their pairs at once.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="owners">Receives up to <see cref="PrefixCount"/> owners, shortest prefix first.</param>
    /// <returns>How many were found.</returns>
    public int FindNoteOwners(IcdCode code, Span<NoteOwner> owners)
    {
        var count = 0;
        var length = code.Length;
        for (var prefixLength = IcdCode.MinLength; prefixLength <= length; prefixLength++)
        {
            var prefix = code.Truncate(prefixLength);
            var first = ownerIndex.IndexOf(prefix.Value);
            if (first >= 0)
            {
                owners[count++] = new NoteOwner(prefix.Value, prefix.DescendantsEnd, first, ownerEnds[first]);
            }
        }

        return count;
    }

    /// <summary>Finds a note excluding <paramref name="other"/> among the notes of <paramref name="owners"/> (from <see cref="FindNoteOwners"/>).</summary>
    /// <param name="owners">The note owners of the code whose notes are read.</param>
    /// <param name="other">The code that may be excluded.</param>
    /// <param name="entry">The note's entry, when found.</param>
    /// <returns><see langword="true"/> when a note excludes <paramref name="other"/>.</returns>
    public bool TryFind(ReadOnlySpan<NoteOwner> owners, IcdCode other, out Excludes1Entry entry)
    {
        var value = other.Value;
        foreach (ref readonly var owner in owners)
        {
            // A note never excludes the code's own family (ranges in chapter notes can span it).
            if (value - owner.Family <= owner.FamilyEnd - owner.Family)
            {
                continue;
            }

            for (var i = owner.First; i < owner.End; i++)
            {
                if (value - excludedFrom[i] <= excludedWidths[i])
                {
                    entry = entries[i];
                    return true;
                }
            }
        }

        entry = default;
        return false;
    }
}

/// <summary>The notes under one prefix of a code: the prefix's family (its own notes never exclude it) and its entries.</summary>
/// <param name="Family">The prefix's packed value, the first of its family.</param>
/// <param name="FamilyEnd">The last packed value of its family (<see cref="IcdCode.DescendantsEnd"/>).</param>
/// <param name="First">Its first entry.</param>
/// <param name="End">One past its last entry.</param>
internal readonly record struct NoteOwner(ulong Family, ulong FamilyEnd, int First, int End);
