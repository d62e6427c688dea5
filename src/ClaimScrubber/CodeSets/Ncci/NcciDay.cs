using System.Globalization;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>
/// Dates of NCCI edits as days since 1990-01-01 in a <see cref="ushort"/>, so that a PTP row costs two bytes per date.
/// NCCI began in 1996, and the range runs to 2169.
/// </summary>
internal static class NcciDay
{
    /// <summary>An effective date that means "from the start": the CSV form of the PTP table carries none.</summary>
    public const ushort Start = 0;

    /// <summary>A deletion date that means "not deleted" (<c>*</c> or empty).</summary>
    public const ushort Open = ushort.MaxValue;

    private static readonly int Epoch = new DateOnly(1990, 1, 1).DayNumber;

    /// <summary>Encodes a date of service, clamped to the representable range so a far date still compares.</summary>
    public static ushort Of(DateOnly date)
    {
        var days = date.DayNumber - Epoch;
        return days <= 1 ? (ushort)1 : days >= Open - 1 ? (ushort)(Open - 1) : (ushort)days;
    }

    public static DateOnly ToDate(ushort day) => DateOnly.FromDayNumber(Epoch + day);

    /// <summary>Tells whether an edit from <paramref name="effective"/> to <paramref name="deleted"/> (both inclusive) is in force on <paramref name="day"/>.</summary>
    /// <remarks>
    /// CMS deletion dates are the last day an edit applies: deletions fall on quarter ends (<c>20231231</c>) and the
    /// add-on file deletes an edit on the day its code was terminated (<c>2014365</c> for codes ended 2014-12-31).
    /// </remarks>
    public static bool InForce(ushort effective, ushort deleted, ushort day) => effective <= day && day <= deleted;

    /// <summary>Parses <c>YYYYMMDD</c>; <c>*</c> or blank is <paramref name="none"/>.</summary>
    public static bool TryParseYmd(ReadOnlySpan<char> text, ushort none, out ushort day)
    {
        text = text.Trim();
        if (text.IsEmpty || text is "*")
        {
            day = none;
            return true;
        }

        day = 0;
        if (text.Length != 8 || !DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1990)
        {
            return false;
        }

        day = Of(date);
        return true;
    }

    /// <summary>Parses a Julian <c>YYYYDDD</c> date (year and day of the year) as the add-on file writes them; blank is <paramref name="none"/>.</summary>
    public static bool TryParseJulian(ReadOnlySpan<char> text, ushort none, out ushort day)
    {
        text = text.Trim();
        day = none;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length != 7
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfYear)
            || year < 1990 || year > 2169 || dayOfYear < 1 || dayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            return false;
        }

        day = Of(new DateOnly(year, 1, 1).AddDays(dayOfYear - 1));
        return true;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
