using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Writes the contract's JSON objects (see <c>docs/json-contract.md</c>) straight from the library's types with a
/// <see cref="Utf8JsonWriter"/>, members in the documented order and every member always written, so that no transfer
/// object is built per claim or result.
/// </summary>
internal static partial class ContractJson
{
    // Messages quote codes ('E11.9'); the default encoder would write those quotes as \u0027. The output is JSON
    // for files and pipes, never embedded in HTML, so the relaxed encoder is safe here.
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonEncodedText ClaimId = Name("claimId");
    private static readonly JsonEncodedText Findings = Name("findings");
    private static readonly JsonEncodedText RuleId = Name("ruleId");
    private static readonly JsonEncodedText Family = Name("family");
    private static readonly JsonEncodedText SeverityName = Name("severity");
    private static readonly JsonEncodedText DispositionName = Name("disposition");
    private static readonly JsonEncodedText LineName = Name("line");
    private static readonly JsonEncodedText Element = Name("element");
    private static readonly JsonEncodedText Codes = Name("codes");
    private static readonly JsonEncodedText Message = Name("message");
    private static readonly JsonEncodedText FixHint = Name("fixHint");
    private static readonly JsonEncodedText Carc = Name("carc");
    private static readonly JsonEncodedText Rarc = Name("rarc");
    private static readonly JsonEncodedText Source = Name("source");
    private static readonly JsonEncodedText Linkage = Name("linkage");
    private static readonly JsonEncodedText Lines = Name("lines");
    private static readonly JsonEncodedText ProcedureCode = Name("procedureCode");
    private static readonly JsonEncodedText Ncd = Name("ncd");
    private static readonly JsonEncodedText Support = Name("support");
    private static readonly JsonEncodedText Diagnoses = Name("diagnoses");
    private static readonly JsonEncodedText Pointer = Name("pointer");
    private static readonly JsonEncodedText Diagnosis = Name("diagnosis");
    private static readonly JsonEncodedText Code = Name("code");
    private static readonly JsonEncodedText Reason = Name("reason");
    private static readonly JsonEncodedText Setting = Name("setting");
    private static readonly JsonEncodedText Patient = Name("patient");
    private static readonly JsonEncodedText BirthDate = Name("birthDate");
    private static readonly JsonEncodedText Sex = Name("sex");
    private static readonly JsonEncodedText BillingNpi = Name("billingNpi");
    private static readonly JsonEncodedText RenderingNpi = Name("renderingNpi");
    private static readonly JsonEncodedText PlaceOfService = Name("placeOfService");
    private static readonly JsonEncodedText FrequencyCode = Name("frequencyCode");
    private static readonly JsonEncodedText DischargeDate = Name("dischargeDate");
    private static readonly JsonEncodedText Modifiers = Name("modifiers");
    private static readonly JsonEncodedText Units = Name("units");
    private static readonly JsonEncodedText Charge = Name("charge");
    private static readonly JsonEncodedText ServiceDate = Name("serviceDate");
    private static readonly JsonEncodedText ServiceDateTo = Name("serviceDateTo");
    private static readonly JsonEncodedText DiagnosisPointers = Name("diagnosisPointers");
    private static readonly JsonEncodedText RevenueCode = Name("revenueCode");

    private static readonly JsonEncodedText[] Severities = ByValue<Severity>(ContractNames.Of);
    private static readonly JsonEncodedText[] Dispositions = ByValue<Disposition>(ContractNames.Of);
    private static readonly JsonEncodedText[] Families = ByValue<RuleFamily>(ContractNames.Of);

    /// <summary>The writer options of the contract's output: compact unless asked, the relaxed encoder, <c>\n</c> line ends.</summary>
    public static JsonWriterOptions Options(bool indented) => new() { Indented = indented, Encoder = Encoder, NewLine = "\n", SkipValidation = true };

