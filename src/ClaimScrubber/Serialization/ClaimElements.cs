using System.Collections.Immutable;
using System.Globalization;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Collects the element errors of one input claim, and turns element text into claim values the same way for every
/// input format (JSON, CSV): blank text is a missing element, which the structure rules report; text that can
/// never be a value of the element, or a value beyond what an 837 carries (<see cref="ClaimLimits"/>), is an error.
/// </summary>
/// <remarks>Text arrives as spans, so a clean claim's codes, dates and settings are read without a string.</remarks>
internal sealed class ClaimElements
{
    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The most entries a line's modifier or pointer list may hold and still be read. The claim form carries 4 of each;
    /// more are read so that the rules (MOD004, LNK014) report them with their own fix, and only a count no claim
    /// could hold is refused here.
    /// </summary>
    public const int MaxLineListEntries = 99;

    private const string CutMark = "…";

    private readonly List<ClaimElementError> errors = [];

    public ClaimElements(int? sourceLine) => SourceLine = sourceLine;

    /// <summary>Gets or sets the input line errors are attributed to; CSV readers move it row by row.</summary>
    public int? SourceLine { get; set; }

    public int Count => errors.Count;

    /// <summary>Forgets the errors of the previous claim, so that one collector serves a whole input.</summary>
    public void Reset(int? sourceLine)
    {
        errors.Clear();
        SourceLine = sourceLine;
    }

    public void Error(ElementAt at, string message, string? code = null) =>
        errors.Add(new ClaimElementError(at.Path, message, at.Line, SourceLine, code));

    /// <summary>
    /// The claim's result: unreadable, under its id when that could be read, when any error was collected; else the
    /// claim made of <paramref name="parts"/>, <paramref name="diagnoses"/> and <paramref name="lines"/>.
    /// </summary>
    public ClaimReadResult Result(int ordinal, int sourceLine, in ClaimParts parts, ImmutableArray<IcdCode> diagnoses, ImmutableArray<ServiceLine> lines)
    {
        if (errors.Count > 0)
        {
            return Unreadable(ordinal, sourceLine, parts.ClaimIdUnreadable ? null : parts.ClaimId);
        }

        var x = parts.Extension;
        var claim = new Claim
        {
            ClaimId = parts.ClaimId ?? string.Empty,
            Setting = parts.Setting,
            Patient = new Patient { BirthDate = parts.BirthDate, Sex = parts.Sex },
            BillingNpi = parts.BillingNpi,
            RenderingNpi = parts.RenderingNpi,
            PlaceOfService = parts.PlaceOfService,
            FrequencyCode = parts.FrequencyCode,
            DischargeDate = parts.DischargeDate,
            Diagnoses = diagnoses,
            Lines = lines,
            TypeOfBill = x?.TypeOfBill,
            AdmissionDate = x?.AdmissionDate,
            AdmissionHour = x?.AdmissionHour,
            AdmissionType = x?.AdmissionType,
            AdmissionSource = x?.AdmissionSource,
            DischargeStatus = x?.DischargeStatus,
            StatementFrom = x?.StatementFrom,
            StatementThrough = x?.StatementThrough,
            PresentOnAdmission = ClaimExtension.Immutable(x?.PresentOnAdmission),
            AdmittingDiagnosis = x?.AdmittingDiagnosis,
            ReasonForVisitDiagnoses = ClaimExtension.Immutable(x?.ReasonForVisitDiagnoses),
            ExternalCauseDiagnoses = ClaimExtension.Immutable(x?.ExternalCauseDiagnoses),
            ExternalCausePresentOnAdmission = ClaimExtension.Immutable(x?.ExternalCausePresentOnAdmission),
            PcsProcedures = ClaimExtension.Immutable(x?.PcsProcedures),
            ConditionCodes = ClaimExtension.Immutable(x?.ConditionCodes),
            OccurrenceCodes = ClaimExtension.Immutable(x?.OccurrenceCodes),
            OccurrenceSpanCodes = ClaimExtension.Immutable(x?.OccurrenceSpanCodes),
            ValueCodes = ClaimExtension.Immutable(x?.ValueCodes),
            AttendingNpi = x?.AttendingNpi,
            OperatingNpi = x?.OperatingNpi,
            ReferringNpi = x?.ReferringNpi,
            SupervisingNpi = x?.SupervisingNpi,
            ServiceFacility = x?.ServiceFacility,
            PriorAuthorization = x?.PriorAuthorization,
            ReferralNumber = x?.ReferralNumber,
            PayerClaimControlNumber = x?.PayerClaimControlNumber,
            CliaNumber = x?.CliaNumber,
            Coverage = x?.Coverage ?? Coverage.None,
            OtherCoverages = ClaimExtension.Immutable(x?.OtherCoverages),
        };
        return new ClaimReadResult(ordinal, sourceLine, claim.ClaimId, claim, ImmutableArray<ClaimElementError>.Empty);
    }

