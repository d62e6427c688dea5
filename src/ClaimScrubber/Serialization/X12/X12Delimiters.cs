namespace ClaimScrubber.Serialization.X12;

/// <summary>The delimiters of one interchange, as its ISA segment declares them.</summary>
internal readonly record struct X12Delimiters(byte Element, byte Component, byte Repetition, byte Segment)
{
    /// <summary>The delimiters the writer uses: <c>*</c>, <c>:</c>, <c>^</c> and <c>~</c>, the TR3 examples' choice.</summary>
    public static X12Delimiters Default { get; } = new((byte)'*', (byte)':', (byte)'^', (byte)'~');

    /// <summary>Gets the repetition separator when the interchange has one (ISA12 00501 on), else 0.</summary>
    public bool HasRepetition => Repetition != 0;

    public static string Show(byte b) => b switch
    {
        (byte)'\n' => "a line feed",
        (byte)'\r' => "a carriage return",
        (byte)'\t' => "a tab",
        (byte)' ' => "a space",
        < 0x20 or >= 0x7F => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"byte 0x{b:X2}"),
        _ => string.Concat("'", ((char)b).ToString(), "'"),
    };
}
