using ClaimScrubber.Hosting;
using ClaimScrubber.Service;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Memory;

// A scrub service over the hosting package: POST /scrub, GET /rules, GET /tables, GET /health (see README.md).
//   dotnet run --project samples/ClaimScrubber.Service -- --data data/cms --urls http://127.0.0.1:5080 [--as-of 2026-06-30]
// Configuration: the ClaimScrubber section (the hosting package's options) and Limits (ServiceLimits), from the command
// line, environment variables (ClaimScrubber__DataPath, Limits__MaxClaims) or an appsettings.json in the current folder.
var builder = WebApplication.CreateBuilder(args);

// Defaults under every other source: a line per request at Information would cost more than scrubbing the claim.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
});
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--data"] = $"{ClaimScrubberOptions.DefaultSectionName}:{nameof(ClaimScrubberOptions.DataPath)}",
    ["--as-of"] = $"{ClaimScrubberOptions.DefaultSectionName}:{nameof(ClaimScrubberOptions.Scrubber)}:AsOfDate",
});

builder.Services.AddClaimScrubber(builder.Configuration.GetSection(ClaimScrubberOptions.DefaultSectionName));
builder.Services.AddHealthChecks().AddClaimScrubber();
builder.Services.AddProblemDetails();
builder.Services.AddOptions<ServiceLimits>()
    .Bind(builder.Configuration.GetSection(ServiceLimits.SectionName))
    .Validate(l => l.MaxRequestBytes > 0 && l.MaxClaims > 0 && l.MaxLines > 0, $"{ServiceLimits.SectionName}: every limit must be above zero.")
    .ValidateOnStart();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJsonContext.Default));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapPost("/scrub", ScrubEndpoint.HandleAsync);
app.MapGet("/rules", CatalogEndpoints.Rules);
app.MapGet("/tables", CatalogEndpoints.Tables);
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = CatalogEndpoints.WriteHealthAsync });

app.Run();
