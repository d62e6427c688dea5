using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace ClaimScrubber.Internal;

/// <summary>Throw sites kept out of hot methods so that those stay small enough to inline.</summary>
[StackTraceHidden]
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowFormat(string message) => throw new FormatException(message);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName) => throw new ArgumentOutOfRangeException(paramName);
}
