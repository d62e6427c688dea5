using System.Net;
using System.Text.Json;

namespace ClaimScrubber.Service.Tests;

public class CatalogEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Rules_ListsEveryRuleTheScrubberCanReport()
    {
        using var client = factory.CreateClient();

        var rules = JsonDocument.Parse(await client.GetStringAsync("/rules")).RootElement.EnumerateArray().ToList();

        rules.Should().Contain(r => r.GetProperty("id").GetString() == "CLM006" && r.GetProperty("severity").GetString() == "error" && r.GetProperty("enabled").GetBoolean());
        rules.Select(r => r.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Rules_ShowTheConfiguredOptions_DisabledRulesOff_AndSeverityOverrides()
    {
        using var configured = factory.WithWebHostBuilder(b => b
            .UseSetting("ClaimScrubber:Scrubber:DisabledRules:0", "CLM006")
            .UseSetting("ClaimScrubber:Scrubber:SeverityOverrides:MOD003", "Info"));
        using var client = configured.CreateClient();

        var rules = JsonDocument.Parse(await client.GetStringAsync("/rules")).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        rules["CLM006"].GetProperty("enabled").GetBoolean().Should().BeFalse();
        rules["MOD003"].GetProperty("severity").GetString().Should().Be("info");
        rules["MOD003"].GetProperty("enabled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Tables_ListsTheReleasesOfTheCodeSetsInUse()
    {
        using var client = factory.CreateClient();

        var tables = JsonDocument.Parse(await client.GetStringAsync("/tables")).RootElement;

        tables.GetProperty("generation").GetInt64().Should().Be(1);
        var releases = tables.GetProperty("tables").EnumerateArray().ToList();
        releases.Should().HaveCount(19);
        releases.Should().Contain(t => t.GetProperty("table").GetString() == "ICD-10-CM order file" && t.GetProperty("release").GetString() == "FY2026"
            && t.GetProperty("effectiveTo").GetString() == "2026-09-30" && t.GetProperty("rowCount").GetInt32() == 72);
    }

    [Fact]
    public async Task Health_ReportsTheTablesNotInEffectOnTheAsOfDate()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "degraded is still serving");
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        health.GetProperty("status").GetString().Should().Be("Degraded");
        var check = health.GetProperty("checks").GetProperty("claimscrubber");
        check.GetProperty("data").GetProperty("asOf").GetString().Should().Be(ServiceFactory.AsOf);
        check.GetProperty("data").GetProperty("tablesNotInEffect").EnumerateArray().Select(e => e.GetString())
            .Should().Contain("HCPCS Level II procedure codes: no release is in effect on 2026-06-30; the latest, 2025 Q4 (October), ended 2025-12-31.");
    }
}
