using ClaimScrubber.CodeSets.Ncci;

namespace ClaimScrubber.Benchmarks;

/// <summary>
/// A naive implementation of the hottest checks, as a first version would write them: claims held as strings, and
/// string-keyed hash tables — ICD-10-CM validity on the date of service (a HashSet of billable and of header codes per
/// fiscal year), NCCI PTP pairs (a Dictionary keyed by the two codes, holding each edit's dates and modifier
/// indicator) and MUEs (a Dictionary from code to value and adjudication indicator). It reports the same findings as
/// DX001–DX003, NCCI001–NCCI003 and NCCI020–NCCI023 on professional claims, and only counts them.
/// </summary>
/// <remarks>Built from an index already loaded (one PTP and one MUE release per setting, as CMS folders hold), so both sides read the same edits.</remarks>
internal sealed class NaiveChecks
{
    /// <summary>The rules both sides report; the library scrubber compared with this one runs only their checks.</summary>
    public static readonly string[] RuleIds = ["DX001", "DX002", "DX003", "NCCI001", "NCCI002", "NCCI003", "NCCI020", "NCCI021", "NCCI022", "NCCI023"];

    // The NCCI PTP-associated modifiers (NCCI Policy Manual, chapter I), as a naive version keeps them: strings in a set.
    private static readonly HashSet<string> BypassModifiers = new(StringComparer.Ordinal)
    {
        "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
        "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
        "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU",
    };

