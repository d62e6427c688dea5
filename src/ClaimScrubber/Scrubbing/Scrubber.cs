using System.Collections.Immutable;
using ClaimScrubber.Rules;
using ClaimScrubber.Rules.Claims;
using ClaimScrubber.Serialization;

using ClaimScrubber.Scrubbing;

namespace ClaimScrubber;

/// <summary>
/// Scrubs claims against a code-set index with a fixed set of rules. Build one with <see cref="Create"/> and
/// share it: it is immutable, and <see cref="Scrub"/> is safe to call from any number of threads at once.
/// </summary>
/// <remarks>
/// Scrubbing does no I/O and takes no locks; a clean claim allocates nothing.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial class Scrubber
{
    [ThreadStatic]
    private static ScrubContext? threadContext;

    private readonly IClaimRule[] checks;

    private Scrubber(CodeSetIndex index, ScrubberOptions options, IClaimRule[] checks, ImmutableArray<RuleDescriptor> rules)
    {
        Index = index;
        Options = options;
        Rules = rules;
        Settings = new RuleSettings(rules, options);
        FactTables = new Rules.Facts.FactTables(index);

        // A check whose every rule is off would look its codes up for nothing. A check that declares no rule still runs.
        this.checks = [.. checks.Where(c => c.Descriptors.Count == 0 || c.Descriptors.Any(Settings.IsEnabled))];
    }

    /// <summary>Gets the code-set index the scrubber checks against.</summary>
    public CodeSetIndex Index { get; }

    /// <summary>Gets the options the scrubber was built with.</summary>
    public ScrubberOptions Options { get; }

    /// <summary>Gets every rule the scrubber can report, built-in and additional, enabled or not.</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; }

    internal RuleSettings Settings { get; }

    /// <summary>Gets the tables each claim's facts are read from (see <see cref="ScrubContext"/>).</summary>
    internal Rules.Facts.FactTables FactTables { get; }

    /// <summary>Gets the checks in the order they run, for the per-check profile in the benchmarks.</summary>
    internal IReadOnlyList<IClaimRule> Checks => checks;

    /// <summary>Builds a scrubber over <paramref name="index"/> with the built-in rules and <paramref name="options"/>.</summary>
    /// <param name="index">The code sets and edit tables to check against.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ScrubberOptions.Default"/>.</param>
    /// <returns>The scrubber.</returns>
    /// <exception cref="ScrubberOptionsException">The options are not valid; every problem is listed.</exception>
    public static Scrubber Create(CodeSetIndex index, ScrubberOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        options ??= ScrubberOptions.Default;
        var checks = BuiltInRules.Create(index, options).Concat(options.AdditionalRules.IsDefault ? [] : options.AdditionalRules).ToArray();
        var rules = ClaimLimitRules.Descriptors.Concat(checks.SelectMany(c => c.Descriptors)).ToImmutableArray();

        // A built-in rule whose table is not loaded is still a rule: options that name it are as valid for one data
        // folder as for another, so that a host's settings do not break when a release lacks a table.
        var problems = options.Validate([.. rules, .. RuleCatalog.All.Except(rules)]);
        if (!problems.IsEmpty)
        {
            throw new ScrubberOptionsException(problems);
        }

        return new Scrubber(index, options, checks, rules);
    }

    /// <summary>Scrubs one claim.</summary>
    /// <remarks>
    /// A claim beyond the limits of <see cref="ClaimLimits"/> (more than 999 lines or 25 diagnoses, more than 4 modifiers
    /// or pointers on a line, units, a charge or a claim id an 837 cannot carry) gets one finding per limit exceeded
    /// (CLM009, CLM012, CLM013, MOD004, LNK014), whatever the options, and no rule runs on it.
    /// </remarks>
    /// <param name="claim">The claim.</param>
    /// <returns>The findings; a clean claim's result allocates nothing.</returns>
    public ScrubResult Scrub(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var context = threadContext;
        if (context is null || context.InUse)
        {
            // A custom rule that scrubs another claim from inside a check gets a context of its own.
            context = new ScrubContext();
            threadContext ??= context;
        }

        var today = Options.AsOfDate ?? DateOnly.FromDateTime(Options.TimeProvider.GetUtcNow().UtcDateTime);
        context.Begin(this, claim, today);
        try
        {
            // A claim beyond the 837's limits is reported and not scrubbed further: no rule's work or findings grow without bound.
            if (ClaimLimitRules.Check(context))
            {
                foreach (var check in checks)
                {
                    check.Evaluate(context);
                }
            }
        }
        catch
        {
            context.Complete();
            throw;
        }

        return context.Complete();
    }

    /// <summary>
    /// Reports a claim that could not be read: one <c>CLM001</c> finding per element error, at the severity the options
    /// give <c>CLM001</c>. The claim is not scrubbed further, since its elements are not known.
    /// </summary>
    /// <remarks>
    /// Disabling <c>CLM001</c> does not silence these findings: a claim that was never scrubbed must not look clean.
    /// </remarks>
    /// <param name="claimId">The claim's id as read, or a placeholder such as <c>#7</c> (see <see cref="ClaimReadResult.ClaimId"/>).</param>
    /// <param name="errors">The element errors, such as a <see cref="ClaimReadResult"/>'s <see cref="ClaimReadResult.Errors"/>.</param>
    /// <returns>The result, with one finding per error.</returns>
    public ScrubResult ReportUnreadable(string claimId, IEnumerable<ClaimElementError> errors)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        ArgumentNullException.ThrowIfNull(errors);
        var rule = RuleCatalog.Claims.UnreadableElement;
        var severity = Settings.SeverityOf(rule);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var error in errors)
        {
            var message = error.SourceLine is { } line
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{error.Message} (input line {line})")
                : error.Message;
            findings.Add(new Finding(rule, severity, rule.DefaultDisposition, error.ServiceLine, error.Element, error.Code is { } code ? [code] : [], message,
                "Correct the element in the billing system and resubmit; the claim is not scrubbed until every element can be read.", rule.Carc, rule.Rarc, null));
        }

        return new ScrubResult(claimId, findings.ToImmutable());
    }

    /// <summary>
    /// Scrubs a stream of claims, lazily, returning results in input order whatever the degree of parallelism.
    /// </summary>
    /// <param name="claims">The claims.</param>
    /// <param name="maxDegreeOfParallelism">How many threads may scrub at once; 1 scrubs on the calling thread.</param>
    /// <returns>One result per claim, in input order.</returns>
    public IEnumerable<ScrubResult> ScrubMany(IEnumerable<Claim> claims, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDegreeOfParallelism, 512);
        return maxDegreeOfParallelism == 1 ? claims.Select(Scrub) : ScrubInBlocks(claims, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Reads a block of claims, scrubs it across threads into an array, and yields it in input order. Blocks keep order
    /// without a merge step (PLINQ's ordered merge cost more than the second core gained). Blocks are small so that the
    /// findings they hold die young: 4,096-claim blocks kept enough alive to be promoted, and collections stalled both cores.
    /// </summary>
    private IEnumerable<ScrubResult> ScrubInBlocks(IEnumerable<Claim> claims, int maxDegreeOfParallelism)
    {
        const int BlockSize = 256;
        const int ClaimsPerTake = 4;
        var block = new Claim[BlockSize];
        var results = new ScrubResult[BlockSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        using var enumerator = claims.GetEnumerator();
        var more = true;
        while (more)
        {
            var count = 0;
            while (count < BlockSize && (more = enumerator.MoveNext()))
            {
                block[count] = enumerator.Current ?? throw new ArgumentException("The claims contain null.", nameof(claims));
                count++;
            }

            // Each thread takes a few claims at a time until the block is done, so the threads finish within a few claims
            // of each other; Parallel.For over the claims handed out ranges large enough to leave one thread idle at the
            // end of every block.
            var next = 0;
            Parallel.For(0, maxDegreeOfParallelism, options, _ =>
            {
                int start;
                while ((start = Interlocked.Add(ref next, ClaimsPerTake) - ClaimsPerTake) < count)
                {
                    for (var i = start; i < Math.Min(start + ClaimsPerTake, count); i++)
                    {
                        results[i] = Scrub(block[i]);
                    }
                }
            });
            for (var i = 0; i < count; i++)
            {
                yield return results[i];
            }
        }
    }
}
