using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Diagnostics.Metrics;
using ClaimScrubber.Hosting;
using ClaimScrubber.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimScrubber.Service.Tests;

public class ScrubEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly string ClaimsFolder = Path.Combine(CmsData.SampleFolder, "claims");

    /// <summary>Every claim file of the repository's sample (JSON, NDJSON, 837P, 837I, CSV), in both result formats.</summary>
    public static TheoryData<string, string> ClaimFilesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(ClaimsFolder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), "ndjson");
            data.Add(Path.GetFileName(file), "json");
        }

        return data;
    }

    [Fact]
    public void ClaimFilesAndFormats_CoversEveryKindOfClaimFile()
    {
        ClaimFilesAndFormats().Select(row => Path.GetExtension((string)row[0])).Distinct().Order().Should().Equal(".837", ".csv", ".json");
    }

    [Theory]
    [MemberData(nameof(ClaimFilesAndFormats))]
    public async Task Scrub_AnswersByteForByteWhatTheHarnessAnswers(string file, string format)
    {
        var (exit, expected, error) = CliRunner.Run("scrub", Path.Combine(ClaimsFolder, file), "--data", Path.Combine(CmsData.SampleFolder, "cms"),
            "--as-of", ServiceFactory.AsOf, "--format", format);
        exit.Should().Be(0, error);
        var contentType = Path.GetExtension(file) switch
        {
            ".837" => "application/edi-x12",
            ".csv" => "text/csv",
            _ => "application/json",
        };

        using var response = await Post(await File.ReadAllBytesAsync(Path.Combine(ClaimsFolder, file)), contentType, format == "ndjson" ? "application/x-ndjson" : "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(format == "ndjson" ? "application/x-ndjson" : "application/json");
        var answered = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        answered.Should().Be(expected);
        (format == "ndjson" ? expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length : JsonDocument.Parse(expected).RootElement.GetArrayLength())
            .Should().BeGreaterThan(1, "the comparison means something only when there are results");
    }

    [Fact]
    public async Task Scrub_NdjsonInput_GivesOneResultPerLine_UnreadableLinesIncluded()
    {
        var body = "{\"claimId\": \"A\", \"lines\": []}\n{\"claimId\": \"B\", \"lines\": 7}\n{not json\n";

        using var response = await Post(Encoding.UTF8.GetBytes(body), "application/x-ndjson", "application/x-ndjson");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        results.Select(r => r.GetProperty("claimId").GetString()).Should().Equal("A", "B", "#3");
        results.Skip(1).Should().OnlyContain(r => r.GetProperty("findings").EnumerateArray().All(f => f.GetProperty("ruleId").GetString() == "CLM001"));
    }

    [Fact]
    public async Task Scrub_OneClaimObject_GivesOneResult()
    {
        var claim = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ClaimsFolder, "sample-claims.json"))).RootElement[0].GetRawText();

        using var response = await Post(Encoding.UTF8.GetBytes(claim), "application/json", "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Scrub_TooManyClaims_IsAProblem413_BeforeAnyResult()
    {
        var claims = "[" + string.Join(",", Enumerable.Range(1, 51).Select(i => $"{{\"claimId\": \"C{i}\"}}")) + "]";

        using var response = await Post(Encoding.UTF8.GetBytes(claims), "application/json", "application/x-ndjson");

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "The request holds more than 50 claims; at most 50 are accepted. Send them in several requests.");
    }

    [Fact]
    public async Task Scrub_TooManyLines_IsAProblem413()
    {
        var line = "{\"procedureCode\": \"99213\"}";
        var claims = "[" + string.Join(",", Enumerable.Range(1, 3).Select(i => $"{{\"claimId\": \"C{i}\", \"lines\": [{string.Join(",", Enumerable.Repeat(line, 41))}]}}")) + "]";

        using var response = await Post(Encoding.UTF8.GetBytes(claims), "application/json", "application/json");

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "The request holds more than 120 service lines; at most 120 are accepted. Send the claims in several requests.");
    }

    [Fact]
    public async Task Scrub_TooManyBytes_IsAProblem413()
    {
        using var response = await Post(new byte[200_001], "application/json", "application/json");

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "The request holds 200001 bytes; at most 200000 are accepted.");
    }

    [Fact]
    public async Task Scrub_UnsupportedContentType_IsAProblem415()
    {
        using var response = await Post(Encoding.UTF8.GetBytes("claimId\nC1\n"), "text/plain", "application/json");

        await ShouldBeProblem(response, HttpStatusCode.UnsupportedMediaType, "The content type 'text/plain' is not read; send application/json (one claim or an array), application/x-ndjson (one claim per line), application/edi-x12 (an 837P or 837I) or text/csv (the flat CSV).");
    }

    [Fact]
    public async Task Scrub_ArrayThatIsNotWellFormed_IsAProblem400_NamingWhere()
    {
        using var response = await Post(Encoding.UTF8.GetBytes("[{\"claimId\": \"A\"},"), "application/json", "application/json");

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, null);
        problem.GetProperty("detail").GetString().Should().StartWith("request:");
    }

    [Fact]
    public async Task Scrub_AtTheClaimLimit_IsAnswered()
    {
        var claims = "[" + string.Join(",", Enumerable.Range(1, 50).Select(i => $"{{\"claimId\": \"C{i}\"}}")) + "]";

        using var response = await Post(Encoding.UTF8.GetBytes(claims), "application/json", "application/x-ndjson");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(50);
    }

    [Fact]
    public async Task Scrub_TooManyBytesWithoutADeclaredLength_IsAProblem413()
    {
        using var client = factory.CreateClient();
        using var content = new StreamContent(new UnseekableStream(new byte[200_001]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scrub") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "The request holds more than 200000 bytes; at most 200000 are accepted.");
    }

    [Fact]
    public async Task Scrub_X12WithAnEnvelopeFault_AnswersTheClaims_AndNamesTheFaultInAHeader()
    {
        var x12 = (await File.ReadAllTextAsync(Path.Combine(ClaimsFolder, "sample-837p.837"))).Replace("SE*44*0001~", "SE*43*0001~", StringComparison.Ordinal);

        using var response = await Post(Encoding.UTF8.GetBytes(x12), "application/edi-x12", "application/x-ndjson");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(x12.Split('~').Count(segment => segment.TrimStart().StartsWith("CLM*", StringComparison.Ordinal)));
        var fault = response.Headers.GetValues(ScrubEndpoint.EnvelopeErrorHeader).Should().ContainSingle().Subject;
        fault.Should().StartWith("request:").And.Contain("(SE)").And.Contain("43");
    }

    [Fact]
    public async Task Scrub_X12ThatIsNotAnInterchange_IsAProblem400_NamingWhere()
    {
        using var response = await Post(Encoding.UTF8.GetBytes("GS*HC*A*B~"), "application/edi-x12", "application/json");

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, null);
        problem.GetProperty("detail").GetString().Should().StartWith("request").And.Contain("ISA");
    }

    [Fact]
    public async Task Scrub_RecordsEachClaimInTheHostingMetrics()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        long claims = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other test classes run hosts of their own at the same time.
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == ClaimScrubberTelemetry.ClaimsScrubbed)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref claims, value));
        listener.Start();
        var body = "{\"claimId\": \"A\", \"lines\": []}\n{\"claimId\": \"B\", \"lines\": []}\n{not json\n";

        using var response = await Post(Encoding.UTF8.GetBytes(body), "application/x-ndjson", "application/x-ndjson");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await response.Content.ReadAsStringAsync();
        Interlocked.Read(ref claims).Should().Be(3);
    }

    private async Task<HttpResponseMessage> Post(byte[] body, string contentType, string accept)
    {
        using var client = factory.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scrub") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string? detail)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("type").GetString().Should().StartWith("https://github.com/claimscrubber/claimscrubber/");
        if (detail is not null)
        {
            problem.GetProperty("detail").GetString().Should().Be(detail);
        }

        return problem;
    }
}

/// <summary>A stream with no length: its bytes go out chunked, without a Content-Length.</summary>
internal sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
