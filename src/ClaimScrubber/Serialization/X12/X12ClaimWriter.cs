using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Writes claims as HIPAA X12 005010 837 transactions, professional claims as 837P (005010X222A1) and institutional
/// ones as 837I (005010X223A3), so that <see cref="X12ClaimReader"/> reads every claim back unchanged.
/// </summary>
/// <remarks>
/// <para>
/// The file has one interchange; each run of claims of one form is a functional group, split into transaction sets
/// of at most <see cref="X12WriterOptions.MaxClaimsPerTransaction"/> claims; each claim has its own billing provider,
/// subscriber and (when the patient is not the subscriber) patient level. The delimiters are <c>*</c>, <c>:</c>,
/// <c>^</c> and <c>~</c>.
/// </para>
/// <para>
/// The claim model holds what coding edits need and no names or addresses, so the writer writes none: the file is for
/// testing, conversion and scrubbing, not for submission to a payer. A claim the 837 cannot carry as it is (an
/// institutional element on a professional claim, more diagnoses or pointers than the form holds, a value holding a
/// delimiter…) is refused whole: <see cref="Check"/> lists why, and <see cref="Write"/> throws. Indicators of
/// present on admission after the last reported one are not kept (a file cannot tell them from none).
/// </para>
/// <para>Write claims as they come; <see cref="Dispose"/> writes the trailers and flushes. Not thread-safe.</para>
/// </remarks>
public sealed class X12ClaimWriter : IDisposable
{
    /// <summary>The implementation guide of the 837P transactions written.</summary>
    public const string ProfessionalGuide = "005010X222A1";

    /// <summary>The implementation guide of the 837I transactions written.</summary>
    public const string InstitutionalGuide = "005010X223A3";

    private const int CodesPerHi = 12;
    internal static readonly System.Buffers.SearchValues<char> Delimiters = System.Buffers.SearchValues.Create("*:^~\r\n");

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly X12WriterOptions options;
    private readonly StreamWriter writer;
    private readonly StringBuilder segment = new();
    private readonly string terminator;
    private X12Form? form;
    private int groups;
    private int groupTransactions;
    private int transactions;
    private int transactionSegments;
    private int transactionClaims;
    private int hierarchy;
    private bool completed;

