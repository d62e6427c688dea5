using System.Collections.Immutable;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using ClaimScrubber.Rules;

namespace ClaimScrubber.Scrubbing;

/// <summary>
/// The claim a rule is checking, the index it was built on, and the sink its findings go to. One context per
/// thread is reused from claim to claim, so a rule must not keep a reference to it after
/// <see cref="IClaimRule.Evaluate"/> returns.
/// </summary>
public sealed class ScrubContext
{
    private readonly List<Finding> findings = new(16);
    private readonly GroupBuffers[] groupBuffers = [new(), new(), new(), new()];

    // Room for the longest usual finding text in one chunk, so that emptying it never reallocates.
    private readonly StringBuilder textBuilder = new(2048);
    private Scrubber? scrubber;
    private Claim? claim;

    internal ScrubContext()
    {
    }

    /// <summary>Gets the claim under scrutiny.</summary>
    public Claim Claim => claim!;

    /// <summary>Gets the code-set index the scrubber was built on.</summary>
    public CodeSetIndex Index => scrubber!.Index;

    /// <summary>Gets the scrubber's options.</summary>
    public ScrubberOptions Options => scrubber!.Options;

    /// <summary>Gets the date that counts as today for this claim.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Gets what the loaded tables say of the claim's codes, each family looked up once per claim on first ask.</summary>
    internal Rules.Facts.ClaimFacts Facts { get; } = new();

    /// <summary>Gets how many findings have been reported for this claim so far.</summary>
    public int FindingCount => findings.Count;

    internal bool InUse { get; private set; }

    /// <summary>Tells whether <paramref name="rule"/> is on; check it before building an expensive message.</summary>
    /// <param name="rule">A rule of the calling check.</param>
    /// <returns><see langword="true"/> when findings of the rule will be kept.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(RuleDescriptor rule) => scrubber!.Settings.IsEnabled(rule);

    /// <summary>Reports a finding.</summary>
    /// <remarks>
    /// The message and fix hint are usually interpolated strings: they bind to <see cref="FindingText"/>, which keeps their
    /// parts and formats them (with the invariant culture) only when the finding's text is read. A string converts to it.
    /// </remarks>
    /// <param name="rule">The rule that found it.</param>
    /// <param name="line">The 1-based service line, or <see langword="null"/> for a claim-level finding.</param>
    /// <param name="element">The element path, such as <c>lines[2].modifiers[1]</c> (see <see cref="ElementPath"/>).</param>
    /// <param name="message">What is wrong, in plain language, naming the codes involved but no patient data.</param>
    /// <param name="fixHint">What to do about it.</param>
    /// <param name="codes">The codes involved.</param>
    /// <param name="source">The table release that decided it, or <see langword="null"/> for structural findings.</param>
    /// <param name="carc">A CARC that replaces the rule's default for this finding, or <see langword="null"/>.</param>
    /// <param name="rarc">A RARC that replaces the rule's default for this finding, or <see langword="null"/>.</param>
#pragma warning disable RS0026 // Two overloads with optional parameters: the priority below makes every call bind to the FindingText one.
    public void Report(RuleDescriptor rule, int? line, string element, FindingText message, FindingText fixHint, ImmutableArray<string> codes = default, TableRelease? source = null, string? carc = null, string? rarc = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var settings = scrubber!.Settings;
        if (!settings.IsEnabled(rule))
        {
            return;
        }

        findings.Add(new Finding(rule, settings.SeverityOf(rule), rule.DefaultDisposition, line, element, codes, message, fixHint, carc ?? rule.Carc, rarc ?? rule.Rarc, source));
    }

