using System.Collections.Immutable;

namespace ClaimScrubber;

/// <summary>Thrown when a <see cref="Scrubber"/> is built from options that are not valid; lists every problem.</summary>
public sealed class ScrubberOptionsException : Exception
{
    /// <summary>Creates the exception with its problems.</summary>
    /// <param name="problems">Every problem found, one sentence each.</param>
    public ScrubberOptionsException(ImmutableArray<string> problems)
        : base("The scrubber options are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public ScrubberOptionsException()
        : this(ImmutableArray<string>.Empty)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ScrubberOptionsException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScrubberOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Gets every problem found, one sentence each.</summary>
    public ImmutableArray<string> Problems { get; }
}
