using ClaimScrubber.Generation;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

/// <summary>
/// The hot-path promise, counted rather than timed: scrubbing a clean claim allocates nothing. Throughput itself is
/// measured by the benchmarks, not by tests.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void Scrub_CleanClaims_AllocateNothing_WithNoTables() => AssertCleanClaimsAllocateNothing(CodeSetIndex.Empty);

    [CmsFact]
    public void Scrub_CleanClaims_AllocateNothing_AgainstTheFullData() => AssertCleanClaimsAllocateNothing(FullIndex.Value);

    internal static readonly Lazy<CodeSetIndex> FullIndex = new(() => { FullCmsData.Result.Report.ThrowIfErrors(); return FullCmsData.Result.Index; });

    private static void AssertCleanClaimsAllocateNothing(CodeSetIndex index)
    {
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) });
        var clean = new ClaimGenerator(index, ClaimGeneratorOptions.Default with { ErrorRate = 0 }).Generate(5000).Where(c => scrubber.Scrub(c).IsClean).ToArray();
        clean.Length.Should().BeGreaterThan(100, "the generator must yield clean claims to measure");

        // Warm up: first calls JIT-compile and create the thread's context.
        foreach (var claim in clean)
        {
            scrubber.Scrub(claim);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var claim in clean)
        {
            scrubber.Scrub(claim);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0, $"scrubbing {clean.Length} clean claims must allocate nothing; by check: {AllocationByCheck(scrubber, clean)}");
    }

    /// <summary>Runs each built-in check alone over the claims, to name the one that allocates.</summary>
    private static string AllocationByCheck(Scrubber scrubber, ClaimScrubber.Claim[] claims)
    {
        var context = new ScrubContext();
        var parts = new List<string>();
        foreach (var check in ClaimScrubber.Rules.BuiltInRules.Create(scrubber.Index, scrubber.Options))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var claim in claims)
            {
                context.Begin(scrubber, claim, scrubber.Options.AsOfDate!.Value);
                check.Evaluate(context);
                context.Complete();
            }

            parts.Add($"{check.GetType().Name}={GC.GetAllocatedBytesForCurrentThread() - before}");
        }

        return string.Join(", ", parts);
    }
}
