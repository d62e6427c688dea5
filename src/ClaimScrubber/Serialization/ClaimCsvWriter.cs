using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Writes claims as the flat CSV of service lines that <see cref="ClaimCsvReader"/> reads (see <c>docs/json-contract.md</c>):
/// a header of <see cref="ClaimCsvReader.ClaimColumns"/> and <see cref="ClaimCsvReader.LineColumns"/>, then one row per
/// service line with the claim-level columns repeated and lists separated by <c>|</c>, so that claims read back unchanged.
/// </summary>
/// <remarks>Write claims as they come; <see cref="Dispose"/> flushes. Not thread-safe.</remarks>
public sealed class ClaimCsvWriter : IDisposable
{
    private readonly CsvWriter csv;

    // The reader groups rows by claimId and refuses an id that comes back, so each id may be written once (as the
    // reader, the writer keeps every id of its file).
    private readonly HashSet<string> writtenIds = new(StringComparer.Ordinal);

    /// <summary>Creates a writer over <paramref name="writer"/> and writes the header.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open when this writer is disposed.</param>
    public ClaimCsvWriter(TextWriter writer, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen);
        foreach (var column in ClaimCsvReader.ClaimColumns.Concat(ClaimCsvReader.LineColumns))
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
    }

    /// <summary>
    /// Lists what keeps a claim out of the CSV layout: a claim without service lines has no row to go in, and the lists
    /// whose entries carry dates or amounts (ICD-10-PCS procedures, occurrence, occurrence span and value codes), other
    /// payers and the destination payer's paid amount have no column; JSON carries them all, X12 all but the last.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <returns>One error per element the layout cannot carry, in element order; empty when the claim can be written.</returns>
    /// <remarks>
    /// A service facility that gives neither NPI nor ZIP code says nothing, and reads back as none. Text is trimmed at
    /// reading, as every reader does.
    /// </remarks>
    public static ImmutableArray<ClaimElementError> Check(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var problems = ImmutableArray.CreateBuilder<ClaimElementError>();
        void NotCarried(bool present, string element, string what, string instead = "JSON or X12")
        {
            if (present)
            {
                problems.Add(new ClaimElementError(element, $"The CSV layout has no column for {what}; write the claim as {instead}."));
            }
        }

        if (string.IsNullOrWhiteSpace(claim.ClaimId))
        {
            problems.Add(new ClaimElementError("claimId", "The claim has no id, and the CSV layout tells a claim's rows by its claimId; give the claim an id."));
        }

        if (claim.Lines.IsEmpty)
        {
            problems.Add(new ClaimElementError("lines", "The claim has no service line, and the CSV layout holds a claim as its lines; write it as JSON or X12."));
        }

        NotCarried(!claim.PcsProcedures.IsEmpty, "pcsProcedures", "ICD-10-PCS procedures (each with its date)");
        NotCarried(!claim.OccurrenceCodes.IsEmpty, "occurrenceCodes", "occurrence codes (each with its date)");
        NotCarried(!claim.OccurrenceSpanCodes.IsEmpty, "occurrenceSpanCodes", "occurrence span codes (each with its dates)");
        NotCarried(!claim.ValueCodes.IsEmpty, "valueCodes", "value codes (each with its amount)");
        NotCarried(!claim.OtherCoverages.IsEmpty, "otherCoverages", "other payers");
        NotCarried(claim.Coverage.PaidAmount is not null, "coverage.paidAmount", "the destination payer's paid amount", "JSON");
        return problems.ToImmutable();
    }

    /// <summary>
    /// Lists what keeps a claim out of this file: what <see cref="Check"/> lists, and a claim id already written to it
    /// (rows are told apart by <c>claimId</c>, so a second claim of the same id would read back as part of the first, or
    /// unreadable).
    /// </summary>
    /// <param name="claim">The claim to write next.</param>
    /// <returns>One error per element the file cannot carry; empty when <see cref="Write"/> would write the claim.</returns>
    public ImmutableArray<ClaimElementError> CheckNext(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var problems = Check(claim);
        return claim.ClaimId is { } id && writtenIds.Contains(id.Trim())
            ? problems.Add(new ClaimElementError("claimId", $"A claim with the id '{ClaimElements.Echo(id.Trim())}' was written to this file already; the CSV layout tells claims apart by their ids, so write it to another file or as JSON."))
            : problems;
    }

    /// <summary>Writes one claim: a row per service line.</summary>
    /// <param name="claim">The claim.</param>
    /// <exception cref="ArgumentException">The file cannot carry the claim (see <see cref="CheckNext"/>).</exception>
    public void Write(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var problems = CheckNext(claim);
        if (!problems.IsEmpty)
        {
            throw new ArgumentException($"Claim '{claim.ClaimId}' cannot be written as CSV: {string.Join(" ", problems.Select(p => $"{p.Element}: {p.Message}"))}", nameof(claim));
        }

        writtenIds.Add(claim.ClaimId.Trim());

        // The JSON contract's text for every element, so that both formats spell values alike.
        var coverage = claim.Coverage;
        string?[] claimCells =
        [
            claim.ClaimId, ContractNames.Of(claim.Setting), Date(claim.Patient.BirthDate), ContractNames.Of(claim.Patient.Sex), claim.BillingNpi?.ToString(),
            claim.RenderingNpi?.ToString(), claim.PlaceOfService?.ToString(), claim.FrequencyCode, Date(claim.DischargeDate),
            string.Join('|', claim.Diagnoses.Select(d => d.ToDottedString())),
            claim.TypeOfBill?.ToString(), Date(claim.AdmissionDate), claim.AdmissionHour?.ToString(CultureInfo.InvariantCulture), claim.AdmissionType,
            claim.AdmissionSource, claim.DischargeStatus?.ToString(), Date(claim.StatementFrom), Date(claim.StatementThrough),
            Indicators(claim.PresentOnAdmission), claim.AdmittingDiagnosis?.ToDottedString(),
            string.Join('|', claim.ReasonForVisitDiagnoses.Select(d => d.ToDottedString())),
            string.Join('|', claim.ExternalCauseDiagnoses.Select(d => d.ToDottedString())), Indicators(claim.ExternalCausePresentOnAdmission),
            string.Join('|', claim.ConditionCodes), claim.AttendingNpi?.ToString(), claim.OperatingNpi?.ToString(), claim.ReferringNpi?.ToString(),
            claim.SupervisingNpi?.ToString(), claim.ServiceFacility?.Npi?.ToString(), claim.ServiceFacility?.PostalCode, claim.PriorAuthorization,
            claim.ReferralNumber, claim.PayerClaimControlNumber, claim.CliaNumber, coverage.ResponsibilitySequence, coverage.PatientRelationship,
            coverage.ClaimFilingIndicator, coverage.MemberId, coverage.PayerId, coverage.PayerName,
        ];
        foreach (var line in claim.Lines)
        {
            string?[] lineCells =
            [
                line.ProcedureCode?.ToString(), string.Join('|', line.Modifiers), Number(line.Units), Number(line.Charge), Date(line.ServiceDate),
                Date(line.ServiceDateTo), line.PlaceOfService?.ToString(), string.Join('|', line.DiagnosisPointers), line.RenderingNpi?.ToString(), line.RevenueCode,
                line.Drug?.Ndc.ToString(), line.Drug?.Quantity is { } quantity ? Number(quantity) : null, line.Drug?.Unit is { } unit ? ContractNames.Of(unit) : null,
                line.LineItemControlNumber, line.AnesthesiaMinutes?.ToString(CultureInfo.InvariantCulture), line.ReferringNpi?.ToString(),
                line.OrderingNpi?.ToString(), line.SupervisingNpi?.ToString(), line.OperatingNpi?.ToString(),
            ];
            foreach (var cell in claimCells.Concat(lineCells))
            {
                csv.WriteField(cell ?? string.Empty);
            }

            csv.NextRecord();
        }
    }

    /// <summary>One character per indicator, <c>-</c> for one not reported, as the reader takes them.</summary>
    private static string Indicators(ImmutableArray<PresentOnAdmission> indicators) =>
        string.Concat(indicators.Select(i => ContractNames.Of(i) ?? "-"));

    /// <summary>Flushes, and disposes the output unless asked to leave it open.</summary>
    public void Dispose()
    {
        csv.Flush();
        csv.Dispose();
    }

    private static string? Date(DateOnly? date) => date?.ToString(ClaimElements.DateFormat, CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
