using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimScrubber.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimScrubber.Service;

/// <summary><c>GET /rules</c>, <c>GET /tables</c> and the body of <c>GET /health</c>.</summary>
public static class CatalogEndpoints
{
    /// <summary>Every rule the scrubber in use can report, with whether it is on and at which severity (after the options).</summary>
    public static IResult Rules(IScrubberProvider scrubbers)
    {
        ArgumentNullException.ThrowIfNull(scrubbers);
        // One load of the code sets for the whole answer.
        var scrubber = scrubbers.Current.Scrubber;
        var options = scrubber.Options;
        return Results.Ok(scrubber.Rules.Select(r => new RuleView(
            r.Id,
            Camel(r.Family),
            r.Title,
            Camel(options.SeverityOf(r)),
            Camel(r.DefaultDisposition),
            options.IsEnabled(r),
            r.Description,
            r.Carc,
            r.Rarc)).ToList());
    }

    /// <summary>The table releases of the code sets in use, and which load they came from.</summary>
    public static IResult Tables(IScrubberProvider scrubbers)
    {
        ArgumentNullException.ThrowIfNull(scrubbers);
        var loaded = scrubbers.Current;
        return Results.Ok(new TablesView(
            loaded.Generation,
            loaded.LoadedAt,
            loaded.DataPath,
            [.. loaded.Scrubber.Index.Releases.Select(t => new TableView(t.Table, t.Release, t.SourceFile, t.EffectiveFrom, t.EffectiveTo, t.RowCount))]));
    }

    /// <summary>Writes a health report as JSON: the status, and each check's status, description and data.</summary>
    public static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        http.Response.ContentType = "application/json";
        var view = new HealthView(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntryView(e.Value.Status.ToString(), e.Value.Description, e.Value.Data.ToDictionary(d => d.Key, d => JsonSerializer.SerializeToElement(d.Value, d.Value.GetType(), ServiceJsonContext.Default)))));
        return JsonSerializer.SerializeAsync(http.Response.Body, view, ServiceJsonContext.Default.HealthView, http.RequestAborted);
    }

    private static string Camel<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <summary>A rule as <c>GET /rules</c> lists it.</summary>
public sealed record RuleView(string Id, string Family, string Title, string Severity, string Disposition, bool Enabled, string Description, string? Carc, string? Rarc);

/// <summary>The code sets in use, as <c>GET /tables</c> gives them.</summary>
public sealed record TablesView(long Generation, DateTimeOffset LoadedAt, string DataPath, IReadOnlyList<TableView> Tables);

/// <summary>One table release.</summary>
public sealed record TableView(string Table, string Release, string SourceFile, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, int RowCount);

/// <summary>The body of <c>GET /health</c>.</summary>
public sealed record HealthView(string Status, IReadOnlyDictionary<string, HealthEntryView> Checks);

/// <summary>One health check's result.</summary>
public sealed record HealthEntryView(string Status, string? Description, IReadOnlyDictionary<string, JsonElement> Data);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<RuleView>))]
[JsonSerializable(typeof(TablesView))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
