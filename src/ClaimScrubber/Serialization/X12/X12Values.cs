using System.Globalization;
using System.Text;

namespace ClaimScrubber.Serialization.X12;

/// <summary>Turns X12 element bytes into values: dates (D8, RD8, DT), R and N0 numbers, text, and codes through their span parsers.</summary>
internal static class X12Values
{
    /// <summary>A code type's span parser, such as <c>IcdCode.TryParse</c>.</summary>
    public delegate bool SpanParser<T>(ReadOnlySpan<char> text, out T value);

    /// <summary>The longest code text parsed; longer text is no code of any kind the claim holds.</summary>
    private const int MaxCodeLength = 32;

    public static bool TryCode<T>(ReadOnlySpan<byte> bytes, SpanParser<T> parser, out T value)
    {
        if (bytes.Length > MaxCodeLength)
        {
            value = default!;
            return false;
        }

        Span<char> chars = stackalloc char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return parser(chars, out value);
    }

    /// <summary>A CCYYMMDD date (format D8).</summary>
    public static bool TryDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 8 || !TryDigits(text[..4], out var year) || !TryDigits(text[4..6], out var month) || !TryDigits(text[6..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A CCYYMMDD-CCYYMMDD range (format RD8).</summary>
    public static bool TryDateRange(ReadOnlySpan<byte> text, out DateOnly from, out DateOnly to)
    {
        to = default;
        return TryDate(text.Length == 17 && text[8] == (byte)'-' ? text[..8] : default, out from) && TryDate(text[9..], out to);
    }

    /// <summary>A CCYYMMDDHHMM date and time (format DT); only the hour is kept.</summary>
    public static bool TryDateHour(ReadOnlySpan<byte> text, out DateOnly date, out int hour)
    {
        hour = 0;
        if (text.Length != 12 || !TryDate(text[..8], out date) || !TryDigits(text[8..10], out hour) || !TryDigits(text[10..], out var minute) || hour > 23 || minute > 59)
        {
            date = default;
            return false;
        }

        return true;
    }

    /// <summary>An X12 R number: an optional minus sign, digits and an optional decimal point, at most 18 digits.</summary>
    public static bool TryDecimal(ReadOnlySpan<byte> text, out decimal value, out int scale) => TryDecimal(text, out value, out scale, out _);

    /// <summary>An X12 R number, with the count of its digits (leading zeros included).</summary>
    public static bool TryDecimal(ReadOnlySpan<byte> text, out decimal value, out int scale, out int digits)
    {
        value = 0;
        scale = 0;
        digits = 0;
        var negative = !text.IsEmpty && text[0] == (byte)'-';
        if (negative)
        {
            text = text[1..];
        }

        ulong mantissa = 0;
        var point = false;
        foreach (var b in text)
        {
            if (b == (byte)'.' && !point)
            {
                point = true;
                continue;
            }

            if ((uint)(b - '0') > 9 || ++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (uint)(b - '0');
            if (point)
            {
                scale++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }

    /// <summary>A whole number, optionally signed, of at most 9 digits.</summary>
    public static bool TryInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == (byte)'-';
        if (negative)
        {
            text = text[1..];
        }

        if (text.IsEmpty || text.Length > 9 || !TryDigits(text, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return !text.IsEmpty;
    }

    /// <summary>Element text with surrounding spaces removed, or <see langword="null"/> when blank.</summary>
    public static string? Text(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.Trim((byte)' ');
        if (bytes.IsEmpty)
        {
            return null;
        }

        // Short codes repeat claim after claim (SBR01, SBR02, SBR09, CL1, revenue codes): the common ones are allocated once.
        switch (bytes.Length)
        {
            case 1 when bytes[0] < 0x80:
                return OneCharacter[bytes[0]];
            case 2 when Base36(bytes[0]) is var a and >= 0 && Base36(bytes[1]) is var b and >= 0:
                return TwoCharacters[(a * 36) + b] ??= Encoding.ASCII.GetString(bytes);
            case 4 when (uint)(bytes[0] - '0') <= 9 && (uint)(bytes[1] - '0') <= 9 && (uint)(bytes[2] - '0') <= 9 && (uint)(bytes[3] - '0') <= 9:
                return FourDigits[((bytes[0] - '0') * 1000) + ((bytes[1] - '0') * 100) + ((bytes[2] - '0') * 10) + (bytes[3] - '0')] ??= Encoding.ASCII.GetString(bytes);
            default:
                return Encoding.UTF8.GetString(bytes);
        }
    }

    /// <summary>Element text, reusing <paramref name="last"/> when the bytes spell it again (a payer's name and id repeat claim after claim).</summary>
    public static string? Text(ReadOnlySpan<byte> bytes, ref string? last)
    {
        var trimmed = bytes.Trim((byte)' ');
        if (last is not null && trimmed.Length == last.Length && System.Text.Ascii.Equals(trimmed, last))
        {
            return last;
        }

        var text = Text(trimmed);
        last = text ?? last;
        return text;
    }

    private static readonly string[] OneCharacter = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    // Filled as codes are met; a race only builds an equal string twice.
    private static readonly string?[] TwoCharacters = new string?[36 * 36];
    private static readonly string?[] FourDigits = new string?[10_000];

    private static int Base36(byte b) => (uint)(b - '0') <= 9 ? b - '0' : (uint)(b - 'A') <= 'Z' - 'A' ? b - 'A' + 10 : -1;

    /// <summary>Element text for a message: codes only (never dates or amounts), cut at <see cref="ClaimLimits.MaxEchoedValueLength"/>.</summary>
    public static string Echo(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.Length > ClaimLimits.MaxEchoedValueLength ? bytes[..ClaimLimits.MaxEchoedValueLength] : bytes);
        return bytes.Length > ClaimLimits.MaxEchoedValueLength ? text + "…" : text;
    }

    /// <summary>Gets component <paramref name="index"/> (1-based) of a composite element, or an empty span when it has fewer.</summary>
    public static ReadOnlySpan<byte> Component(ReadOnlySpan<byte> element, byte separator, int index)
    {
        for (var i = 1; ; i++)
        {
            var found = element.IndexOf(separator);
            if (i == index)
            {
                return found < 0 ? element : element[..found];
            }

            if (found < 0)
            {
                return default;
            }

            element = element[(found + 1)..];
        }
    }

    /// <summary>Counts the components of a composite element.</summary>
    public static int ComponentCount(ReadOnlySpan<byte> element, byte separator) => element.IsEmpty ? 0 : element.Count(separator) + 1;

    /// <summary>
    /// Tells whether a composite element that holds no component separator seems to use another character for it,
    /// so that the error can say the composite contradicts ISA16.
    /// </summary>
    public static byte ForeignSeparator(ReadOnlySpan<byte> element, byte separator)
    {
        if (element.Contains(separator))
        {
            return 0;
        }

        foreach (var b in element)
        {
            if (b is (byte)':' or (byte)'>' or (byte)'^' or (byte)'|' or (byte)'\\' or (byte)'!' or (byte)'<' or (byte)'{' or (byte)'}' or (byte)'`')
            {
                return b;
            }
        }

        return 0;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
