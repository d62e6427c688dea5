namespace ClaimScrubber.CodeSets.Loading;

/// <summary>An index loaded from a folder, with the report of what was loaded and what went wrong.</summary>
/// <param name="Index">The index, holding every table that could be read.</param>
/// <param name="Report">What was loaded, passed over and refused.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CodeSetLoadResult(CodeSetIndex Index, LoadReport Report);
