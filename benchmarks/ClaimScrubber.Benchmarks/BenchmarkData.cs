using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Generation;

namespace ClaimScrubber.Benchmarks;

/// <summary>Finds the CMS data (full when present, else the repository's sample) and builds the workloads once per process.</summary>
internal static class BenchmarkData
{
    public static readonly DateOnly AsOf = new(2026, 10, 15);

    private static readonly Lazy<CodeSetIndex> FullIndex = new(() => Load(FullFolder ?? throw new InvalidOperationException(
        "The full CMS data was not found: set CLAIMSCRUBBER_CMS_DATA or place it at ../shared/cms beside the repository.")));

    private static readonly Lazy<CodeSetIndex> SampleIndex = new(() => Load(SampleFolder));

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClaimScrubber.sln")))
            {
                dir = dir.Parent;
            }

            // BenchmarkDotNet may run from a copied folder; fall back to the working directory.
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }

    public static string? FullFolder
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CLAIMSCRUBBER_CMS_DATA");
            var path = string.IsNullOrWhiteSpace(fromEnv) ? Path.Combine(RepositoryRoot, "..", "shared", "cms") : fromEnv;
            return Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }
    }

    public static string SampleFolder => Path.Combine(RepositoryRoot, "data", "cms");

    public static CodeSetIndex Full => FullIndex.Value;

    public static CodeSetIndex Sample => SampleIndex.Value;

    public static ScrubberOptions Options => ScrubberOptions.Default with { AsOfDate = AsOf };

    public static CodeSetIndex Load(string folder)
    {
        var result = CmsFolderLoader.Load(folder);
        result.Report.ThrowIfErrors();
        return result.Index;
    }

    /// <summary>The rule ids a rule-set parameter leaves out: the linkage family (pointers, lab NCDs, procedure demographics) or the fee-schedule-driven rules.</summary>
    public static System.Collections.Immutable.ImmutableHashSet<string> RulesLeftOut(string ruleSet)
    {
        IEnumerable<Rules.RuleDescriptor> left = ruleSet switch
        {
            "withoutLinkage" => Rules.RuleCatalog.All.Where(r => r.Family == ClaimScrubber.RuleFamily.Linkage || r.Id is "PX040" or "PX041"),
            "withoutFeeSchedule" => Rules.RuleCatalog.FeeScheduleModifiers.All.Concat(Rules.RuleCatalog.FeeScheduleProcedures.All).Concat(Rules.RuleCatalog.FeeSchedulePlaceOfService.All),
            _ => [],
        };
        return [.. left.Where(r => r.IsEnabledByDefault).Select(r => r.Id)];
    }

    /// <summary>
    /// Makes a workload of <paramref name="count"/> claims: typical (10% injected errors), error-heavy (60%), clean (typical
    /// claims the scrubber passes), or, for <c>lines999</c> and <c>lines999oneDay</c>, one claim in 1,000 as many claims of
    /// 999 lines (see <see cref="ClaimSizeBenchmarks"/>).
    /// </summary>
    public static Claim[] Workload(CodeSetIndex index, string workload, int count)
    {
        if (workload is "lines999" or "lines999oneDay")
        {
            return [.. Enumerable.Range(0, Math.Max(1, count / 1000)).Select(i => LargeClaims.Build(index, ClaimScrubber.ClaimLimits.MaxServiceLines, workload == "lines999oneDay", 20261123 + i))];
        }

        var generatorOptions = ClaimGeneratorOptions.Default with { Seed = 20261123, ErrorRate = workload == "errorHeavy" ? 0.6 : 0.1 };
        if (workload != "clean")
        {
            return [.. new ClaimGenerator(index, generatorOptions).Generate(count)];
        }

        var scrubber = Scrubber.Create(index, Options);
        var clean = new ClaimGenerator(index, generatorOptions with { ErrorRate = 0 }).Generate(count * 50).Where(c => scrubber.Scrub(c).IsClean).Take(count).ToArray();
        if (clean.Length < count / 10)
        {
            throw new InvalidOperationException($"Only {clean.Length} of {count * 50} generated claims scrubbed clean; the clean workload would not be representative.");
        }

        return clean;
    }
}
