using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// <c>--service-load URL CLAIMS.ndjson [seconds] [connections]</c>: drives a running <c>samples/ClaimScrubber.Service</c>
/// over HTTP for a bounded time and prints throughput and latency percentiles, in two phases of half the time each:
/// one claim per request (JSON in, JSON out), then 100 claims per request (NDJSON in, NDJSON out). Each phase is warmed
/// for 2 s first (not counted). Every answer is checked: a status other than 200, or a count of results other than the
/// count of claims sent, is counted as an error and fails the run. <c>benchmarks/service-load.sh</c> starts the service,
/// generates the claims and runs this. Not a BenchmarkDotNet run: client and server share the machine, so the figures
/// are of the pair, and on a shared machine they are taken under contention.
/// </summary>
internal static class ServiceLoad
{
    private const int BatchSize = 100;

    public static int Run(Uri service, string claimsFile, int seconds, int connections)
    {
        var claims = File.ReadLines(claimsFile).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        if (claims.Length < BatchSize)
        {
            Console.Error.WriteLine($"{claimsFile} holds {claims.Length} claims; at least {BatchSize} are needed.");
            return 2;
        }

        var singles = claims.Select(c => Encoding.UTF8.GetBytes(c)).ToArray();
        var batches = claims.Chunk(BatchSize).Where(b => b.Length == BatchSize).Select(b => Encoding.UTF8.GetBytes(string.Join('\n', b) + "\n")).ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = service, Timeout = TimeSpan.FromSeconds(60) };
        var phase = TimeSpan.FromSeconds(seconds / 2.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service {service}, {claims.Length:N0} claims from {Path.GetFileName(claimsFile)}, {connections} connections, {phase.TotalSeconds:N0} s per phase, {Environment.ProcessorCount} cores, load average {LoadAverage()} at the start"));
        var failed = false;
        failed |= !Phase(client, "1 claim per request (application/json)", singles, 1, "application/json", "application/json", phase, connections);
        failed |= !Phase(client, $"{BatchSize} claims per request (application/x-ndjson)", batches, BatchSize, "application/x-ndjson", "application/x-ndjson", phase, connections);
        return failed ? 1 : 0;
    }

    private static bool Phase(HttpClient client, string name, byte[][] bodies, int claimsPerRequest, string contentType, string accept, TimeSpan duration, int connections)
    {
        Drive(client, bodies, claimsPerRequest, contentType, accept, TimeSpan.FromSeconds(2), connections);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (latencies, errors, elapsed) = Drive(client, bodies, claimsPerRequest, contentType, accept, duration, connections);
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        latencies.Sort();
        var requests = latencies.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {requests:N0} requests in {elapsed.TotalSeconds:N1} s = {requests / elapsed.TotalSeconds:N0} requests/s, {requests * (long)claimsPerRequest / elapsed.TotalSeconds:N0} claims/s; " +
            $"latency p50 {Percentile(latencies, 0.50):N2} ms, p90 {Percentile(latencies, 0.90):N2} ms, p99 {Percentile(latencies, 0.99):N2} ms, max {(requests > 0 ? latencies[^1] : 0):N2} ms; " +
            $"{errors} errors; load generator CPU {clientCpu.TotalSeconds / elapsed.TotalSeconds:P0} of one core; load average {LoadAverage()}"));
        return errors == 0 && requests > 0;
    }

    private static (List<double> Latencies, int Errors, TimeSpan Elapsed) Drive(HttpClient client, byte[][] bodies, int claimsPerRequest, string contentType, string accept, TimeSpan duration, int connections)
    {
        var errors = 0;
        var all = new List<double>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>();
            var next = worker;
            while (clock.Elapsed < duration)
            {
                var body = bodies[next % bodies.Length];
                next += connections;
                var start = Stopwatch.GetTimestamp();
                var ok = await Send(client, body, claimsPerRequest, contentType, accept).ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return mine;
        })).ToArray();
        foreach (var latencies in Task.WhenAll(workers).GetAwaiter().GetResult())
        {
            all.AddRange(latencies);
        }

        return (all, errors, clock.Elapsed);
    }

    /// <summary>Sends one request and reads the whole answer; true when it is 200 with one result per claim sent.</summary>
    private static async Task<bool> Send(HttpClient client, byte[] body, int claims, string contentType, string accept)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "scrub") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        try
        {
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            // A result per claim: NDJSON lines, or the claimId members of a compact array (one per result object).
            var results = accept == "application/x-ndjson" ? answer.AsSpan().Count((byte)'\n') : answer.AsSpan().Count("{\"claimId\":"u8);
            return results == claims;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
