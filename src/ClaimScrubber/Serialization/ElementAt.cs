using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Where an element sits in a claim, kept as numbers so that reading a clean claim builds no path text: the path
/// (<see cref="ElementPath"/>) is written only when an error names it.
/// </summary>
internal readonly struct ElementAt
{
    private readonly string member;
    private readonly int index;
    private readonly string? sub;

    private ElementAt(string member, int line, int index, string? sub = null)
    {
        this.member = member;
        ServiceLine = line;
        this.index = index;
        this.sub = sub;
    }

    /// <summary>Gets the 1-based service line the element belongs to, or 0 for a claim-level element.</summary>
    public int ServiceLine { get; }

    /// <summary>Gets the service line as an error reports it: <see langword="null"/> for a claim-level element.</summary>
    public int? Line => ServiceLine == 0 ? null : ServiceLine;

    /// <summary>Gets the element path, such as <c>lines[2].modifiers[1]</c>.</summary>
    public string Path => (member, ServiceLine, index) switch
    {
        ("diagnoses", 0, > 0) => ElementPath.Diagnosis(index),
        (_, 0, > 0) => sub is null
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{member}[{index}]")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{member}[{index}].{sub}"),
        (_, 0, _) => member,
        ("modifiers", _, > 0) => ElementPath.LineModifier(ServiceLine, index),
        ("diagnosisPointers", _, > 0) => ElementPath.LinePointer(ServiceLine, index),
        ("", _, _) => ElementPath.Line(ServiceLine),
        _ => ElementPath.LineMember(ServiceLine, member),
    };

    /// <summary>A claim-level element, such as <c>billingNpi</c> or <c>patient.sex</c>.</summary>
    public static ElementAt Claim(string path) => new(path, 0, 0);

    /// <summary>The claim's diagnosis at 1-based <paramref name="position"/>.</summary>
    public static ElementAt Diagnosis(int position) => new("diagnoses", 0, position);

    /// <summary>Item <paramref name="index"/> (1-based) of a claim-level list, or a member of it: <c>conditionCodes[2]</c>, <c>pcsProcedures[1].date</c>.</summary>
    public static ElementAt Item(string list, int index, string? member = null) => new(list, 0, index, member);

    /// <summary>Service line <paramref name="line"/> as a whole.</summary>
    public static ElementAt WholeLine(int line) => new(string.Empty, line, 0);

    /// <summary>A member of service line <paramref name="line"/>, such as <c>units</c>.</summary>
    public static ElementAt LineMember(int line, string member) => new(member, line, 0);

    /// <summary>The modifier at 1-based <paramref name="position"/> of service line <paramref name="line"/>.</summary>
    public static ElementAt Modifier(int line, int position) => new("modifiers", line, position);

    /// <summary>The diagnosis pointer at 1-based <paramref name="position"/> of service line <paramref name="line"/>.</summary>
    public static ElementAt Pointer(int line, int position) => new("diagnosisPointers", line, position);

    /// <inheritdoc/>
    public override string ToString() => Path;
}
