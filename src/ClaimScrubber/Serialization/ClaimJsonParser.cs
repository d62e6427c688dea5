using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Parses one claim of the JSON contract straight from its UTF-8 tokens into a <see cref="Claim"/>, element by element,
/// so that every malformed element is reported with its path instead of the first one aborting the claim. Members the
/// contract does not know are skipped; a member it knows given twice is an error. Beyond the claim limits
/// (<see cref="ClaimLimits"/>) nothing more is kept, but the claim is parsed to its end.
/// </summary>
/// <remarks>
/// One parser serves a whole input (it reuses its builders and its text buffer), so it is not thread-safe. Reading
/// a string allocates only for the values a claim keeps as text (claim id, frequency and revenue codes) and for
/// error messages.
/// </remarks>
internal sealed partial class ClaimJsonParser
{
    // Text values up to this many bytes are decoded into the reused buffer; longer ones (never valid) get their own.
    private const int ScratchChars = 512;

    private static readonly string[] OneCharacterText = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private readonly ClaimElements e = new(null);
    private readonly ImmutableArray<IcdCode>.Builder diagnoses = ImmutableArray.CreateBuilder<IcdCode>();
    private readonly ImmutableArray<ServiceLine>.Builder lines = ImmutableArray.CreateBuilder<ServiceLine>();
    private readonly ImmutableArray<ModifierCode>.Builder modifiers = ImmutableArray.CreateBuilder<ModifierCode>();
    private readonly ImmutableArray<int>.Builder pointers = ImmutableArray.CreateBuilder<int>();
    private readonly char[] scratch = new char[ScratchChars];

    // Buffer for escaped member names; no known name is longer, so a longer or undecodable one is simply unknown.
    private readonly byte[] nameBuffer = new byte[32];

    // The last string value Decode() read, valid until the next one (see Decoded).
    private char[] textBuffer = [];
    private int textLength;

    [Flags]
    private enum ClaimMember : long
    {
        None = 0,
        ClaimId = 1 << 0,
        Setting = 1 << 1,
        Patient = 1 << 2,
        BillingNpi = 1 << 3,
        RenderingNpi = 1 << 4,
        PlaceOfService = 1 << 5,
        FrequencyCode = 1 << 6,
        DischargeDate = 1 << 7,
        Diagnoses = 1 << 8,
        Lines = 1 << 9,
        BirthDate = 1 << 10,
        Sex = 1 << 11,

        // The claim model v2 members (ClaimJsonParser.Extended.cs).
        TypeOfBill = 1L << 12,
        AdmissionDate = 1L << 13,
        AdmissionHour = 1L << 14,
        AdmissionType = 1L << 15,
        AdmissionSource = 1L << 16,
        DischargeStatus = 1L << 17,
        StatementFrom = 1L << 18,
        StatementThrough = 1L << 19,
        PresentOnAdmission = 1L << 20,
        AdmittingDiagnosis = 1L << 21,
        ReasonForVisitDiagnoses = 1L << 22,
        ExternalCauseDiagnoses = 1L << 23,
        ExternalCausePresentOnAdmission = 1L << 24,
        PcsProcedures = 1L << 25,
        ConditionCodes = 1L << 26,
        OccurrenceCodes = 1L << 27,
        OccurrenceSpanCodes = 1L << 28,
        ValueCodes = 1L << 29,
        AttendingNpi = 1L << 30,
        OperatingNpi = 1L << 31,
        ReferringNpi = 1L << 32,
        SupervisingNpi = 1L << 33,
        ServiceFacility = 1L << 34,
        PriorAuthorization = 1L << 35,
        ReferralNumber = 1L << 36,
        PayerClaimControlNumber = 1L << 37,
        CliaNumber = 1L << 38,
        Coverage = 1L << 39,
        OtherCoverages = 1L << 40,
    }

