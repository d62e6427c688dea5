namespace ClaimScrubber.Service;

/// <summary>The service's log messages.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Envelope fault in a request's 837 (its claims were read): {Fault}")]
    public static partial void EnvelopeError(ILogger logger, string fault);
}
