namespace ClaimScrubber.CodeSets;

/// <summary>
/// A table that knows which procedure codes their own definition limits to one sex or an age range (HCPCS Level II
/// descriptors such as screening cytopathology or prostate screening, maternity and newborn services). The
/// procedure demographic rules read it through <see cref="CodeSetIndex.Find{T}"/>.
/// </summary>
internal interface IProcedureDemographicSource
{
    /// <summary>Gets the release that decides, for findings to name.</summary>
    TableRelease DemographicRelease { get; }

    /// <summary>Finds the limits of <paramref name="code"/> on <paramref name="date"/>; allocates nothing.</summary>
    bool TryGetDemographics(ProcedureCode code, DateOnly date, out ProcedureDemographics demographics);
}

/// <summary>The demographic limits a procedure code's definition sets.</summary>
/// <param name="Sex">The only sex the procedure applies to, or <see cref="Sex.Unknown"/> for either.</param>
/// <param name="MinimumAge">The youngest age in whole years, or <see langword="null"/>.</param>
/// <param name="MaximumAge">The oldest age in whole years, or <see langword="null"/>.</param>
/// <param name="Reason">What in the definition sets the limit, such as <c>maternity</c> or <c>prostate screening</c>.</param>
internal readonly record struct ProcedureDemographics(Sex Sex, int? MinimumAge, int? MaximumAge, string Reason);
