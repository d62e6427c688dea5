using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// The type of facility and bill classification of an institutional claim: the first two significant digits of the
/// UB-04 type of bill (form locator 4), such as <c>13</c> for a hospital outpatient bill. The third digit, the
/// frequency, is the claim's <see cref="Claim.FrequencyCode"/>: the 837I carries the two apart (CLM05-1 and CLM05-3),
/// and so does the claim, so that they can never disagree.
/// </summary>
/// <remarks>
/// Parsing accepts the two digits (<c>13</c>) or the UB-04's leading zero with them (<c>013</c>); a full type of bill
/// with its frequency digit is refused, since the digit would be lost. The facility digit is 1 to 9, the classification
/// digit 0 to 9. Whether NUBC assigns the combination is a question for the rules.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct TypeOfBill : IEquatable<TypeOfBill>
{
    private TypeOfBill(byte facility, byte classification)
    {
        Facility = facility;
        Classification = classification;
    }

    /// <summary>Gets the type of facility, the first digit (1 hospital, 2 skilled nursing, 3 home health, 7 clinic, 8 special facility…).</summary>
    public byte Facility { get; }

    /// <summary>Gets the bill classification, the second digit (for hospitals: 1 inpatient Part A, 2 inpatient Part B, 3 outpatient, 4 other Part B…).</summary>
    public byte Classification { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no type of bill.</summary>
    public bool IsDefault => Facility == 0;

    /// <summary>
    /// Gets the setting a claim of this type of bill is scrubbed in: hospital inpatient (11x) is
    /// <see cref="ClaimSetting.Inpatient"/>; hospital inpatient Part B, outpatient and other Part B (12x, 13x, 14x) and
    /// critical access hospital outpatient (85x), the bills the hospital outpatient NCCI tables are published for, are
    /// <see cref="ClaimSetting.OutpatientHospital"/>; every other bill is <see cref="ClaimSetting.OtherInstitutional"/>.
    /// </summary>
    public ClaimSetting Setting => (Facility, Classification) switch
    {
        (1, 1) => ClaimSetting.Inpatient,
        (1, 2 or 3 or 4) or (8, 5) => ClaimSetting.OutpatientHospital,
        _ => ClaimSetting.OtherInstitutional,
    };

    /// <summary>Parses a type of facility and bill classification.</summary>
    /// <param name="text">Two digits, optionally after a leading zero (<c>13</c>, <c>013</c>).</param>
    /// <returns>The type of bill.</returns>
    /// <exception cref="FormatException">The text is not two digits with a facility digit from 1 to 9.</exception>
    public static TypeOfBill Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    internal static string FormatProblem(string text) => $"'{text}' is not a type of bill: expected the facility and classification digits, such as 13 or 013 (the frequency digit is the claim frequency code).";

    /// <summary>Tries to parse a type of facility and bill classification.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The type of bill, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is well formed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TypeOfBill code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse a type of facility and bill classification.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The type of bill, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is well formed.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out TypeOfBill code)
    {
        code = default;
        text = text.Trim();
        if (text.Length == 3 && text[0] == '0')
        {
            text = text[1..];
        }

        if (text.Length != 2 || !CodeAlphabet.IsDigit(text[0]) || !CodeAlphabet.IsDigit(text[1]) || text[0] == '0')
        {
            return false;
        }

        code = new TypeOfBill((byte)(text[0] - '0'), (byte)(text[1] - '0'));
        return true;
    }

    /// <summary>Returns the two digits, such as <c>13</c>, as CLM05-1 carries them.</summary>
    /// <returns>The two digits, or the empty string for the default value.</returns>
    public override string ToString() => IsDefault ? string.Empty : string.Create(2, this, static (span, bill) =>
    {
        span[0] = (char)('0' + bill.Facility);
        span[1] = (char)('0' + bill.Classification);
    });

    /// <summary>Returns the UB-04 form of the type of bill with its frequency digit, such as <c>0131</c>.</summary>
    /// <param name="frequencyCode">The claim frequency code, or <see langword="null"/> to leave the digit out.</param>
    /// <returns>The leading zero, the two digits and the frequency code.</returns>
    public string ToUb04String(string? frequencyCode) => string.Concat("0", ToString(), frequencyCode);

    /// <inheritdoc/>
    public bool Equals(TypeOfBill other) => Facility == other.Facility && Classification == other.Classification;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TypeOfBill other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Facility * 10) + Classification;

    /// <summary>Compares two types of bill for equality.</summary>
    /// <param name="left">The first type of bill.</param>
    /// <param name="right">The second type of bill.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(TypeOfBill left, TypeOfBill right) => left.Equals(right);

    /// <summary>Compares two types of bill for inequality.</summary>
    /// <param name="left">The first type of bill.</param>
    /// <param name="right">The second type of bill.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(TypeOfBill left, TypeOfBill right) => !left.Equals(right);
}
