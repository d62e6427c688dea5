using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// A National Provider Identifier: ten digits, the last a Luhn check digit computed over the
/// card-issuer prefix 80840 and the first nine digits.
/// </summary>
/// <remarks>
/// Parsing accepts any ten digits, so that a claim with a mistyped NPI can still be read and
/// reported; <see cref="HasValidCheckDigit"/> tells whether the identifier can exist.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct Npi : IEquatable<Npi>
{
    /// <summary>The number of digits in an NPI.</summary>
    public const int Length = 10;

    // The Luhn sum of the prefix 80840 that every NPI implicitly carries.
    private const int PrefixLuhnSum = 24;

    private Npi(long value)
    {
        Value = value;

        // Worked out once at parsing: every claim's NPIs are checked by every scrub.
        HasValidCheckDigit = IsLuhnValid(value);
    }

    /// <summary>Gets the identifier as a number.</summary>
    public long Value { get; }

    /// <summary>Gets a value indicating whether the tenth digit is the check digit of the first nine.</summary>
    public bool HasValidCheckDigit { get; }

    /// <summary>Parses an NPI.</summary>
    /// <param name="text">Ten digits.</param>
    /// <returns>The NPI.</returns>
    /// <exception cref="FormatException">The text is not ten digits.</exception>
    public static Npi Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var npi))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return npi;
    }

    /// <summary>Words why <paramref name="text"/> is not a well-formed NPI; readers echo a shortened text.</summary>
    internal static string FormatProblem(string text) => $"'{text}' is not an NPI: expected ten digits.";

    /// <summary>Tries to parse an NPI.</summary>
    /// <param name="text">The NPI text.</param>
    /// <param name="npi">The NPI, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is ten digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Npi npi) => TryParse(text.AsSpan(), out npi);

    /// <summary>Tries to parse an NPI.</summary>
    /// <param name="text">The NPI text.</param>
    /// <param name="npi">The NPI, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is ten digits.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Npi npi)
    {
        npi = default;
        text = text.Trim();
        if (text.Length != Length || text[0] == '0')
        {
            return false;
        }

        long value = 0;
        foreach (var c in text)
        {
            if (!CodeAlphabet.IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        npi = new Npi(value);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(Npi other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Npi other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when the identifiers are equal.</returns>
    public static bool operator ==(Npi left, Npi right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when the identifiers differ.</returns>
    public static bool operator !=(Npi left, Npi right) => !left.Equals(right);

    private static bool IsLuhnValid(long value)
    {
        var body = value / 10;
        var sum = PrefixLuhnSum;
        var doubleIt = true;
        while (body > 0)
        {
            var digit = (int)(body % 10);
            body /= 10;
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10 == value % 10;
    }
}
