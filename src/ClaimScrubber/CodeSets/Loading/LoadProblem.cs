namespace ClaimScrubber.CodeSets.Loading;

/// <summary>A problem met while loading CMS files: which file, which line, what, and whether data was lost.</summary>
/// <param name="File">The file name, relative to the loaded folder.</param>
/// <param name="Line">The 1-based line (or spreadsheet row), or <see langword="null"/> for the file as a whole.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="IsError">
/// <see langword="true"/> when data could not be loaded (a row or a file was refused); <see langword="false"/> for a
/// warning that lost nothing (a file not recognised, a duplicate release skipped).
/// </param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record LoadProblem(string File, int? Line, string Message, bool IsError)
{
    /// <inheritdoc/>
    public override string ToString() => Line is { } line
        ? $"{(IsError ? "error" : "warning")}: {File}:{line}: {Message}"
        : $"{(IsError ? "error" : "warning")}: {File}: {Message}";
}
