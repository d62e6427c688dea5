namespace ClaimScrubber.Serialization.X12;

/// <summary>The envelope an <see cref="X12ClaimWriter"/> writes around its claims.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record X12WriterOptions
{
    /// <summary>Gets the date and time the interchange is created (ISA-09/10, GS-04/05, BHT-04/05); the library never reads the clock.</summary>
    public required DateTime Created { get; init; }

    /// <summary>Gets the interchange sender id (ISA-06, GS-02, 1000A NM1-09), at most 15 characters. Default: <c>CLAIMSCRUBBER</c>.</summary>
    public string SenderId { get; init; } = "CLAIMSCRUBBER";

    /// <summary>Gets the interchange receiver id (ISA-08, GS-03, 1000B NM1-09), at most 15 characters. Default: <c>RECEIVER</c>.</summary>
    public string ReceiverId { get; init; } = "RECEIVER";

    /// <summary>Gets the interchange control number (ISA-13), from 1 to 999,999,999. Default: 1.</summary>
    public int InterchangeControlNumber { get; init; } = 1;

    /// <summary>Gets a value indicating whether the interchange is production data (ISA-15 <c>P</c>) rather than test data (<c>T</c>, the default).</summary>
    public bool Production { get; init; }

    /// <summary>Gets a value indicating whether each segment ends with a line break after its terminator, for reading. Default: <see langword="true"/>.</summary>
    public bool LineBreaks { get; init; } = true;

    /// <summary>Gets the most claims of one transaction set; the implementation guides recommend at most 5,000. Default: 5,000.</summary>
    public int MaxClaimsPerTransaction { get; init; } = 5000;
}
