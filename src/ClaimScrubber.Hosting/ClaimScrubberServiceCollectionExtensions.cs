using ClaimScrubber.Hosting;
using ClaimScrubber.Hosting.Configuration;
using ClaimScrubber.Hosting.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

// Extension methods live in the namespace of what they extend, so that they are found where services are registered.
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers ClaimScrubber with a host.</summary>
public static class ClaimScrubberServiceCollectionExtensions
{
    /// <summary>
    /// Registers ClaimScrubber with its options read from <paramref name="section"/> (by convention the
    /// <c>ClaimScrubber</c> section): the options are validated when the host starts, with every problem reported
    /// together; the code sets are loaded once while the host starts, their load report logged; one
    /// <see cref="IScrubberProvider"/> shares the scrubber; and metrics and traces are reported under
    /// <see cref="ClaimScrubberTelemetry"/>'s names.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="section">The configuration section of <see cref="ClaimScrubberOptions"/>. A change to it takes effect at the next <see cref="IScrubberProvider.ReloadAsync"/>.</param>
    /// <param name="configure">Sets what configuration cannot (custom rules, a clock), after the section is read; or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddClaimScrubber(this IServiceCollection services, IConfiguration section, Action<ClaimScrubberOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var path = (section as IConfigurationSection)?.Path ?? string.Empty;
        services.AddSingleton<IOptionsChangeTokenSource<ClaimScrubberOptions>>(new SectionChangeTokenSource(section));
        var options = services.AddOptions<ClaimScrubberOptions>().Configure(o => OptionsConfigurationReader.Read(section, o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, path);
    }

    /// <summary>
    /// Registers ClaimScrubber with options set in code; otherwise as
    /// <see cref="AddClaimScrubber(IServiceCollection, IConfiguration, Action{ClaimScrubberOptions}?)"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options; <see cref="ClaimScrubberOptions.DataPath"/> at least.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddClaimScrubber(this IServiceCollection services, Action<ClaimScrubberOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ClaimScrubberOptions>().Configure(configure);
        return AddCore(services, ClaimScrubberOptions.DefaultSectionName);
    }

    private static IServiceCollection AddCore(IServiceCollection services, string sectionPath)
    {
        services.AddOptions<ClaimScrubberOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClaimScrubberOptions>>(new ClaimScrubberOptionsValidator(sectionPath)));
        services.AddMetrics();
        services.TryAddSingleton<ScrubberProvider>();
        services.TryAddSingleton<IScrubberProvider>(sp => sp.GetRequiredService<ScrubberProvider>());
        services.AddHostedService<ScrubberStartup>();
        return services;
    }

    /// <summary>Tells the options monitor when the section changes, so that a reload reads the options anew.</summary>
    private sealed class SectionChangeTokenSource(IConfiguration section) : IOptionsChangeTokenSource<ClaimScrubberOptions>
    {
        public string? Name => Options.Options.DefaultName;

        public IChangeToken GetChangeToken() => section.GetReloadToken();
    }
}