    /// <summary>The result of a claim that could not be read, under its id or, when that is unknown, its placeholder.</summary>
    public ClaimReadResult Unreadable(int ordinal, int? sourceLine, string? claimId)
    {
        var id = string.IsNullOrWhiteSpace(claimId) ? ClaimReadResult.Placeholder(ordinal) : claimId.Trim();
        return new ClaimReadResult(ordinal, sourceLine, id, null, [.. errors]);
    }

    /// <summary>
    /// The text a message may echo of a malformed value: the value itself, or its first
    /// <see cref="ClaimLimits.MaxEchoedValueLength"/> characters followed by <c>…</c> when it is longer.
    /// </summary>
    public static string Echo(ReadOnlySpan<char> text)
    {
        if (text.Length <= ClaimLimits.MaxEchoedValueLength)
        {
            return text.ToString();
        }

        var cut = ClaimLimits.MaxEchoedValueLength;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text[..cut], CutMark);
    }

    /// <summary>Reads a claim id: trimmed, at most <see cref="ClaimLimits.MaxClaimIdLength"/> characters.</summary>
    /// <returns>The id, or <see langword="null"/> when it is blank or too long (then <paramref name="unreadable"/>).</returns>
    public string? ClaimId(ReadOnlySpan<char> text, ElementAt at, out bool unreadable)
    {
        unreadable = false;
        var trimmed = text.Trim();
        if (trimmed.Length > ClaimLimits.MaxClaimIdLength)
        {
            Error(at, string.Create(CultureInfo.InvariantCulture, $"The claim id is longer than {ClaimLimits.MaxClaimIdLength} characters, the most an 837 carries (CLM01)."));
            unreadable = true;
            return null;
        }

        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    public IcdCode? Diagnosis(ReadOnlySpan<char> text, ElementAt at)
    {
        if (text.IsWhiteSpace())
        {
            // A blank entry inside the diagnosis list would shift every pointer after it.
            Error(at, "The diagnosis is empty; remove the entry or give the ICD-10-CM code.");
            return null;
        }

        if (IcdCode.TryParse(text, out var code))
        {
            return code;
        }

        CodeError(at, text, IcdCode.FormatProblem);
        return null;
    }

    public ProcedureCode? Procedure(ReadOnlySpan<char> text, ElementAt at)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (ProcedureCode.TryParse(text, out var code))
        {
            return code;
        }

        CodeError(at, text, ProcedureCode.FormatProblem);
        return null;
    }

    public ModifierCode? Modifier(ReadOnlySpan<char> text, ElementAt at)
    {
        if (text.IsWhiteSpace())
        {
            Error(at, "The modifier is empty; remove the entry or give the two-character modifier.");
            return null;
        }

        if (ModifierCode.TryParse(text, out var code))
        {
            return code;
        }

        CodeError(at, text, ModifierCode.FormatProblem);
        return null;
    }

    public Npi? NpiOf(ReadOnlySpan<char> text, ElementAt at)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (Npi.TryParse(text, out var npi))
        {
            return npi;
        }

        CodeError(at, text, Npi.FormatProblem);
        return null;
    }

    public PlaceOfServiceCode? PlaceOfService(ReadOnlySpan<char> text, ElementAt at)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (PlaceOfServiceCode.TryParse(text, out var code))
        {
            return code;
        }

        CodeError(at, text, PlaceOfServiceCode.FormatProblem);
        return null;
    }

    /// <summary>Parses a code of a type with the span parser and the wording of its own (the claim model v2 codes).</summary>
    public T? Code<T>(ReadOnlySpan<char> text, ElementAt at, SpanParser<T> tryParse, Func<string, string> problem)
        where T : struct
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (tryParse(text, out var code))
        {
            return code;
        }

        CodeError(at, text, problem);
        return null;
    }

    /// <summary>A code type's span parser, such as <c>NubcCode.TryParse</c>.</summary>
    public delegate bool SpanParser<T>(ReadOnlySpan<char> text, out T value);

    /// <summary>Parses a present-on-admission indicator: Y, N, U, W or 1; blank is not reported.</summary>
    public PresentOnAdmission PresentOnAdmissionOf(ReadOnlySpan<char> text, ElementAt at)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return ClaimScrubber.PresentOnAdmission.NotReported;
        }

        if (ContractNames.TryPresentOnAdmission(trimmed, out var indicator))
        {
            return indicator;
        }

        Error(at, $"'{Echo(trimmed)}' is not a present-on-admission indicator: expected Y, N, U, W or 1.");
        return ClaimScrubber.PresentOnAdmission.NotReported;
    }

    /// <summary>Parses a drug unit: F2, GR, ME, ML or UN.</summary>
    public DrugUnit? DrugUnitOf(ReadOnlySpan<char> text, ElementAt at)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (ContractNames.TryDrugUnit(trimmed, out var unit))
        {
            return unit;
        }

        Error(at, $"'{Echo(trimmed)}' is not a drug unit: expected F2, GR, ME, ML or UN.");
        return null;
    }

    /// <summary>Checks a whole number against a range; the value is not echoed.</summary>
    public int? WholeNumber(decimal value, ElementAt at, int min, int max, string what)
    {
        if (decimal.Truncate(value) == value && value >= min && value <= max)
        {
            return (int)value;
        }

        Error(at, string.Create(CultureInfo.InvariantCulture, $"The {what} is not a whole number from {min} to {max}."));
        return null;
    }

    /// <summary>Checks an amount (a value code's, a payer's paid amount) against what an 837 carries; the amount is not echoed.</summary>
    public decimal OtherAmount(decimal value, ElementAt at) =>
        Amount(value, X12.X12ClaimCheck.MaxAmount, 2, at, "The amount is beyond what an 837 amount carries (18 digits).", "The amount has");

    /// <summary>Checks a drug quantity against what an 837 quantity carries (CTP-04); the quantity is not echoed.</summary>
    public decimal DrugQuantity(decimal value, ElementAt at) =>
        Amount(value, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals, at, "The quantity is beyond ±99,999,999.999, the most an 837 carries (CTP-04).", "The quantity has");

    /// <summary>Parses an ISO date; the text is not echoed, since dates of birth and service are patient data.</summary>
    public DateOnly? Date(ReadOnlySpan<char> text, ElementAt at)
    {
        if (TryIsoDate(text, out var date))
        {
            return date;
        }

        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        Error(at, "The date is not a calendar date in the form yyyy-MM-dd.");
        return null;
    }

    public ClaimSetting Setting(ReadOnlySpan<char> text, ElementAt at)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || trimmed.Equals("professional", StringComparison.OrdinalIgnoreCase))
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

        if (trimmed.Equals("otherInstitutional", StringComparison.OrdinalIgnoreCase))
        {
            return ClaimSetting.OtherInstitutional;
        }

        Error(at, $"'{Echo(trimmed)}' is not a claim setting: expected professional, outpatientHospital, inpatient or otherInstitutional.");
        return ClaimSetting.Professional;
    }

    public Sex SexOf(ReadOnlySpan<char> text, ElementAt at)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return Sex.Unknown;
        }

        switch (trimmed.Length == 1 ? char.ToUpperInvariant(trimmed[0]) : '\0')
        {
            case 'F':
                return Sex.Female;
            case 'M':
                return Sex.Male;
            case 'U':
                return Sex.Unknown;
            default:
                Error(at, "The sex is not F, M or U.");
                return Sex.Unknown;
        }
    }

    /// <summary>Parses a decimal written with a dot, as CSV cells carry units and charges; the text is not echoed.</summary>
    public decimal? Decimal(ReadOnlySpan<char> text, ElementAt at)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(at, "The value is not a number (digits with an optional sign and decimal point).");
        return null;
    }

    /// <summary>Checks a line's units against what an 837 quantity carries (SV1-04, SV2-05); the amount is not echoed.</summary>
    public decimal Units(decimal value, ElementAt at) =>
        Amount(value, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals, at, "The units are beyond ±99,999,999.999, the most an 837 carries (SV1-04, SV2-05).", "The units have");

    /// <summary>Checks a line's charge against what an 837 amount carries (SV1-02, SV2-03); the amount is not echoed.</summary>
    public decimal Charge(decimal value, ElementAt at) =>
        Amount(value, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals, at, "The charge is beyond ±99,999,999.99, the most an 837 carries (SV1-02, SV2-03).", "The charge has");

    public int? Pointer(ReadOnlySpan<char> text, ElementAt at)
    {
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(at, "The diagnosis pointer is not a whole number.");
        return null;
    }

    /// <summary>Reports a claim with more service lines than an 837 carries, at the first line too many.</summary>
    public void TooManyLines(int count) =>
        Error(ElementAt.Claim(Scrubbing.ElementPath.Line(ClaimLimits.MaxServiceLines + 1)),
            string.Create(CultureInfo.InvariantCulture, $"The claim has {count:N0} service lines; an 837 carries at most {ClaimLimits.MaxServiceLines}."));

    /// <summary>Reports a claim with more diagnoses than an 837 carries, at the first diagnosis too many.</summary>
    public void TooManyDiagnoses(int count) =>
        Error(ElementAt.Diagnosis(ClaimLimits.MaxDiagnoses + 1),
            string.Create(CultureInfo.InvariantCulture, $"The claim has {count:N0} diagnoses; an 837 carries at most {ClaimLimits.MaxDiagnoses}."));

    /// <summary>Reports a claim list (condition codes, other payers…) with more entries than an 837 carries, at the first entry too many.</summary>
    public void TooManyInList(int count, int max, string list, string what)
    {
        if (count > max)
        {
            Error(ElementAt.Item(list, max + 1), string.Create(CultureInfo.InvariantCulture, $"The claim has {count} {what}; an 837 carries at most {max}."));
        }
    }

    /// <summary>Reports a line list holding more entries than any claim could, at the first position too many.</summary>
    public void TooManyOnLine(int count, string listName, ElementAt first) =>
        Error(first, string.Create(CultureInfo.InvariantCulture, $"The line has {count} {listName}; more than {MaxLineListEntries} cannot be a claim's."));

    /// <summary>Reports a string value whose bytes are not UTF-8 text, or that escapes half a surrogate pair.</summary>
    public void NotText(ElementAt at, bool badEscape) =>
        Error(at, badEscape
            ? "The text holds an escaped lone surrogate (a \\uD800 to \\uDFFF escape without its pair), which is not a character."
            : "The text is not valid UTF-8.");

    private decimal Amount(decimal value, decimal max, int decimals, ElementAt at, string beyond, string subject)
    {
        // One definition of "within" for the reader and the scrubber's own check of claims built in code.
        if (!Rules.Claims.ClaimLimitRules.IsWithin(value, max, decimals))
        {
            Error(at, value > max || value < -max
                ? beyond
                : string.Create(CultureInfo.InvariantCulture, $"{subject} more than {decimals} decimal places; an 837 carries at most {decimals}."));
        }

        return value;
    }

    private void CodeError(ElementAt at, ReadOnlySpan<char> text, Func<string, string> problem)
    {
        // The code types word their own format errors; a long value is echoed cut short, never in full.
        var echoed = Echo(text);
        Error(at, problem(echoed), Echo(text.Trim()));
    }

    /// <summary>The fast path for a well-formed date: exactly <c>yyyy-MM-dd</c> in ASCII digits, and a calendar date.</summary>
    private static bool TryIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}

/// <summary>The claim-level elements a reader has read so far, before the claim is built.</summary>
internal struct ClaimParts
{
    public string? ClaimId;
    public bool ClaimIdUnreadable;
    public ClaimSetting Setting;
    public DateOnly? BirthDate;
    public Sex Sex;
    public Npi? BillingNpi;
    public Npi? RenderingNpi;
    public PlaceOfServiceCode? PlaceOfService;
    public string? FrequencyCode;
    public DateOnly? DischargeDate;

    /// <summary>The elements beyond the first contract's (837I header, codes, providers, coverage…), or <see langword="null"/> when the claim has none.</summary>
    public ClaimExtension? Extension;
}