    [Flags]
    private enum LineMember
    {
        None = 0,
        ProcedureCode = 1 << 0,
        Modifiers = 1 << 1,
        Units = 1 << 2,
        Charge = 1 << 3,
        ServiceDate = 1 << 4,
        ServiceDateTo = 1 << 5,
        PlaceOfService = 1 << 6,
        DiagnosisPointers = 1 << 7,
        RenderingNpi = 1 << 8,
        RevenueCode = 1 << 9,

        // The claim model v2 members (ClaimJsonParser.Extended.cs).
        Drug = 1 << 10,
        LineItemControlNumber = 1 << 11,
        AnesthesiaMinutes = 1 << 12,
        ReferringNpi = 1 << 13,
        OrderingNpi = 1 << 14,
        SupervisingNpi = 1 << 15,
        OperatingNpi = 1 << 16,
    }

    /// <summary>What a string value turned out to be.</summary>
    private enum TextKind
    {
        /// <summary>The member is <c>null</c>: a missing element.</summary>
        Missing,

        /// <summary>Text, in <see cref="Decoded"/>.</summary>
        Text,

        /// <summary>Not a string, or not text; the error is recorded.</summary>
        Error,
    }

    /// <summary>Gets the text of the string value read last.</summary>
    private ReadOnlySpan<char> Decoded => textBuffer.AsSpan(0, textLength);

    /// <summary>
    /// Parses the claim whose first token the reader reads next, and leaves the reader on the claim's last token.
    /// Errors are attributed to input line <paramref name="sourceLine"/>, where the claim starts.
    /// </summary>
    /// <exception cref="JsonException">The JSON is not well formed.</exception>
    /// <exception cref="IncompleteJsonException">The reader's block ends inside the claim (never for a final block).</exception>
    public ClaimReadResult Parse(ref Utf8JsonReader reader, int ordinal, int sourceLine)
    {
        e.Reset(sourceLine);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            e.Error(ElementAt.Claim(Scrubbing.ElementPath.Claim), $"A claim is a JSON object, not {KindName(reader.TokenType)}.");
            Skip(ref reader);
            return e.Unreadable(ordinal, sourceLine, null);
        }

        var seen = ClaimMember.None;
        var parts = default(ClaimParts);
        diagnoses.Clear();
        extensionStarted = false;
        lines.Clear();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var member = MemberOf(ref reader);
            Next(ref reader);
            if (member == ClaimMember.None)
            {
                Skip(ref reader);
                continue;
            }

            if ((seen & member) != 0)
            {
                Duplicate(ref reader, ElementAt.Claim(ClaimPath(member)));
                parts.ClaimIdUnreadable |= member == ClaimMember.ClaimId;

                continue;
            }

