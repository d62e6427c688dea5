using System.Collections.Immutable;
using ClaimScrubber.Codes;
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
    private readonly ulong[] excludedFrom;
    private readonly ulong[] excludedTo;

    public Excludes1Table(IEnumerable<Excludes1Entry> entries, ImmutableArray<string> notes, TableRelease release)
    {
        this.entries = [.. entries.OrderBy(e => e.Owner.Value)];
        owners = [.. this.entries.Select(e => e.Owner.Value)];
        ownerIndex = PackedKeyIndex.Create(owners);

        // A code is excluded when it extends a code from From to To: in packed order, from From's value to the end of To's descendants.
        excludedFrom = [.. this.entries.Select(e => e.From.Value)];
        excludedTo = [.. this.entries.Select(e => e.To.DescendantsEnd)];
        Notes = notes;
        Release = release;
    }

    public ImmutableArray<string> Notes { get; }

    public TableRelease Release { get; }

    public int Count => entries.Length;

    /// <summary>How many prefixes a code has that can own notes (lengths 3 to 7): the size of a <see cref="FindNoteOwners"/> span.</summary>
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
        Span<int> owners = stackalloc int[PrefixCount];
        entry = default;
        return FindNoteOwners(code, owners) && TryFind(code, owners, other, out entry);
    }

    /// <summary>
    /// Finds the notes under each prefix of <paramref name="code"/> (itself included): <c>owners[n - 3]</c> is the first
    /// entry of the prefix of length <c>n</c>, or -1. A claim finds them once per code, not once per pair and direction;
    /// most codes have none, which settles their pairs at once.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="owners">Receives <see cref="PrefixCount"/> entry positions.</param>
    /// <returns><see langword="true"/> when some prefix has notes.</returns>
    public bool FindNoteOwners(IcdCode code, Span<int> owners)
    {
        var any = false;
        var length = code.Length;
        for (var prefixLength = IcdCode.MinLength; prefixLength <= IcdCode.MaxLength; prefixLength++)
        {
            var at = prefixLength <= length ? ownerIndex.IndexOf(code.Truncate(prefixLength).Value) : -1;
            owners[prefixLength - IcdCode.MinLength] = at;
            any |= at >= 0;
        }

        return any;
    }

    /// <summary>
    /// Finds a note excluding <paramref name="other"/> among the notes of <paramref name="code"/>'s prefixes found by
    /// <see cref="FindNoteOwners"/>.
    /// </summary>
    /// <param name="code">The code whose notes are read.</param>
    /// <param name="noteOwners">The code's note owners, from <see cref="FindNoteOwners"/>.</param>
    /// <param name="other">The code that may be excluded.</param>
    /// <param name="entry">The note's entry, when found.</param>
    /// <returns><see langword="true"/> when a note excludes <paramref name="other"/>.</returns>
    public bool TryFind(IcdCode code, ReadOnlySpan<int> noteOwners, IcdCode other, out Excludes1Entry entry)
    {
        for (var p = 0; p < PrefixCount; p++)
        {
            var index = noteOwners[p];
            if (index < 0)
            {
                continue;
            }

            // A note never excludes the code's own family (ranges in chapter notes can span it).
            var owner = code.Truncate(p + IcdCode.MinLength);
            if (other.StartsWith(owner))
            {
                continue;
            }

            for (; index < owners.Length && owners[index] == owner.Value; index++)
            {
                if (other.Value >= excludedFrom[index] && other.Value <= excludedTo[index])
                {
                    entry = entries[index];
                    return true;
                }
            }
        }

        entry = default;
        return false;
    }
}
