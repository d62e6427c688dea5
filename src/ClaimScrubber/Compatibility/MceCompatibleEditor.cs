using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.Codes;

namespace ClaimScrubber.Compatibility;

/// <summary>
/// Runs ClaimScrubber's Medicare Code Editor diagnosis logic on MCE-style inputs (discharge date, age, sex, principal
/// and secondary diagnoses, procedures) and reports each diagnosis's edits by the MCE's own names
/// (<c>INVALID_CODE</c>, <c>AGE_CONFLICT</c>…), for comparison with CMS's MCE software.
/// </summary>
/// <remarks>
/// The claim rules (<c>DX010</c>–<c>DX019</c>) use the same logic; this view only speaks the MCE's terms.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MceCompatibleEditor
{
    /// <summary>The header of the input layout (the golden vectors' <c>claims.tsv</c>).</summary>
    public const string InputHeader = "id\tdischarge_date\tage\tsex\tpdx\tsdx\tpx";

    /// <summary>The header of the output layout (the golden vectors' <c>expected.tsv</c>).</summary>
    public const string OutputHeader = "id\tedit_type\tdx_edits\tpx_edits";

    private readonly MceEditor editor;

    private MceCompatibleEditor(MceEditor editor) => this.editor = editor;

    /// <summary>Creates the view over the MCE lists and ICD-10-CM code set of <paramref name="index"/>.</summary>
    /// <param name="index">An index with the MCE definitions (and the v41.1 lists for sex edits) and the ICD-10-CM order files loaded.</param>
    /// <returns>The view.</returns>
    /// <exception cref="InvalidOperationException">The index has no MCE list or no ICD-10-CM code set.</exception>
    public static MceCompatibleEditor Create(CodeSetIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var mce = index.Mce ?? throw new InvalidOperationException("The index has no Medicare Code Editor list: load 'Definitions of Medicare Code Edits_v_*.txt' (and the v41.1 age/sex CSV for sex edits).");
        var icd = index.Icd10Cm ?? throw new InvalidOperationException("The index has no ICD-10-CM code set: load the order files (cms_YYYY_dx.zip) of the fiscal years to edit.");
        return new MceCompatibleEditor(new MceEditor(mce, icd));
    }

    /// <summary>Edits one claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>Each diagnosis, in claim order, with its edits sorted by name, and the claim's edit type.</returns>
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

        var sex = claim.Sex switch { 1 => Sex.Male, 2 => Sex.Female, _ => Sex.Unknown };
        var results = ImmutableArray.CreateBuilder<MceDiagnosisResult>(texts.Length);
        var any = false;
        for (var i = 0; i < texts.Length; i++)
        {
            MceEdits edits;
            if (parsed[i])
            {
                edits = editor.Edit(codes, i, claim.DischargeDate, claim.Age, sex);
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
            results.Add(new MceDiagnosisResult(texts[i], [.. MceEditNames.Names(edits)]));
        }

        // Every MCE v43 diagnosis edit is a prepayment edit (the claim is returned before payment).
        return new MceClaimResult(claim.Id, any ? "PREPAYMENT" : "NONE", results.MoveToImmutable(), [.. claim.Procedures.Select(p => new MceDiagnosisResult(p, []))]);
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
            var header = reader.ReadLine();
            if (header is null || !string.Equals(header.TrimEnd('\r'), InputHeader, StringComparison.Ordinal))
            {
                throw new FormatException($"Line 1: expected the header '{InputHeader.Replace("\t", "<TAB>", StringComparison.Ordinal)}'.");
            }

            var number = 1;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return ParseClaim(line.TrimEnd('\r'), number);
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
        writer.Write(OutputHeader);
        writer.Write('\n');
        var line = new StringBuilder(256);
        foreach (var result in results)
        {
            line.Clear();
            line.Append(result.Id).Append('\t').Append(result.EditType).Append('\t');
            AppendEdits(line, result.Diagnoses);
            line.Append('\t');
            AppendEdits(line, result.ProcedureEdits);
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

    private static MceClaimInput ParseClaim(string line, int number)
    {
        var cells = line.Split('\t');
        if (cells.Length is < 6 or > 7)
        {
            throw new FormatException($"Line {number}: expected 7 tab-separated cells (id, discharge_date, age, sex, pdx, sdx, px), found {cells.Length}.");
        }

        if (!DateOnly.TryParseExact(cells[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"Line {number}: the discharge date '{cells[1]}' is not yyyyMMdd.");
        }

        if (!int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var age))
        {
            throw new FormatException($"Line {number}: the age '{cells[2]}' is not a whole number of years.");
        }

        if (!int.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sex) || sex > 2)
        {
            throw new FormatException($"Line {number}: the sex '{cells[3]}' is not 0 (unknown), 1 (male) or 2 (female).");
        }

        return new MceClaimInput(cells[0], date, age, sex, cells[4], Split(cells[5]), cells.Length > 6 ? Split(cells[6]) : []);
    }

    private static ImmutableArray<string> Split(string cell) =>
        cell.Length == 0 ? [] : [.. cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>One MCE-style claim: what CMS's MCE software takes as input for its diagnosis and procedure edits.</summary>
/// <param name="Id">The claim's identifier, echoed in the result.</param>
/// <param name="DischargeDate">The discharge date, which decides the fiscal year of the code sets and lists.</param>
/// <param name="Age">The age in years at discharge.</param>
/// <param name="Sex">The sex as the MCE codes it: 0 unknown, 1 male, 2 female.</param>
/// <param name="PrincipalDiagnosis">The principal diagnosis, ICD-10-CM without dot.</param>
/// <param name="SecondaryDiagnoses">The secondary diagnoses in claim order.</param>
/// <param name="Procedures">The ICD-10-PCS procedures in claim order.</param>
public sealed record MceClaimInput(string Id, DateOnly DischargeDate, int Age, int Sex, string PrincipalDiagnosis, ImmutableArray<string> SecondaryDiagnoses, ImmutableArray<string> Procedures);

/// <summary>One code of an MCE-compatible result with the edits it drew.</summary>
/// <param name="Code">The code as given.</param>
/// <param name="Edits">The MCE names of its edits, sorted; empty when the code passed.</param>
public sealed record MceDiagnosisResult(string Code, ImmutableArray<string> Edits);

/// <summary>The MCE-compatible result of one claim.</summary>
/// <param name="Id">The claim's identifier.</param>
/// <param name="EditType">The MCE edit type: <c>NONE</c> when no edit fired, else <c>PREPAYMENT</c>.</param>
/// <param name="Diagnoses">Every diagnosis in claim order (principal first) with its edits.</param>
/// <param name="ProcedureEdits">Every procedure in claim order; procedure edits are not implemented, so their lists are empty.</param>
public sealed record MceClaimResult(string Id, string EditType, ImmutableArray<MceDiagnosisResult> Diagnoses, ImmutableArray<MceDiagnosisResult> ProcedureEdits);