            seen |= member;
            switch (member)
            {
                case ClaimMember.ClaimId:
                    var at = ElementAt.Claim("claimId");
                    var kind = Text(ref reader, at);
                    parts.ClaimId = kind == TextKind.Text ? e.ClaimId(Decoded, at, out parts.ClaimIdUnreadable) : null;
                    parts.ClaimIdUnreadable |= kind == TextKind.Error;
                    break;
                case ClaimMember.Setting:
                    at = ElementAt.Claim("setting");
                    parts.Setting = Text(ref reader, at) == TextKind.Text ? e.Setting(Decoded, at) : ClaimSetting.Professional;
                    break;
                case ClaimMember.Patient:
                    if (Expect(ref reader, JsonTokenType.StartObject, ElementAt.Claim("patient")))
                    {
                        ReadPatient(ref reader, ref seen, ref parts);
                    }

                    break;
                case ClaimMember.BillingNpi:
                    at = ElementAt.Claim("billingNpi");
                    parts.BillingNpi = NpiMember(ref reader, at);
                    break;
                case ClaimMember.RenderingNpi:
                    at = ElementAt.Claim("renderingNpi");
                    parts.RenderingNpi = NpiMember(ref reader, at);
                    break;
                case ClaimMember.PlaceOfService:
                    at = ElementAt.Claim("placeOfService");
                    parts.PlaceOfService = Text(ref reader, at) == TextKind.Text ? e.PlaceOfService(Decoded, at) : null;
                    break;
                case ClaimMember.FrequencyCode:
                    parts.FrequencyCode = Text(ref reader, ElementAt.Claim("frequencyCode")) == TextKind.Text ? Kept(Decoded) : null;
                    break;
                case ClaimMember.DischargeDate:
                    at = ElementAt.Claim("dischargeDate");
                    parts.DischargeDate = DateMember(ref reader, at);
                    break;
                case ClaimMember.Diagnoses:
                    if (Expect(ref reader, JsonTokenType.StartArray, ElementAt.Claim("diagnoses")))
                    {
                        ReadDiagnoses(ref reader);
                    }

                    break;
                case ClaimMember.Lines:
                    if (Expect(ref reader, JsonTokenType.StartArray, ElementAt.Claim("lines")))
                    {
                        ReadLines(ref reader);
                    }

                    break;
                default:
                    ReadExtended(ref reader, member, ref parts);
                    break;
            }
        }

        return e.Result(ordinal, sourceLine, parts, diagnoses.ToImmutable(), lines.ToImmutable());
    }

    /// <summary>
    /// Words a reader exception without the reader's own zero-based, value-relative location, and without the input it
    /// quotes beyond the offending token: the reader quotes a bad literal with the rest of its line, patient data included.
    /// </summary>
    public static string SyntaxProblem(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var quoted = message.StartsWith('\'') ? message.IndexOf("' is ", 1, StringComparison.Ordinal) : -1;
        if (quoted > 0)
        {
            var token = message.AsSpan(1, quoted - 1);
            var end = token.IndexOfAny(TokenEnds);
            var kept = token[..Math.Min(end < 0 ? token.Length : Math.Max(end, 1), MaxQuotedToken)];
            message = string.Concat("'", kept, kept.Length < token.Length ? "…" : string.Empty, message.AsSpan(quoted));
        }

        return "The JSON is not well formed: " + message;
    }

    // The most of a malformed token a syntax message quotes: a literal or number, never the values after it.
    private const int MaxQuotedToken = 12;

    private static readonly SearchValues<char> TokenEnds = SearchValues.Create(",:]}\" \t\r\n");

    private void ReadPatient(ref Utf8JsonReader reader, ref ClaimMember seen, ref ClaimParts parts)
    {
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var member = PatientMemberOf(ref reader);
            Next(ref reader);
            if (member == ClaimMember.None)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.Claim(member == ClaimMember.BirthDate ? "patient.birthDate" : "patient.sex");
            if ((seen & member) != 0)
            {
                Duplicate(ref reader, at);
                continue;
            }

            seen |= member;
            if (member == ClaimMember.BirthDate)
            {
                parts.BirthDate = DateMember(ref reader, at);
            }
            else
            {
                parts.Sex = Text(ref reader, at) == TextKind.Text ? e.SexOf(Decoded, at) : Sex.Unknown;
            }
        }
    }

    private void ReadDiagnoses(ref Utf8JsonReader reader)
    {
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (++count > ClaimLimits.MaxDiagnoses)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.Diagnosis(count);
            if (ItemText(ref reader, at) && e.Diagnosis(Decoded, at) is { } code)
            {
                diagnoses.Add(code);
            }
        }

        if (count > ClaimLimits.MaxDiagnoses)
        {
            e.TooManyDiagnoses(count);
        }
    }

    private void ReadLines(ref Utf8JsonReader reader)
    {
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (++count > ClaimLimits.MaxServiceLines)
            {
                Skip(ref reader);
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                e.Error(ElementAt.WholeLine(count), $"A service line is a JSON object, not {KindName(reader.TokenType)}.");
                Skip(ref reader);
                continue;
            }

            lines.Add(ReadLine(ref reader, count));
        }

        if (count > ClaimLimits.MaxServiceLines)
        {
            e.TooManyLines(count);
        }
    }

    private ServiceLine ReadLine(ref Utf8JsonReader reader, int n)
    {
        var seen = LineMember.None;
        ProcedureCode? procedure = null;
        var lineModifiers = ImmutableArray<ModifierCode>.Empty;
        var linePointers = ImmutableArray<int>.Empty;
        var units = 1m;
        var charge = 0m;
        DateOnly? from = null;
        DateOnly? to = null;
        PlaceOfServiceCode? pos = null;
        Npi? rendering = null;
        string? revenue = null;
        var extras = default(LineExtras);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var member = LineMemberOf(ref reader);
            Next(ref reader);
            if (member == LineMember.None)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.LineMember(n, LinePath(member));
            if ((seen & member) != 0)
            {
                Duplicate(ref reader, at);
                continue;
            }

            seen |= member;
            switch (member)
            {
                case LineMember.ProcedureCode:
                    procedure = Text(ref reader, at) == TextKind.Text ? e.Procedure(Decoded, at) : null;
                    break;
                case LineMember.Modifiers:
                    if (Expect(ref reader, JsonTokenType.StartArray, at))
                    {
                        lineModifiers = ReadModifiers(ref reader, n);
                    }

                    break;
                case LineMember.Units:
                    units = Number(ref reader, at) is { } u ? e.Units(u, at) : 1m;
                    break;
                case LineMember.Charge:
                    charge = Number(ref reader, at) is { } c ? e.Charge(c, at) : 0m;
                    break;
                case LineMember.ServiceDate:
                    from = DateMember(ref reader, at);
                    break;
                case LineMember.ServiceDateTo:
                    to = DateMember(ref reader, at);
                    break;
                case LineMember.PlaceOfService:
                    pos = Text(ref reader, at) == TextKind.Text ? e.PlaceOfService(Decoded, at) : null;
                    break;
                case LineMember.DiagnosisPointers:
                    if (Expect(ref reader, JsonTokenType.StartArray, at))
                    {
                        linePointers = ReadPointers(ref reader, n);
                    }

                    break;
                case LineMember.RenderingNpi:
                    rendering = NpiMember(ref reader, at);
                    break;
                case LineMember.RevenueCode:
                    revenue = TextMember(ref reader, at);
                    break;
                default:
                    ReadLineExtended(ref reader, member, at, n, ref extras);
                    break;
            }
        }

        return new ServiceLine
        {
            ProcedureCode = procedure,
            Modifiers = lineModifiers,
            Units = units,
            Charge = charge,
            ServiceDate = from,
            ServiceDateTo = to,
            PlaceOfService = pos,
            DiagnosisPointers = linePointers,
            RenderingNpi = rendering,
            RevenueCode = revenue,
            Drug = extras.Drug,
            LineItemControlNumber = extras.LineItemControlNumber,
            AnesthesiaMinutes = extras.AnesthesiaMinutes,
            ReferringNpi = extras.ReferringNpi,
            OrderingNpi = extras.OrderingNpi,
            SupervisingNpi = extras.SupervisingNpi,
            OperatingNpi = extras.OperatingNpi,
        };
    }

    private ImmutableArray<ModifierCode> ReadModifiers(ref Utf8JsonReader reader, int n)
    {
        modifiers.Clear();
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (++count > ClaimElements.MaxLineListEntries)
            {
                Skip(ref reader);
                continue;
            }

            var at = ElementAt.Modifier(n, count);
            if (ItemText(ref reader, at) && e.Modifier(Decoded, at) is { } code)
            {
                modifiers.Add(code);
            }
        }

        if (count > ClaimElements.MaxLineListEntries)
        {
            e.TooManyOnLine(count, "modifiers", ElementAt.Modifier(n, ClaimElements.MaxLineListEntries + 1));
        }

        return modifiers.ToImmutable();
    }

    private ImmutableArray<int> ReadPointers(ref Utf8JsonReader reader, int n)
    {
        pointers.Clear();
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (++count > ClaimElements.MaxLineListEntries)
            {
                Skip(ref reader);
                continue;
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
            {
                pointers.Add(value);
                continue;
            }

            e.Error(ElementAt.Pointer(n, count), reader.TokenType == JsonTokenType.Number
                ? "The diagnosis pointer is not a whole number."
                : $"A diagnosis pointer is a number, not {KindName(reader.TokenType)}.");
            Skip(ref reader);
        }

        if (count > ClaimElements.MaxLineListEntries)
        {
            e.TooManyOnLine(count, "diagnosis pointers", ElementAt.Pointer(n, ClaimElements.MaxLineListEntries + 1));
        }

        return SharedPointers(pointers) ?? pointers.ToImmutable();
    }

    // Most lines point to one diagnosis, or to the first few in order: those lists are shared, not allocated per line.
    private static readonly ImmutableArray<int>[] SinglePointers = [.. Enumerable.Range(0, ClaimLimits.MaxDiagnoses + 1).Select(p => ImmutableArray.Create(p))];
    private static readonly ImmutableArray<int>[] FirstPointers = [.. Enumerable.Range(0, ClaimLimits.MaxDiagnosisPointersPerLine + 1).Select(n => ImmutableArray.CreateRange(Enumerable.Range(1, n)))];

    private static ImmutableArray<int>? SharedPointers(ImmutableArray<int>.Builder list)
    {
        if (list.Count == 1)
        {
            return (uint)list[0] < (uint)SinglePointers.Length ? SinglePointers[list[0]] : null;
        }

        if (list.Count >= FirstPointers.Length)
        {
            return null;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] != i + 1)
            {
                return null;
            }
        }

        return FirstPointers[list.Count];
    }

    /// <summary>Reads a member's string value into <see cref="Decoded"/>; <c>null</c> is a missing element, any other kind an error.</summary>
    /// <summary>A member holding an NPI; null or blank is none.</summary>
    private Npi? NpiMember(ref Utf8JsonReader reader, ElementAt at) => Text(ref reader, at) == TextKind.Text ? e.NpiOf(Decoded, at) : null;

    /// <summary>A member holding a date <c>yyyy-MM-dd</c>; null or blank is none.</summary>
    private DateOnly? DateMember(ref Utf8JsonReader reader, ElementAt at) => Text(ref reader, at) == TextKind.Text ? e.Date(Decoded, at) : null;

    /// <summary>A member holding text the claim keeps trimmed; null or blank is none.</summary>
    private string? TextMember(ref Utf8JsonReader reader, ElementAt at) => Text(ref reader, at) == TextKind.Text ? Kept(Decoded) : null;

    private TextKind Text(ref Utf8JsonReader reader, ElementAt at)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return TextKind.Missing;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            e.Error(at, $"Expected a string, found {KindName(reader.TokenType)}.");
            Skip(ref reader);
            return TextKind.Error;
        }

        return Decode(ref reader, at) ? TextKind.Text : TextKind.Error;
    }

    /// <summary>Reads a list entry's string value into <see cref="Decoded"/>; anything else, <c>null</c> too, is an error.</summary>
    private bool ItemText(ref Utf8JsonReader reader, ElementAt at)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Decode(ref reader, at);
        }

        e.Error(at, $"Expected a string, found {KindName(reader.TokenType)}.");
        Skip(ref reader);
        return false;
    }

    /// <summary>
    /// Decodes the current string into <see cref="Decoded"/>. Bytes that are not UTF-8 and escapes of half a surrogate
    /// pair make the element an error (the reader itself lets both through).
    /// </summary>
    private bool Decode(ref Utf8JsonReader reader, ElementAt at)
    {
        var raw = reader.ValueSpan;

        // UTF-16 never needs more characters than UTF-8 has bytes, and unescaping only shortens the text.
        textBuffer = raw.Length <= scratch.Length ? scratch : new char[raw.Length];
        if (!reader.ValueIsEscaped)
        {
            // Codes, dates and ids are ASCII: widening is cheaper than transcoding, which is only for the rest.
            if (Ascii.ToUtf16(raw, textBuffer, out textLength) == OperationStatus.Done
                || Utf8.ToUtf16(raw, textBuffer, out _, out textLength, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return true;
            }

            e.NotText(at, badEscape: false);
            return false;
        }

        try
        {
            textLength = reader.CopyString(textBuffer);
            return true;
        }
        catch (InvalidOperationException)
        {
            e.NotText(at, badEscape: Utf8.IsValid(raw));
            return false;
        }
    }

    private decimal? Number(ref Utf8JsonReader reader, ElementAt at)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            e.Error(at, $"Expected a number, found {KindName(reader.TokenType)}.");
            Skip(ref reader);
            return null;
        }

        if (TryPlainDecimal(reader.ValueSpan, out var value) || reader.TryGetDecimal(out value))
        {
            return value;
        }

        e.Error(at, "The number is out of range.");
        return null;
    }

    /// <summary>
    /// The fast path for the numbers claims hold: an optional minus, at most 18 digits and an optional decimal point,
    /// read to the same decimal (digits and scale) as <see cref="Utf8JsonReader.TryGetDecimal"/> reads them. Anything
    /// else (an exponent, more digits) is left to it.
    /// </summary>
    internal static bool TryPlainDecimal(ReadOnlySpan<byte> number, out decimal value)
    {
        value = default;
        var negative = number.Length > 0 && number[0] == '-';
        ulong digits = 0;
        var count = 0;
        var scale = -1;
        for (var i = negative ? 1 : 0; i < number.Length; i++)
        {
            var digit = (uint)(number[i] - '0');
            if (digit <= 9)
            {
                if (++count > 18)
                {
                    return false;
                }

                digits = (digits * 10) + digit;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (number[i] == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (count == 0)
        {
            return false;
        }

        value = new decimal((int)digits, (int)(digits >> 32), 0, negative && digits != 0, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>Checks that a member holds <paramref name="kind"/> (or <c>null</c>, a missing element); any other kind is an error.</summary>
    private bool Expect(ref Utf8JsonReader reader, JsonTokenType kind, ElementAt at)
    {
        if (reader.TokenType == kind)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            e.Error(at, $"Expected {KindName(kind)}, found {KindName(reader.TokenType)}.");
            Skip(ref reader);
        }

        return false;
    }

    private void Duplicate(ref Utf8JsonReader reader, ElementAt at)
    {
        e.Error(at, "The member appears more than once; give each element once, as it is not clear which value is meant.");
        Skip(ref reader);
    }

    /// <summary>Keeps text the claim holds as a string, trimmed; the one-character codes (frequency) are shared.</summary>
    private static string? Kept(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length switch
        {
            0 => null,
            1 when trimmed[0] < OneCharacterText.Length => OneCharacterText[trimmed[0]],
            _ => trimmed.ToString(),
        };
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            IncompleteJsonException.Throw();
        }

        return reader.TokenType;
    }

    /// <summary>Skips the current value, whatever its kind; the reader is left on its last token.</summary>
    private static void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            IncompleteJsonException.Throw();
        }
    }

    private ClaimMember MemberOf(ref Utf8JsonReader reader)
    {
        var name = Name(ref reader);
        return name.Length switch
        {
            5 when name.SequenceEqual("lines"u8) => ClaimMember.Lines,
            7 when name.SequenceEqual("claimId"u8) => ClaimMember.ClaimId,
            7 when name.SequenceEqual("setting"u8) => ClaimMember.Setting,
            7 when name.SequenceEqual("patient"u8) => ClaimMember.Patient,
            9 when name.SequenceEqual("diagnoses"u8) => ClaimMember.Diagnoses,
            10 when name.SequenceEqual("billingNpi"u8) => ClaimMember.BillingNpi,
            12 when name.SequenceEqual("renderingNpi"u8) => ClaimMember.RenderingNpi,
            13 when name.SequenceEqual("frequencyCode"u8) => ClaimMember.FrequencyCode,
            13 when name.SequenceEqual("dischargeDate"u8) => ClaimMember.DischargeDate,
            14 when name.SequenceEqual("placeOfService"u8) => ClaimMember.PlaceOfService,
            _ => ExtendedMemberOf(name),
        };
    }

    private ClaimMember PatientMemberOf(ref Utf8JsonReader reader)
    {
        var name = Name(ref reader);
        return name.SequenceEqual("birthDate"u8) ? ClaimMember.BirthDate : name.SequenceEqual("sex"u8) ? ClaimMember.Sex : ClaimMember.None;
    }

    private LineMember LineMemberOf(ref Utf8JsonReader reader)
    {
        var name = Name(ref reader);
        return name.Length switch
        {
            5 when name.SequenceEqual("units"u8) => LineMember.Units,
            6 when name.SequenceEqual("charge"u8) => LineMember.Charge,
            9 when name.SequenceEqual("modifiers"u8) => LineMember.Modifiers,
            11 when name.SequenceEqual("serviceDate"u8) => LineMember.ServiceDate,
            11 when name.SequenceEqual("revenueCode"u8) => LineMember.RevenueCode,
            12 when name.SequenceEqual("renderingNpi"u8) => LineMember.RenderingNpi,
            13 when name.SequenceEqual("procedureCode"u8) => LineMember.ProcedureCode,
            13 when name.SequenceEqual("serviceDateTo"u8) => LineMember.ServiceDateTo,
            14 when name.SequenceEqual("placeOfService"u8) => LineMember.PlaceOfService,
            17 when name.SequenceEqual("diagnosisPointers"u8) => LineMember.DiagnosisPointers,
            _ => ExtendedLineMemberOf(name),
        };
    }

    /// <summary>The current member name's UTF-8 bytes, unescaped; empty (an unknown member) when it cannot be one the contract knows.</summary>
    private ReadOnlySpan<byte> Name(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > 6 * nameBuffer.Length)
        {
            return default;
        }

        try
        {
            var length = reader.CopyString(nameBuffer.AsSpan());
            return nameBuffer.AsSpan(0, length);
        }
        catch (ArgumentException)
        {
            return default;
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static string ClaimPath(ClaimMember member) => member switch
    {
        ClaimMember.ClaimId => "claimId",
        ClaimMember.Setting => "setting",
        ClaimMember.Patient => "patient",
        ClaimMember.BillingNpi => "billingNpi",
        ClaimMember.RenderingNpi => "renderingNpi",
        ClaimMember.PlaceOfService => "placeOfService",
        ClaimMember.FrequencyCode => "frequencyCode",
        ClaimMember.DischargeDate => "dischargeDate",
        ClaimMember.Diagnoses => "diagnoses",
        ClaimMember.Lines => "lines",
        _ => ExtendedPath(member),
    };

    // A line member's name, by the position of its flag.
    private static readonly string[] LineMemberNames =
        ["procedureCode", "modifiers", "units", "charge", "serviceDate", "serviceDateTo", "placeOfService", "diagnosisPointers", "renderingNpi", "revenueCode",
            "drug", "lineItemControlNumber", "anesthesiaMinutes", "referringNpi", "orderingNpi", "supervisingNpi", "operatingNpi"];

    private static string LinePath(LineMember member) => LineMemberNames[System.Numerics.BitOperations.TrailingZeroCount((uint)member)];

    internal static string KindName(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}

/// <summary>
/// The reader's block ended inside the claim being parsed: the caller reads more input and parses the claim again.
/// Never thrown for a final block; a claims stream meets it about once per buffer refill.
/// </summary>
#pragma warning disable CA1064 // Exceptions should be public: it never leaves the claim readers.
internal sealed class IncompleteJsonException : Exception
#pragma warning restore CA1064
{
    public IncompleteJsonException()
    {
    }

    public IncompleteJsonException(string message)
        : base(message)
    {
    }

    public IncompleteJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Throw() => throw new IncompleteJsonException();
}
