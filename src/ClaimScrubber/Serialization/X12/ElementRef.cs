using System.Globalization;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// An element path that is formatted only when an error needs it, so that reading a clean claim builds no path
/// strings: a claim-level path (<c>billingNpi</c>), a list item (<c>diagnoses[3]</c>, <c>valueCodes[2].amount</c>) or a
/// line member (<c>lines[2].modifiers[1]</c>), spelled as <see cref="ElementPath"/> spells them.
/// </summary>
internal readonly struct ElementRef
{
    private readonly string? name;
    private readonly int line;
    private readonly int item;
    private readonly string? member;

    private ElementRef(string? name, int line, int item, string? member)
    {
        this.name = name;
        this.line = line;
        this.item = item;
        this.member = member;
    }

    public static implicit operator ElementRef(string path) => new(path, 0, 0, null);

    /// <summary><c>lines[n]</c>, <c>lines[n].member</c> or <c>lines[n].member[item]</c>.</summary>
    public static ElementRef Line(int line, string? member = null, int item = 0) => new(null, line, item, member);

    /// <summary><c>list[item]</c> or <c>list[item].member</c>.</summary>
    public static ElementRef Item(string list, int item, string? member = null) => new(list, 0, item, member);

    public override string ToString()
    {
        if (name is not null)
        {
            return item <= 0 ? name
                : member is null ? string.Create(CultureInfo.InvariantCulture, $"{name}[{item}]")
                : string.Create(CultureInfo.InvariantCulture, $"{name}[{item}].{member}");
        }

        return member is null ? ElementPath.Line(line)
            : item <= 0 ? ElementPath.LineMember(line, member)
            : member == "modifiers" ? ElementPath.LineModifier(line, item)
            : member == "diagnosisPointers" ? ElementPath.LinePointer(line, item)
            : string.Create(CultureInfo.InvariantCulture, $"{ElementPath.LineMember(line, member)}[{item}]");
    }
}
