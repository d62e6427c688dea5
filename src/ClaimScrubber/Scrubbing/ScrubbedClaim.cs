using ClaimScrubber.Serialization;

namespace ClaimScrubber;

/// <summary>One claim of a stream as read, with the result of scrubbing it (its <c>CLM001</c> findings when it could not be read).</summary>
/// <param name="Read">The claim as read.</param>
/// <param name="Result">What scrubbing it found.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ScrubbedClaim(ClaimReadResult Read, ScrubResult Result);
