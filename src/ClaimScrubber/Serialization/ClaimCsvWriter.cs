using System.Globalization;
using ClaimScrubber.Claims;
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

    /// <summary>Writes one claim: a row per service line.</summary>
    /// <param name="claim">The claim.</param>
    /// <exception cref="ArgumentException">The claim has no service line: the CSV layout holds claims as their lines.</exception>
    public void Write(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Lines.IsEmpty)
        {
            throw new ArgumentException($"Claim '{claim.ClaimId}' has no service line; the CSV layout has a row per line, so only JSON can carry it.", nameof(claim));
        }

        // The JSON contract's text for every element, so that both formats spell values alike.
        string?[] claimCells =
        [
            claim.ClaimId, ContractNames.Of(claim.Setting), Date(claim.Patient.BirthDate), ContractNames.Of(claim.Patient.Sex), claim.BillingNpi?.ToString(),
            claim.RenderingNpi?.ToString(), claim.PlaceOfService?.ToString(), claim.FrequencyCode, Date(claim.DischargeDate),
            string.Join('|', claim.Diagnoses.Select(d => d.ToDottedString())),
        ];
        foreach (var line in claim.Lines)
        {
            string?[] lineCells =
            [
                line.ProcedureCode?.ToString(), string.Join('|', line.Modifiers), Number(line.Units), Number(line.Charge), Date(line.ServiceDate),
                Date(line.ServiceDateTo), line.PlaceOfService?.ToString(), string.Join('|', line.DiagnosisPointers), line.RenderingNpi?.ToString(), line.RevenueCode,
            ];
            foreach (var cell in claimCells.Concat(lineCells))
            {
                csv.WriteField(cell ?? string.Empty);
            }

            csv.NextRecord();
        }
    }

    /// <summary>Flushes, and disposes the output unless asked to leave it open.</summary>
    public void Dispose()
    {
        csv.Flush();
        csv.Dispose();
    }

    private static string? Date(DateOnly? date) => date?.ToString(ClaimElements.DateFormat, CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
