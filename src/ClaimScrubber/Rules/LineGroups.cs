namespace ClaimScrubber.Rules;

/// <summary>
/// A claim's lines grouped by date of service, rendering provider and modifiers (each on request) and procedure code, so
/// that the checks that compare lines of a date (NCCI PTP and MUE, duplicate lines) cost the lines and their distinct
/// codes, not every pair of lines. Lines without a code or date belong to no group.
/// </summary>
/// <remarks>
/// Worked out once per claim by <see cref="Scrubbing.ScrubContext"/> (<c>LineGroups(byProvider)</c>) into buffers it keeps
/// from claim to claim, so that grouping allocates nothing once a thread has seen a claim of that size.
/// </remarks>
internal readonly ref struct LineGroups
{
    /// <summary>The most lines sorted by insertion; beyond, the library sort (which boxes its comparer) is used.</summary>
    private const int InsertionSortLimit = 64;

    private readonly ReadOnlySpan<int> groupOf;
    private readonly ReadOnlySpan<int> next;
    private readonly ReadOnlySpan<int> size;

    /// <summary>Views groups worked out by <see cref="Build"/>.</summary>
    public LineGroups(ReadOnlySpan<LineKey> sorted, ReadOnlySpan<int> groupOf, ReadOnlySpan<int> next, ReadOnlySpan<int> size)
    {
        Sorted = sorted;
        this.groupOf = groupOf;
        this.next = next;
        this.size = size;
    }

    /// <summary>Groups the lines of <paramref name="claim"/> into the buffers (one slot per line each).</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="byProvider">Whether lines of different rendering providers (the line's, else the claim's) are apart.</param>
    /// <param name="byModifiers">Whether lines of different modifiers (as billed, in order) are apart.</param>
    /// <param name="keys">A buffer of one key per line; on return its first <c>count</c> keys are sorted.</param>
    /// <param name="groupOf">A buffer of one slot per line.</param>
    /// <param name="next">A buffer of one slot per line.</param>
    /// <param name="size">A buffer of one slot per line: the size of each group, at its first line.</param>
    /// <returns>How many lines were grouped (those with a code and a date).</returns>
    public static int Build(Claim claim, bool byProvider, bool byModifiers, Span<LineKey> keys, Span<int> groupOf, Span<int> next, Span<int> size)
    {
        var lines = claim.Lines;
        var count = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].ProcedureCode is { } code && lines[i].ServiceDate is { } date)
            {
                keys[count++] = new LineKey(date.DayNumber, byProvider ? claim.RenderingNpiFor(lines[i])?.Value ?? -1 : -1, code.Value, byModifiers ? Pack(lines[i]) : 0, i);
            }
        }

        var sorted = keys[..count];
        Sort(sorted);
        groupOf[..lines.Length].Fill(-1);
        for (var k = 0; k < sorted.Length; k++)
        {
            var index = sorted[k].Index;
            next[index] = -1;
            if (k > 0 && sorted[k - 1].SameGroup(sorted[k]))
            {
                groupOf[index] = groupOf[sorted[k - 1].Index];
                next[sorted[k - 1].Index] = index;
                size[groupOf[index]]++;
            }
            else
            {
                groupOf[index] = index;
                size[index] = 1;
            }
        }

        return count;
    }

    /// <summary>Packs a line's modifiers (at most four within the claim limits) into one value; more than four never group.</summary>
    private static ulong Pack(ServiceLine line)
    {
        var modifiers = line.Modifiers;
        if (modifiers.Length > ClaimLimits.MaxModifiersPerLine)
        {
            return ulong.MaxValue - (ulong)modifiers.Length;
        }

        // Two characters of six bits each: twelve bits a modifier, and the count above them.
        ulong packed = 0;
        foreach (var modifier in modifiers)
        {
            packed = (packed << 12) | (modifier.Value & 0xFFFUL);
        }

        return packed | ((ulong)modifiers.Length << 48);
    }

    /// <summary>Gets the keys of the grouped lines, ordered by date, provider, code, then line: each group, and each date and provider (a bucket), is a run.</summary>
    public ReadOnlySpan<LineKey> Sorted { get; }

    /// <summary>Gets the first line of <paramref name="line"/>'s group (itself when it is the first), or -1 when it has no code or date.</summary>
    public int GroupOf(int line) => groupOf[line];

    /// <summary>Gets the next line of <paramref name="line"/>'s group, in claim order, or -1 after the last.</summary>
    public int Next(int line) => next[line];

    /// <summary>Gets how many lines the group that <paramref name="first"/> starts holds.</summary>
    public int SizeOf(int first) => size[first];

    private static void Sort(Span<LineKey> keys)
    {
        if (keys.Length > InsertionSortLimit)
        {
            // A claim this long allocates elsewhere anyway; insertion would take the square of its lines.
            keys.Sort(default(LineKeyOrder));
            return;
        }

        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= 0 && LineKeyOrder.Compare(keys[j], key) > 0)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }

    private readonly struct LineKeyOrder : IComparer<LineKey>
    {
        public static int Compare(in LineKey x, in LineKey y) =>
            x.Day != y.Day ? x.Day.CompareTo(y.Day)
            : x.Npi != y.Npi ? x.Npi.CompareTo(y.Npi)
            : x.Code != y.Code ? x.Code.CompareTo(y.Code)
            : x.Modifiers != y.Modifiers ? x.Modifiers.CompareTo(y.Modifiers)
            : x.Index.CompareTo(y.Index);

        int IComparer<LineKey>.Compare(LineKey x, LineKey y) => Compare(x, y);
    }
}

/// <summary>
/// A line's place among <see cref="LineGroups"/>: its date (day number), provider (NPI, -1 for none or not asked), code,
/// modifiers (packed, 0 when not asked) and position.
/// </summary>
internal readonly record struct LineKey(int Day, long Npi, uint Code, ulong Modifiers, int Index)
{
    /// <summary>Tells whether both lines have the same date and provider.</summary>
    public bool SameBucket(in LineKey other) => Day == other.Day && Npi == other.Npi;

    /// <summary>Tells whether both lines have the same date, provider, code and (when grouped by them) modifiers.</summary>
    public bool SameGroup(in LineKey other) => SameBucket(other) && Code == other.Code && Modifiers == other.Modifiers;
}
