namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>
/// What the HCPCS Level II quarterly file says about one code or Level II modifier: when it was added, the date
/// and kind of its latest action, when it was terminated, and its Medicare coverage and classification.
/// </summary>
/// <param name="AddedOn">ADD DT: the first date the code is valid, or <see langword="null"/> when blank.</param>
/// <param name="ActionEffectiveOn">ACT EFF DT: when the latest action (see <paramref name="ActionCode"/>) took effect.</param>
/// <param name="TerminatedOn">TERM DT: the last date the code is valid, or <see langword="null"/> while it is active.</param>
/// <param name="ActionCode">ACTION CD: <c>A</c> added, <c>C</c> changed, <c>D</c> discontinued, <c>N</c> no change, <c>P</c> payment change, <c>R</c> reactivated, <c>S</c> short description changed, <c>B</c>/<c>F</c>/<c>T</c> other changes; a space when blank.</param>
/// <param name="CoverageCode">COV: <c>C</c> carrier judgment, <c>D</c> special coverage instructions, <c>I</c> not payable by Medicare, <c>M</c> non-covered by Medicare, <c>S</c> non-covered by Medicare statute; a space when blank.</param>
/// <param name="Betos">BETOS: the Berenson-Eggers type-of-service category, such as <c>M5D</c>; empty for modifiers.</param>
/// <param name="TypesOfService">TOS1–TOS5 concatenated, such as <c>1</c> or <c>PR</c>; empty for modifiers.</param>
/// <param name="CrossReferences">XREF1–XREF5 separated by spaces: the codes CMS points to, typically a terminated code's replacement.</param>
/// <param name="ShortDescription">The short description (HCPCS Level II descriptions are public).</param>
internal readonly record struct HcpcsCodeInfo(
    DateOnly? AddedOn,
    DateOnly? ActionEffectiveOn,
    DateOnly? TerminatedOn,
    char ActionCode,
    char CoverageCode,
    string Betos,
    string TypesOfService,
    string CrossReferences,
    string ShortDescription)
{
    /// <summary>Tells whether the code is valid on <paramref name="date"/>: on or after its add date and on or before its termination date.</summary>
    public bool IsActiveOn(DateOnly date) => (AddedOn is not { } added || added <= date) && (TerminatedOn is not { } terminated || date <= terminated);
}
