using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// An ICD-10-CM diagnosis code in its undotted form (3 to 7 characters: a letter, then letters or
/// digits; the second character is a digit except in the FY2026 category QA0). Stored as one integer so
/// that comparing and hashing codes costs nothing.
/// </summary>
/// <remarks>
/// Parsing normalises input (surrounding white space, an optional dot, lower case) and rejects
/// text that can never be an ICD-10-CM code. Whether a well-formed code exists or is billable on
/// a date is a question for the code-set index, not for this type.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct IcdCode : IEquatable<IcdCode>, IComparable<IcdCode>, ISpanFormattable
{
    /// <summary>The most characters an ICD-10-CM code has.</summary>
    public const int MaxLength = 7;

    /// <summary>The fewest characters an ICD-10-CM code (a category) has.</summary>
    public const int MinLength = 3;

    private const int Shift = CodeAlphabet.BitsPerChar;

    private IcdCode(ulong value) => Value = value;

    /// <summary>Gets the packed representation, ordered as the codes' ordinal string order.</summary>
    public ulong Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no code.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Gets the number of characters in the undotted code.</summary>
    /// <remarks>
    /// Characters are packed from the most significant end with no gaps and none encodes as zero, so the trailing
    /// zero bits count the unused positions: hot comparisons need no loop.
    /// </remarks>
    public int Length => Value == 0 ? 0 : MaxLength - (BitOperations.TrailingZeroCount(Value) / Shift);

    /// <summary>Gets the character at <paramref name="index"/> of the undotted code.</summary>
    /// <param name="index">Zero-based character position.</param>
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowHelper.ThrowArgumentOutOfRange(nameof(index));
            }

            return CodeAlphabet.Decode(CharValue(index));
        }
    }

    /// <summary>
    /// Gets a value indicating whether the code is an external cause of morbidity (chapter 20, V00–Y99): it says how an
    /// injury happened, so it is never principal or first-listed.
    /// </summary>
    internal bool IsExternalCause => CodeAlphabet.Decode(CharValue(0)) is >= 'V' and <= 'Y';

    /// <summary>Gets the three-character category the code belongs to.</summary>
    public IcdCode Category => new(Value & (ulong.MaxValue << (Shift * (MaxLength - 3))) & Mask);

    private static ulong Mask => (1UL << (Shift * MaxLength)) - 1;

    /// <summary>Recreates a code from its <see cref="Value"/>.</summary>
    /// <param name="value">A value previously read from <see cref="Value"/>.</param>
    /// <returns>The code.</returns>
    public static IcdCode FromValue(ulong value) => new(value);

    /// <summary>Parses an ICD-10-CM code, with or without its dot.</summary>
    /// <param name="text">The code, such as <c>E11.9</c> or <c>e119</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text can never be an ICD-10-CM code.</exception>
    public static IcdCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    /// <summary>Words why <paramref name="text"/> is not a well-formed ICD-10-CM code; readers echo a shortened text.</summary>
    internal static string FormatProblem(string text) => $"'{text}' is not an ICD-10-CM code: expected a letter, then 2 to 6 letters or digits, with an optional dot after the third character.";

    /// <summary>Tries to parse an ICD-10-CM code, with or without its dot.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out IcdCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse an ICD-10-CM code, with or without its dot.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out IcdCode code)
    {
        code = default;
        text = text.Trim();
        var dot = text.IndexOf('.');
        if (dot >= 0 && (dot != 3 || text.Length == 4 || text[(dot + 1)..].Contains('.')))
        {
            return false;
        }

        ulong value = 0;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == dot)
            {
                continue;
            }

            if (length == MaxLength)
            {
                return false;
            }

            var encoded = CodeAlphabet.Encode(c);
            var valid = length switch
            {
                0 => CodeAlphabet.IsLetter(c),
                // FY2026 added category QA0 (neurodevelopmental disorders of genetic origin): a letter may come second.
                _ => encoded > 0,
            };
            if (!valid)
            {
                return false;
            }

            value |= (ulong)encoded << (Shift * (MaxLength - 1 - length));
            length++;
        }

        if (length < MinLength)
        {
            return false;
        }

        code = new IcdCode(value);
        return true;
    }

    /// <summary>Tells whether this code is <paramref name="prefix"/> or one of its descendants.</summary>
    /// <param name="prefix">A category or subcategory.</param>
    /// <returns><see langword="true"/> when this code starts with <paramref name="prefix"/>.</returns>
    public bool StartsWith(IcdCode prefix)
    {
        var prefixLength = prefix.Length;
        var keep = Mask & ~((1UL << (Shift * (MaxLength - prefixLength))) - 1);
        return (Value & keep) == prefix.Value;
    }

    /// <summary>
    /// Gets the greatest packed value of a code that starts with this one: the codes extending it are exactly those whose
    /// <see cref="Value"/> lies from <see cref="Value"/> to this, so a prefix or range test is two comparisons.
    /// </summary>
    internal ulong DescendantsEnd => Value | ((1UL << (Shift * (MaxLength - Length))) - 1);

    /// <summary>Returns the code truncated to its first <paramref name="length"/> characters.</summary>
    /// <param name="length">From <see cref="MinLength"/> to the code's length.</param>
    /// <returns>The ancestor code.</returns>
    public IcdCode Truncate(int length)
    {
        if (length < MinLength || length > MaxLength)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(length));
        }

        var keep = Mask & ~((1UL << (Shift * (MaxLength - length))) - 1);
        return new IcdCode(Value & keep);
    }

    /// <summary>Returns the undotted code, for example <c>E119</c>.</summary>
    /// <returns>The undotted code.</returns>
    public override string ToString() => string.Create(Length, this, static (span, code) => code.TryFormat(span, out _, default, null));

    /// <summary>Returns the code with its dot after the category, for example <c>E11.9</c>.</summary>
    /// <returns>The dotted code.</returns>
    public string ToDottedString()
    {
        var length = Length;
        if (length == MinLength)
        {
            return ToString();
        }

        return string.Create(length + 1, this, static (span, code) =>
        {
            for (var i = 0; i < span.Length - 1; i++)
            {
                span[i < 3 ? i : i + 1] = CodeAlphabet.Decode(code.CharValue(i));
            }

            span[3] = '.';
        });
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => CodeAlphabet.TryWritePacked(Value, Length, MaxLength, destination, out charsWritten);

    /// <inheritdoc/>
    public bool Equals(IcdCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IcdCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(IcdCode other) => Value.CompareTo(other.Value);

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(IcdCode left, IcdCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(IcdCode left, IcdCode right) => !left.Equals(right);

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(IcdCode left, IcdCode right) => left.Value < right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(IcdCode left, IcdCode right) => left.Value > right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(IcdCode left, IcdCode right) => left.Value <= right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(IcdCode left, IcdCode right) => left.Value >= right.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CharValue(int index) => (int)((Value >> (Shift * (MaxLength - 1 - index))) & 0x3F);
}
