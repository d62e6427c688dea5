using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ClaimScrubber.Internal;

namespace ClaimScrubber;

/// <summary>
/// The patient discharge status of an institutional claim (UB-04 form locator 17, 837I CL1-03): two digits, such as
/// <c>01</c> (discharged home) or <c>30</c> (still a patient).
/// </summary>
/// <remarks>
/// Parsing accepts exactly two digits. Which codes NUBC assigns, and which the MCE accepts, is a question for the rules.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct DischargeStatus : IEquatable<DischargeStatus>
{
    // Stored plus one, so that the default value (no status) differs from 00.
    private readonly byte stored;

    private DischargeStatus(int value) => stored = (byte)(value + 1);

    /// <summary>Gets the status as a number from 0 to 99.</summary>
    public int Value => stored - 1;

    /// <summary>Gets a value indicating whether this is the default value, which is no status.</summary>
    public bool IsDefault => stored == 0;

    /// <summary>Parses a discharge status.</summary>
    /// <param name="text">Two digits.</param>
    /// <returns>The status.</returns>
    /// <exception cref="FormatException">The text is not two digits.</exception>
    public static DischargeStatus Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
        {
            ThrowHelper.ThrowFormat(FormatProblem(text));
        }

        return code;
    }

    internal static string FormatProblem(string text) => $"'{text}' is not a patient discharge status: expected two digits, such as 01.";

    /// <summary>Tries to parse a discharge status.</summary>
    /// <param name="text">The status text.</param>
    /// <param name="code">The status, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is two digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out DischargeStatus code) => TryParse(text.AsSpan(), out code);

    /// <summary>Tries to parse a discharge status.</summary>
    /// <param name="text">The status text.</param>
    /// <param name="code">The status, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is two digits.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DischargeStatus code)
    {
        code = default;
        text = text.Trim();
        if (text.Length != 2 || !CodeAlphabet.IsDigit(text[0]) || !CodeAlphabet.IsDigit(text[1]))
        {
            return false;
        }

        code = new DischargeStatus(((text[0] - '0') * 10) + (text[1] - '0'));
        return true;
    }

    /// <summary>Returns the two digits, such as <c>01</c>.</summary>
    /// <returns>The status, or the empty string for the default value.</returns>
    public override string ToString() => IsDefault ? string.Empty : Value.ToString("D2", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(DischargeStatus other) => stored == other.stored;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DischargeStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => stored;

    /// <summary>Compares two statuses for equality.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(DischargeStatus left, DischargeStatus right) => left.Equals(right);

    /// <summary>Compares two statuses for inequality.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(DischargeStatus left, DischargeStatus right) => !left.Equals(right);
}
