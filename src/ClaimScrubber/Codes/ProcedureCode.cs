using System.Diagnostics.CodeAnalysis;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// A HCPCS procedure code: a CPT (Level I) code such as <c>99213</c>, <c>0001F</c> or <c>0001U</c>,
/// or a HCPCS Level II code such as <c>G0439</c>. Always five letters or digits.
/// </summary>
/// <remarks>
/// Parsing trims white space and folds case; it rejects text that can never be a procedure code.
/// Whether the code exists on a date of service is a question for the code-set index.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct ProcedureCode : IEquatable<ProcedureCode>, IComparable<ProcedureCode>
{
    /// <summary>The number of characters in every procedure code.</summary>
    public const int Length = 5;

    private ProcedureCode(uint value) => Value = value;

    /// <summary>Gets the packed representation, ordered as the codes' ordinal string order.</summary>
    public uint Value { get; }

    /// <summary>Gets a value indicating whether this is the default value, which is no code.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Gets a value indicating whether this is a HCPCS Level II code (a letter then four digits).</summary>
    public bool IsLevelTwo => (Value >> (CodeAlphabet.BitsPerChar * 4)) > 10;

    /// <summary>Recreates a code from its <see cref="Value"/>.</summary>
    /// <param name="value">A value previously read from <see cref="Value"/>.</param>
    /// <returns>The code.</returns>
    public static ProcedureCode FromValue(uint value) => new(value);

    /// <summary>Parses a procedure code.</summary>
    /// <param name="text">Five letters or digits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text can never be a procedure code.</exception>
    public static ProcedureCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    /// <summary>Words why <paramref name="text"/> is not a well-formed HCPCS/CPT procedure code; readers echo a shortened text.</summary>
    internal static string FormatProblem(string text) => $"'{text}' is not a HCPCS/CPT procedure code: expected five letters or digits.";

    /// <summary>Tries to parse a procedure code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProcedureCode code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse a procedure code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The code, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ProcedureCode code)
    {
        var ok = CodeAlphabet.TryPackFixed(text, Length, out var value);
        code = ok ? new ProcedureCode(value) : default;
        return ok;
    }

    /// <inheritdoc/>
    public override string ToString() => IsDefault ? string.Empty : CodeAlphabet.UnpackFixed(Value, Length);

    /// <inheritdoc/>
    public bool Equals(ProcedureCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProcedureCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <inheritdoc/>
    public int CompareTo(ProcedureCode other) => Value.CompareTo(other.Value);

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(ProcedureCode left, ProcedureCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(ProcedureCode left, ProcedureCode right) => !left.Equals(right);

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ProcedureCode left, ProcedureCode right) => left.Value < right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ProcedureCode left, ProcedureCode right) => left.Value > right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(ProcedureCode left, ProcedureCode right) => left.Value <= right.Value;

    /// <summary>Orders two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(ProcedureCode left, ProcedureCode right) => left.Value >= right.Value;
}
