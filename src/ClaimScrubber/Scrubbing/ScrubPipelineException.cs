using System.Globalization;

namespace ClaimScrubber;

/// <summary>
/// Thrown by a <see cref="ScrubPipeline"/>'s results when scrubbing one claim failed (a rule threw): every result
/// before that claim has been handed out, in input order, and none after it is.
/// </summary>
public sealed class ScrubPipelineException : Exception
{
    /// <summary>Creates the exception for the claim at <paramref name="position"/>.</summary>
    /// <param name="position">The claim's 1-based position in the stream.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="innerException">What scrubbing the claim threw.</param>
    public ScrubPipelineException(long position, string claimId, Exception innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"Scrubbing claim '{claimId}' (claim {position} of the stream) failed: {innerException?.GetType().Name}: {innerException?.Message}"), innerException)
    {
        Position = position;
        ClaimId = claimId;
    }

    /// <summary>Creates the exception.</summary>
    public ScrubPipelineException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ScrubPipelineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScrubPipelineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the 1-based position in the stream of the claim that could not be scrubbed, or 0 when unknown.</summary>
    public long Position { get; }

    /// <summary>Gets the id of the claim that could not be scrubbed, or <see langword="null"/> when unknown.</summary>
    public string? ClaimId { get; }
}
