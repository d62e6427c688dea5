using System.Globalization;

namespace ClaimScrubber.Scrubbing;

/// <summary>Builds the element paths findings use, with 1-based indexes as billers count lines and positions.</summary>
public static class ElementPath
{
    private static readonly string[] LinePaths = [.. Enumerable.Range(1, 50).Select(i => string.Create(CultureInfo.InvariantCulture, $"lines[{i}]"))];

    /// <summary>The claim as a whole.</summary>
    public const string Claim = "claim";

    /// <summary>Returns <c>lines[n]</c>.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <returns>The path.</returns>
    public static string Line(int line) => line >= 1 && line <= LinePaths.Length ? LinePaths[line - 1] : string.Create(CultureInfo.InvariantCulture, $"lines[{line}]");

    /// <summary>Returns <c>lines[n].member</c>.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="member">The camelCase member name, such as <c>procedureCode</c>.</param>
    /// <returns>The path.</returns>
    public static string LineMember(int line, string member) => string.Concat(Line(line), ".", member);

    /// <summary>Returns <c>lines[n].modifiers[m]</c>.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="modifier">The 1-based modifier position.</param>
    /// <returns>The path.</returns>
    public static string LineModifier(int line, int modifier) => string.Create(CultureInfo.InvariantCulture, $"{Line(line)}.modifiers[{modifier}]");

    /// <summary>Returns <c>lines[n].diagnosisPointers[p]</c>.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="position">The 1-based pointer position.</param>
    /// <returns>The path.</returns>
    public static string LinePointer(int line, int position) => string.Create(CultureInfo.InvariantCulture, $"{Line(line)}.diagnosisPointers[{position}]");

    /// <summary>Returns <c>diagnoses[n]</c>.</summary>
    /// <param name="diagnosis">The 1-based diagnosis position.</param>
    /// <returns>The path.</returns>
    public static string Diagnosis(int diagnosis) => string.Create(CultureInfo.InvariantCulture, $"diagnoses[{diagnosis}]");
}
