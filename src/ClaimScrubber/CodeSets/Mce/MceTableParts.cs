namespace ClaimScrubber.CodeSets.Mce;

/// <summary>The diagnosis lists one MCE file gave, with the release they came from.</summary>
/// <param name="Release">The release (its effective dates are the dates the lists stand for).</param>
/// <param name="CodeYear">The fiscal year whose code set the lists are written in.</param>
/// <param name="Lists">The codes of each list.</param>
/// <param name="Removed">Codes the release's change chapter says it removed from a list, so they count before its effective date.</param>
/// <param name="Added">Codes the release's change chapter says it added to a list, so they count from its effective date.</param>
/// <param name="InactiveFrom">The date from which the manual says an edit was deactivated or discontinued.</param>
/// <param name="Procedures">What a definitions manual says about procedures and the claim's demographics, or <see langword="null"/>.</param>
internal sealed record MceReleasePart(
    TableRelease Release,
    int CodeYear,
    IReadOnlyDictionary<MceList, List<IcdCode>> Lists,
    IReadOnlyDictionary<MceList, List<IcdCode>> Removed,
    IReadOnlyDictionary<MceList, List<IcdCode>> Added,
    IReadOnlyDictionary<MceList, DateOnly> InactiveFrom,
    MceProcedureRelease? Procedures = null);

/// <summary>
/// Gathers the MCE files of a load and composes the <see cref="MceTable"/> when the index is built. A deactivation
/// date the definitions manual states (sex conflict, "deactivated as of 10/01/2024") applies to that list in every
/// release, including the older v41.1 lists that still carry it.
/// </summary>
internal sealed class MceTableParts
{
    private readonly List<MceReleasePart> parts = [];

    public static MceTableParts Of(CodeSetIndexBuilder builder) => builder.Part(() => new MceTableParts(), p => p.Finish(builder));

    public void Add(MceReleasePart part) => parts.Add(part);

    private void Finish(CodeSetIndexBuilder builder)
    {
        var inactive = new Dictionary<MceList, DateOnly>();
        foreach (var part in parts.OrderBy(p => p.Release.EffectiveFrom ?? DateOnly.MinValue))
        {
            foreach (var (list, date) in part.InactiveFrom)
            {
                inactive[list] = date;
            }
        }

        var versions = new List<MceListVersion>();
        foreach (var part in parts)
        {
            foreach (var (list, codes) in part.Lists)
            {
                versions.Add(new MceListVersion(
                    list,
                    part.Release,
                    part.CodeYear,
                    codes,
                    part.Removed.GetValueOrDefault(list),
                    part.Added.GetValueOrDefault(list),
                    inactive.TryGetValue(list, out var off) ? off : null));
            }
        }

        var sexEditOff = inactive.TryGetValue(MceList.FemaleOnly, out var sexOff) ? sexOff : (DateOnly?)null;
        builder.SetTable(new MceTable(versions, parts.Select(p => p.Procedures).OfType<MceProcedureRelease>(), sexEditOff));
    }
}
