using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Rules;

/// <summary>
/// A check over one claim that reports findings for one or more rule ids. Built once, with the code-set
/// index it reads, and then called concurrently from many threads.
/// </summary>
/// <remarks>
/// Implementations must be pure and thread-safe: no I/O, no locks, no state changed between calls. A clean
/// claim should cost no allocation: build messages only when reporting a finding.
/// </remarks>
public interface IClaimRule
{
    /// <summary>Gets the rules this check can report.</summary>
    IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>Checks the claim in <paramref name="context"/> and reports findings to it.</summary>
    /// <param name="context">The claim under scrutiny, the index, and the sink for findings.</param>
    void Evaluate(ScrubContext context);
}
