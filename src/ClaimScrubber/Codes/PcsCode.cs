using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// An ICD-10-PCS inpatient procedure code: exactly 7 characters, each a digit or a letter other than I and O
/// (which PCS never uses, to avoid confusion with 1 and 0). Stored as one integer so that comparing and hashing
/// codes costs nothing.
/// </summary>
/// <remarks>
/// Parsing normalises input (surrounding white space, lower case) and rejects text that can never be a PCS code.
/// Whether a well-formed code exists on a date is a question for the code-set index, not for this type.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct PcsCode : IEquatable<PcsCode>, IComparable<PcsCode>, ISpanFormattable
{
    /// <summary>The number of characters of every ICD-10-PCS code.</summary>
    public const int Length = 7;

    private const int Shift = CodeAlphabet.BitsPerChar;

    private PcsCode(ulong value) => Value = value;

    /// <summary>Gets the packed representation, ordered as the codes' ordinal string order.</summary>
    public ulong Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no code.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Recreates a code from its <see cref="Value"/>.</summary>
    /// <param name="value">A value previously read from <see cref="Value"/>.</param>
    /// <returns>The code.</returns>
    public static PcsCode FromValue(ulong value) => new(value);

    /// <summary>Parses an ICD-10-PCS code.</summary>
    /// <param name="text">The code, such as <c>0SR9019</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text can never be an ICD-10-PCS code.</exception>
    public static PcsCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    internal static string FormatProblem(string text) => $"'{text}' is not an ICD-10-PCS code: expected 7 digits or letters other than I and O.";

    /// <summary>Tries to parse an ICD-10-PCS code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PcsCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse an ICD-10-PCS code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PcsCode code)
    {
        if (!TryPack(text, Length, out var value))
        {
            code = default;
            return false;
        }

        code = new PcsCode(value);
        return true;
    }

    /// <summary>
    /// Packs 1 to 7 PCS characters left-aligned as <see cref="Value"/> packs a code, so that a prefix (such as a
    /// 3-character PCS table) sorts right before the codes that extend it.
    /// </summary>
    internal static bool TryPack(ReadOnlySpan<char> text, int length, out ulong value)
    {
        value = 0;
        text = text.Trim();
        if (text.Length != length || length > Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var encoded = CodeAlphabet.Encode(c);
            if (encoded <= 0 || (c & ~0x20) is 'I' or 'O')
            {
                return false;
            }

            value |= (ulong)encoded << (Shift * (Length - 1 - i));
        }

        return true;
    }

    /// <summary>Tells whether this code starts with the packed prefix <paramref name="prefixValue"/> of <paramref name="prefixLength"/> characters.</summary>
    internal bool StartsWith(ulong prefixValue, int prefixLength) =>
        (Value & ~((1UL << (Shift * (Length - prefixLength))) - 1)) == prefixValue;

    /// <summary>Returns the code, for example <c>0SR9019</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => IsDefault ? string.Empty : string.Create(Length, this, static (span, code) => code.TryFormat(span, out _, default, null));

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => CodeAlphabet.TryWritePacked(Value, Length, Length, destination, out charsWritten);

    /// <inheritdoc/>
    public bool Equals(PcsCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PcsCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(PcsCode other) => Value.CompareTo(other.Value);

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(PcsCode left, PcsCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(PcsCode left, PcsCode right) => !left.Equals(right);

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(PcsCode left, PcsCode right) => left.Value < right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PcsCode left, PcsCode right) => left.Value > right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(PcsCode left, PcsCode right) => left.Value <= right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(PcsCode left, PcsCode right) => left.Value >= right.Value;

}
