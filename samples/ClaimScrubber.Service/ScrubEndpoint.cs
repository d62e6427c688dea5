using System.Buffers;
using System.Globalization;
using System.Text;
using ClaimScrubber.Hosting;
using ClaimScrubber.Serialization;
using ClaimScrubber.Serialization.X12;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ClaimScrubber.Service;

/// <summary>
/// <c>POST /scrub</c>: claims in, read by content type (<see cref="ClaimContentTypes"/>): one JSON claim, a JSON array or
/// NDJSON, an X12 837, or the flat CSV; one result per claim out, in input order, in the result contract, streamed as
/// they are scrubbed: NDJSON when the client accepts <c>application/x-ndjson</c>, else a compact JSON array. These are
/// the bytes the harness's <c>scrub --format ndjson|json</c> writes for the same claims.
/// </summary>
/// <remarks>
/// The body is buffered (within <see cref="ServiceLimits.MaxRequestBytes"/>; the library's readers read synchronously,
/// and Kestrel reads asynchronously), and its claims are read and counted before any result is written, so that a
/// request beyond the limits or that cannot be delimited gets an RFC 9457 problem and never half an answer. Reading
/// stops at the first claim or line beyond a limit. Every claim of one request is scrubbed by one load of the code
/// sets (one <see cref="LoadedScrubber"/>), even while a new one is swapped in, on the request's own thread: a server's
/// parallelism comes from its concurrent requests, and scrubbing through the <see cref="LoadedScrubber"/> records the
/// hosting package's metrics for each claim.
/// </remarks>
public static class ScrubEndpoint
{
    /// <summary>The response header that carries each fault of an 837's envelopes (which leave its claims readable).</summary>
    public const string EnvelopeErrorHeader = "X-ClaimScrubber-Envelope-Error";

    /// <summary>The most envelope faults reported in headers; the rest are counted in the last one.</summary>
    private const int MaxEnvelopeHeaders = 20;

    /// <summary>Results are sent to the client whenever this much is pending, and at the end.</summary>
    private const int SendAbove = 32 * 1024;

    /// <summary>Handles one request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext http, IScrubberProvider scrubbers, IOptions<ServiceLimits> limits, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(scrubbers);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(loggers);
        var max = limits.Value;
        var request = http.Request;
        if (ClaimContentTypes.Parse(request.ContentType) is not { } format)
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        if (request.ContentLength > max.MaxRequestBytes)
        {
            return Problems.TooLarge(string.Create(CultureInfo.InvariantCulture, $"The request holds {request.ContentLength} bytes; at most {max.MaxRequestBytes} are accepted."));
        }

