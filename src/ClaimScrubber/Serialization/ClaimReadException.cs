namespace ClaimScrubber.Serialization;

/// <summary>
/// Thrown when a claims file cannot be read any further: JSON that is not well formed, a CSV header that is not the
/// documented one. The message names the input, line and position.
/// </summary>
public sealed class ClaimReadException : Exception
{
    /// <summary>Creates the exception for a place in an input.</summary>
    /// <param name="source">The input's name (a file name), or <see langword="null"/>.</param>
    /// <param name="line">The 1-based line, or <see langword="null"/>.</param>
    /// <param name="position">The 1-based byte position in the line, or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public ClaimReadException(string? source, int? line, int? position, string problem, Exception? innerException = null)
        : base(Describe(source, line, position, problem), innerException)
    {
        InputName = source;
        LineNumber = line;
        Position = position;
    }

    /// <summary>Creates the exception.</summary>
    public ClaimReadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ClaimReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ClaimReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the name of the input (a file name), or <see langword="null"/>.</summary>
    public string? InputName { get; }

    /// <summary>Gets the 1-based line at fault, or <see langword="null"/>.</summary>
    public int? LineNumber { get; }

    /// <summary>Gets the 1-based byte position in <see cref="LineNumber"/>, or <see langword="null"/>.</summary>
    public int? Position { get; }

    private static string Describe(string? source, int? line, int? position, string problem)
    {
        var where = source ?? "input";
        if (line is { } l)
        {
            where += position is { } p
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $":{l}:{p}")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $":{l}");
        }

        return $"{where}: {problem}";
    }
}
