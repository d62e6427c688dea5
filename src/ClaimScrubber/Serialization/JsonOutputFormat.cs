namespace ClaimScrubber.Serialization;

/// <summary>How a sequence of JSON objects is laid out in a file.</summary>
public enum JsonOutputFormat
{
    /// <summary>One JSON array holding every object.</summary>
    Array = 0,

    /// <summary>Newline-delimited JSON: one compact object per line.</summary>
    Ndjson = 1,
}
