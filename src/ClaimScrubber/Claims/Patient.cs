namespace ClaimScrubber.Claims;

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

        var age = date.Year - birth.Year;
        if (date.Month < birth.Month || (date.Month == birth.Month && date.Day < birth.Day))
        {
            age--;
        }

        return age;
    }
}
