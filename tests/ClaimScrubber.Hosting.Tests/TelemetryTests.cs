using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ClaimScrubber.Hosting.Tests.Support;
using ClaimScrubber.Serialization;
using Microsoft.Extensions.DependencyInjection;
using T = ClaimScrubber.Hosting.ClaimScrubberTelemetry;

namespace ClaimScrubber.Hosting.Tests;

[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public class TelemetryTests
{
    [Fact]
    public async Task Scrubs_AreCountedByOutcome_FindingsByRuleAndSeverity_AndTimed()
    {
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData });
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        using var measurements = new Measurements(meterFactory);
        var loaded = host.Services.GetRequiredService<IScrubberProvider>().Current;
        var unreadable = ClaimJsonReader.ReadClaim("{\"claimId\": \"U1\", \"lines\": 7}");

        loaded.Scrub(TestHost.CleanClaim());
        loaded.Scrub(TestHost.CleanClaim(units: 0));
        loaded.Scrub(unreadable);

        measurements.Of(T.ClaimsScrubbed).Select(m => (m.Value, m.Tag(T.OutcomeTag))).Should().Equal((1d, "clean"), (1d, "errors"), (1d, "unreadable"));
        measurements.Of(T.Findings).Select(m => (m.Value, m.Tag(T.RuleTag), m.Tag(T.SeverityTag))).Should().Equal((1d, "CLM006", "error"), (1d, "CLM001", "error"));
        measurements.Of(T.ScrubDuration).Should().HaveCount(3).And.OnlyContain(m => m.Value > 0 && m.Value < 60);
        measurements.Observe(T.IndexGeneration).Should().Equal(1d);
    }

    [Fact]
    public async Task Loads_AreCountedByResult()
    {
        using var data = new TempFolder();
        var snapshot = data.File("cms.csindex");
        ClaimScrubber.CodeSetIndex.LoadFolder(TestHost.SampleData).SaveSnapshot(snapshot);
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = snapshot });
        using var measurements = new Measurements(host.Services.GetRequiredService<IMeterFactory>());
        var provider = host.Services.GetRequiredService<IScrubberProvider>();

        await provider.ReloadAsync();
        await File.WriteAllTextAsync(snapshot, "not a snapshot");
        await ((Func<Task>)(() => provider.ReloadAsync())).Should().ThrowAsync<CodeSets.Snapshots.IndexSnapshotException>();

        measurements.Of(T.IndexLoads).Select(m => m.Tag(T.LoadResultTag)).Should().Equal("success", "failure");
        measurements.Of(T.IndexLoadDuration).Should().HaveCount(2);
        measurements.Observe(T.IndexGeneration).Should().Equal(2d);
    }

    [Fact]
    public async Task Scrubs_AndLoads_AreTraced()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == T.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData });

        host.Services.GetRequiredService<IScrubberProvider>().Current.Scrub(TestHost.CleanClaim(units: 0));

        var scrub = activities.Should().ContainSingle(a => a.OperationName == T.ScrubActivity).Which;
        scrub.GetTagItem(T.OutcomeTag).Should().Be("errors");
        scrub.GetTagItem("claimscrubber.findings.count").Should().Be(1);
        activities.Should().ContainSingle(a => a.OperationName == T.LoadActivity).Which.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task Scrub_OfACleanClaim_AllocatesNothing_WhileMeasured()
    {
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData });
        var loaded = host.Services.GetRequiredService<IScrubberProvider>().Current;
        var claim = TestHost.CleanClaim();
        loaded.Scrub(claim).IsClean.Should().BeTrue();

        AllocatedBy(() => loaded.Scrub(claim)).Should().Be(0, "with no listener");
        using var measurements = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), keep: false);
        AllocatedBy(() => loaded.Scrub(claim)).Should().Be(0, "with every instrument measured");
    }

    private static long AllocatedBy(Action scrub)
    {
        for (var i = 0; i < 100; i++)
        {
            scrub();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            scrub();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Records every measurement of the host's ClaimScrubber meter.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<Measurement> recorded = new();

        public Measurements(IMeterFactory factory, bool keep = true)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == T.MeterName && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (keep)
                {
                    recorded.Enqueue(new Measurement(instrument.Name, value, tags.ToArray()));
                }
            });
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            {
                if (keep)
                {
                    recorded.Enqueue(new Measurement(instrument.Name, value, tags.ToArray()));
                }
            });
            listener.Start();
        }

        public IEnumerable<Measurement> Of(string instrument) => recorded.Where(m => m.Instrument == instrument);

        public IEnumerable<double> Observe(string instrument)
        {
            listener.RecordObservableInstruments();
            return Of(instrument).Select(m => m.Value);
        }

        public void Dispose() => listener.Dispose();
    }

    private sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value as string;
    }
}
