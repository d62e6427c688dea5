using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// A two-character code from the National Uniform Billing Committee's UB-04 lists: a condition code (form locators
/// 18–28), an occurrence code (31–34), an occurrence span code (35–36) or a value code (39–41), such as <c>42</c> or
/// <c>A1</c>. The 837I carries them in HI segments (qualifiers BG, BH, BI and BE).
/// </summary>
/// <remarks>
/// Parsing trims white space and folds case; it accepts any two letters or digits. Which codes NUBC assigns is a
/// question for the rules.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct NubcCode : IEquatable<NubcCode>, IComparable<NubcCode>
{
    /// <summary>The number of characters of every code.</summary>
    public const int Length = 2;

    private NubcCode(ushort value) => Value = value;

    /// <summary>Gets the packed representation, ordered as the codes' ordinal string order.</summary>
    public ushort Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no code.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Parses a code.</summary>
    /// <param name="text">Two letters or digits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not two letters or digits.</exception>
    public static NubcCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    internal static string FormatProblem(string text) => $"'{text}' is not a UB-04 condition, occurrence or value code: expected two letters or digits.";

    /// <summary>Tries to parse a code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is two letters or digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out NubcCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse a code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is two letters or digits.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out NubcCode code)
    {
        var ok = CodeAlphabet.TryPackFixed(text, Length, out var value);
        code = ok ? new NubcCode((ushort)value) : default;
        return ok;
    }

    /// <inheritdoc/>
    public override string ToString() => IsDefault ? string.Empty : CodeAlphabet.UnpackFixed(Value, Length);

    /// <inheritdoc/>
    public bool Equals(NubcCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NubcCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value;

    /// <inheritdoc/>
    public int CompareTo(NubcCode other) => Value.CompareTo(other.Value);

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(NubcCode left, NubcCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(NubcCode left, NubcCode right) => !left.Equals(right);

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(NubcCode left, NubcCode right) => left.Value < right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(NubcCode left, NubcCode right) => left.Value > right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(NubcCode left, NubcCode right) => left.Value <= right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(NubcCode left, NubcCode right) => left.Value >= right.Value;
}
