namespace ClaimScrubber.Service;

/// <summary>
/// The service's RFC 9457 problem details: a <c>type</c> per problem (a section of the service's README), a title, and a
/// detail that names no patient data (sizes, counts, and the reader's own message, which names lines and positions).
/// </summary>
internal static class Problems
{
    private const string TypeBase = "https://github.com/claimscrubber/claimscrubber/blob/main/samples/ClaimScrubber.Service/README.md#";

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is beyond the service's limits.", type: TypeBase + "limits");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Results.Problem(
            $"The content type '{contentType}' is not read; send {ClaimContentTypes.Json} (one claim or an array), {ClaimContentTypes.Ndjson} (one claim per line), {ClaimContentTypes.X12} (an 837P or 837I) or {ClaimContentTypes.Csv} (the flat CSV).",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "The claims' content type is not supported.",
            type: TypeBase + "content-types");

    public static IResult Unreadable(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be read as claims.", type: TypeBase + "unreadable-input");
}
