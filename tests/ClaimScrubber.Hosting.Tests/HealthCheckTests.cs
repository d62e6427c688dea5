using ClaimScrubber.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimScrubber.Hosting.Tests;

public class HealthCheckTests
{
    [Fact]
    public async Task SampleData_OnADateSomeTablesDoNotCover_IsDegraded_NamingEachTable()
    {
        using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData, ["Scrubber:AsOfDate"] = "2026-01-15" });

        var entry = await Check(host);

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Data["tablesNotInEffect"].Should().BeEquivalentTo(new[]
        {
            "HCPCS Level II modifiers: no release is in effect on 2026-01-15; the latest, 2025 Q4 (October), ended 2025-12-31.",
            "HCPCS Level II procedure codes: no release is in effect on 2026-01-15; the latest, 2025 Q4 (October), ended 2025-12-31.",
            "Medicare Code Editor: no release is in effect on 2026-01-15; the latest, MCE v41.1, ended 2024-09-30.",
            "NCCI MUE DME supplier: no release is in effect on 2026-01-15; the first, 2026-04-01, takes effect 2026-04-01.",
            "NCCI MUE outpatient hospital: no release is in effect on 2026-01-15; the first, 2026-04-01, takes effect 2026-04-01.",
            "NCCI MUE practitioner: no release is in effect on 2026-01-15; the first, 2026-04-01, takes effect 2026-04-01.",
            "NCCI add-on codes: no release is in effect on 2026-01-15; the first, 2026 Q2, takes effect 2026-04-01.",
            "PFS RVU: no release is in effect on 2026-01-15; the latest, 2025 October, ended 2025-12-31.",
        }, o => o.WithStrictOrdering());
        entry.Data["missingTables"].Should().BeEquivalentTo(Array.Empty<string>());
        entry.Data["generation"].Should().Be(1L);
        entry.Description.Should().StartWith("HCPCS Level II modifiers: no release is in effect on 2026-01-15;");
    }

    [Fact]
    public async Task RequiredTableMissing_IsUnhealthy()
    {
        // The sample has every table; without its OPPS Addendum B (which CMS's full data folder lacks too) it misses one.
        using var data = TestHost.CopyOfSampleData();
        Directory.Delete(Path.Combine(data.Path, "opps"), recursive: true);
        using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DataPath"] = data.Path,
            ["RequiredTables"] = "OPPS Addendum B",
        });

        var entry = await Check(host);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("Required tables are not loaded: OPPS Addendum B.");
    }

    [Fact]
    public async Task RulesWhoseTablesAreNotLoaded_AreNamed_UntilDisabled()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(TestHost.SampleData, "pos", "place_of_service_codes.csv"), folder.File("place_of_service_codes.csv"));
        using var partial = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = folder.Path });

        var degraded = await Check(partial);

        degraded.Status.Should().Be(HealthStatus.Degraded);
        var idle = (IReadOnlyCollection<string>)degraded.Data["rulesNotRunning"];
        idle.Should().Contain(["DX001", "PX001", "NCCI001"]).And.NotContain(["CLM006", "POS001"]);
        degraded.Description.Should().StartWith($"{idle.Count} enabled rules cannot run because their tables are not loaded: ");

        using var trimmed = await TestHost.StartAsync(new Dictionary<string, string?> { ["DataPath"] = folder.Path, ["Scrubber:DisabledRules"] = string.Join(",", idle) });

        var healthy = await Check(trimmed);

        healthy.Status.Should().Be(HealthStatus.Healthy);
        healthy.Description.Should().Be("Code sets generation 1: 1 table releases, each table in effect on " + DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd") + ".");
    }

    [Fact]
    public async Task NotLoaded_IsUnhealthy()
    {
        using var host = TestHost.Build(new Dictionary<string, string?> { ["DataPath"] = TestHost.SampleData });

        var entry = await Check(host);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("The code sets are not loaded.");
    }

    private static async Task<HealthReportEntry> Check(Microsoft.Extensions.Hosting.IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["claimscrubber"];
    }
}
