namespace ClaimScrubber;

/// <summary>The demographic facts about the patient that coding edits depend on, and nothing more.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class Patient
{
    /// <summary>Gets the date of birth, or <see langword="null"/> when the claim does not carry it.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Gets the sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>Returns the age in whole years on <paramref name="date"/>, or <see langword="null"/> without a birth date.</summary>
    /// <param name="date">The date of service or of discharge.</param>
    /// <returns>The age in completed years; negative when <paramref name="date"/> precedes the birth date.</returns>
    public int? AgeOn(DateOnly date)
    {
        if (BirthDate is not { } birth)
        {
            return null;
        }

        // One decomposition of each day number, where each Year, Month and Day property would do its own.
        date.Deconstruct(out var year, out var month, out var day);
        birth.Deconstruct(out var birthYear, out var birthMonth, out var birthDay);
        var age = year - birthYear;
        if (month < birthMonth || (month == birthMonth && day < birthDay))
        {
            age--;
        }

        return age;
    }
}