    /// <summary>
    /// Writes one result: <c>{"claimId","findings":[…]}</c>; for a claim read from an 837, <c>"x12"</c> on each finding
    /// (where its element is) and on the result (the claim's transaction and ordinal); <c>"linkage"</c> when a report is given.
    /// </summary>
    public static void WriteResult(Utf8JsonWriter w, ScrubResult result, LinkageReport? linkage, SourceTexts sources, X12.X12ClaimSource? x12 = null)
    {
        w.WriteStartObject();
        w.WriteString(ClaimId, result.ClaimId ?? string.Empty);
        w.WriteStartArray(Findings);
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString(RuleId, f.RuleId);
            w.WriteString(Family, Of(Families, (int)f.Family, ContractNames.Of(f.Family)));
            w.WriteString(SeverityName, Of(Severities, (int)f.Severity, ContractNames.Of(f.Severity)));
            w.WriteString(DispositionName, Of(Dispositions, (int)f.Disposition, ContractNames.Of(f.Disposition)));
            Number(w, LineName, f.Line);
            w.WriteString(Element, f.Element);
            w.WriteStartArray(Codes);
            foreach (var code in f.Codes)
            {
                w.WriteStringValue(code);
            }

            w.WriteEndArray();
            // Straight from the parts the rule recorded: a result written and dropped never builds its text as a string.
            f.WriteMessage(w, Message);
            f.WriteFixHint(w, FixHint);
            w.WriteString(Carc, f.Carc);
            w.WriteString(Rarc, f.Rarc);
            sources.Write(w, Source, f.Source);
            if (x12?.Locate(f.Element) is { } location)
            {
                WriteX12Location(w, location);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (x12 is not null)
        {
            WriteX12Source(w, x12);
        }

        if (linkage is not null)
        {
            WriteLinkage(w, linkage, sources);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes one claim in the claim contract, diagnoses with their dot, so that the readers read it back unchanged.</summary>
    public static void WriteClaim(Utf8JsonWriter w, Claim claim)
    {
        w.WriteStartObject();
        w.WriteString(ClaimId, claim.ClaimId);
        w.WriteString(Setting, ContractNames.Of(claim.Setting));
        w.WriteStartObject(Patient);
        Date(w, BirthDate, claim.Patient.BirthDate);
        w.WriteString(Sex, ContractNames.Of(claim.Patient.Sex));
        w.WriteEndObject();
        w.WriteString(BillingNpi, claim.BillingNpi?.ToString());
        w.WriteString(RenderingNpi, claim.RenderingNpi?.ToString());
        w.WriteString(PlaceOfService, claim.PlaceOfService?.ToString());
        w.WriteString(FrequencyCode, claim.FrequencyCode);
        Date(w, DischargeDate, claim.DischargeDate);
        w.WriteStartArray(Diagnoses);
        foreach (var diagnosis in claim.Diagnoses)
        {
            w.WriteStringValue(diagnosis.ToDottedString());
        }

        w.WriteEndArray();
        WriteExtended(w, claim);
        w.WriteStartArray(Lines);
        foreach (var line in claim.Lines)
        {
            w.WriteStartObject();
            w.WriteString(ProcedureCode, line.ProcedureCode?.ToString());
            w.WriteStartArray(Modifiers);
            foreach (var modifier in line.Modifiers)
            {
                w.WriteStringValue(modifier.ToString());
            }

            w.WriteEndArray();
            w.WriteNumber(Units, line.Units);
            w.WriteNumber(Charge, line.Charge);
            Date(w, ServiceDate, line.ServiceDate);
            Date(w, ServiceDateTo, line.ServiceDateTo);
            w.WriteString(PlaceOfService, line.PlaceOfService?.ToString());
            w.WriteStartArray(DiagnosisPointers);
            foreach (var pointer in line.DiagnosisPointers)
            {
                w.WriteNumberValue(pointer);
            }

            w.WriteEndArray();

            // Members beyond the documented contract are written only when set.
            if (line.RenderingNpi is { } rendering)
            {
                w.WriteString(RenderingNpi, rendering.ToString());
            }

            if (line.RevenueCode is { } revenue)
            {
                w.WriteString(RevenueCode, revenue);
            }

            WriteExtended(w, line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Returns what <paramref name="write"/> writes as compact JSON text.</summary>
    public static string ToText<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options(indented: false)))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteLinkage(Utf8JsonWriter w, LinkageReport linkage, SourceTexts sources)
    {
        w.WriteStartObject(Linkage);
        w.WriteStartArray(Lines);
        foreach (var line in linkage.Lines)
        {
            w.WriteStartObject();
            w.WriteNumber(LineName, line.Line);
            w.WriteString(ProcedureCode, line.ProcedureCode);
            w.WriteString(Ncd, line.Determination);
            w.WriteString(Support, ContractNames.Of(line.Support));
            sources.Write(w, Source, line.Source);
            w.WriteStartArray(Diagnoses);
            foreach (var d in line.Diagnoses)
            {
                w.WriteStartObject();
                w.WriteNumber(Pointer, d.Position);
                w.WriteNumber(Diagnosis, d.Diagnosis);
                w.WriteString(Code, d.Code);
                w.WriteString(Support, ContractNames.Of(d.Support));
                w.WriteString(Reason, d.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Date(Utf8JsonWriter w, JsonEncodedText name, DateOnly? value)
    {
        if (value is not { } date)
        {
            w.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out _, ClaimElements.DateFormat, CultureInfo.InvariantCulture);
        w.WriteString(name, text);
    }

    private static JsonEncodedText Of(JsonEncodedText[] names, int value, string fallback) =>
        (uint)value < (uint)names.Length ? names[value] : Name(fallback);

    private static JsonEncodedText Name(string text) => JsonEncodedText.Encode(text, Encoder);

    /// <summary>The contract's name of each value of an enum, indexed by the value.</summary>
    private static JsonEncodedText[] ByValue<TEnum>(Func<TEnum, string> name)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Name(name((TEnum)Enum.ToObject(typeof(TEnum), i)));
        }

        return names;
    }
}

/// <summary>
/// The text of each table release a writer has written, encoded once: a run writes the same few releases on most
/// findings, and <see cref="TableRelease.ToString"/> builds a new string each time.
/// </summary>
internal sealed class SourceTexts
{
    // Releases come from one index, so there are few; the bound only guards against a caller making new ones per finding.
    private const int MaxKept = 1024;

    private readonly Dictionary<TableRelease, JsonEncodedText> texts = new(ReferenceEqualityComparer.Instance);

    public void Write(Utf8JsonWriter w, JsonEncodedText name, TableRelease? release)
    {
        if (release is null)
        {
            w.WriteNull(name);
            return;
        }

        if (!texts.TryGetValue(release, out var text))
        {
            if (texts.Count == MaxKept)
            {
                texts.Clear();
            }

            text = JsonEncodedText.Encode(release.ToString(), ContractJson.Encoder);
            texts.Add(release, text);
        }

        w.WriteString(name, text);
    }
}
