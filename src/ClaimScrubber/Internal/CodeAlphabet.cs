using System.Runtime.CompilerServices;

namespace ClaimScrubber.Internal;

/// <summary>
/// Packs code characters into integers six bits at a time, most significant first, so that
/// integer order equals the codes' ordinal string order and a shorter code sorts before its
/// extensions (0 marks "no character").
/// </summary>
internal static class CodeAlphabet
{
    public const int BitsPerChar = 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Encode(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0' + 1;
        }

        // Fold lower case to upper case: codes are case-insensitive on input.
        var upper = (char)(c & ~0x20);
        if ((uint)(upper - 'A') <= 'Z' - 'A')
        {
            return upper - 'A' + 11;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Decode(int value) => value <= 10 ? (char)('0' + value - 1) : (char)('A' + value - 11);

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsLetter(char c) => (uint)((c & ~0x20) - 'A') <= 'Z' - 'A';

    /// <summary>Packs exactly <paramref name="length"/> letters or digits (after trimming) into an integer.</summary>
    public static bool TryPackFixed(ReadOnlySpan<char> text, int length, out uint value)
    {
        value = 0;
        text = text.Trim();
        if (text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            var encoded = Encode(c);
            if (encoded < 0)
            {
                return false;
            }

            value = (value << BitsPerChar) | (uint)encoded;
        }

        return true;
    }

    /// <summary>Writes the <paramref name="length"/> characters packed by <see cref="TryPackFixed"/>.</summary>
    public static string UnpackFixed(uint value, int length) => string.Create(length, value, static (span, packed) =>
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = Decode((int)(packed & 0x3F));
            packed >>= BitsPerChar;
        }
    });

    /// <summary>Writes the characters of a code packed most-significant-first into <paramref name="slots"/> six-bit positions.</summary>
    public static bool TryWritePacked(ulong value, int length, int slots, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            destination[i] = Decode((int)((value >> (BitsPerChar * (slots - 1 - i))) & 0x3F));
        }

        charsWritten = length;
        return true;
    }
}