        using var body = new MemoryStream();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = max.MaxRequestBytes;
        }

        bool within;
        try
        {
            within = await CopyWithinAsync(request.Body, body, max.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            within = false;
        }

        if (!within)
        {
            return Problems.TooLarge(string.Create(CultureInfo.InvariantCulture, $"The request holds more than {max.MaxRequestBytes} bytes; at most {max.MaxRequestBytes} are accepted."));
        }

        body.Position = 0;
        var envelopeErrors = new List<X12EnvelopeError>();
        var (reads, problem) = ReadWithinLimits(Read(body, format, envelopeErrors), max);
        if (problem is not null)
        {
            return problem;
        }

        var response = http.Response;
        var ndjson = AcceptsNdjson(request);
        response.ContentType = ndjson ? ClaimContentTypes.Ndjson : ClaimContentTypes.Json;
        if (envelopeErrors.Count > 0)
        {
            ReportEnvelopeErrors(response, envelopeErrors, loggers.CreateLogger(typeof(ScrubEndpoint)));
        }

        await response.StartAsync(cancellationToken).ConfigureAwait(false);

        // One load of the code sets for the whole request.
        var scrubber = scrubbers.Current;
        using var pending = new MemoryStream();
        using (var writer = new ScrubResultJsonWriter(pending, ndjson ? JsonOutputFormat.Ndjson : JsonOutputFormat.Array, leaveOpen: true))
        {
            foreach (var read in reads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // With where the claim was read, so that results of an 837 carry their "x12" members, as the harness writes them.
                writer.Write(new ScrubbedClaim(read, scrubber.Scrub(read)));
                if (pending.Length >= SendAbove)
                {
                    await SendAsync(pending, response.Body, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await SendAsync(pending, response.Body, cancellationToken).ConfigureAwait(false);

        // The results are written: nothing more to send.
        return Results.Empty;
    }

    /// <summary>
    /// Copies the body, stopping at the first byte beyond <paramref name="max"/>: Kestrel enforces the size feature set
    /// above, but a server that does not (the test server, a proxy's) must not make the service hold more.
    /// </summary>
    private static async Task<bool> CopyWithinAsync(Stream source, MemoryStream target, long max, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (target.Length + read > max)
                {
                    return false;
                }

                target.Write(buffer, 0, read);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the body's claims with the library's reader for its content type.</summary>
    private static IEnumerable<ClaimReadResult> Read(MemoryStream body, ClaimContentType format, List<X12EnvelopeError> envelopeErrors)
    {
        const string InputName = "request";
        return format switch
        {
            ClaimContentType.X12 => X12ClaimReader.Read(body, InputName, envelopeErrors.Add),
            ClaimContentType.Csv => ClaimCsvReader.Read(new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true), InputName),
            _ => ClaimJsonReader.Read(body, InputName),
        };
    }

    /// <summary>Reads the claims until a limit is passed (a 413 problem) or the input cannot be delimited (a 400 problem).</summary>
    private static (List<ClaimReadResult> Reads, IResult? Problem) ReadWithinLimits(IEnumerable<ClaimReadResult> source, ServiceLimits max)
    {
        var reads = new List<ClaimReadResult>();
        long lines = 0;
        try
        {
            foreach (var read in source)
            {
                if (reads.Count == max.MaxClaims)
                {
                    return (reads, Problems.TooLarge(string.Create(CultureInfo.InvariantCulture,
                        $"The request holds more than {max.MaxClaims} claims; at most {max.MaxClaims} are accepted. Send them in several requests.")));
                }

                lines += read.Claim?.Lines.Length ?? 0;
                if (lines > max.MaxLines)
                {
                    return (reads, Problems.TooLarge(string.Create(CultureInfo.InvariantCulture,
                        $"The request holds more than {max.MaxLines} service lines; at most {max.MaxLines} are accepted. Send the claims in several requests.")));
                }

                reads.Add(read);
            }
        }
        catch (ClaimReadException ex)
        {
            return (reads, Problems.Unreadable(ex.Message));
        }

        return (reads, null);
    }

    private static bool AcceptsNdjson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => ClaimContentTypes.Parse(a.MediaType.Value) == ClaimContentType.Ndjson);

    /// <summary>
    /// Puts each envelope fault in a header (the results are the harness's; the harness warns of these on standard
    /// error), as ASCII, as headers must be; and logs them.
    /// </summary>
    private static void ReportEnvelopeErrors(HttpResponse response, List<X12EnvelopeError> errors, ILogger logger)
    {
        for (var i = 0; i < errors.Count; i++)
        {
            var text = errors[i].ToString();
            ServiceLog.EnvelopeError(logger, text);
            if (i < MaxEnvelopeHeaders)
            {
                var more = i == MaxEnvelopeHeaders - 1 && errors.Count > MaxEnvelopeHeaders
                    ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - MaxEnvelopeHeaders} more)")
                    : string.Empty;
                response.Headers.Append(EnvelopeErrorHeader, AsciiHeader(text + more));
            }
        }
    }

    private static string AsciiHeader(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });

    /// <summary>Sends what the writer wrote since the last call, and flushes it to the client.</summary>
    private static async Task SendAsync(MemoryStream pending, Stream response, CancellationToken cancellationToken)
    {
        if (pending.Length == 0)
        {
            return;
        }

        await response.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken).ConfigureAwait(false);
        await response.FlushAsync(cancellationToken).ConfigureAwait(false);
        pending.SetLength(0);
    }
}
