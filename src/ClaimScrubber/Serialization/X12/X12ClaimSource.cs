using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Where a claim read from an 837 came from: its interchange, functional group and transaction set, its place in the
/// transaction, and the position of every segment that carried its elements, so that a finding's element path can be
/// turned into the loop, segment and element a biller looks for in the file (<see cref="Locate"/>).
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class X12ClaimSource
{
    private readonly X12Mark[] marks;
    private readonly bool patientLoop;

    internal X12ClaimSource(X12TransactionInfo transaction, int claimOrdinal, int segmentPosition, X12Mark[] marks, bool patientLoop)
    {
        Transaction = transaction;
        ClaimOrdinal = claimOrdinal;
        SegmentPosition = segmentPosition;
        this.marks = marks;
        this.patientLoop = patientLoop;
    }

    /// <summary>Gets the interchange control number (ISA13).</summary>
    public string InterchangeControlNumber => Transaction.Interchange;

    /// <summary>Gets the functional group control number (GS06).</summary>
    public string GroupControlNumber => Transaction.Group;

    /// <summary>Gets the transaction set control number (ST02).</summary>
    public string TransactionControlNumber => Transaction.ControlNumber;

    /// <summary>Gets the implementation guide the transaction declares (ST03, else GS08), such as <c>005010X222A1</c>.</summary>
    public string ImplementationGuide => Transaction.Guide;

    /// <summary>Gets the claim's 1-based position among the claims (CLM segments) of its transaction set.</summary>
    public int ClaimOrdinal { get; }

    /// <summary>Gets the 1-based position of the claim's CLM segment in its transaction set, counting ST as 1.</summary>
    public int SegmentPosition { get; }

    internal X12TransactionInfo Transaction { get; }

    internal X12Form Form => Transaction.Form ?? X12Form.Professional;

    /// <summary>
    /// Finds where an element of the claim is in the file: the element path of a finding or of an element error
    /// (<c>lines[2].modifiers[1]</c>, <c>diagnoses[3]</c>, <c>patient.birthDate</c>, <c>claim</c>).
    /// </summary>
    /// <param name="element">The element path.</param>
    /// <returns>
    /// The loop, segment and element, with the segment's position when the claim carries it; for a path no 837 element
    /// carries, the claim's CLM segment; <see langword="null"/> only for a null or empty path.
    /// </returns>
    public X12Location? Locate(string element)
    {
        if (string.IsNullOrEmpty(element))
        {
            return null;
        }

        var target = X12Map.Resolve(element, Form, patientLoop) ?? new X12Target(X12Role.Claim, 0, 0, 0, 0);
        var mark = Find(target);
        var hiElement = mark?.Element ?? 1;
        var text = X12Map.Describe(target, Form, hiElement);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return new X12Location(text[..space], text[(space + 1)..], mark?.Position);
    }

    private X12Mark? Find(X12Target target)
    {
        foreach (var mark in marks)
        {
            if (mark.Role == target.Role && mark.Line == target.Line && (target.Item == 0 || mark.Item == target.Item))
            {
                return mark;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"interchange {InterchangeControlNumber}, group {GroupControlNumber}, transaction {TransactionControlNumber}, claim {ClaimOrdinal} (segment {SegmentPosition})");
}

/// <summary>The envelope of one transaction set, shared by the sources of its claims.</summary>
internal sealed class X12TransactionInfo(string interchange, string group, string controlNumber, string guide, X12Form? form)
{
    public string Interchange { get; } = interchange;

    public string Group { get; } = group;

    public string ControlNumber { get; } = controlNumber;

    public string Guide { get; } = guide;

    public X12Form? Form { get; } = form;
}
