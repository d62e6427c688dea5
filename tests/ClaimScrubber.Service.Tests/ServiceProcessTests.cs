using System.Diagnostics;
using System.Net.Http.Headers;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Service.Tests;

/// <summary>The built service as a user starts it (its command line, Kestrel, a real socket), against the harness.</summary>
public class ServiceProcessTests
{
    private static readonly string ClaimsFolder = Path.Combine(CmsData.SampleFolder, "claims");

    [Fact]
    public async Task Service_StartedWithItsCommandLine_AnswersOverRealHttpWhatTheHarnessAnswers()
    {
        var data = Path.Combine(CmsData.SampleFolder, "cms");
        using var service = CliRunner.StartBuilt("ClaimScrubber.Service.dll", "--data", data, "--as-of", ServiceFactory.AsOf, "--urls", "http://127.0.0.1:0");
        try
        {
            using var client = new HttpClient { BaseAddress = await ListeningAddress(service) };
            foreach (var (file, contentType) in new[] { ("sample-claims.json", "application/json"), ("sample-837i.837", "application/edi-x12") })
            {
                var (exit, expected, error) = CliRunner.Run("scrub", Path.Combine(ClaimsFolder, file), "--data", data, "--as-of", ServiceFactory.AsOf, "--format", "ndjson");
                exit.Should().Be(0, error);
                using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(ClaimsFolder, file)));
                content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                using var request = new HttpRequestMessage(HttpMethod.Post, "scrub") { Content = content };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));

                using var response = await client.SendAsync(request);

                response.IsSuccessStatusCode.Should().BeTrue();
                (await response.Content.ReadAsStringAsync()).Should().Be(expected, file);
            }

            // --as-of reached the scrubber's options, as the health check reports them.
            (await client.GetStringAsync("health")).Should().Contain($"\"asOf\":\"{ServiceFactory.AsOf}\"");
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    /// <summary>Reads the service's log until Kestrel says where it listens (port 0: the system chose it).</summary>
    private static async Task<Uri> ListeningAddress(Process service)
    {
        const string Listening = "Now listening on: ";

        // Not a timing assertion: a guard so that a service that never listens fails the test instead of hanging it.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await service.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            var at = line.IndexOf(Listening, StringComparison.Ordinal);
            if (at >= 0)
            {
                return new Uri(line[(at + Listening.Length)..].Trim() + "/");
            }
        }

        throw new InvalidOperationException("The service ended before listening: " + await service.StandardError.ReadToEndAsync());
    }
}