    /// <summary>Reports a finding whose message and fix hint are strings.</summary>
    /// <remarks>
    /// Kept for rules compiled against earlier versions; new code binds to the <see cref="FindingText"/> overload, which takes
    /// strings as well as interpolated strings.
    /// </remarks>
    /// <param name="rule">The rule that found it.</param>
    /// <param name="line">The 1-based service line, or <see langword="null"/> for a claim-level finding.</param>
    /// <param name="element">The element path, such as <c>lines[2].modifiers[1]</c> (see <see cref="ElementPath"/>).</param>
    /// <param name="message">What is wrong, in plain language, naming the codes involved but no patient data.</param>
    /// <param name="fixHint">What to do about it.</param>
    /// <param name="codes">The codes involved.</param>
    /// <param name="source">The table release that decided it, or <see langword="null"/> for structural findings.</param>
    /// <param name="carc">A CARC that replaces the rule's default for this finding, or <see langword="null"/>.</param>
    /// <param name="rarc">A RARC that replaces the rule's default for this finding, or <see langword="null"/>.</param>
    [OverloadResolutionPriority(-1)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Report(RuleDescriptor rule, int? line, string element, string message, string fixHint, ImmutableArray<string> codes = default, TableRelease? source = null, string? carc = null, string? rarc = null) =>
        Report(rule, line, element, (FindingText)message, (FindingText)fixHint, codes, source, carc, rarc);
#pragma warning restore RS0026

    /// <summary>
    /// Reports a finding whatever the options say of its rule (at the severity they give it): for what stops a claim from
    /// being scrubbed, which must never look clean.
    /// </summary>
    internal void ReportAlways(RuleDescriptor rule, int? line, string element, FindingText message, FindingText fixHint, ImmutableArray<string> codes = default, string? rarc = null)
    {
        var settings = scrubber!.Settings;
        findings.Add(new Finding(rule, settings.SeverityOf(rule), rule.DefaultDisposition, line, element, codes, message, fixHint, rule.Carc, rarc ?? rule.Rarc, null));
    }

    /// <summary>
    /// Gets the claim's lines grouped by date, code and, on request, rendering provider and modifiers, worked out once per
    /// claim into buffers the context keeps, for the checks that compare lines of a date.
    /// </summary>
    internal Rules.LineGroups LineGroups(bool byProvider, bool byModifiers = false)
    {
        var buffers = groupBuffers[(byProvider ? 1 : 0) + (byModifiers ? 2 : 0)];
        var lines = claim!.Lines.Length;
        if (buffers.Claim != claim)
        {
            if (buffers.GroupOf.Length < lines)
            {
                buffers.Keys = new Rules.LineKey[Math.Max(lines, 2 * buffers.GroupOf.Length)];
                buffers.GroupOf = new int[buffers.Keys.Length];
                buffers.Next = new int[buffers.Keys.Length];
                buffers.Size = new int[buffers.Keys.Length];
            }

            buffers.Count = Rules.LineGroups.Build(claim, byProvider, byModifiers, buffers.Keys, buffers.GroupOf, buffers.Next, buffers.Size);
            buffers.Claim = claim;
        }

        return new Rules.LineGroups(buffers.Keys.AsSpan(0, buffers.Count), buffers.GroupOf.AsSpan(0, lines), buffers.Next.AsSpan(0, lines), buffers.Size.AsSpan(0, lines));
    }

    /// <summary>
    /// Gets the thread's builder for a finding's text, emptied: a message assembled piece by piece (a list of codes and
    /// lines) reuses its room instead of growing a new builder per finding. Use it for one text at a time.
    /// </summary>
    internal StringBuilder TextBuilder() => textBuilder.Clear();

    internal void Begin(Scrubber owner, Claim claimToScrub, DateOnly today)
    {
        InUse = true;
        scrubber = owner;
        claim = claimToScrub;
        Today = today;
        Facts.Bind(owner.FactTables, claimToScrub);
    }

    internal ScrubResult Complete()
    {
        var result = findings.Count == 0
            ? new ScrubResult(claim!.ClaimId, ImmutableArray<Finding>.Empty)
            : new ScrubResult(claim!.ClaimId, [.. findings]);
        findings.Clear();
        foreach (var buffers in groupBuffers)
        {
            buffers.Claim = null;
        }

        claim = null;
        scrubber = null;
        Facts.Unbind();
        InUse = false;
        return result;
    }

    /// <summary>The buffers of one kind of <see cref="Rules.LineGroups"/>, and the claim they were worked out for.</summary>
    private sealed class GroupBuffers
    {
        public Claim? Claim { get; set; }

        public Rules.LineKey[] Keys { get; set; } = [];

        public int[] GroupOf { get; set; } = [];

        public int[] Next { get; set; } = [];

        public int[] Size { get; set; } = [];

        public int Count { get; set; }
    }
}
