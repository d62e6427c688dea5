using System.Globalization;
using System.Text;

namespace ClaimScrubber.Rules;

/// <summary>
/// Names a set of claim lines in a message — "line 3", "lines 1 and 3", "lines 1, 3 and 5" — and cuts a long set short,
/// so that a finding about many lines stays one readable sentence whatever the claim's size.
/// </summary>
internal static class LineList
{
    /// <summary>The most line numbers a message spells out; the rest are counted.</summary>
    public const int MaxShown = 10;

    /// <summary>Names the 1-based <paramref name="lines"/>, in the order given.</summary>
    public static string Describe(IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        Append(text, lines);
        return text.ToString();
    }

    /// <summary>Appends the names of the 1-based <paramref name="lines"/> to <paramref name="text"/>.</summary>
    public static void Append(StringBuilder text, IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Span<int> shown = stackalloc int[Math.Min(lines.Count, MaxShown)];
        for (var i = 0; i < shown.Length; i++)
        {
            shown[i] = lines[i];
        }

        Append(text, shown, lines.Count);
    }

    /// <summary>Appends the names of <paramref name="total"/> lines of which <paramref name="shown"/> are the first (at most <see cref="MaxShown"/>).</summary>
    public static void Append(StringBuilder text, ReadOnlySpan<int> shown, int total)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.InvariantCulture;
        if (total == 1)
        {
            text.Append(culture, $"line {shown[0]}");
            return;
        }

        text.Append("lines ");
        if (total > MaxShown)
        {
            for (var i = 0; i < MaxShown; i++)
            {
                text.Append(culture, $"{shown[i]}, ");
            }

            text.Append(culture, $"and {total - MaxShown} more ({total} in all)");
            return;
        }

        for (var i = 0; i < total; i++)
        {
            text.Append(i == 0 ? string.Empty : i == total - 1 ? " and " : ", ").Append(shown[i]);
        }
    }
}
