namespace ClaimScrubber.Serialization;

/// <summary>One element of an input claim that could not be read: where it is, and what is wrong with it.</summary>
/// <param name="Element">The element path with 1-based indexes, such as <c>lines[2].modifiers[1]</c>, or <c>claim</c> for the claim as a whole.</param>
/// <param name="Message">What is wrong, naming the offending code but no other patient data.</param>
/// <param name="ServiceLine">The 1-based service line the element belongs to, or <see langword="null"/> for a claim-level element.</param>
/// <param name="SourceLine">The 1-based line of the input file the element was read from, or <see langword="null"/> when unknown.</param>
/// <param name="Code">The offending code as written, when the element is a code; otherwise <see langword="null"/>.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ClaimElementError(string Element, string Message, int? ServiceLine = null, int? SourceLine = null, string? Code = null)
{
    /// <inheritdoc/>
    public override string ToString() => SourceLine is { } line ? $"line {line}: {Element}: {Message}" : $"{Element}: {Message}";
}
