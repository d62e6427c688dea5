using ClaimScrubber.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaimScrubber.Hosting.Tests;

public class ClaimScrubberOptionsTests
{
    [Fact]
    public void Configuration_EverySetting_IsRead()
    {
        using var host = TestHost.Build(new Dictionary<string, string?>
        {
            ["DataPath"] = TestHost.SampleData,
            ["allowPartialData"] = "true",
            ["WatchDataPath"] = "True",
            ["WatchDelay"] = "00:00:05",
            ["RequiredTables"] = "ICD-10-CM order file; PFS RVU",
            ["Scrubber:DisabledRules:0"] = "CLM010",
            ["Scrubber:DisabledRules:1"] = "DX004",
            ["Scrubber:EnabledRules"] = "LNK014, MOD004",
            ["Scrubber:SeverityOverrides:LNK003"] = "info",
            ["Scrubber:SeverityOverrides:DX002"] = "Warning",
            ["Scrubber:AsOfDate"] = "2026-06-30",
            ["Scrubber:RequireSinglePlaceOfService"] = "true",
            ["Scrubber:LabNcdSuggestionCount"] = "3",
            ["Scrubber:ProcedureDemographicExemptions"] = "59400",
        });

        var options = host.Services.GetRequiredService<IOptions<ClaimScrubberOptions>>().Value;

        options.DataPath.Should().Be(TestHost.SampleData);
        options.AllowPartialData.Should().BeTrue();
        options.WatchDataPath.Should().BeTrue();
        options.WatchDelay.Should().Be(TimeSpan.FromSeconds(5));
        options.RequiredTables.Should().BeEquivalentTo("ICD-10-CM order file", "PFS RVU");
        var scrubber = options.Scrubber;
        scrubber.DisabledRules.Should().BeEquivalentTo("CLM010", "DX004");
        scrubber.EnabledRules.Should().BeEquivalentTo("LNK014", "MOD004");
        scrubber.SeverityOverrides.Should().BeEquivalentTo(new Dictionary<string, Severity> { ["LNK003"] = Severity.Info, ["DX002"] = Severity.Warning });
        scrubber.AsOfDate.Should().Be(new DateOnly(2026, 6, 30));
        scrubber.RequireSinglePlaceOfService.Should().BeTrue();
        scrubber.LabNcdSuggestionCount.Should().Be(3);
        scrubber.ProcedureDemographicExemptions.Should().BeEquivalentTo("59400");
        scrubber.ReportSidesInsteadOfBilateral.Should().BeTrue("a setting not configured keeps the library's default");
    }

    [Fact]
    public async Task Start_WithManyBadSettings_ReportsEveryProblemTogether()
    {
        using var host = TestHost.Build(new Dictionary<string, string?>
        {
            ["DataPth"] = TestHost.SampleData,
            ["AllowPartialData"] = "sometimes",
            ["WatchDelay"] = "-00:00:01",
            ["Scrubber:DisabledRules:0"] = "CLM999",
            ["Scrubber:SeverityOverrides:LNK003"] = "Fatal",
            ["Scrubber:SeverityOverrides:DX002"] = "2",
            ["Scrubber:AsOfDate"] = "30/06/2026",
            ["Scrubber:AdditionalRules:0"] = "MyRule",
            ["Scrubber:DisabledRule"] = "CLM010",
        });

        var start = () => host.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        // Every settable option of the library is named, the ones it will add included.
        var rules = string.Join(", ", typeof(ScrubberOptions).GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name).Order(StringComparer.Ordinal));
        rules.Should().StartWith("AdditionalRules, AsOfDate, DisabledRules, EnabledRules, ");
        failure.Failures.Should().Equal(
            "ClaimScrubber:AllowPartialData is 'sometimes'; it must be true or false.",
            "ClaimScrubber:DataPth is not a setting; the settings are DataPath, SnapshotSourceFolder, AllowPartialData, WatchDataPath, WatchDelay, RequiredTables, Scrubber.",
            "ClaimScrubber:Scrubber:AdditionalRules cannot be set from configuration; set ClaimScrubberOptions.Scrubber.AdditionalRules in code.",
            "ClaimScrubber:Scrubber:AsOfDate is '30/06/2026'; it must be a date written yyyy-MM-dd.",
            "ClaimScrubber:Scrubber:DisabledRule is not a setting of the scrubber; the settings are " + rules + ".",
            "ClaimScrubber:Scrubber:SeverityOverrides:DX002 is '2'; it must be one of Info, Warning, Error.",
            "ClaimScrubber:Scrubber:SeverityOverrides:LNK003 is 'Fatal'; it must be one of Info, Warning, Error.",
            "ClaimScrubber:DataPath is required: a folder of CMS files, or an index snapshot file built by 'index build'.",
            "ClaimScrubber:WatchDelay is -00:00:01; it must be between 00:00:00 and 01:00:00.",
            "ClaimScrubber:Scrubber: DisabledRules names 'CLM999', which is not a rule id.");
    }

    [Fact]
    public async Task Start_DataPathThatDoesNotExist_IsRefusedBeforeAnyLoad()
    {
        var log = new LogSink();
        using var host = TestHost.Build(new Dictionary<string, string?> { ["DataPath"] = "/nonexistent/cms" }, log);

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().Equal(
            "ClaimScrubber:DataPath is '/nonexistent/cms', which is neither a folder nor a file.");
        log.Entries.Should().NotContain(e => e.Category == "ClaimScrubber.Hosting");
    }

    [Fact]
    public void RuleOfATableThatIsNotLoaded_IsStillAValidSetting()
    {
        // PX001 needs procedure codes; a data folder without them must not make the host's settings invalid.
        using var folder = new TempFolder();
        File.Copy(Path.Combine(TestHost.SampleData, "pos", "place_of_service_codes.csv"), folder.File("place_of_service_codes.csv"));
        var services = new ServiceCollection().AddLogging().AddClaimScrubber(o =>
        {
            o.DataPath = folder.Path;
            o.Scrubber = o.Scrubber with { DisabledRules = ["PX001"] };
        });
        using var provider = services.BuildServiceProvider();

        var loaded = provider.GetRequiredService<IScrubberProvider>().Current;

        loaded.Scrubber.Rules.Should().NotContain(r => r.Id == "PX001");
        loaded.Scrubber.Options.DisabledRules.Should().Equal("PX001");
    }

    [Fact]
    public void OptionsSetInCode_WithTheHostsClock_UseTheHostsClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddClaimScrubber(o => o.DataPath = TestHost.SampleData);
        using var provider = services.BuildServiceProvider();

        var loaded = provider.GetRequiredService<IScrubberProvider>().Current;

        loaded.Scrubber.Options.TimeProvider.Should().BeSameAs(clock);
        loaded.LoadedAt.Should().Be(clock.GetUtcNow());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
