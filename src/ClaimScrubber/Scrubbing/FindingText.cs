using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClaimScrubber.Scrubbing;

/// <summary>
/// A finding's message or fix hint, written as an interpolated string and formatted only when it is read: reporting a
/// finding records the string's literal parts (references, not copies) and its values (numbers, codes), and
/// <see cref="Finding.Message"/> and <see cref="Finding.FixHint"/> build the text on first read. A result writer can write
/// the text without building a string at all.
/// </summary>
/// <remarks>
/// <para>
/// An interpolated string passed to <see cref="ScrubContext.Report(Rules.RuleDescriptor, int?, string, FindingText, FindingText, System.Collections.Immutable.ImmutableArray{string}, ClaimScrubber.TableRelease?, string?, string?)"/>
/// binds to this type, and a string converts to it. The text is always what
/// <c>string.Create(CultureInfo.InvariantCulture, $"…")</c> gives: values are formatted with the invariant culture.
/// Integers, characters and the code types (<see cref="ProcedureCode"/>, <see cref="ModifierCode"/>, <see cref="IcdCode"/>,
/// <see cref="PlaceOfServiceCode"/>) are kept as values; a value of another type, or with an alignment or format, is
/// formatted when it is recorded.
/// </para>
/// <para>Build it where it is passed: it is a <see langword="ref"/> struct, and building it again would record the parts again.</para>
/// </remarks>
[InterpolatedStringHandler]
public ref struct FindingText
{
    private TextPart[]? parts;
    private string? text;
    private int count;

    /// <summary>Starts recording an interpolated string; called by the compiler.</summary>
    /// <param name="literalLength">The number of literal characters.</param>
    /// <param name="formattedCount">The number of interpolated values.</param>
    public FindingText(int literalLength, int formattedCount)
    {
        _ = literalLength;

        // Literals and values alternate, so a string of n values has at most 2n + 1 parts; one literal alone needs no array.
        parts = formattedCount == 0 ? null : new TextPart[(2 * formattedCount) + 1];
        text = null;
        count = 0;
    }

    private FindingText(string text)
    {
        parts = null;
        this.text = text;
        count = 0;
    }

    /// <summary>Makes a text of <paramref name="text"/> as it is.</summary>
    /// <param name="text">The text; <see langword="null"/> is an empty text.</param>
    public static implicit operator FindingText(string? text) => new(text ?? string.Empty);

    /// <summary>Gets the recorded text: a <see cref="string"/>, or the <see cref="TextPart"/> array that <see cref="TextParts"/> formats.</summary>
    internal readonly object Recorded => (object?)parts ?? text ?? string.Empty;

    /// <summary>Records a literal part; called by the compiler.</summary>
    /// <param name="value">The literal.</param>
    public void AppendLiteral(string value) => AddText(value);

    /// <summary>Records a string value.</summary>
    /// <param name="value">The value; <see langword="null"/> adds nothing.</param>
    public void AppendFormatted(string? value) => AddText(value);

    /// <summary>Records a value, formatted with the invariant culture when the text is read.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value)
    {
        // The type tests are constants to the JIT for value types: each instantiation keeps one branch.
        if (typeof(T) == typeof(int))
        {
            AddNumber(Unsafe.As<T, int>(ref value));
        }
        else if (typeof(T) == typeof(ProcedureCode))
        {
            AddValue(TextPart.Kind.Procedure, Unsafe.As<T, ProcedureCode>(ref value).Value);
        }
        else if (typeof(T) == typeof(ModifierCode))
        {
            AddValue(TextPart.Kind.Modifier, Unsafe.As<T, ModifierCode>(ref value).Value);
        }
        else if (typeof(T) == typeof(IcdCode))
        {
            AddValue(TextPart.Kind.Icd, Unsafe.As<T, IcdCode>(ref value).Value);
        }
        else if (typeof(T) == typeof(PlaceOfServiceCode))
        {
            AddValue(TextPart.Kind.PlaceOfService, Unsafe.As<T, PlaceOfServiceCode>(ref value).Value);
        }
        else if (typeof(T) == typeof(char))
        {
            AddValue(TextPart.Kind.Char, Unsafe.As<T, char>(ref value));
        }
        else if (typeof(T) == typeof(byte))
        {
            AddNumber(Unsafe.As<T, byte>(ref value));
        }
        else if (typeof(T) == typeof(short))
        {
            AddNumber(Unsafe.As<T, short>(ref value));
        }
        else if (typeof(T) == typeof(ushort))
        {
            AddNumber(Unsafe.As<T, ushort>(ref value));
        }
        else if (typeof(T) == typeof(long) && Unsafe.As<T, long>(ref value) is >= TextPart.MinNumber and <= TextPart.MaxNumber)
        {
            AddNumber(Unsafe.As<T, long>(ref value));
        }
        else if (value is string s)
        {
            AddText(s);
        }
        else
        {
            AddFormatted(value, 0, null);
        }
    }

    /// <summary>Records a value with a format, formatting it now with the invariant culture.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format.</param>
    public void AppendFormatted<T>(T value, string? format)
    {
        if (format is null)
        {
            AppendFormatted(value);
        }
        else
        {
            AddFormatted(value, 0, format);
        }
    }

    /// <summary>Records a value with an alignment, formatting it now with the invariant culture.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="alignment">The minimum width: padded on the left when positive, on the right when negative.</param>
    public void AppendFormatted<T>(T value, int alignment) => AddFormatted(value, alignment, null);

    /// <summary>Records a value with an alignment and a format, formatting it now with the invariant culture.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="alignment">The minimum width: padded on the left when positive, on the right when negative.</param>
    /// <param name="format">The format.</param>
    public void AppendFormatted<T>(T value, int alignment, string? format) => AddFormatted(value, alignment, format);

    /// <summary>Records characters, copying them now.</summary>
    /// <param name="value">The characters.</param>
    public void AppendFormatted(scoped ReadOnlySpan<char> value) => AddText(value.IsEmpty ? null : value.ToString());

    /// <summary>Returns the text.</summary>
    /// <returns>The text, formatted with the invariant culture.</returns>
    public override readonly string ToString() => Recorded is string s ? s : TextParts.ToString((TextPart[])Recorded);

    private void AddFormatted<T>(T value, int alignment, string? format)
    {
        // The library's own handler formats exactly as string.Create(CultureInfo.InvariantCulture, $"…") does.
        var handler = new DefaultInterpolatedStringHandler(0, 1, CultureInfo.InvariantCulture);
        handler.AppendFormatted(value, alignment, format);
        AddText(handler.ToStringAndClear());
    }

    private void AddText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (parts is null)
        {
            text = text is null ? value : string.Concat(text, value);
            return;
        }

        Add(new TextPart(value));
    }

    private void AddNumber(long value) => Add(TextPart.Number(value));

    private void AddValue(TextPart.Kind kind, ulong value) => Add(new TextPart(kind, value));

    private void Add(TextPart part)
    {
        if (parts is null || count == parts.Length)
        {
            Grow();
        }

        parts![count++] = part;
    }

    /// <summary>Makes room when the parts outnumber what the compiler announced (a text built by hand, or a converted string added to).</summary>
    private void Grow()
    {
        var grown = new TextPart[Math.Max(4, (parts?.Length ?? 0) * 2)];
        parts?.CopyTo(grown, 0);
        if (parts is null && text is not null)
        {
            grown[count++] = new TextPart(text);
            text = null;
        }

        parts = grown;
    }
}
