using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Mce;

/// <summary>
/// Every MCE list a code is on, as one bit mask per code and date era, so that a diagnosis's edits cost one look-up
/// instead of a version choice and a binary search per list.
/// </summary>
/// <remarks>
/// Which list versions stand, which codes they hold (a release's added and removed codes) and whether an edit is active
/// change only on the dates the releases name: their effective dates, the day after their end dates, and the dates
/// edits go inactive. Between two such dates (an era) a code's lists are constant, so each is worked out once, for one
/// date of the era, by <see cref="MceEditor"/>'s list test itself. Codes on no list in any era (most codes) are absent.
/// <para>This type is immutable and thread-safe; look-ups allocate nothing.</para>
/// </remarks>
internal sealed class MceListMembership
{
    private readonly int[] eraStarts;
    private readonly PackedKeyIndex rows;
    private readonly ushort[] lists;
    private readonly int eraCount;

    private MceListMembership(int[] eraStarts, PackedKeyIndex rows, ushort[] lists)
    {
        this.eraStarts = eraStarts;
        this.rows = rows;
        this.lists = lists;
        eraCount = eraStarts.Length + 1;
    }

    /// <summary>Works out every code's lists in every era with <paramref name="inList"/>.</summary>
    /// <param name="table">The MCE lists.</param>
    /// <param name="inList">The list test on one date: the single definition of what being on a list means.</param>
    /// <returns>The membership.</returns>
    public static MceListMembership Build(MceTable table, Func<MceList, IcdCode, DateOnly, bool> inList)
    {
        var breaks = new SortedSet<int>();
        var candidates = new HashSet<ulong>();
        foreach (var version in table.Versions)
        {
            AddDay(breaks, version.Release.EffectiveFrom, 0);
            AddDay(breaks, version.Release.EffectiveTo, 1);
            AddDay(breaks, version.InactiveFrom, 0);
            foreach (var code in version.Codes.Concat(version.RemovedCodes))
            {
                candidates.Add(code.Value);

                // A code whose subcodes are listed can count as listed itself (see MceEditor), so its ancestors are candidates.
                for (var length = IcdCode.MinLength; length < code.Length; length++)
                {
                    candidates.Add(code.Truncate(length).Value);
                }
            }
        }

        var eraStarts = breaks.ToArray();
        var codes = candidates.ToArray();
        var eraCount = eraStarts.Length + 1;
        var lists = new ushort[codes.Length * eraCount];
        Parallel.For(0, eraCount, era =>
        {
            var date = era == 0 ? DateOnly.MinValue : DateOnly.FromDayNumber(eraStarts[era - 1]);
            for (var row = 0; row < codes.Length; row++)
            {
                var code = IcdCode.FromValue(codes[row]);
                var mask = 0;
                for (var list = 0; list < MceLists.Count; list++)
                {
                    if (inList((MceList)list, code, date))
                    {
                        mask |= 1 << list;
                    }
                }

                lists[(row * eraCount) + era] = (ushort)mask;
            }
        });

        return new MceListMembership(eraStarts, PackedKeyIndex.Create(codes), lists);
    }

    /// <summary>Returns the era <paramref name="date"/> falls in, for <see cref="ListsOf"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The era.</returns>
    public int EraOf(DateOnly date)
    {
        var day = date.DayNumber;
        var era = 0;
        while (era < eraStarts.Length && day >= eraStarts[era])
        {
            era++;
        }

        return era;
    }

    /// <summary>Finds the row of <paramref name="code"/> (see <see cref="ListsOf"/>), or -1 when no list can hold it.</summary>
    public int RowOf(IcdCode code) => rows.IndexOf(code.Value);

    /// <summary>Returns the lists the code of <paramref name="row"/> (<see cref="RowOf"/>; -1 for none) is on in <paramref name="era"/>: bit <c>(int)list</c> per list.</summary>
    public int ListsOf(int row, int era) => row < 0 ? 0 : lists[(row * eraCount) + era];

    private static void AddDay(SortedSet<int> days, DateOnly? date, int offset)
    {
        if (date is { } day && day.DayNumber + offset <= DateOnly.MaxValue.DayNumber)
        {
            days.Add(day.DayNumber + offset);
        }
    }
}
