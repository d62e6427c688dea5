using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimScrubber.Hosting.Tests;

public class ScrubberProviderTests
{
    [Fact]
    public async Task Start_LoadsTheCodeSetsOnce_AndLogsTheLoadReport()
    {
        var log = new LogSink();
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData }, log);
        var provider = host.Services.GetRequiredService<IScrubberProvider>();

        var loaded = provider.Current;

        loaded.Generation.Should().Be(1);
        loaded.DataPath.Should().Be(Path.GetFullPath(TestHost.SampleData));
        provider.Current.Should().BeSameAs(loaded, "the scrubber is shared, not loaded per use");
        loaded.Report.Tables.Should().HaveCount(19);
        var entries = log.Entries.Where(e => e.Category == "ClaimScrubber.Hosting").ToList();
        entries.Should().ContainSingle(e => e.EventId == 1).Which.Message.Should().Be($"Loading the code sets from {loaded.DataPath}");
        entries.Where(e => e.EventId == 3).Should().HaveCount(19);
        entries.Should().Contain(e => e.EventId == 3 && e.Message == "Table ICD-10-CM order file FY2026: 72 rows from icd10cm_order_2026.txt, effective 2025-10-01 to 2026-09-30");
        entries.Should().Contain(e => e.EventId == 3 && e.Message == "Table CMS place of service codes undated: 99 rows from place_of_service_codes.csv, effective … to …");
        entries.Where(e => e.EventId == 4).Should().HaveCount(3, "the sample's two notes and its notice that it is a sample").And.OnlyContain(e => e.Level == LogLevel.Warning);
        entries.Should().ContainSingle(e => e.EventId == 2).Which.Message.Should()
            .StartWith($"Code sets generation 1 loaded from {loaded.DataPath} in ").And.EndWith(" ms: 19 tables, 0 errors, 3 warnings");
    }

    [Fact]
    public async Task Start_WithRefusedData_RefusesToStart_AndLogsEveryError()
    {
        using var data = TestHost.CopyOfSampleData();
        await File.AppendAllTextAsync(Path.Combine(data.Path, "icd10cm", "icd10cm_order_2026.txt"), "not an order file line\n");
        var log = new LogSink();
        using var host = TestHost.Build(new Dictionary<string, string?> { ["DataPath"] = data.Path }, log);

        var start = () => host.StartAsync();

        var refused = (await start.Should().ThrowAsync<CmsDataException>()).Which;
        refused.Problems.Where(p => p.IsError).Should().ContainSingle().Which.File.Should().Be("icd10cm/icd10cm_order_2026.txt");
        var entries = log.Entries.Where(e => e.Category == "ClaimScrubber.Hosting").ToList();
        entries.Should().ContainSingle(e => e.EventId == 5).Which.Level.Should().Be(LogLevel.Error);
        entries.Should().ContainSingle(e => e.EventId == 7).Which.Message.Should().StartWith($"The code sets from {data.Path} were refused: 1 files or rows could not be read.");
        host.Services.GetRequiredService<Loading.ScrubberProvider>().CurrentOrNull.Should().BeNull();
    }

    [Fact]
    public async Task Start_WithRefusedData_AndPartialDataAllowed_UsesWhatWasRead()
    {
        using var data = TestHost.CopyOfSampleData();
        await File.AppendAllTextAsync(Path.Combine(data.Path, "icd10cm", "icd10cm_order_2026.txt"), "not an order file line\n");
        var log = new LogSink();
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = data.Path, ["AllowPartialData"] = "true" }, log);

        var loaded = host.Services.GetRequiredService<IScrubberProvider>().Current;

        loaded.Report.HasErrors.Should().BeTrue();
        log.Entries.Should().ContainSingle(e => e.EventId == 8).Which.Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task Reload_SwapsInTheNewData_AndLeavesTheScrubberInUseWhole()
    {
        using var data = new TempFolder();
        var snapshot = data.File("cms.csindex");
        CodeSetIndex.LoadFolder(TestHost.SampleData).SaveSnapshot(snapshot);
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = snapshot });
        var provider = host.Services.GetRequiredService<IScrubberProvider>();
        var first = provider.Current;
        var zeroUnits = TestHost.CleanClaim(units: 0);

        var second = await provider.ReloadAsync();

        second.Generation.Should().Be(2);
        provider.Current.Should().BeSameAs(second);
        second.Should().NotBeSameAs(first);
        first.Scrub(zeroUnits).Findings.Select(f => f.RuleId).Should().Equal("CLM006");
        second.Scrub(zeroUnits).Findings.Select(f => f.RuleId).Should().Equal("CLM006");
    }

    [Fact]
    public async Task Reload_WhileClaimsAreScrubbed_EveryScrubFinishesOnWholeData()
    {
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData });
        var provider = host.Services.GetRequiredService<IScrubberProvider>();
        var claims = Enumerable.Range(0, 40).Select(i => TestHost.CleanClaim("C" + i, units: i % 2)).ToArray();
        using var stop = new CancellationTokenSource();
        var generationsSeen = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();

        var scrubbers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var scrubbed = 0;
            while (!stop.IsCancellationRequested || scrubbed == 0)
            {
                var current = provider.Current;
                generationsSeen[current.Generation] = true;
                foreach (var claim in claims)
                {
                    var ids = current.Scrub(claim).Findings.Select(f => f.RuleId).ToArray();
                    ids.Should().Equal(claim.Lines[0].Units == 0 ? ["CLM006"] : []);
                    scrubbed++;
                }
            }

            return scrubbed;
        })).ToArray();
        for (var i = 0; i < 3; i++)
        {
            await provider.ReloadAsync();
        }

        await stop.CancelAsync();
        var counts = await Task.WhenAll(scrubbers);

        counts.Should().OnlyContain(c => c > 0);
        provider.Current.Generation.Should().Be(4);
        generationsSeen.Keys.Should().Contain(1);
    }

    [Fact]
    public async Task Reload_OfARefusedSnapshot_KeepsTheDataInUse_AndSaysWhy()
    {
        using var data = new TempFolder();
        var snapshot = data.File("cms.csindex");
        CodeSetIndex.LoadFolder(TestHost.SampleData).SaveSnapshot(snapshot);
        var log = new LogSink();
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = snapshot }, log);
        var provider = host.Services.GetRequiredService<IScrubberProvider>();
        var first = provider.Current;
        var bytes = await File.ReadAllBytesAsync(snapshot);
        await File.WriteAllBytesAsync(snapshot, bytes[..(bytes.Length / 2)]);

        var reload = () => provider.ReloadAsync();

        await reload.Should().ThrowAsync<IndexSnapshotException>();
        provider.Current.Should().BeSameAs(first);
        log.Entries.Should().ContainSingle(e => e.EventId == 10).Which.Message.Should().Be("The reload failed; code sets generation 1 stays in use");
    }

    [Fact]
    public async Task WatchedSnapshot_ReplacedByANewOne_IsReloaded()
    {
        using var data = new TempFolder();
        var snapshot = data.File("cms.csindex");
        var index = CodeSetIndex.LoadFolder(TestHost.SampleData);
        index.SaveSnapshot(snapshot);
        using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DataPath"] = snapshot,
            ["WatchDataPath"] = "true",
            ["WatchDelay"] = "00:00:00.2",
        });
        var provider = host.Services.GetRequiredService<IScrubberProvider>();

        // A new release is written beside it and moved into place, as a deployment would.
        index.SaveSnapshot(data.File("cms.csindex.new"));
        File.Move(data.File("cms.csindex.new"), snapshot, overwrite: true);

        var reloaded = await WaitFor(() => provider.Current.Generation == 2);
        reloaded.Should().BeTrue("the watcher reloads a replaced snapshot once the quiet period has passed");
    }

    [Fact]
    public void Current_OutsideAHost_LoadsOnFirstUse_AndWrapsAFailure()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("icd10cm_order_2026.txt"), "not an order file line\n");
        var services = new ServiceCollection().AddLogging().AddClaimScrubber(o => o.DataPath = folder.Path);
        using var provider = services.BuildServiceProvider();
        var scrubbers = provider.GetRequiredService<IScrubberProvider>();

        var read = () => scrubbers.Current;

        read.Should().Throw<InvalidOperationException>().WithMessage("ClaimScrubber could not load its code sets: *").WithInnerException<CmsDataException>();
    }

    private static async Task<bool> WaitFor(Func<bool> condition)
    {
        // Bounded wait for a file-system event, not a timing assertion: it ends as soon as the condition holds.
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }
}
