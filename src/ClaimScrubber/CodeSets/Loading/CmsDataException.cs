using System.Collections.Immutable;

namespace ClaimScrubber.CodeSets.Loading;

/// <summary>Thrown when CMS files cannot be read; names every file and line at fault.</summary>
public sealed class CmsDataException : Exception
{
    /// <summary>Creates the exception from the problems met.</summary>
    /// <param name="problems">The problems, errors first.</param>
    public CmsDataException(ImmutableArray<LoadProblem> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with its own opening sentence before the problems.</summary>
    internal CmsDataException(string opening, ImmutableArray<LoadProblem> problems)
        : base(FormatMessage(opening, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public CmsDataException()
        : this(ImmutableArray<LoadProblem>.Empty)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CmsDataException(string message)
        : base(message)
    {
        Problems = ImmutableArray<LoadProblem>.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CmsDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = ImmutableArray<LoadProblem>.Empty;
    }

    /// <summary>Gets the problems, each naming its file and line.</summary>
    public ImmutableArray<LoadProblem> Problems { get; }

    private static string FormatMessage(ImmutableArray<LoadProblem> problems) =>
        FormatMessage($"CMS data could not be loaded: {problems.Count(p => p.IsError)} error(s).", problems);

    private static string FormatMessage(string opening, ImmutableArray<LoadProblem> problems)
    {
        const int Shown = 20;
        var errors = problems.Where(p => p.IsError).ToList();
        var lines = errors.Take(Shown).Select(p => "  " + p);
        var more = errors.Count > Shown ? [$"  … and {errors.Count - Shown} more"] : Array.Empty<string>();
        return opening + Environment.NewLine + string.Join(Environment.NewLine, lines.Concat(more));
    }
}
