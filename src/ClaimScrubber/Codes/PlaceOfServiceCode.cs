using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>A CMS place-of-service code: two digits from <c>01</c> to <c>99</c>, such as <c>11</c> (office).</summary>
/// <remarks>
/// Parsing accepts one or two digits (<c>"1"</c> is <c>01</c>). Whether the code is assigned is a
/// question for the code-set index.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct PlaceOfServiceCode : IEquatable<PlaceOfServiceCode>
{
    private PlaceOfServiceCode(byte value) => Value = value;

    /// <summary>Gets the code as a number from 1 to 99.</summary>
    public byte Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no code.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Creates a code from its number.</summary>
    /// <param name="value">From 1 to 99.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 1 to 99.</exception>
    public static PlaceOfServiceCode FromValue(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        return new PlaceOfServiceCode((byte)value);
    }

    /// <summary>Parses a place-of-service code.</summary>
    /// <param name="text">One or two digits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not a place-of-service code.</exception>
    public static PlaceOfServiceCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    /// <summary>Words why <paramref name="text"/> is not a well-formed place-of-service code; readers echo a shortened text.</summary>
    internal static string FormatProblem(string text) => $"'{text}' is not a place-of-service code: expected two digits from 01 to 99.";

    /// <summary>Tries to parse a place-of-service code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is one or two digits from 1 to 99.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PlaceOfServiceCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse a place-of-service code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is one or two digits from 1 to 99.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PlaceOfServiceCode code)
    {
        code = default;
        text = text.Trim();
        if (text.Length is < 1 or > 2)
        {
            return false;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (!CodeAlphabet.IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (value == 0)
        {
            return false;
        }

        code = new PlaceOfServiceCode((byte)value);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(PlaceOfServiceCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PlaceOfServiceCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value;

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(PlaceOfServiceCode left, PlaceOfServiceCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(PlaceOfServiceCode left, PlaceOfServiceCode right) => !left.Equals(right);
}
