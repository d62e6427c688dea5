namespace ClaimScrubber;

/// <summary>
/// Where a loaded table came from: which CMS table, which release (quarter, fiscal year or version),
/// the file it was read from, the dates it is effective for, and how many rows it holds.
/// Every finding names the release it was decided by.
/// </summary>
/// <param name="Table">The table's name, such as <c>ICD-10-CM order file</c>.</param>
/// <param name="Release">The release, such as <c>FY2026</c>, <c>2025 Q4</c> or <c>v43.1</c>.</param>
/// <param name="SourceFile">The file name (not the path) the table was read from.</param>
/// <param name="EffectiveFrom">The first date the release applies to, or <see langword="null"/> when unbounded.</param>
/// <param name="EffectiveTo">The last date the release applies to, or <see langword="null"/> when open-ended.</param>
/// <param name="RowCount">How many data rows were loaded.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TableRelease(string Table, string Release, string SourceFile, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, int RowCount)
{
    /// <summary>Returns the text findings use to name their source, such as <c>ICD-10-CM order file FY2026 (icd10cm_order_2026.txt)</c>.</summary>
    /// <returns>The table, release and file.</returns>
    public override string ToString() => $"{Table} {Release} ({SourceFile})";
}
