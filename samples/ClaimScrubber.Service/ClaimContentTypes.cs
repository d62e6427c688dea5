using Microsoft.Net.Http.Headers;

namespace ClaimScrubber.Service;

/// <summary>The forms of claims <c>POST /scrub</c> reads, told by the request's content type.</summary>
public enum ClaimContentType
{
    /// <summary>One claim object or a JSON array of claims (<c>application/json</c>).</summary>
    Json,

    /// <summary>One claim per line (<c>application/x-ndjson</c>); read by the same reader as <see cref="Json"/>.</summary>
    Ndjson,

    /// <summary>An X12 837P or 837I (<c>application/edi-x12</c>, RFC 1767).</summary>
    X12,

    /// <summary>The flat CSV of service lines (<c>text/csv</c>).</summary>
    Csv,
}

/// <summary>The media types of claims and results, and which form each names.</summary>
public static class ClaimContentTypes
{
    /// <summary>The media type of NDJSON, one JSON value per line.</summary>
    public const string Ndjson = "application/x-ndjson";

    /// <summary>The media type of JSON.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of an X12 interchange (RFC 1767).</summary>
    public const string X12 = "application/edi-x12";

    /// <summary>The media type of CSV (RFC 4180).</summary>
    public const string Csv = "text/csv";

    /// <summary>Tells the form a content type names (parameters such as <c>charset</c> ignored), or <see langword="null"/> when none.</summary>
    public static ClaimContentType? Parse(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return null;
        }

        return mediaType.ToLowerInvariant() switch
        {
            Json or "text/json" => ClaimContentType.Json,
            Ndjson or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => ClaimContentType.Ndjson,
            X12 or "application/x12" => ClaimContentType.X12,
            Csv => ClaimContentType.Csv,
            _ => null,
        };
    }
}
