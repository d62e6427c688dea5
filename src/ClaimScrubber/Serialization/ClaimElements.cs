using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.Claims;
using ClaimScrubber.Codes;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Collects the element errors of one input claim, and turns element text into claim values the same way for every
/// input format (JSON, CSV): blank text is a missing element, which the structure rules report; text that can
/// never be a value of the element is an error.
/// </summary>
internal sealed class ClaimElements
{
    internal const string DateFormat = "yyyy-MM-dd";

    private readonly List<ClaimElementError> errors = [];

    public ClaimElements(int? sourceLine) => SourceLine = sourceLine;

    /// <summary>Gets or sets the input line errors are attributed to; CSV readers move it row by row.</summary>
    public int? SourceLine { get; set; }

    public int Count => errors.Count;

    public void Error(string element, int? serviceLine, string message, string? code = null) =>
        errors.Add(new ClaimElementError(element, message, serviceLine, SourceLine, code));

    public void AddRange(IEnumerable<ClaimElementError> more) => errors.AddRange(more);

    /// <summary>The claim's result: unreadable when any error was collected, else the claim <paramref name="build"/> makes.</summary>
    public ClaimReadResult Result(int ordinal, int? sourceLine, string? claimId, bool claimIdUnreadable, Func<Claim> build)
    {
        if (errors.Count > 0)
        {
            return Unreadable(ordinal, sourceLine, claimIdUnreadable ? null : claimId);
        }

        var claim = build();
        return new ClaimReadResult(ordinal, sourceLine, claim.ClaimId, claim, ImmutableArray<ClaimElementError>.Empty);
    }

    /// <summary>The result of a claim that could not be read, under its id or, when that is unknown, its placeholder.</summary>
    public ClaimReadResult Unreadable(int ordinal, int? sourceLine, string? claimId)
    {
        var id = string.IsNullOrWhiteSpace(claimId) ? ClaimReadResult.Placeholder(ordinal) : claimId.Trim();
        return new ClaimReadResult(ordinal, sourceLine, id, null, [.. errors]);
    }

    public IcdCode? Diagnosis(string? text, string element)
    {
        if (IsBlank(text))
        {
            // A blank entry inside the diagnosis list would shift every pointer after it.
            Error(element, null, "The diagnosis is empty; remove the entry or give the ICD-10-CM code.");
            return null;
        }

        if (IcdCode.TryParse(text, out var code))
        {
            return code;
        }

        Error(element, null, ParseProblem(IcdCode.Parse, text), text.Trim());
        return null;
    }

    public ProcedureCode? Procedure(string? text, string element, int? line)
    {
        if (IsBlank(text))
        {
            return null;
        }

        if (ProcedureCode.TryParse(text, out var code))
        {
            return code;
        }

        Error(element, line, ParseProblem(ProcedureCode.Parse, text), text.Trim());
        return null;
    }

    public ModifierCode? Modifier(string? text, string element, int? line)
    {
        if (IsBlank(text))
        {
            Error(element, line, "The modifier is empty; remove the entry or give the two-character modifier.");
            return null;
        }

        if (ModifierCode.TryParse(text, out var code))
        {
            return code;
        }

        Error(element, line, ParseProblem(ModifierCode.Parse, text), text.Trim());
        return null;
    }

    public Npi? NpiOf(string? text, string element, int? line)
    {
        if (IsBlank(text))
        {
            return null;
        }

        if (Npi.TryParse(text, out var npi))
        {
            return npi;
        }

        Error(element, line, ParseProblem(Npi.Parse, text), text.Trim());
        return null;
    }

    public PlaceOfServiceCode? PlaceOfService(string? text, string element, int? line)
    {
        if (IsBlank(text))
        {
            return null;
        }

        if (PlaceOfServiceCode.TryParse(text, out var code))
        {
            return code;
        }

        Error(element, line, ParseProblem(PlaceOfServiceCode.Parse, text), text.Trim());
        return null;
    }

    /// <summary>Parses an ISO date; the text is not echoed, since dates of birth and service are patient data.</summary>
    public DateOnly? Date(string? text, string element, int? line)
    {
        if (IsBlank(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(element, line, "The date is not a calendar date in the form yyyy-MM-dd.");
        return null;
    }

    public ClaimSetting Setting(string? text, string element)
    {
        if (IsBlank(text))
        {
            return ClaimSetting.Professional;
        }

        var trimmed = text.Trim();
        if (trimmed.Equals("professional", StringComparison.OrdinalIgnoreCase))
        {
            return ClaimSetting.Professional;
        }

        if (trimmed.Equals("outpatientHospital", StringComparison.OrdinalIgnoreCase))
        {
            return ClaimSetting.OutpatientHospital;
        }

        if (trimmed.Equals("inpatient", StringComparison.OrdinalIgnoreCase))
        {
            return ClaimSetting.Inpatient;
        }

        Error(element, null, $"'{trimmed}' is not a claim setting: expected professional, outpatientHospital or inpatient.");
        return ClaimSetting.Professional;
    }

    public Sex SexOf(string? text, string element)
    {
        if (IsBlank(text))
        {
            return Sex.Unknown;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "F":
                return Sex.Female;
            case "M":
                return Sex.Male;
            case "U":
                return Sex.Unknown;
            default:
                Error(element, null, "The sex is not F, M or U.");
                return Sex.Unknown;
        }
    }

    /// <summary>Parses a decimal written with a dot, as CSV cells carry units and charges; the text is not echoed.</summary>
    public decimal? Decimal(string? text, string element, int? line)
    {
        if (IsBlank(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(element, line, "The value is not a number (digits with an optional sign and decimal point).");
        return null;
    }

    public int? Pointer(string? text, string element, int line)
    {
        if (int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(element, line, "The diagnosis pointer is not a whole number.");
        return null;
    }

    /// <summary>
    /// The most entries a line's modifier or pointer list may hold and still be read. The claim form carries 4 of each;
    /// more are read so that the rules (MOD004, LNK014) report them with their own fix, and only a count no claim
    /// could hold is refused here.
    /// </summary>
    public const int MaxLineListEntries = 99;

    /// <summary>Reports the entries a list holds beyond what any claim could, at the first position too many.</summary>
    public bool WithinLimit(int count, string listName, Func<int, string> pathOf, int line)
    {
        if (count <= MaxLineListEntries)
        {
            return true;
        }

        Error(pathOf(MaxLineListEntries + 1), line, string.Create(CultureInfo.InvariantCulture, $"The line has {count} {listName}; more than {MaxLineListEntries} cannot be a claim's."));
        return false;
    }

    private static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text) => string.IsNullOrWhiteSpace(text);

    // The code types word their own format errors; asking them again keeps one wording per code type.
    internal static string ParseProblem<T>(Func<string, T> parse, string text)
    {
        try
        {
            parse(text);
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }

        return $"'{text}' is not valid here.";
    }
}