    /// <summary>Creates a writer over <paramref name="stream"/> and writes the interchange header.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">The envelope: date, ids, control number.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open when the writer is disposed.</param>
    /// <exception cref="ArgumentException">An option cannot go in an ISA (an id longer than 15 characters or holding a delimiter, a control number out of range).</exception>
    public X12ClaimWriter(Stream stream, X12WriterOptions options, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        CheckId(options.SenderId, nameof(options.SenderId));
        CheckId(options.ReceiverId, nameof(options.ReceiverId));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InterchangeControlNumber, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.InterchangeControlNumber, 999_999_999, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxClaimsPerTransaction, 1, nameof(options));
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.options = options;
        terminator = options.LineBreaks ? "~\n" : "~";
        writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var created = options.Created;
        Segment("ISA", "00", new string(' ', 10), "00", new string(' ', 10), "ZZ", options.SenderId.PadRight(15), "ZZ", options.ReceiverId.PadRight(15),
            Format(created, "yyMMdd"), Format(created, "HHmm"), "^", "00501", Control9(options.InterchangeControlNumber), "0", options.Production ? "P" : "T", ":");
    }

    /// <summary>Lists what keeps a claim from being written as an 837 that reads back unchanged.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>One error per element the 837 cannot carry as it is, named by its path; empty when the claim can be written.</returns>
    public static ImmutableArray<ClaimElementError> Check(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new X12ClaimCheck(claim).Run();
    }

    /// <summary>Writes one claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <exception cref="ArgumentException">The 837 cannot carry the claim as it is (see <see cref="Check"/>).</exception>
    public void Write(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ObjectDisposedException.ThrowIf(completed, this);
        var problems = Check(claim);
        if (!problems.IsEmpty)
        {
            throw new ArgumentException($"Claim '{claim.ClaimId}' cannot be written as an 837: {string.Join(" ", problems.Select(p => $"{p.Element}: {p.Message}"))}", nameof(claim));
        }

        var kind = claim.Setting == ClaimSetting.Professional ? X12Form.Professional : X12Form.Institutional;
        StartTransaction(kind);
        WriteClaim(claim, kind == X12Form.Professional);
        transactionClaims++;
    }

    /// <summary>Writes the trailers (SE, GE, IEA), flushes, and disposes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        EndGroup();
        Segment("IEA", Number(groups), Control9(options.InterchangeControlNumber));
        writer.Flush();
        writer.Dispose();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private static void CheckId(string id, string name)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 15 || id.AsSpan().IndexOfAny(Delimiters) >= 0)
        {
            throw new ArgumentException($"The {name} '{id}' cannot go in an ISA: 1 to 15 characters without * : ^ ~ or line breaks.", nameof(id));
        }
    }

    private void StartTransaction(X12Form kind)
    {
        if (form != kind)
        {
            EndGroup();
            form = kind;
            groups++;
            groupTransactions = 0;
            var created = options.Created;
            Segment("GS", "HC", options.SenderId, options.ReceiverId, Format(created, "yyyyMMdd"), Format(created, "HHmm"), Number(groups), "X", Guide(kind));
        }
        else if (transactionClaims < options.MaxClaimsPerTransaction)
        {
            return;
        }
        else
        {
            EndTransaction();
        }

        transactions++;
        groupTransactions++;
        transactionClaims = 0;
        transactionSegments = 0;
        hierarchy = 0;
        var control = Control(transactions);
        var created2 = options.Created;
        Segment("ST", "837", control, Guide(kind));
        Segment("BHT", "0019", "00", control, Format(created2, "yyyyMMdd"), Format(created2, "HHmm"), "CH");
        Segment("NM1", "41", "2", options.SenderId, null, null, null, null, "46", options.SenderId);
        Segment("NM1", "40", "2", options.ReceiverId, null, null, null, null, "46", options.ReceiverId);
    }

    private void EndTransaction()
    {
        if (transactionSegments > 0)
        {
            Segment("SE", Number(transactionSegments + 1), Control(transactions));
            transactionSegments = 0;
        }
    }

    private void EndGroup()
    {
        if (form is not null)
        {
            EndTransaction();
            Segment("GE", Number(groupTransactions), Number(groups));
            form = null;
        }
    }

    private static string Guide(X12Form kind) => kind == X12Form.Professional ? ProfessionalGuide : InstitutionalGuide;

    private void WriteClaim(Claim claim, bool professional)
    {
        // 2000A / 2010AA
        var billing = ++hierarchy;
        Segment("HL", Number(billing), null, "20", "1");
        Segment("NM1", "85", "2", null, null, null, null, null, Qualifier(claim.BillingNpi), claim.BillingNpi?.ToString());

        // 2000B / 2010BA / 2010BB
        var coverage = claim.Coverage;
        var relationship = Trim(coverage.PatientRelationship);
        var patientLoop = relationship is not null && relationship != "18";
        var subscriber = ++hierarchy;
        Segment("HL", Number(subscriber), Number(billing), "22", patientLoop ? "1" : "0");
        Segment("SBR", Trim(coverage.ResponsibilitySequence), patientLoop ? null : relationship, null, null, null, null, null, null, Trim(coverage.ClaimFilingIndicator));
        Segment("NM1", "IL", "1", null, null, null, null, null, Trim(coverage.MemberId) is null ? null : "MI", Trim(coverage.MemberId));
        if (!patientLoop)
        {
            Demographics(claim.Patient);
        }

        Segment("NM1", "PR", "2", Trim(coverage.PayerName), null, null, null, null, Trim(coverage.PayerId) is null ? null : "PI", Trim(coverage.PayerId));

        // 2000C / 2010CA
        if (patientLoop)
        {
            Segment("HL", Number(++hierarchy), Number(subscriber), "23", "0");
            Segment("PAT", relationship);
            Segment("NM1", "QC", "1");
            Demographics(claim.Patient);
        }

        WriteClaimInformation(claim, professional);
        WriteProviders(claim, professional);
        WriteOtherCoverages(claim);
        for (var i = 0; i < claim.Lines.Length; i++)
        {
            WriteLine(claim.Lines[i], i + 1, professional);
        }
    }

    private void Demographics(Patient patient)
    {
        var sex = patient.Sex switch
        {
            Sex.Female => "F",
            Sex.Male => "M",
            _ => null,
        };
        if (patient.BirthDate is not null || sex is not null)
        {
            Segment("DMG", patient.BirthDate is null ? null : "D8", Date(patient.BirthDate), sex);
        }
    }

    private void WriteClaimInformation(Claim claim, bool professional)
    {
        var total = 0m;
        foreach (var line in claim.Lines)
        {
            total += line.Charge;
        }

        var location = Composite(professional ? claim.PlaceOfService?.ToString() : claim.TypeOfBill?.ToString(), professional ? "B" : "A", Trim(claim.FrequencyCode));
        if (professional)
        {
            Segment("CLM", Trim(claim.ClaimId), Amount(total), null, null, location, "Y", "A", "Y", "Y");
            DateSegment("435", claim.AdmissionDate, claim.AdmissionHour);
            DateSegment("096", claim.DischargeDate, null);
        }
        else
        {
            Segment("CLM", Trim(claim.ClaimId), Amount(total), null, null, location, null, "A", "Y", "Y");
            if (claim.StatementFrom is { } from && claim.StatementThrough is { } through)
            {
                Segment("DTP", "434", "RD8", Range(from, through));
            }

            DateSegment("435", claim.AdmissionDate, claim.AdmissionHour);
            if (Trim(claim.AdmissionType) is not null || Trim(claim.AdmissionSource) is not null || claim.DischargeStatus is not null)
            {
                Segment("CL1", Trim(claim.AdmissionType), Trim(claim.AdmissionSource), claim.DischargeStatus?.ToString());
            }
        }

        Reference("F8", claim.PayerClaimControlNumber);
        Reference("G1", claim.PriorAuthorization);
        Reference("9F", claim.ReferralNumber);
        Reference("X4", claim.CliaNumber);
        WriteHealthCareCodes(claim, professional);
    }

    private void DateSegment(string qualifier, DateOnly? date, int? hour)
    {
        if (date is not { } d)
        {
            return;
        }

        if (hour is { } h)
        {
            Segment("DTP", qualifier, "DT", string.Create(CultureInfo.InvariantCulture, $"{Date(d)}{h:00}00"));
        }
        else
        {
            Segment("DTP", qualifier, "D8", Date(d));
        }
    }

    private void Reference(string qualifier, string? value)
    {
        if (Trim(value) is { } text)
        {
            Segment("REF", qualifier, text);
        }
    }

    private void WriteHealthCareCodes(Claim claim, bool professional)
    {
        var diagnoses = claim.Diagnoses;
        var poa = claim.PresentOnAdmission;
        if (professional)
        {
            Hi([.. diagnoses.Select((d, i) => Composite(i == 0 ? "ABK" : "ABF", d.ToString()))]);
            Hi([.. claim.ConditionCodes.Select(c => Composite("BG", c.ToString()))]);
            return;
        }

        if (!diagnoses.IsEmpty)
        {
            Hi([DiagnosisComposite("ABK", diagnoses[0], Indicator(poa, 0))]);
        }

        if (claim.AdmittingDiagnosis is { } admitting)
        {
            Hi([Composite("ABJ", admitting.ToString())]);
        }

        Hi([.. claim.ReasonForVisitDiagnoses.Select(d => Composite("APR", d.ToString()))]);
        Hi([.. claim.ExternalCauseDiagnoses.Select((d, i) => DiagnosisComposite("ABN", d, Indicator(claim.ExternalCausePresentOnAdmission, i)))]);
        Hi([.. diagnoses.Skip(1).Select((d, i) => DiagnosisComposite("ABF", d, Indicator(poa, i + 1)))]);
        var procedures = claim.PcsProcedures;
        if (!procedures.IsEmpty)
        {
            Hi([DatedComposite("BBR", procedures[0].Code.ToString(), "D8", Date(procedures[0].Date))]);
            Hi([.. procedures.Skip(1).Select(p => DatedComposite("BBQ", p.Code.ToString(), "D8", Date(p.Date)))]);
        }

        Hi([.. claim.OccurrenceSpanCodes.Select(s => DatedComposite("BI", s.Code.ToString(), "RD8", s.From is { } f && s.Through is { } t ? Range(f, t) : null))]);
        Hi([.. claim.OccurrenceCodes.Select(o => DatedComposite("BH", o.Code.ToString(), "D8", Date(o.Date)))]);
        Hi([.. claim.ValueCodes.Select(v => Composite("BE", v.Code.ToString(), null, null, v.Amount is { } a ? Amount(a) : null))]);
        Hi([.. claim.ConditionCodes.Select(c => Composite("BG", c.ToString()))]);
    }

    private static string? Indicator(ImmutableArray<PresentOnAdmission> indicators, int index) =>
        index < indicators.Length ? indicators[index] switch
        {
            PresentOnAdmission.Yes => "Y",
            PresentOnAdmission.No => "N",
            PresentOnAdmission.Unknown => "U",
            PresentOnAdmission.ClinicallyUndetermined => "W",
            PresentOnAdmission.Exempt => "1",
            _ => null,
        } : null;

    private static string DiagnosisComposite(string qualifier, IcdCode code, string? indicator) =>
        Composite(qualifier, code.ToString(), null, null, null, null, null, null, indicator);

    private static string DatedComposite(string qualifier, string code, string format, string? date) =>
        date is null ? Composite(qualifier, code) : Composite(qualifier, code, format, date);

    /// <summary>Writes a list of HI composites, twelve to a segment.</summary>
    private void Hi(string[] composites)
    {
        for (var start = 0; start < composites.Length; start += CodesPerHi)
        {
            Segment("HI", composites[start..Math.Min(composites.Length, start + CodesPerHi)]);
        }
    }

    private void WriteProviders(Claim claim, bool professional)
    {
        if (professional)
        {
            Provider("DN", "1", claim.ReferringNpi);
            Provider("82", "1", claim.RenderingNpi);
            Facility(claim.ServiceFacility);
            Provider("DQ", "1", claim.SupervisingNpi);
        }
        else
        {
            Provider("71", "1", claim.AttendingNpi);
            Provider("72", "1", claim.OperatingNpi);
            Provider("82", "1", claim.RenderingNpi);
            Facility(claim.ServiceFacility);
            Provider("DN", "1", claim.ReferringNpi);
        }
    }

    private void Provider(string entity, string kind, Npi? npi)
    {
        if (npi is { } id)
        {
            Segment("NM1", entity, kind, null, null, null, null, null, "XX", id.ToString());
        }
    }

    private void Facility(ServiceFacility? facility)
    {
        if (facility is null)
        {
            return;
        }

        Segment("NM1", "77", "2", null, null, null, null, null, Qualifier(facility.Npi), facility.Npi?.ToString());
        if (Trim(facility.PostalCode) is { } zip)
        {
            Segment("N4", null, null, zip);
        }
    }

    private void WriteOtherCoverages(Claim claim)
    {
        foreach (var other in claim.OtherCoverages)
        {
            Segment("SBR", Trim(other.ResponsibilitySequence), Trim(other.PatientRelationship), null, null, null, null, null, null, Trim(other.ClaimFilingIndicator));
            if (other.PaidAmount is { } paid)
            {
                Segment("AMT", "D", Amount(paid));
            }

            Segment("NM1", "IL", "1", null, null, null, null, null, Trim(other.MemberId) is null ? null : "MI", Trim(other.MemberId));
            Segment("NM1", "PR", "2", Trim(other.PayerName), null, null, null, null, Trim(other.PayerId) is null ? null : "PI", Trim(other.PayerId));
        }
    }

    private void WriteLine(ServiceLine line, int number, bool professional)
    {
        Segment("LX", Number(number));
        var procedure = line.ProcedureCode is null && line.Modifiers.IsEmpty
            ? null
            : Composite(["HC", line.ProcedureCode?.ToString(), .. line.Modifiers.Select(m => m.ToString())]);
        if (professional)
        {
            var anesthesia = line.AnesthesiaMinutes is { } minutes;
            Segment("SV1", procedure, Amount(line.Charge), anesthesia ? "MJ" : "UN", anesthesia ? Number(line.AnesthesiaMinutes!.Value) : Amount(line.Units),
                line.PlaceOfService?.ToString(), null, line.DiagnosisPointers.IsEmpty ? null : Composite([.. line.DiagnosisPointers.Select(Number)]));
        }
        else
        {
            var revenue = Trim(line.RevenueCode);
            Segment("SV2", revenue, procedure, Amount(line.Charge), IsAccommodation(revenue) ? "DA" : "UN", Amount(line.Units));
        }

        if (line.ServiceDate is { } from)
        {
            if (line.ServiceDateTo is { } to)
            {
                Segment("DTP", "472", "RD8", Range(from, to));
            }
            else
            {
                Segment("DTP", "472", "D8", Date(from));
            }
        }

        Reference("6R", line.LineItemControlNumber);
        if (line.Drug is { } drug)
        {
            Segment("LIN", null, "N4", drug.Ndc.ToString());
            if (drug.Quantity is not null || drug.Unit is not null)
            {
                Segment("CTP", null, null, null, drug.Quantity is { } q ? Amount(q) : null, drug.Unit is { } u ? UnitCode(u) : null);
            }
        }

        if (professional)
        {
            Provider("82", "1", line.RenderingNpi);
            Provider("DQ", "1", line.SupervisingNpi);
            Provider("DK", "1", line.OrderingNpi);
            Provider("DN", "1", line.ReferringNpi);
        }
        else
        {
            Provider("72", "1", line.OperatingNpi);
            Provider("82", "1", line.RenderingNpi);
            Provider("DN", "1", line.ReferringNpi);
        }
    }

    /// <summary>Room and board (revenue codes 010x–021x) is billed in days.</summary>
    private static bool IsAccommodation(string? revenue) =>
        revenue is { Length: 4 } && (revenue.StartsWith("01", StringComparison.Ordinal) || revenue.StartsWith("020", StringComparison.Ordinal) || revenue.StartsWith("021", StringComparison.Ordinal));

    private static string UnitCode(DrugUnit unit) => unit switch
    {
        DrugUnit.InternationalUnit => "F2",
        DrugUnit.Gram => "GR",
        DrugUnit.Milligram => "ME",
        DrugUnit.Milliliter => "ML",
        _ => "UN",
    };

    private static string? Qualifier(Npi? npi) => npi is null ? null : "XX";

    internal static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Composite(params string?[] components)
    {
        var count = components.Length;
        while (count > 0 && string.IsNullOrEmpty(components[count - 1]))
        {
            count--;
        }

        return string.Join(':', components, 0, count);
    }

    /// <summary>Writes a segment, leaving off trailing empty elements as X12 syntax requires.</summary>
    private void Segment(string id, params string?[] elements)
    {
        var count = elements.Length;
        while (count > 0 && string.IsNullOrEmpty(elements[count - 1]))
        {
            count--;
        }

        segment.Clear().Append(id);
        for (var i = 0; i < count; i++)
        {
            segment.Append('*').Append(elements[i]);
        }

        segment.Append(terminator);
        writer.Write(segment);
        if (form is not null && id is not ("GS" or "GE"))
        {
            transactionSegments++;
        }
    }

    private static string Format(DateTime value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Range(DateOnly from, DateOnly to) => string.Concat(Date(from), "-", Date(to));

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Control(int value) => value.ToString("D4", CultureInfo.InvariantCulture);

    private static string Control9(int value) => value.ToString("D9", CultureInfo.InvariantCulture);
}
