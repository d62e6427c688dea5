using Microsoft.Extensions.Options;

namespace ClaimScrubber.Hosting.Configuration;

/// <summary>
/// Checks <see cref="ClaimScrubberOptions"/> before any data is loaded, reporting every problem together: what the
/// configuration could not express, a missing data path, and the scrubber options the library itself refuses.
/// </summary>
internal sealed class ClaimScrubberOptionsValidator : IValidateOptions<ClaimScrubberOptions>
{
    private readonly string sectionPath;

    public ClaimScrubberOptionsValidator(string sectionPath) => this.sectionPath = sectionPath;

    public ValidateOptionsResult Validate(string? name, ClaimScrubberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>(options.ConfigurationProblems);
        var dataPath = $"{sectionPath}:{nameof(ClaimScrubberOptions.DataPath)}";
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            problems.Add($"{dataPath} is required: a folder of CMS files, or an index snapshot file built by 'index build'.");
        }
        else if (!File.Exists(options.DataPath) && !Directory.Exists(options.DataPath))
        {
            problems.Add($"{dataPath} is '{options.DataPath}', which is neither a folder nor a file.");
        }
        else if (options.SnapshotSourceFolder is not null && !File.Exists(options.DataPath))
        {
            problems.Add($"{sectionPath}:{nameof(ClaimScrubberOptions.SnapshotSourceFolder)} is set, but {dataPath} is a folder, not a snapshot file.");
        }

        if (options.SnapshotSourceFolder is { } source && !Directory.Exists(source))
        {
            problems.Add($"{sectionPath}:{nameof(ClaimScrubberOptions.SnapshotSourceFolder)} is '{source}', which is not a folder.");
        }

        if (options.WatchDelay < TimeSpan.Zero || options.WatchDelay > TimeSpan.FromHours(1))
        {
            problems.Add($"{sectionPath}:{nameof(ClaimScrubberOptions.WatchDelay)} is {options.WatchDelay}; it must be between 00:00:00 and 01:00:00.");
        }

        if (options.Scrubber is null)
        {
            problems.Add($"{sectionPath}:{nameof(ClaimScrubberOptions.Scrubber)} must not be null.");
        }
        else
        {
            try
            {
                // The library's own validation, so that the host refuses exactly what Scrubber.Create would.
                _ = Scrubber.Create(CodeSetIndex.Empty, options.Scrubber);
            }
            catch (ScrubberOptionsException ex)
            {
                problems.AddRange(ex.Problems.Select(p => $"{sectionPath}:{nameof(ClaimScrubberOptions.Scrubber)}: {p}"));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
