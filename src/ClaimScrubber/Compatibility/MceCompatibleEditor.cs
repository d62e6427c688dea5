using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.CodeSets.Mce;

namespace ClaimScrubber.Compatibility;

/// <summary>
/// Runs ClaimScrubber's Medicare Code Editor logic on MCE-style inputs (discharge date, age, sex, principal and
/// secondary diagnoses, ICD-10-PCS procedures, and optionally the admission date and discharge status) and reports each
/// diagnosis's and procedure's edits by the MCE's own names (<c>INVALID_CODE</c>, <c>AGE_CONFLICT</c>,
/// <c>NON_COVERED</c>…), and the claim's own edits (<c>INVALID_AGE</c>, <c>INVALID_SEX</c>,
/// <c>INVALID_DISCHARGE_STATUS</c>), for comparison with CMS's MCE software.
/// </summary>
/// <remarks>
/// The claim rules use the same logic; this view only speaks the MCE's terms. Without an admission date the
/// length-of-stay edit does not run, and without a discharge status that status is not checked, as in the MCE when the
/// input lacks them.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MceCompatibleEditor
{
    /// <summary>The header of the input layout (the golden vectors' <c>claims.tsv</c>).</summary>
    public const string InputHeader = "id\tdischarge_date\tage\tsex\tpdx\tsdx\tpx";

    /// <summary>The header of the extended input layout: <see cref="InputHeader"/> with the admission date (yyyyMMdd, may be empty) and the discharge status (two digits, may be empty).</summary>
    public const string ExtendedInputHeader = InputHeader + "\tadmission_date\tdischarge_status";

    /// <summary>The header of the output layout (the golden vectors' <c>expected.tsv</c>).</summary>
    public const string OutputHeader = "id\tedit_type\tdx_edits\tpx_edits";

    /// <summary>The header of the output layout written for <see cref="ExtendedInputHeader"/> input: <see cref="OutputHeader"/> with the claim's own edits.</summary>
    public const string ExtendedOutputHeader = OutputHeader + "\tclaim_edits";

    private readonly MceEditor editor;

    private MceCompatibleEditor(MceEditor editor) => this.editor = editor;

    /// <summary>Gets a value indicating whether procedures are checked for validity (the index holds the ICD-10-PCS order files); without them every well-formed procedure code counts as valid.</summary>
    public bool ValidatesProcedures => editor.Pcs is not null;

    /// <summary>Creates the view over the MCE lists, ICD-10-CM and ICD-10-PCS code sets of <paramref name="index"/>.</summary>
    /// <param name="index">An index with the MCE definitions (and the v41.1 lists for sex edits), the ICD-10-CM order files and, for procedure validity, the ICD-10-PCS order files loaded.</param>
    /// <returns>The view.</returns>
    /// <exception cref="InvalidOperationException">The index has no MCE list or no ICD-10-CM code set.</exception>
    public static MceCompatibleEditor Create(CodeSetIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var mce = index.Mce ?? throw new InvalidOperationException("The index has no Medicare Code Editor list: load 'Definitions of Medicare Code Edits_v_*.txt' (and the v41.1 age/sex CSV for sex edits).");
        var icd = index.Icd10Cm ?? throw new InvalidOperationException("The index has no ICD-10-CM code set: load the order files (cms_YYYY_dx.zip) of the fiscal years to edit.");
        return new MceCompatibleEditor(new MceEditor(mce, icd, index.Icd10Pcs));
    }

    /// <summary>Edits one claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>Each diagnosis and procedure, in claim order, with its edits sorted by name, the claim's own edits, and the claim's edit type.</returns>
    public MceClaimResult Edit(MceClaimInput claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var texts = new string[claim.SecondaryDiagnoses.Length + 1];
        texts[0] = claim.PrincipalDiagnosis.Trim();
        for (var i = 1; i < texts.Length; i++)
        {
            texts[i] = claim.SecondaryDiagnoses[i - 1].Trim();
        }

        var codes = new IcdCode[texts.Length];
        var parsed = new bool[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            parsed[i] = IcdCode.TryParse(texts[i], out codes[i]);
        }

        var date = claim.DischargeDate;
        var claimEdits = editor.EditClaim(claim.Age, claim.Sex, string.IsNullOrWhiteSpace(claim.DischargeStatus) ? null : claim.DischargeStatus.Trim(), date);
        var sex = claim.Sex switch { 1 => Sex.Male, 2 => Sex.Female, _ => Sex.Unknown };
        int? age = (claimEdits & MceClaimEdits.InvalidAge) == 0 ? claim.Age : null;
        var any = claimEdits != MceClaimEdits.None;
        var diagnoses = ImmutableArray.CreateBuilder<MceDiagnosisResult>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            MceEdits edits;
            if (parsed[i])
            {
                edits = editor.Edit(codes, i, date, age, sex);
                if (i > 0 && !parsed[0])
                {
                    edits &= ~MceEdits.DuplicateOfPdx;
                }
            }
            else
            {
                // Text that can never be a code is invalid; it still duplicates an identical principal diagnosis.
                edits = MceEdits.InvalidCode;
                if (i > 0 && string.Equals(texts[i], texts[0], StringComparison.OrdinalIgnoreCase))
                {
                    edits |= MceEdits.DuplicateOfPdx;
                }
            }

            any |= edits != MceEdits.None;
            diagnoses.Add(new MceDiagnosisResult(texts[i], [.. MceEditNames.Names(edits)]));
        }

        // Malformed procedure text takes no part in another procedure's edits (as a companion procedure), and is invalid itself.
        var procedureTexts = claim.Procedures.Select(p => p.Trim()).ToArray();
        var wellFormed = procedureTexts.Select(t => PcsCode.TryParse(t, out var code) ? code : default).ToArray();
        var procedures = wellFormed.Where(p => !p.IsDefault).ToArray();
        var diagnosisCodes = codes.Where((_, i) => parsed[i]).ToArray();
        int? stay = claim.AdmissionDate is { } admitted && admitted <= date ? date.DayNumber - admitted.DayNumber : null;
        var procedureResults = ImmutableArray.CreateBuilder<MceDiagnosisResult>(procedureTexts.Length);
        for (var i = 0; i < procedureTexts.Length; i++)
        {
            var edits = !wellFormed[i].IsDefault && editor.IsValid(wellFormed[i], date)
                ? editor.ValidProcedureEdits(wellFormed[i], procedures, diagnosisCodes, date, age, sex, stay)
                : MceProcedureEdits.InvalidCode;
            any |= edits != MceProcedureEdits.None;
            procedureResults.Add(new MceDiagnosisResult(procedureTexts[i], [.. MceProcedureEditNames.Names(edits)]));
        }

        // Every MCE v43 edit the library mirrors is a prepayment edit (the claim is returned before payment).
        return new MceClaimResult(claim.Id, any ? "PREPAYMENT" : "NONE", diagnoses.MoveToImmutable(), procedureResults.MoveToImmutable())
        {
            ClaimEdits = [.. MceProcedureEditNames.Names(claimEdits)],
        };
    }

    /// <summary>
    /// Edits every claim of <paramref name="input"/> (the layout of <see cref="InputHeader"/> or <see cref="ExtendedInputHeader"/>)
    /// and writes the results to <paramref name="output"/> (<see cref="OutputHeader"/>, or <see cref="ExtendedOutputHeader"/>
    /// for extended input), claim by claim.
    /// </summary>
    /// <param name="input">The claims, header first.</param>
    /// <param name="output">Where to write the results.</param>
    /// <returns>The number of claims edited.</returns>
    /// <exception cref="FormatException">The header or a row is not in the layout; the message names the line.</exception>
    public int EditAll(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var header = input.ReadLine()?.TrimEnd('\r');
        var extended = string.Equals(header, ExtendedInputHeader, StringComparison.Ordinal);
        if (!extended && !string.Equals(header, InputHeader, StringComparison.Ordinal))
        {
            throw new FormatException($"Line 1: expected the header '{Tabs(InputHeader)}' or '{Tabs(ExtendedInputHeader)}'.");
        }

        var count = 0;
        Write(output, ReadRows(input, extended).Select(claim =>
        {
            count++;
            return Edit(claim);
        }), extended);
        return count;
    }

    /// <summary>Reads claims in the layout of the golden vectors' <c>claims.tsv</c> (<see cref="InputHeader"/>).</summary>
    /// <param name="reader">The text, header first.</param>
    /// <returns>The claims, lazily, in file order.</returns>
    /// <exception cref="FormatException">The header or a row is not in the layout; the message names the line.</exception>
    public static IEnumerable<MceClaimInput> ReadClaims(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader);

        static IEnumerable<MceClaimInput> Read(TextReader reader)
        {
            var header = reader.ReadLine()?.TrimEnd('\r');
            var extended = string.Equals(header, ExtendedInputHeader, StringComparison.Ordinal);
            if (!extended && !string.Equals(header, InputHeader, StringComparison.Ordinal))
            {
                throw new FormatException($"Line 1: expected the header '{Tabs(InputHeader)}' or '{Tabs(ExtendedInputHeader)}'.");
            }

            foreach (var claim in ReadRows(reader, extended))
            {
                yield return claim;
            }
        }
    }

    /// <summary>Writes results in the layout of the golden vectors' <c>expected.tsv</c> (<see cref="OutputHeader"/>).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="results">The results, in claim order.</param>
    public static void WriteResults(TextWriter writer, IEnumerable<MceClaimResult> results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        Write(writer, results, withClaimEdits: false);
    }

    private static void Write(TextWriter writer, IEnumerable<MceClaimResult> results, bool withClaimEdits)
    {
        writer.Write(withClaimEdits ? ExtendedOutputHeader : OutputHeader);
        writer.Write('\n');
        var line = new StringBuilder(256);
        foreach (var result in results)
        {
            line.Clear();
            line.Append(result.Id).Append('\t').Append(result.EditType).Append('\t');
            AppendEdits(line, result.Diagnoses);
            line.Append('\t');
            AppendEdits(line, result.ProcedureEdits);
            if (withClaimEdits)
            {
                line.Append('\t').AppendJoin('+', result.ClaimEdits);
            }

            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Formats one diagnosis list as <c>CODE=EDIT+EDIT;CODE=</c>, as <c>expected.tsv</c> does.</summary>
    /// <param name="diagnoses">The diagnoses with their edits.</param>
    /// <returns>The text.</returns>
    public static string FormatEdits(IEnumerable<MceDiagnosisResult> diagnoses)
    {
        ArgumentNullException.ThrowIfNull(diagnoses);
        var text = new StringBuilder();
        AppendEdits(text, diagnoses);
        return text.ToString();
    }

    private static void AppendEdits(StringBuilder text, IEnumerable<MceDiagnosisResult> items)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.Append(';');
            }

            first = false;
            text.Append(item.Code).Append('=').AppendJoin('+', item.Edits);
        }
    }

    private static IEnumerable<MceClaimInput> ReadRows(TextReader reader, bool extended)
    {
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseClaim(line.TrimEnd('\r'), number, extended);
        }
    }

    private static MceClaimInput ParseClaim(string line, int number, bool extended)
    {
        var cells = line.Split('\t');
        var (least, most) = extended ? (9, 9) : (6, 7);
        if (cells.Length < least || cells.Length > most)
        {
            throw new FormatException(extended
                ? $"Line {number}: expected 9 tab-separated cells (id, discharge_date, age, sex, pdx, sdx, px, admission_date, discharge_status), found {cells.Length}."
                : $"Line {number}: expected 7 tab-separated cells (id, discharge_date, age, sex, pdx, sdx, px), found {cells.Length}.");
        }

        if (!DateOnly.TryParseExact(cells[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"Line {number}: the discharge date '{cells[1]}' is not yyyyMMdd.");
        }

        // Ages and sex codes out of range are the MCE's edits 14 and 15, not format errors.
        if (!int.TryParse(cells[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var age))
        {
            throw new FormatException($"Line {number}: the age '{cells[2]}' is not a whole number of years.");
        }

        if (!int.TryParse(cells[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sex))
        {
            throw new FormatException($"Line {number}: the sex '{cells[3]}' is not a number (0 unknown, 1 male, 2 female).");
        }

        DateOnly? admitted = null;
        if (extended && cells[7].Length > 0)
        {
            admitted = DateOnly.TryParseExact(cells[7], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var admission)
                ? admission
                : throw new FormatException($"Line {number}: the admission date '{cells[7]}' is not yyyyMMdd.");
        }

        return new MceClaimInput(cells[0], date, age, sex, cells[4], Split(cells[5]), cells.Length > 6 ? Split(cells[6]) : [])
        {
            AdmissionDate = admitted,
            DischargeStatus = extended && cells[8].Length > 0 ? cells[8] : null,
        };
    }

    private static string Tabs(string header) => header.Replace("\t", "<TAB>", StringComparison.Ordinal);

    private static ImmutableArray<string> Split(string cell) =>
        cell.Length == 0 ? [] : [.. cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>One MCE-style claim: what CMS's MCE software takes as input for its diagnosis, procedure and claim edits.</summary>
/// <param name="Id">The claim's identifier, echoed in the result.</param>
/// <param name="DischargeDate">The discharge date, which decides the fiscal year of the code sets and lists.</param>
/// <param name="Age">The age in years at discharge (outside 0–124 it draws <c>INVALID_AGE</c>).</param>
/// <param name="Sex">The sex as the MCE codes it: 0 unknown, 1 male, 2 female (another value draws <c>INVALID_SEX</c>).</param>
/// <param name="PrincipalDiagnosis">The principal diagnosis, ICD-10-CM without dot.</param>
/// <param name="SecondaryDiagnoses">The secondary diagnoses in claim order.</param>
/// <param name="Procedures">The ICD-10-PCS procedures in claim order.</param>
public sealed record MceClaimInput(string Id, DateOnly DischargeDate, int Age, int Sex, string PrincipalDiagnosis, ImmutableArray<string> SecondaryDiagnoses, ImmutableArray<string> Procedures)
{
    /// <summary>Gets the admission date, or <see langword="null"/> when not given (the length-of-stay edit then does not run).</summary>
    public DateOnly? AdmissionDate { get; init; }

    /// <summary>Gets the UB-04 patient discharge status (two digits), or <see langword="null"/> when not given (then not checked).</summary>
    public string? DischargeStatus { get; init; }
}

/// <summary>One code of an MCE-compatible result with the edits it drew.</summary>
/// <param name="Code">The code as given.</param>
/// <param name="Edits">The MCE names of its edits, sorted; empty when the code passed.</param>
public sealed record MceDiagnosisResult(string Code, ImmutableArray<string> Edits);

/// <summary>The MCE-compatible result of one claim.</summary>
/// <param name="Id">The claim's identifier.</param>
/// <param name="EditType">The MCE edit type: <c>NONE</c> when no edit fired, else <c>PREPAYMENT</c>.</param>
/// <param name="Diagnoses">Every diagnosis in claim order (principal first) with its edits.</param>
/// <param name="ProcedureEdits">Every procedure in claim order with its edits.</param>
public sealed record MceClaimResult(string Id, string EditType, ImmutableArray<MceDiagnosisResult> Diagnoses, ImmutableArray<MceDiagnosisResult> ProcedureEdits)
{
    private readonly ImmutableArray<string> claimEdits;

    /// <summary>Gets the claim's own edits (<c>INVALID_AGE</c>, <c>INVALID_DISCHARGE_STATUS</c>, <c>INVALID_SEX</c>), sorted; empty when none.</summary>
    public ImmutableArray<string> ClaimEdits
    {
        get => claimEdits.IsDefault ? [] : claimEdits;
        init => claimEdits = value;
    }
}