    private readonly int[] years;
    private readonly Dictionary<int, HashSet<string>> billable = [];
    private readonly Dictionary<int, HashSet<string>> headers = [];
    private readonly HashSet<string> anyYear = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Column1, string Column2), PtpEdit[]> ptp = [];
    private readonly Dictionary<string, (int Value, int Indicator)> mue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Value, int Indicator)> dmeMue = new(StringComparer.Ordinal);

    private NaiveChecks(CodeSetIndex index)
    {
        var icd = index.Icd10Cm;
        years = icd is null ? [] : [.. icd.FiscalYears];
        foreach (var year in years)
        {
            var yearBillable = new HashSet<string>(StringComparer.Ordinal);
            var yearHeaders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in icd!.Records(year))
            {
                var code = record.Code.ToString();
                (record.Billable ? yearBillable : yearHeaders).Add(code);
                anyYear.Add(code);
            }

            billable[year] = yearBillable;
            headers[year] = yearHeaders;
        }

        // One string per code, as a reader that interns codes would hold them.
        var strings = new Dictionary<uint, string>();
        string Text(ClaimScrubber.ProcedureCode code) => strings.TryGetValue(code.Value, out var s) ? s : strings[code.Value] = code.ToString();

        if (index.Ptp?.Practitioner is { } table)
        {
            if (table.Sources.Count != 1)
            {
                throw new InvalidOperationException("The naive PTP check reads one release; the index holds " + table.Sources.Count + ".");
            }

            for (var row = 0; row < table.Count; row++)
            {
                var key = (Text(table.Column1(row)), Text(table.Column2(row)));
                var edit = new PtpEdit(table.Effective(row) ?? DateOnly.MinValue, table.Deleted(row) ?? DateOnly.MaxValue, (int)table.Indicator(row));
                ptp[key] = ptp.TryGetValue(key, out var edits) ? [.. edits, edit] : [edit];
            }
        }

        Fill(mue, index.Mue?.All(NcciSetting.Practitioner), Text);
        Fill(dmeMue, index.Mue?.All(NcciSetting.DmeSupplier), Text);
    }

    private enum Kind
    {
        Dx001, Dx002, Dx003, Ncci001, Ncci002, Ncci003, Ncci020, Ncci021, Ncci022, Ncci023,
    }

    public static NaiveChecks Build(CodeSetIndex index) => new(index);

    /// <summary>
    /// A scrubber that runs the library's own checks for the same rules: the full index with every other rule disabled,
    /// so that only the diagnosis-validity, PTP and MUE checks run.
    /// </summary>
    public static Scrubber LibraryEquivalent(CodeSetIndex index) => Scrubber.Create(index, BenchmarkData.Options with { DisabledRules = [.. AllRuleIds(index).Except(RuleIds)] });

    /// <summary>The scrubber's fixed cost per claim: the full index with every rule disabled, so that no check runs.</summary>
    public static Scrubber NoRules(CodeSetIndex index) => Scrubber.Create(index, BenchmarkData.Options with { DisabledRules = [.. AllRuleIds(index)] });

    private static IEnumerable<string> AllRuleIds(CodeSetIndex index) => Scrubber.Create(index, BenchmarkData.Options).Rules.Select(r => r.Id);

    /// <summary>The claims as a naive version holds them: codes as strings.</summary>
    public static NaiveClaim[] ToNaive(IEnumerable<Claim> claims) => [.. claims.Select(NaiveClaim.From)];

    /// <summary>
    /// Throws unless this and the library report the same number of findings of each rule on the claims, so that the
    /// comparison is between two ways of doing the same work.
    /// </summary>
    public void AssertSameFindings(Claim[] claims, Scrubber library)
    {
        var naive = new int[RuleIds.Length];
        foreach (var claim in ToNaive(claims))
        {
            Check(claim, naive);
        }

        var counted = RuleIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            foreach (var finding in library.Scrub(claim).Findings)
            {
                counted[finding.RuleId]++;
            }
        }

        var differences = RuleIds.Select((id, i) => (id, Naive: naive[i], Library: counted[id])).Where(d => d.Naive != d.Library).ToList();
        if (differences.Count > 0)
        {
            throw new InvalidOperationException("The naive checks and the library disagree: " + string.Join(", ", differences.Select(d => $"{d.id} naive {d.Naive}, library {d.Library}")));
        }

        if (naive.Sum() == 0)
        {
            throw new InvalidOperationException("The workload raises none of the compared rules; the comparison would measure nothing.");
        }
    }

    /// <summary>Counts the claim's findings of each rule into <paramref name="tally"/> (indexed like <see cref="RuleIds"/>).</summary>
    public void Check(NaiveClaim claim, int[] tally)
    {
        CheckDiagnoses(claim, tally);
        CheckPtp(claim, tally);
        CheckMue(claim, tally);
    }

    private static void Fill(Dictionary<string, (int Value, int Indicator)> target, IReadOnlyList<MueTable>? tables, Func<ClaimScrubber.ProcedureCode, string> text)
    {
        if (tables is null || tables.Count == 0)
        {
            return;
        }

        if (tables.Count != 1)
        {
            throw new InvalidOperationException("The naive MUE check reads one release per setting; the index holds " + tables.Count + ".");
        }

        var table = tables[0];
        for (var row = 0; row < table.Count; row++)
        {
            target[text(ClaimScrubber.ProcedureCode.FromValue(table.Codes[row]))] = (table.Value(row), (int)table.Indicator(row));
        }
    }

    private static int FiscalYear(DateOnly date) => date.Month >= 10 ? date.Year + 1 : date.Year;

    private void CheckDiagnoses(NaiveClaim claim, int[] tally)
    {
        if (years.Length == 0)
        {
            return;
        }

        for (var d = 0; d < claim.Diagnoses.Length; d++)
        {
            var code = claim.Diagnoses[d];
            var checkedYears = new List<int>();
            var unknownReported = false;
            var dated = false;
            foreach (var line in claim.Lines)
            {
                if (line.From is not { } from || Array.IndexOf(line.Pointers, d + 1) < 0)
                {
                    continue;
                }

                dated = true;
                CheckDiagnosis(code, from, checkedYears, ref unknownReported, tally);
                if (line.To is { } to && FiscalYear(to) != FiscalYear(from))
                {
                    CheckDiagnosis(code, to, checkedYears, ref unknownReported, tally);
                }
            }

            if (!dated && Earliest(claim) is { } earliest)
            {
                CheckDiagnosis(code, earliest, checkedYears, ref unknownReported, tally);
            }
        }
    }

    private static DateOnly? Earliest(NaiveClaim claim)
    {
        DateOnly? earliest = null;
        foreach (var line in claim.Lines)
        {
            if (line.From is { } from && (earliest is null || from < earliest))
            {
                earliest = from;
            }
        }

        return earliest;
    }

    private void CheckDiagnosis(string code, DateOnly date, List<int> checkedYears, ref bool unknownReported, int[] tally)
    {
        var fiscalYear = FiscalYear(date);
        if (checkedYears.Contains(fiscalYear))
        {
            return;
        }

        checkedYears.Add(fiscalYear);
        // The nearest loaded year (the later one on a tie), when the date's own is not loaded.
        var year = years[0];
        foreach (var loaded in years)
        {
            if (Math.Abs(loaded - fiscalYear) <= Math.Abs(year - fiscalYear))
            {
                year = loaded;
            }
        }

        if (billable[year].Contains(code))
        {
            return;
        }

        if (headers[year].Contains(code))
        {
            tally[(int)Kind.Dx003]++;
        }
        else if (anyYear.Contains(code))
        {
            tally[(int)Kind.Dx002]++;
        }
        else if (!unknownReported)
        {
            unknownReported = true;
            tally[(int)Kind.Dx001]++;
        }
    }

    private void CheckPtp(NaiveClaim claim, int[] tally)
    {
        // One finding per column-2 line, of its most serious pair: 0 no modifier allowed, then modifier missing, then bypassed.
        var lines = claim.Lines;
        for (var j = 0; j < lines.Length; j++)
        {
            var worst = -1;
            for (var i = 0; i < lines.Length; i++)
            {
                var a = lines[i];
                var b = lines[j];
                if (i == j || a.Code is null || b.Code is null || a.From is null || a.From != b.From || a.Code == b.Code || a.RenderingNpi != b.RenderingNpi)
                {
                    continue;
                }

                worst = Math.Max(worst, Verdict(a, b));
            }

            if (worst >= 0)
            {
                tally[(int)(worst switch { 2 => Kind.Ncci001, 1 => Kind.Ncci002, _ => Kind.Ncci003 })]++;
            }
        }
    }

    /// <summary>The pair's verdict: -1 no edit in force, 0 bypassed, 1 modifier missing, 2 no modifier allowed.</summary>
    private int Verdict(NaiveLine column1, NaiveLine column2)
    {
        if (!ptp.TryGetValue((column1.Code!, column2.Code!), out var edits))
        {
            return -1;
        }

        // Of the edits in force on the date, the one deleted first (a pair deleted and added again repeats).
        var date = column1.From!.Value;
        PtpEdit? inForce = null;
        foreach (var edit in edits)
        {
            if (edit.Effective <= date && date <= edit.Deleted && (inForce is null || edit.Deleted < inForce.Value.Deleted))
            {
                inForce = edit;
            }
        }

        return inForce?.Indicator switch
        {
            0 => 2,
            1 => HasBypassModifier(column2) || HasBypassModifier(column1) ? 0 : 1,
            _ => -1,
        };
    }

    private static bool HasBypassModifier(NaiveLine line)
    {
        foreach (var modifier in line.Modifiers)
        {
            if (BypassModifiers.Contains(modifier))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckMue(NaiveClaim claim, int[] tally)
    {
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Code is null || line.From is null)
            {
                continue;
            }

            var found = mue.TryGetValue(line.Code, out var edit);
            if ((!found || edit.Value == 0) && dmeMue.TryGetValue(line.Code, out var dme))
            {
                (found, edit) = (true, dme);
            }

            if (!found)
            {
                continue;
            }

            if (edit.Value == 0)
            {
                tally[(int)Kind.Ncci023]++;
            }
            else if (edit.Indicator == 1)
            {
                if (line.Units > edit.Value)
                {
                    tally[(int)Kind.Ncci020]++;
                }
            }
            else
            {
                // A date edit counts every line of the code on the date (same provider) once, at the first of them.
                var first = true;
                for (var k = 0; k < i && first; k++)
                {
                    first = !SameService(lines[k], line);
                }

                if (!first)
                {
                    continue;
                }

                var units = 0m;
                for (var k = i; k < lines.Length; k++)
                {
                    units += SameService(lines[k], line) ? lines[k].Units : 0;
                }

                if (units > edit.Value)
                {
                    tally[(int)(edit.Indicator == 2 ? Kind.Ncci021 : Kind.Ncci022)]++;
                }
            }
        }
    }

    private static bool SameService(NaiveLine a, NaiveLine b) => a.Code == b.Code && a.From == b.From && a.RenderingNpi == b.RenderingNpi;

    private readonly record struct PtpEdit(DateOnly Effective, DateOnly Deleted, int Indicator);
}

/// <summary>A professional claim as a naive version reads it: codes as strings.</summary>
internal sealed record NaiveClaim(string[] Diagnoses, NaiveLine[] Lines)
{
    public static NaiveClaim From(Claim claim)
    {
        if (claim.Setting != ClaimSetting.Professional)
        {
            throw new InvalidOperationException("The naive checks handle professional claims only.");
        }

        return new NaiveClaim(
            [.. claim.Diagnoses.Select(d => d.ToString())],
            [.. claim.Lines.Select(l => new NaiveLine(
                l.ProcedureCode?.ToString(),
                [.. l.Modifiers.Select(m => m.ToString())],
                l.Units,
                l.ServiceDate,
                l.ServiceDateTo,
                [.. l.DiagnosisPointers],
                claim.RenderingNpiFor(l)?.ToString()))]);
    }
}

/// <summary>A service line as a naive version reads it.</summary>
internal sealed record NaiveLine(string? Code, string[] Modifiers, decimal Units, DateOnly? From, DateOnly? To, int[] Pointers, string? RenderingNpi);
