namespace ClaimScrubber.Rules;

/// <summary>
/// What a rule is: its stable id, family, default severity and disposition, the adjustment codes a payer
/// would likely send, and a one-line description. Findings carry the id; the catalogue documents it.
/// </summary>
/// <remarks>
/// Ids never change meaning once published; a retired rule's id is not reused.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class RuleDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The stable id, such as <c>DX001</c>.</param>
    /// <param name="family">The family.</param>
    /// <param name="title">A short title.</param>
    /// <param name="severity">The default severity.</param>
    /// <param name="disposition">The default disposition.</param>
    /// <param name="description">A one-line description of what the rule checks.</param>
    /// <param name="carc">The claim adjustment reason code a payer would likely send, or <see langword="null"/>.</param>
    /// <param name="rarc">The remittance advice remark code a payer would likely send, or <see langword="null"/>.</param>
    /// <param name="enabledByDefault">
    /// <see langword="false"/> for an opt-in rule that runs only when <see cref="ClaimScrubber.ScrubberOptions.EnabledRules"/> names it.
    /// </param>
    /// <param name="source">
    /// The policy or table the rule follows — a CMS manual chapter and section, an NCCI Policy Manual section, a CFR
    /// section, a table and its column — or <see langword="null"/> for a payer's own rule.
    /// </param>
    public RuleDescriptor(string id, RuleFamily family, string title, Severity severity, Disposition disposition, string description, string? carc = null, string? rarc = null, bool enabledByDefault = true, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Id = id;
        Family = family;
        Title = title;
        DefaultSeverity = severity;
        DefaultDisposition = disposition;
        Description = description;
        Carc = carc;
        Rarc = rarc;
        IsEnabledByDefault = enabledByDefault;
        Source = source;
    }

    /// <summary>
    /// Gets the policy or table the rule follows, such as <c>NCCI Policy Manual for Medicare Services, chapter I, §E</c>
    /// or <c>42 CFR 424.44</c>; every built-in rule names one. <see langword="null"/> for a rule that names none.
    /// </summary>
    public string? Source { get; }

    /// <summary>
    /// Gets a value indicating whether the rule runs unless disabled; an opt-in rule (such as a pricing note that
    /// would fire on most claims) runs only when <see cref="ClaimScrubber.ScrubberOptions.EnabledRules"/> names it.
    /// </summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>Gets the stable id, such as <c>DX001</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the family.</summary>
    public RuleFamily Family { get; }

    /// <summary>Gets a short title.</summary>
    public string Title { get; }

    /// <summary>Gets the default severity; options may override it.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Gets the default disposition.</summary>
    public Disposition DefaultDisposition { get; }

    /// <summary>Gets a one-line description of what the rule checks.</summary>
    public string Description { get; }

    /// <summary>Gets the claim adjustment reason code (CARC) a payer would likely send, or <see langword="null"/>.</summary>
    public string? Carc { get; }

    /// <summary>Gets the remittance advice remark code (RARC) a payer would likely send, or <see langword="null"/>.</summary>
    public string? Rarc { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Title}";
}
