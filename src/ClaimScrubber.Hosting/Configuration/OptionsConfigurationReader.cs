using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ClaimScrubber.Hosting.Configuration;

/// <summary>
/// Reads <see cref="ClaimScrubberOptions"/> from a configuration section, collecting every problem (a misspelt key, a
/// value of the wrong form) instead of stopping at the first, so that a host's start reports them all together.
/// </summary>
/// <remarks>
/// The configuration binder of Microsoft.Extensions stops at the first value it cannot convert, ignores misspelt keys,
/// and cannot build the immutable <see cref="ScrubberOptions"/>. The <c>Scrubber</c> subsection is read onto
/// <see cref="ScrubberOptions"/> by its own property names, so a setting the library adds can be configured without a
/// change here.
/// </remarks>
internal static class OptionsConfigurationReader
{
    private const string ScrubberKey = nameof(ClaimScrubberOptions.Scrubber);

    private static readonly string[] TopLevelKeys =
    [
        nameof(ClaimScrubberOptions.DataPath),
        nameof(ClaimScrubberOptions.SnapshotSourceFolder),
        nameof(ClaimScrubberOptions.AllowPartialData),
        nameof(ClaimScrubberOptions.WatchDataPath),
        nameof(ClaimScrubberOptions.WatchDelay),
        nameof(ClaimScrubberOptions.RequiredTables),
        ScrubberKey,
    ];

    /// <summary>Reads <paramref name="section"/> onto <paramref name="options"/>; problems go to <see cref="ClaimScrubberOptions.ConfigurationProblems"/>.</summary>
    public static void Read(IConfiguration section, ClaimScrubberOptions options)
    {
        var problems = options.ConfigurationProblems;
        foreach (var child in section.GetChildren())
        {
            var key = TopLevelKeys.FirstOrDefault(k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase));
            switch (key)
            {
                case nameof(ClaimScrubberOptions.DataPath):
                    options.DataPath = child.Value;
                    break;
                case nameof(ClaimScrubberOptions.SnapshotSourceFolder):
                    options.SnapshotSourceFolder = child.Value;
                    break;
                case nameof(ClaimScrubberOptions.AllowPartialData):
                    if (TryConvert(child, typeof(bool), problems, out var allow))
                    {
                        options.AllowPartialData = (bool)allow!;
                    }

                    break;
                case nameof(ClaimScrubberOptions.WatchDataPath):
                    if (TryConvert(child, typeof(bool), problems, out var watch))
                    {
                        options.WatchDataPath = (bool)watch!;
                    }

                    break;
                case nameof(ClaimScrubberOptions.WatchDelay):
                    if (TryConvert(child, typeof(TimeSpan), problems, out var delay))
                    {
                        options.WatchDelay = (TimeSpan)delay!;
                    }

                    break;
                case nameof(ClaimScrubberOptions.RequiredTables):
                    if (TryConvert(child, typeof(ImmutableHashSet<string>), problems, out var tables))
                    {
                        options.RequiredTables.UnionWith((ImmutableHashSet<string>)tables!);
                    }

                    break;
                case ScrubberKey:
                    options.Scrubber = ReadScrubberOptions(child, options.Scrubber, problems);
                    break;
                default:
                    problems.Add($"{child.Path} is not a setting; the settings are {string.Join(", ", TopLevelKeys)}.");
                    break;
            }
        }
    }

    private static ScrubberOptions ReadScrubberOptions(IConfigurationSection section, ScrubberOptions start, List<string> problems)
    {
        if (section.Value is { Length: > 0 })
        {
            problems.Add($"{section.Path} must be a section of settings, not a value.");
            return start;
        }

        // A copy to set by reflection: init accessors are setters to reflection, and the record's clone keeps the rest.
        var options = start with { };
        var properties = typeof(ScrubberOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .ToArray();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problems.Add($"{child.Path} is not a setting of the scrubber; the settings are {string.Join(", ", properties.Select(p => p.Name).Order(StringComparer.Ordinal))}.");
            }
            else if (!IsSupported(property.PropertyType))
            {
                problems.Add($"{child.Path} cannot be set from configuration; set {nameof(ClaimScrubberOptions)}.{ScrubberKey}.{property.Name} in code.");
            }
            else if (TryConvert(child, property.PropertyType, problems, out var value))
            {
                property.SetValue(options, value);
            }
        }

        return options;
    }

    private static bool IsSupported(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(DateOnly)
            || underlying == typeof(TimeSpan) || underlying.IsEnum || type == typeof(ImmutableHashSet<string>)
            || type == typeof(ImmutableDictionary<string, Severity>);
    }

    /// <summary>Converts a configuration value (or, for a set or a map, its children) to <paramref name="type"/>.</summary>
    private static bool TryConvert(IConfigurationSection section, Type type, List<string> problems, out object? value)
    {
        value = null;
        if (type == typeof(ImmutableHashSet<string>))
        {
            value = ImmutableHashSet.CreateRange(StringComparer.Ordinal, ReadList(section));
            return true;
        }

        if (type == typeof(ImmutableDictionary<string, Severity>))
        {
            var map = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
            var ok = true;
            foreach (var entry in section.GetChildren())
            {
                if (TryConvert(entry, typeof(Severity), problems, out var severity))
                {
                    map[entry.Key] = (Severity)severity!;
                }
                else
                {
                    ok = false;
                }
            }

            if (section.Value is { Length: > 0 })
            {
                problems.Add($"{section.Path} must be a section of rule ids and severities, such as {section.Path}:LNK003 = Info.");
                ok = false;
            }

            value = map.ToImmutable();
            return ok;
        }

        var text = section.Value?.Trim();
        var nullable = Nullable.GetUnderlyingType(type);
        var target = nullable ?? type;
        if (string.IsNullOrEmpty(text))
        {
            if (section.GetChildren().Any())
            {
                problems.Add($"{section.Path} must be a value, not a section.");
                return false;
            }

            if (nullable is not null || target == typeof(string))
            {
                return true;
            }

            problems.Add($"{section.Path} is empty; it must be {Describe(target)}.");
            return false;
        }

        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(bool) && bool.TryParse(text, out var flag))
        {
            value = flag;
            return true;
        }

        if (target == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        if (target == typeof(DateOnly) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date;
            return true;
        }

        if (target == typeof(TimeSpan) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            value = span;
            return true;
        }

        // Names only: a number would name no member, or one the reader cannot see.
        if (target.IsEnum && !char.IsAsciiDigit(text[0]) && text[0] != '-' && Enum.TryParse(target, text, ignoreCase: true, out var member) && Enum.IsDefined(target, member))
        {
            value = member;
            return true;
        }

        problems.Add($"{section.Path} is '{text}'; it must be {Describe(target)}.");
        return false;
    }

    /// <summary>Reads a list given as children (a JSON array) or as one value separated by commas or semicolons (an environment variable).</summary>
    private static IEnumerable<string> ReadList(IConfigurationSection section)
    {
        var children = section.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!);
        var inline = (section.Value ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return children.Concat(inline);
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) ? "a whole number"
        : type == typeof(DateOnly) ? "a date written yyyy-MM-dd"
        : type == typeof(TimeSpan) ? "a time span written hh:mm:ss"
        : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type))
        : "a " + type.Name;
}
