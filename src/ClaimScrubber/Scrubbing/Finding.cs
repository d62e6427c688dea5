using System.Collections.Immutable;
using System.Text.Json;
using ClaimScrubber.Rules;

using ClaimScrubber.Scrubbing;

namespace ClaimScrubber;

/// <summary>
/// One problem found on a claim, in terms a biller can act on: which rule, how serious, where on the
/// claim, which codes, what is wrong, how to fix it, what the payer would likely send back, and which
/// table release decided it.
/// </summary>
/// <remarks>
/// Findings never carry patient data beyond the codes involved: no names, identifiers, dates of birth
/// or charges are echoed.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Finding
{
    // Each a string, or the parts a FindingText recorded, replaced by their text on first read (two threads reading at once
    // may both format it: they make equal strings, so whichever is kept is right).
    private object message;
    private object fixHint;

    internal Finding(RuleDescriptor rule, Severity severity, Disposition disposition, int? line, string element, ImmutableArray<string> codes, string message, string fixHint, string? carc, string? rarc, TableRelease? source)
        : this(rule, severity, disposition, line, element, codes, (object)message, fixHint, carc, rarc, source)
    {
    }

    internal Finding(RuleDescriptor rule, Severity severity, Disposition disposition, int? line, string element, ImmutableArray<string> codes, FindingText message, FindingText fixHint, string? carc, string? rarc, TableRelease? source)
        : this(rule, severity, disposition, line, element, codes, message.Recorded, fixHint.Recorded, carc, rarc, source)
    {
    }

    private Finding(RuleDescriptor rule, Severity severity, Disposition disposition, int? line, string element, ImmutableArray<string> codes, object message, object fixHint, string? carc, string? rarc, TableRelease? source)
    {
        Rule = rule;
        Severity = severity;
        Disposition = disposition;
        Line = line;
        Element = element;
        Codes = codes.IsDefault ? ImmutableArray<string>.Empty : codes;
        this.message = message;
        this.fixHint = fixHint;
        Carc = carc;
        Rarc = rarc;
        Source = source;
    }

    /// <summary>Gets the rule that reported the finding.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Gets the rule's stable id, such as <c>DX002</c>.</summary>
    public string RuleId => Rule.Id;

    /// <summary>Gets the rule's family.</summary>
    public RuleFamily Family => Rule.Family;

    /// <summary>Gets the severity after options were applied.</summary>
    public Severity Severity { get; }

    /// <summary>Gets what a payer would most likely do.</summary>
    public Disposition Disposition { get; }

    /// <summary>Gets the 1-based service line at fault, or <see langword="null"/> for a claim-level finding.</summary>
    public int? Line { get; }

    /// <summary>Gets the path of the claim element at fault, with 1-based indexes, such as <c>lines[2].modifiers[1]</c>.</summary>
    public string Element { get; }

    /// <summary>Gets the codes involved, as billed (normalised).</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>Gets a plain-language statement of the problem.</summary>
    public string Message => Text(ref message);

    /// <summary>Gets what to do about it.</summary>
    public string FixHint => Text(ref fixHint);

    /// <summary>Gets the claim adjustment reason code a payer would likely send, or <see langword="null"/>.</summary>
    public string? Carc { get; }

    /// <summary>Gets the remittance advice remark code a payer would likely send, or <see langword="null"/>.</summary>
    public string? Rarc { get; }

    /// <summary>Gets the table release that decided the finding, or <see langword="null"/> for structural findings.</summary>
    public TableRelease? Source { get; }

    /// <summary>Writes <see cref="Message"/> as a JSON string property, building no string when it has not been read.</summary>
    internal void WriteMessage(Utf8JsonWriter writer, JsonEncodedText name) => Write(message, writer, name);

    /// <summary>Writes <see cref="FixHint"/> as a JSON string property, building no string when it has not been read.</summary>
    internal void WriteFixHint(Utf8JsonWriter writer, JsonEncodedText name) => Write(fixHint, writer, name);

    private static string Text(ref object field)
    {
        var value = field;
        if (value is string text)
        {
            return text;
        }

        text = TextParts.ToString((TextPart[])value);
        field = text;
        return text;
    }

    private static void Write(object value, Utf8JsonWriter writer, JsonEncodedText name)
    {
        if (value is string text)
        {
            writer.WriteString(name, text);
        }
        else
        {
            TextParts.Write((TextPart[])value, writer, name);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Line is { } line
        ? $"{RuleId} {Severity} line {line} {Element}: {Message}"
        : $"{RuleId} {Severity} {Element}: {Message}";
}
