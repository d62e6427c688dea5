using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// A National Drug Code in the 11-digit 5-4-2 form that claims carry (837 LIN03 with qualifier N4): a 5-digit labeler,
/// a 4-digit product and a 2-digit package code, such as <c>00002143380</c>.
/// </summary>
/// <remarks>
/// Parsing accepts the 11 digits with or without hyphens (<c>00002-1433-80</c>), and the 10-digit package forms the
/// FDA publishes when hyphenated (4-4-2, 5-3-2, 5-4-1), which it pads with the missing leading zero. Ten digits without
/// hyphens are refused: which segment lacks its zero cannot be told. All zeros is refused. Whether the code is listed
/// is a question for the rules.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct NationalDrugCode : IEquatable<NationalDrugCode>
{
    /// <summary>The number of digits of the claim form of an NDC.</summary>
    public const int Length = 11;

    private NationalDrugCode(long value) => Value = value;

    /// <summary>Gets the 11 digits as a number.</summary>
    public long Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no code.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Parses an NDC.</summary>
    /// <param name="text">11 digits, optionally hyphenated 5-4-2, or a hyphenated 10-digit form.</param>
    /// <returns>The code in its 11-digit form.</returns>
    /// <exception cref="FormatException">The text is not an NDC.</exception>
    public static NationalDrugCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    internal static string FormatProblem(string text) => $"'{text}' is not a National Drug Code: expected 11 digits (5-4-2), or a hyphenated 10-digit form (4-4-2, 5-3-2, 5-4-1).";

    /// <summary>Tries to parse an NDC.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed NDC.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out NationalDrugCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse an NDC.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed NDC.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out NationalDrugCode code)
    {
        code = default;
        text = text.Trim();
        long value;
        if (text.Length == Length)
        {
            if (!TryDigits(text, out value))
            {
                return false;
            }
        }
        else
        {
            // Hyphenated: three groups whose lengths say where the padding zero goes.
            var first = text.IndexOf('-');
            var second = first < 0 ? -1 : text[(first + 1)..].IndexOf('-');
            if (second < 0)
            {
                return false;
            }

            second += first + 1;
            var labeler = text[..first];
            var product = text[(first + 1)..second];
            var package = text[(second + 1)..];
            var shape = (labeler.Length, product.Length, package.Length);
            if (shape is not ((5, 4, 2) or (4, 4, 2) or (5, 3, 2) or (5, 4, 1))
                || !TryDigits(labeler, out var l) || !TryDigits(product, out var p) || !TryDigits(package, out var k))
            {
                return false;
            }

            value = (((l * 10_000) + p) * 100) + k;
        }

        if (value == 0)
        {
            return false;
        }

        code = new NationalDrugCode(value);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!CodeAlphabet.IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Returns the 11 digits, such as <c>00002143380</c>, as the 837 carries them.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => IsDefault ? string.Empty : Value.ToString("D11", CultureInfo.InvariantCulture);

    /// <summary>Returns the hyphenated 5-4-2 form, such as <c>00002-1433-80</c>.</summary>
    /// <returns>The code with hyphens.</returns>
    public string ToHyphenatedString()
    {
        var digits = ToString();
        return IsDefault ? digits : $"{digits[..5]}-{digits[5..9]}-{digits[9..]}";
    }

    /// <inheritdoc/>
    public bool Equals(NationalDrugCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NationalDrugCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(NationalDrugCode left, NationalDrugCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(NationalDrugCode left, NationalDrugCode right) => !left.Equals(right);
}
