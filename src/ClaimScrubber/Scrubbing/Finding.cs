using System.Collections.Immutable;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Rules;

namespace ClaimScrubber.Scrubbing;

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
    internal Finding(RuleDescriptor rule, Severity severity, Disposition disposition, int? line, string element, ImmutableArray<string> codes, string message, string fixHint, string? carc, string? rarc, TableRelease? source)
    {
        Rule = rule;
        Severity = severity;
        Disposition = disposition;
        Line = line;
        Element = element;
        Codes = codes.IsDefault ? ImmutableArray<string>.Empty : codes;
        Message = message;
        FixHint = fixHint;
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
    public string Message { get; }

    /// <summary>Gets what to do about it.</summary>
    public string FixHint { get; }

    /// <summary>Gets the claim adjustment reason code a payer would likely send, or <see langword="null"/>.</summary>
    public string? Carc { get; }

    /// <summary>Gets the remittance advice remark code a payer would likely send, or <see langword="null"/>.</summary>
    public string? Rarc { get; }

    /// <summary>Gets the table release that decided the finding, or <see langword="null"/> for structural findings.</summary>
    public TableRelease? Source { get; }

    /// <inheritdoc/>
    public override string ToString() => Line is { } line
        ? $"{RuleId} {Severity} line {line} {Element}: {Message}"
        : $"{RuleId} {Severity} {Element}: {Message}";
}
