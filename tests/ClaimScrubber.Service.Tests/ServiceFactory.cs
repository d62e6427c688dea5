using ClaimScrubber.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClaimScrubber.Service.Tests;

/// <summary>The service over the repository's sample data, on a fixed as-of date, with test limits.</summary>
public sealed class ServiceFactory : WebApplicationFactory<ServiceLimits>
{
    public const string AsOf = "2026-06-30";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ClaimScrubber:DataPath", Path.Combine(CmsData.SampleFolder, "cms"));
        builder.UseSetting("ClaimScrubber:Scrubber:AsOfDate", AsOf);
        builder.UseSetting("Limits:MaxClaims", "50");
        builder.UseSetting("Limits:MaxLines", "120");
        builder.UseSetting("Limits:MaxRequestBytes", "200000");
    }
}
