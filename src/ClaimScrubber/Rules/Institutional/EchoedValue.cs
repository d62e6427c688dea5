namespace ClaimScrubber.Rules.Institutional;

/// <summary>Cuts a malformed value a message echoes to <see cref="ClaimLimits.MaxEchoedValueLength"/> characters, marking the cut.</summary>
internal static class EchoedValue
{
    public static string Of(string text) => text.Length <= ClaimLimits.MaxEchoedValueLength ? text : string.Concat(text.AsSpan(0, ClaimLimits.MaxEchoedValueLength - 1), "…");
}
