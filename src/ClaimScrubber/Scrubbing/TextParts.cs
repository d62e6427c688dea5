using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ClaimScrubber.Internal;

namespace ClaimScrubber.Scrubbing;

/// <summary>
/// One part of a <see cref="FindingText"/>: a string (a literal or a string value, held by reference) or a value kept
/// packed with its kind, formatted when the text is read. A part with neither ends the text.
/// </summary>
internal readonly struct TextPart
{
    /// <summary>The smallest number a part keeps as a value (56 bits, sign-extended); others are formatted when recorded.</summary>
    public const long MinNumber = -(1L << 55);

    /// <summary>The largest number a part keeps as a value.</summary>
    public const long MaxNumber = (1L << 55) - 1;

    private const int KindShift = 56;
    private const ulong PayloadMask = (1UL << KindShift) - 1;

    public TextPart(string text)
    {
        Text = text;
        Packed = 0;
    }

    public TextPart(Kind kind, ulong value)
    {
        Text = null;
        Packed = ((ulong)kind << KindShift) | (value & PayloadMask);
    }

    /// <summary>What a value part holds; <see cref="None"/> (with no text) ends the text.</summary>
    public enum Kind : byte
    {
        None = 0,
        Number = 1,
        Char = 2,
        Procedure = 3,
        Modifier = 4,
        Icd = 5,
        PlaceOfService = 6,
    }

    /// <summary>Gets the string, or <see langword="null"/> for a value part.</summary>
    public string? Text { get; }

    /// <summary>Gets the value's kind and payload.</summary>
    public ulong Packed { get; }

    public Kind ValueKind => (Kind)(Packed >> KindShift);

    /// <summary>Gets the payload; a number's is sign-extended from 56 bits.</summary>
    public ulong Payload => Packed & PayloadMask;

    public long NumberValue => (long)(Packed << (64 - KindShift)) >> (64 - KindShift);

    public static TextPart Number(long value) => new(Kind.Number, (ulong)value);
}

/// <summary>Formats the parts a <see cref="FindingText"/> recorded, exactly as <c>string.Create(CultureInfo.InvariantCulture, $"…")</c> would have.</summary>
internal static class TextParts
{
    /// <summary>Characters formatted on the stack before a text borrows a larger buffer.</summary>
    private const int StackChars = 512;

    /// <summary>Builds the text of <paramref name="parts"/>.</summary>
    public static string ToString(TextPart[] parts)
    {
        Span<char> stack = stackalloc char[StackChars];
        if (TryWrite(parts, stack, out var written))
        {
            return new string(stack[..written]);
        }

        return WithLargerBuffer(parts, static (chars, _) => new string(chars), 0);
    }

    /// <summary>Writes the text of <paramref name="parts"/> as a JSON string property, without building a string.</summary>
    public static void Write(TextPart[] parts, Utf8JsonWriter writer, JsonEncodedText name)
    {
        Span<char> stack = stackalloc char[StackChars];
        if (TryWrite(parts, stack, out var written))
        {
            writer.WriteString(name, stack[..written]);
            return;
        }

        WithLargerBuffer(parts, static (chars, state) =>
        {
            state.Writer.WriteString(state.Name, chars);
            return 0;
        }, (Writer: writer, Name: name));
    }

    /// <summary>Writes the text of <paramref name="parts"/> into <paramref name="destination"/>; false when it does not fit.</summary>
    public static bool TryWrite(ReadOnlySpan<TextPart> parts, Span<char> destination, out int written)
    {
        written = 0;
        foreach (var part in parts)
        {
            int count;
            if (part.Text is { } text)
            {
                if (!text.TryCopyTo(destination[written..]))
                {
                    return false;
                }

                count = text.Length;
            }
            else if (part.ValueKind == TextPart.Kind.None)
            {
                // The unused end of the array sized by the compiler's count of values.
                break;
            }
            else if (!TryWrite(part, destination[written..], out count))
            {
                return false;
            }

            written += count;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TResult WithLargerBuffer<TState, TResult>(TextPart[] parts, Func<ReadOnlySpan<char>, TState, TResult> use, TState state)
    {
        for (var size = StackChars * 4; ; size *= 2)
        {
            var rented = ArrayPool<char>.Shared.Rent(size);
            try
            {
                if (TryWrite(parts, rented, out var written))
                {
                    return use(rented.AsSpan(0, written), state);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Formats one value as its type's own formatting does (the invariant culture; an empty text for a default code).</summary>
    private static bool TryWrite(TextPart part, Span<char> destination, out int written)
    {
        var culture = CultureInfo.InvariantCulture;
        var payload = part.Payload;
        switch (part.ValueKind)
        {
            case TextPart.Kind.Number:
                return part.NumberValue.TryFormat(destination, out written, default, culture);
            case TextPart.Kind.Char:
                written = 1;
                if (destination.IsEmpty)
                {
                    return false;
                }

                destination[0] = (char)payload;
                return true;
            case TextPart.Kind.Procedure:
                return TryWriteFixed(payload, ClaimScrubber.ProcedureCode.Length, destination, out written);
            case TextPart.Kind.Modifier:
                return TryWriteFixed(payload, ClaimScrubber.ModifierCode.Length, destination, out written);
            case TextPart.Kind.Icd:
                return ClaimScrubber.IcdCode.FromValue(payload).TryFormat(destination, out written, default, culture);
            case TextPart.Kind.PlaceOfService:
                return ((int)payload).TryFormat(destination, out written, "D2", culture);
            default:
                written = 0;
                return false;
        }
    }

    /// <summary>Writes a code packed by <see cref="CodeAlphabet.TryPackFixed"/>, as its <c>ToString</c> does (nothing for no code).</summary>
    private static bool TryWriteFixed(ulong value, int length, Span<char> destination, out int written)
    {
        if (value == 0)
        {
            written = 0;
            return true;
        }

        return CodeAlphabet.TryWritePacked(value, length, length, destination, out written);
    }
}
