using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// A procedure code modifier: two letters or digits, such as <c>25</c>, <c>59</c>, <c>XS</c> or <c>LT</c>.
/// </summary>
/// <remarks>
/// Parsing trims white space (the CMS HCPCS file pads modifiers as <c>"   A1"</c>) and folds case.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct ModifierCode : IEquatable<ModifierCode>, IComparable<ModifierCode>
{
    /// <summary>The number of characters in every modifier.</summary>
    public const int Length = 2;

    private ModifierCode(ushort value) => Value = value;

    /// <summary>Gets the packed representation (12 bits), ordered as the modifiers' ordinal string order.</summary>
    public ushort Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no modifier.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Recreates a modifier from its <see cref="Value"/>.</summary>
    /// <param name="value">A value previously read from <see cref="Value"/>.</param>
    /// <returns>The modifier.</returns>
    public static ModifierCode FromValue(ushort value) => new(value);

    /// <summary>Parses a modifier.</summary>
    /// <param name="text">Two letters or digits.</param>
    /// <returns>The modifier.</returns>
    /// <exception cref="FormatException">The text can never be a modifier.</exception>
    public static ModifierCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    /// <summary>Words why <paramref name="text"/> is not a well-formed modifier; readers echo a shortened text.</summary>
    internal static string FormatProblem(string text) => $"'{text}' is not a modifier: expected two letters or digits.";

    /// <summary>Tries to parse a modifier.</summary>
    /// <param name="text">The modifier text.</param>
    /// <param name="code">The modifier, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed modifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ModifierCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse a modifier.</summary>
    /// <param name="text">The modifier text.</param>
    /// <param name="code">The modifier, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed modifier.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ModifierCode code)
    {
        var ok = CodeAlphabet.TryPackFixed(text, Length, out var value);
        code = ok ? new ModifierCode((ushort)value) : default;
        return ok;
    }

    /// <inheritdoc/>
    public override string ToString() => IsDefault ? string.Empty : CodeAlphabet.UnpackFixed(Value, Length);

    /// <inheritdoc/>
    public bool Equals(ModifierCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ModifierCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value;

    /// <inheritdoc/>
    public int CompareTo(ModifierCode other) => Value.CompareTo(other.Value);

    /// <summary>Compares two modifiers for equality.</summary>
    /// <param name="left">The first modifier.</param>
    /// <param name="right">The second modifier.</param>
    /// <returns><see langword="true"/> when the modifiers are equal.</returns>
    public static bool operator ==(ModifierCode left, ModifierCode right) => left.Equals(right);

    /// <summary>Compares two modifiers for inequality.</summary>
    /// <param name="left">The first modifier.</param>
    /// <param name="right">The second modifier.</param>
    /// <returns><see langword="true"/> when the modifiers differ.</returns>
    public static bool operator !=(ModifierCode left, ModifierCode right) => !left.Equals(right);

    /// <summary>Orders two modifiers.</summary>
    /// <param name="left">The first modifier.</param>
    /// <param name="right">The second modifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ModifierCode left, ModifierCode right) => left.Value < right.Value;

    /// <summary>Orders two modifiers.</summary>
    /// <param name="left">The first modifier.</param>
    /// <param name="right">The second modifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ModifierCode left, ModifierCode right) => left.Value > right.Value;

    /// <summary>Orders two modifiers.</summary>
    /// <param name="left">The first modifier.</param>
    /// <param name="right">The second modifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(ModifierCode left, ModifierCode right) => left.Value <= right.Value;

    /// <summary>Orders two modifiers.</summary>
    /// <param name="left">The first modifier.</param>
    /// <param name="right">The second modifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(ModifierCode left, ModifierCode right) => left.Value >= right.Value;
}
