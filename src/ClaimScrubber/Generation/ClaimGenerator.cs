using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.CodeSets.Ncd;

namespace ClaimScrubber.Generation;

/// <summary>
/// Makes realistic, reproducible claims for load tests and benchmarks: mostly the everyday codes of an office
/// practice (E/M visits, venipuncture and common lab panels, ECGs, imaging, timed therapy in several units) with the
/// occasional other code the index knows, a set share of claims billing both codes of an NCCI procedure-to-procedure
/// edit, and a set share of claims with one injected coding or input error (a header, deleted or mistyped diagnosis,
/// an unknown procedure, units over the MUE or zero, modifier 25 on a procedure, a pointer to nowhere, a repeated
/// line, a future date, a service before birth, a mistyped NPI).
/// </summary>
/// <remarks>
/// Codes come from the index where it has them, so claims against the full CMS tables use real, current codes, and the
/// NCCI pairs are drawn from the loaded practitioner PTP table. When the index lists procedure codes or modifiers, a
/// claim without an injected error bills only those it knows, whatever the data folder (a small sample included).
/// <para>This type is immutable; <see cref="Generate"/> may be called from several threads, each call with its own sequence.</para>
/// </remarks>
public sealed class ClaimGenerator
{
    // The everyday codes of a primary-care or multi-specialty office, which make up most real claims.
    private static readonly string[] CommonDiagnoses =
    [
        "E11.9", "E11.65", "E78.5", "I10", "J06.9", "J45.909", "M54.50", "R51.9", "R07.9", "N39.0", "Z00.00", "Z00.01",
        "E03.9", "R53.83", "D64.9", "K21.9", "F41.1", "M17.11", "M25.561", "R10.9", "E66.9", "Z79.4", "I25.10", "G47.33",
    ];

    private static readonly string[] CommonProcedures =
    [
        "99213", "99214", "99203", "99204", "99212", "36415", "80053", "80061", "85025", "84443", "83036", "81001",
        "93000", "71046", "97110", "97140", "97530", "20610", "96372", "90471", "G0439", "J1885", "11042", "17000",
    ];

    // The diagnosis an office most often orders each NCD-governed everyday lab test for (lipid panel: hyperlipidemia;
    // CBC: anemia; TSH: hypothyroidism; HbA1c: diabetes), so that a test is billed with a reason that supports it.
    private static readonly (string Lab, string Reason)[] LabReasons =
        [("80061", "E78.5"), ("85025", "D64.9"), ("84443", "E03.9"), ("83036", "E11.9")];

    // Timed therapy and injections are billed in several units; their MUEs bound how many.
    private static readonly string[] MultiUnitProcedures = ["97110", "97140", "97530", "96372"];

    private static readonly string[] EvaluationAndManagement = ["99202", "99203", "99204", "99212", "99213", "99214", "99215"];

    // The distinct-service modifiers a biller appends to the column 2 code of a PTP pair with modifier indicator 1.
    private static readonly ModifierCode[] DistinctServiceModifiers = [ModifierCode.Parse("XS"), ModifierCode.Parse("59"), ModifierCode.Parse("XU")];

    private static readonly ModifierCode SignificantEm = ModifierCode.Parse("25");

    private static readonly Npi[] Providers = [Npi.Parse("1245319599"), Npi.Parse("1003000126"), Npi.Parse("1487654323")];

    // How often each injected error is drawn: diagnosis coding and code validity lead real front-end rejections,
    // units and modifiers follow, registration slips (birth date, NPI) are rarer.
    private static readonly (InjectedError Error, int Weight)[] ErrorWeights =
    [
        (InjectedError.HeaderDiagnosis, 3), (InjectedError.DeletedDiagnosis, 2), (InjectedError.UnknownDiagnosis, 1),
        (InjectedError.UnknownProcedure, 2), (InjectedError.UnitsOverMue, 2), (InjectedError.ZeroUnits, 1),
        (InjectedError.Modifier25OnProcedure, 2), (InjectedError.PointerToNowhere, 1), (InjectedError.DuplicateLine, 2),
        (InjectedError.FutureDate, 1), (InjectedError.DateBeforeBirth, 1), (InjectedError.MistypedNpi, 1),
    ];

    private static readonly int TotalErrorWeight = ErrorWeights.Sum(e => e.Weight);

    private readonly ClaimGeneratorOptions options;
    private readonly CodeSetIndex index;
    private readonly IcdCodeSet? icd;
    private readonly ImmutableArray<IcdCode> diagnoses;
    private readonly ImmutableArray<IcdCode> otherDiagnoses;
    private readonly ImmutableArray<IcdCode> deletedDiagnoses;
    private readonly ImmutableArray<ProcedureCode> visits;
    private readonly ImmutableArray<ProcedureCode> commonProcedures;
    private readonly ImmutableArray<ModifierCode> distinctServiceModifiers;
    private readonly bool significantEmKnown;
    private readonly ImmutableArray<ProcedureCode> otherProcedures;
    private readonly ImmutableArray<PtpPair> ptpPairs;
    private readonly ImmutableArray<PtpPair> commonPtpPairs;
    private readonly Dictionary<uint, IcdCode> labReasons;

    /// <summary>Creates a generator that draws codes from <paramref name="index"/>.</summary>
    /// <param name="index">The index; with no procedure table loaded, only the built-in everyday codes are used.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ClaimGeneratorOptions.Default"/>.</param>
    public ClaimGenerator(CodeSetIndex index, ClaimGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        this.index = index;
        this.options = options ?? ClaimGeneratorOptions.Default;
        this.options.Validate();
        icd = index.Icd10Cm;
        var years = YearsSpanned(icd, this.options);
        (diagnoses, otherDiagnoses, deletedDiagnoses) = DiagnosisPools(icd, years);
        labReasons = LabReasonsFor(index, icd, years, this.options);
        bool Usable(ProcedureCode code) => IsOfficeService(index, code, this.options);
        // Only codes the index knows are billed, when it lists any: a sample folder's tables know a few dozen codes.
        bool Known(ProcedureCode code) => !index.HasProcedureCodes || index.IsKnownProcedure(code);
        commonProcedures = [.. CommonProcedures.Select(ProcedureCode.Parse).Where(c => !IsVisit(c) && Known(c) && (Usable(c) || labReasons.ContainsKey(c.Value)))];
        if (commonProcedures.IsEmpty)
        {
            commonProcedures = [.. CommonProcedures.Select(ProcedureCode.Parse).Where(c => !IsVisit(c) && Known(c))];
        }

        if (commonProcedures.IsEmpty)
        {
            commonProcedures = index.HasProcedureCodes ? [.. index.KnownProcedureCodes.Where(c => !IsVisit(c)).Take(CommonProcedures.Length)] : [.. CommonProcedures.Select(ProcedureCode.Parse).Where(c => !IsVisit(c))];
        }

        visits = [.. EvaluationAndManagement.Select(ProcedureCode.Parse).Where(Known)];
        distinctServiceModifiers = [.. DistinctServiceModifiers.Where(m => IsKnownModifier(index, m))];
        significantEmKnown = IsKnownModifier(index, SignificantEm);

        // The long tail: other CPT codes an office bills on its own (Level II supplies and drugs dominate the tables, not office claims).
        var office = index.FeeSchedule is null ? [] : index.KnownProcedureCodes.Where(c => !c.IsLevelTwo && !IsVisit(c) && Usable(c)).ToImmutableArray();
        otherProcedures = office;
        ptpPairs = PtpPairsAmong(index, [.. office, .. commonProcedures.Where(c => !labReasons.ContainsKey(c.Value))], this.options);
        var everyday = commonProcedures.Select(c => c.Value).ToHashSet();
        commonPtpPairs = [.. ptpPairs.Where(p => everyday.Contains(p.Column1.Value) || everyday.Contains(p.Column2.Value))];
    }

    /// <summary>What was injected into a generated claim, so that tests can check each kind is found.</summary>
    internal enum InjectedError
    {
        None = 0,
        HeaderDiagnosis,
        DeletedDiagnosis,
        UnknownDiagnosis,
        UnknownProcedure,
        UnitsOverMue,
        ZeroUnits,
        Modifier25OnProcedure,
        PointerToNowhere,
        DuplicateLine,
        FutureDate,
        DateBeforeBirth,
        MistypedNpi,
    }

    /// <summary>Gets how many distinct NCCI practitioner PTP pairs of office codes the generator draws from.</summary>
    internal int PtpPairCount => ptpPairs.Length;

    /// <summary>Gets how many of those involve an everyday code; half the pairs drawn are among them.</summary>
    internal int EverydayPtpPairCount => commonPtpPairs.Length;

    /// <summary>Makes <paramref name="count"/> claims, the same ones for the same seed, options and index.</summary>
    /// <param name="count">How many claims.</param>
    /// <returns>The claims, with ids <c>G1</c>, <c>G2</c>…</returns>
    public IEnumerable<Claim> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return GenerateDescribed(count).Select(g => g.Claim);
    }

    /// <summary>Makes the claims of <see cref="Generate"/>, each with what was put in it on purpose.</summary>
    internal IEnumerable<GeneratedClaim> GenerateDescribed(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Iterate(count);
    }

#pragma warning disable CA5394 // Reproducible test data, not security.
    private IEnumerable<GeneratedClaim> Iterate(int count)
    {
        var random = new Random(options.Seed);
        for (var i = 1; i <= count; i++)
        {
            yield return Make(random, i);
        }
    }

    private GeneratedClaim Make(Random random, int ordinal)
    {
        var span = options.LastServiceDate.DayNumber - options.FirstServiceDate.DayNumber + 1;
        var date = DateOnly.FromDayNumber(options.FirstServiceDate.DayNumber + random.Next(span));
        var rendering = Providers[random.Next(Providers.Length)];

        // Procedures first: a pair of an NCCI edit right after the visit when drawn, then everyday and long-tail codes.
        var procedures = new List<ProcedureCode> { visits.IsEmpty ? commonProcedures[random.Next(commonProcedures.Length)] : visits[random.Next(visits.Length)] };
        PtpPair? pair = null;
        if (options.LinesPerClaim >= 3 && ptpPairs.Length > 0 && random.NextDouble() < options.NcciPairRate)
        {
            // Half the pairs involve an everyday code, as the edits billers meet most are among the codes they bill most.
            pair = commonPtpPairs.Length > 0 && random.Next(2) == 0 ? commonPtpPairs[random.Next(commonPtpPairs.Length)] : ptpPairs[random.Next(ptpPairs.Length)];
            procedures.Add(pair.Value.Column1);
            procedures.Add(pair.Value.Column2);
        }

        while (procedures.Count < options.LinesPerClaim)
        {
            var procedure = otherProcedures.Length > 0 && random.NextDouble() < 0.15
                ? otherProcedures[random.Next(otherProcedures.Length)]
                : commonProcedures[random.Next(commonProcedures.Length)];

            // Draws can repeat a code on one date; a real claim would bill it once. A draw that would make a PTP pair with
            // a procedure already billed is left out too, so that the share of claims with pairs is the one asked for.
            // Either way the claim may end there, which also ends the draws when few codes are left to draw.
            if (!procedures.Contains(procedure) && !FormsPtpPair(procedure, procedures, date))
            {
                procedures.Add(procedure);
            }
            else if (random.NextDouble() < 0.5)
            {
                break;
            }
        }

        // Diagnoses: the reason for each ordered lab test, then everyday codes and the long tail.
        var claimDiagnoses = new List<IcdCode>(options.DiagnosesPerClaim);
        foreach (var procedure in procedures)
        {
            if (labReasons.TryGetValue(procedure.Value, out var reason) && !claimDiagnoses.Contains(reason) && claimDiagnoses.Count < options.DiagnosesPerClaim)
            {
                claimDiagnoses.Add(reason);
            }
        }

        var distinctAvailable = claimDiagnoses.Count + diagnoses.Count(d => !claimDiagnoses.Contains(d)) + otherDiagnoses.Length;
        DrawDistinct(random, claimDiagnoses, Math.Min(options.DiagnosesPerClaim, distinctAvailable));
        var lines = new ServiceLine[procedures.Count];
        for (var l = 0; l < lines.Length; l++)
        {
            var procedure = procedures[l];
            ImmutableArray<int> pointers;
            if (labReasons.TryGetValue(procedure.Value, out var reason) && claimDiagnoses.IndexOf(reason) is var at and >= 0)
            {
                pointers = [at + 1];
            }
            else
            {
                pointers = [.. Enumerable.Range(1, 1 + random.Next(Math.Min(4, claimDiagnoses.Count)))];
            }

            var modifiers = ImmutableArray<ModifierCode>.Empty;
            if (l == 0 && lines.Length > 1 && significantEmKnown && IsVisit(procedure))
            {
                modifiers = [SignificantEm];
            }
            else if (pair is { ModifierAllowed: true } p && procedure == p.Column2 && random.Next(2) == 0 && !distinctServiceModifiers.IsEmpty)
            {
                modifiers = [distinctServiceModifiers[random.Next(distinctServiceModifiers.Length)]];
            }

            lines[l] = new ServiceLine
            {
                ProcedureCode = procedure,
                Modifiers = modifiers,
                Units = UnitsFor(random, procedure, date),
                Charge = 50m + random.Next(400),
                ServiceDate = date,
                DiagnosisPointers = pointers,
            };
        }

        var claim = new Claim
        {
            ClaimId = string.Create(CultureInfo.InvariantCulture, $"G{ordinal}"),
            Setting = options.Setting,
            Patient = new Patient { BirthDate = date.AddDays(-(365 * 20) - random.Next(365 * 60)), Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male },
            BillingNpi = Npi.Parse("1234567893"),
            RenderingNpi = rendering,
            PlaceOfService = PlaceOfServiceCode.Parse(options.Setting == ClaimSetting.Professional ? "11" : "22"),
            FrequencyCode = "1",
            Diagnoses = [.. claimDiagnoses],
            Lines = [.. lines],
        };
        if (random.NextDouble() >= options.ErrorRate)
        {
            return new GeneratedClaim(claim, InjectedError.None, pair is not null);
        }

        var (withError, error) = InjectError(random, claim);
        return new GeneratedClaim(withError, error, pair is not null);
    }

    /// <summary>One unit, except timed therapy and injections: one to four, within the code's MUE on the date.</summary>
    private decimal UnitsFor(Random random, ProcedureCode procedure, DateOnly date)
    {
        if (!MultiUnitProcedures.Contains(procedure.ToString()))
        {
            return 1;
        }

        var units = 1 + random.Next(4);
        return MueLimit(procedure, date) is { } limit && limit > 0 ? Math.Min(units, limit) : units;
    }

    private (Claim Claim, InjectedError Error) InjectError(Random random, Claim claim)
    {
        var pick = random.Next(TotalErrorWeight);
        var error = ErrorWeights[0].Error;
        foreach (var (candidate, weight) in ErrorWeights)
        {
            if (pick < weight)
            {
                error = candidate;
                break;
            }

            pick -= weight;
        }

        var lines = claim.Lines.ToBuilder();
        var diagnosisList = claim.Diagnoses;
        var last = lines.Count - 1;
        var line = lines[last];
        var date = line.ServiceDate!.Value;
        switch (error)
        {
            case InjectedError.DeletedDiagnosis when !deletedDiagnoses.IsEmpty:
                // A code dropped from the code set in an earlier fiscal year, still in the practice's pick list.
                return (With(claim, diagnoses: diagnosisList.SetItem(0, deletedDiagnoses[random.Next(deletedDiagnoses.Length)])), error);
            case InjectedError.DeletedDiagnosis:
            case InjectedError.HeaderDiagnosis:
                return (With(claim, diagnoses: TruncateToHeader(diagnosisList)), InjectedError.HeaderDiagnosis);
            case InjectedError.UnknownDiagnosis:
                return (With(claim, diagnoses: AppendTypo(diagnosisList)), error);
            case InjectedError.UnitsOverMue when LineWithMue(claim) is var (mueLine, limit) && mueLine >= 0:
                lines[mueLine] = Copy(lines[mueLine], units: limit + 1 + random.Next(limit));
                break;
            case InjectedError.UnitsOverMue:
            case InjectedError.ZeroUnits:
                lines[last] = Copy(line, units: 0);
                error = InjectedError.ZeroUnits;
                break;
            case InjectedError.Modifier25OnProcedure when LineForModifier25(claim) is var procedureLine && procedureLine > 0:
                lines[procedureLine] = Copy(lines[procedureLine], modifiers: lines[procedureLine].Modifiers.Add(SignificantEm));
                break;
            case InjectedError.Modifier25OnProcedure:
            case InjectedError.UnknownProcedure:
                lines[last] = Copy(line, procedure: Mistype(random, line.ProcedureCode!.Value));
                error = InjectedError.UnknownProcedure;
                break;
            case InjectedError.PointerToNowhere:
                lines[last] = Copy(line, pointers: [claim.Diagnoses.Length + 1]);
                break;
            case InjectedError.DuplicateLine:
                lines.Add(line);
                break;
            case InjectedError.FutureDate:
                // A mistyped year: ten years on.
                lines[last] = Copy(line, date: date.AddYears(10));
                break;
            case InjectedError.DateBeforeBirth:
                // A newborn's birth date entered a few days late (never in the future of a run soon after the last date drawn).
                return (With(claim, patient: new Patient { BirthDate = date.AddDays(1 + random.Next(14)), Sex = claim.Patient!.Sex }), error);
            default:
                return (With(claim, rendering: MistypeCheckDigit(claim.RenderingNpi!.Value)), InjectedError.MistypedNpi);
        }

        return (With(claim, lines: lines.ToImmutable()), error);
    }

    private void DrawDistinct(Random random, List<IcdCode> picked, int count)
    {
        while (picked.Count < count)
        {
            // One draw in ten is any other valid code, as real claims carry a long tail of diagnoses.
            var candidate = otherDiagnoses.Length > 0 && random.NextDouble() < 0.1 ? otherDiagnoses[random.Next(otherDiagnoses.Length)] : diagnoses[random.Next(diagnoses.Length)];
            if (!picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }
    }

    /// <summary>A procedure code with one digit mistyped, such that the index does not know it (99999 when it knows no codes).</summary>
    private ProcedureCode Mistype(Random random, ProcedureCode code)
    {
        if (index.HasProcedureCodes)
        {
            var text = code.ToString().ToCharArray();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var at = random.Next(text.Length);
                if (!char.IsAsciiDigit(text[at]))
                {
                    continue;
                }

                var original = text[at];
                text[at] = (char)('0' + random.Next(10));
                if (ProcedureCode.TryParse(new string(text), out var typo) && !index.IsKnownProcedure(typo))
                {
                    return typo;
                }

                text[at] = original;
            }
        }

        return ProcedureCode.Parse("99999");
    }
#pragma warning restore CA5394

    /// <summary>
    /// The first diagnosis whose parent is a header, replaced by that parent (a code cut short); E11 in place of the
    /// first diagnosis when none has one or no code set is loaded.
    /// </summary>
    private ImmutableArray<IcdCode> TruncateToHeader(ImmutableArray<IcdCode> list)
    {
        if (icd is not null)
        {
            for (var d = 0; d < list.Length; d++)
            {
                var parent = list[d].Length > IcdCode.MinLength ? list[d].Truncate(list[d].Length - 1) : default;
                if (!parent.IsDefault && AllYears(y => icd.IsHeader(parent, y)) && !list.Contains(parent))
                {
                    return list.SetItem(d, parent);
                }
            }
        }

        return list.SetItem(0, IcdCode.Parse("E11"));
    }

    /// <summary>The first diagnosis with one more character typed after it that makes a code no loaded year knows.</summary>
    private ImmutableArray<IcdCode> AppendTypo(ImmutableArray<IcdCode> list)
    {
        for (var d = 0; d < list.Length; d++)
        {
            var code = list[d];
            if (code.Length >= IcdCode.MaxLength)
            {
                continue;
            }

            for (var digit = '9'; digit >= '0'; digit--)
            {
                var typo = IcdCode.Parse(code.ToString() + digit);
                if (icd is null || icd.FiscalYears.All(y => !icd.Contains(typo, y)))
                {
                    return list.SetItem(d, typo);
                }
            }
        }

        return list.SetItem(0, IcdCode.Parse("I10.9"));
    }

    private bool AllYears(Func<int, bool> predicate)
    {
        var first = IcdCodeSet.FiscalYearOf(options.FirstServiceDate);
        var last = IcdCodeSet.FiscalYearOf(options.LastServiceDate);
        for (var year = first; year <= last; year++)
        {
            if (!predicate(icd!.NearestYear(year)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="procedure"/> and a procedure after the visit make an applicable PTP pair on <paramref name="date"/>.</summary>
    private bool FormsPtpPair(ProcedureCode procedure, List<ProcedureCode> procedures, DateOnly date)
    {
        var table = options.Setting switch
        {
            ClaimSetting.Professional => index.Ptp?.Practitioner,
            ClaimSetting.OutpatientHospital => index.Ptp?.OutpatientHospital,
            _ => null,
        };
        if (table is null)
        {
            return false;
        }

        var day = NcciDay.Of(date);
        for (var p = 1; p < procedures.Count; p++)
        {
            if (Applies(table.Find(procedure, procedures[p], day)) || Applies(table.Find(procedures[p], procedure, day)))
            {
                return true;
            }
        }

        return false;

        bool Applies(int row) => row >= 0 && table.Indicator(row) != PtpModifierIndicator.NotApplicable;
    }

    /// <summary>The last procedure line (after the visit) without 25 whose code the fee schedule prices, so that 25 on it is plainly wrong; -1 when none.</summary>
    private int LineForModifier25(Claim claim)
    {
        for (var l = claim.Lines.Length - 1; l > 0; l--)
        {
            var line = claim.Lines[l];
            if (!line.Modifiers.Contains(SignificantEm) && (index.FeeSchedule is not { } fees || fees.TryGet(line.ProcedureCode!.Value, out _)))
            {
                return l;
            }
        }

        return -1;
    }

    /// <summary>The practitioner MUE value of <paramref name="code"/> on <paramref name="date"/>, or <see langword="null"/> when it has none.</summary>
    private int? MueLimit(ProcedureCode code, DateOnly date)
    {
        if (index.Mue?.For(NcciSetting.Practitioner, NcciDay.Of(date)) is not { } table || table.Find(code) is var row && row < 0)
        {
            return null;
        }

        return table.Value(row);
    }

    /// <summary>The last line whose code has a practitioner MUE above 0, with that value; (-1, 0) when none has.</summary>
    private (int Line, int Limit) LineWithMue(Claim claim)
    {
        for (var l = claim.Lines.Length - 1; l >= 0; l--)
        {
            var line = claim.Lines[l];
            if (MueLimit(line.ProcedureCode!.Value, line.ServiceDate!.Value) is { } limit && limit > 0)
            {
                return (l, limit);
            }
        }

        return (-1, 0);
    }

    private static Npi MistypeCheckDigit(Npi npi) => Npi.Parse(((npi.Value / 10 * 10) + ((npi.Value + 1) % 10)).ToString(CultureInfo.InvariantCulture));

    private static int[] YearsSpanned(IcdCodeSet? icd, ClaimGeneratorOptions options)
    {
        if (icd is null || icd.FiscalYears.IsEmpty)
        {
            return [];
        }

        var first = IcdCodeSet.FiscalYearOf(options.FirstServiceDate);
        var last = IcdCodeSet.FiscalYearOf(options.LastServiceDate);
        return [.. Enumerable.Range(first, last - first + 1).Select(icd.NearestYear).Distinct()];
    }

    /// <summary>
    /// The everyday diagnoses billable on every date the options span, every other such code, and the codes billable
    /// in an earlier loaded year that no year of the span lists (deleted since), so that generated claims are valid
    /// whatever fiscal year their date falls in. Without an ICD-10-CM table, the everyday list alone.
    /// </summary>
    private static (ImmutableArray<IcdCode> Common, ImmutableArray<IcdCode> Other, ImmutableArray<IcdCode> Deleted) DiagnosisPools(IcdCodeSet? icd, int[] years)
    {
        var common = CommonDiagnoses.Select(IcdCode.Parse);
        if (icd is null || years.Length == 0)
        {
            return ([.. common], [], []);
        }

        bool BillableThroughout(IcdCode code) => years.All(y => icd.IsBillable(code, y));
        var usable = common.Where(BillableThroughout).ToImmutableArray();
        // External causes (V00–Y99) only ever follow the injury they explain, so the long tail leaves them out.
        var other = icd.Records(years[0]).Where(r => r.Billable && !r.Code.IsExternalCause && BillableThroughout(r.Code)).Select(r => r.Code).ToImmutableArray();
        var deleted = icd.FiscalYears.Where(y => y < years.Min())
            .SelectMany(y => icd.Records(y).Where(r => r.Billable).Select(r => r.Code))
            .Where(c => years.All(y => !icd.Contains(c, y)))
            .Distinct().Order().ToImmutableArray();
        return (usable.Length >= 4 ? usable : [.. usable, .. other.Take(4)], other, deleted);
    }

    /// <summary>
    /// For each everyday lab test a lab NCD governs, the diagnosis it is billed for, when that code is billable
    /// throughout the span and the NCD covers it on both ends of it. A lab test the NCDs do not govern needs no reason;
    /// one whose reason fails is not drawn.
    /// </summary>
    private static Dictionary<uint, IcdCode> LabReasonsFor(CodeSetIndex index, IcdCodeSet? icd, int[] years, ClaimGeneratorOptions options)
    {
        var reasons = new Dictionary<uint, IcdCode>();
        if (index.LabNcds is not { } ncds)
        {
            return reasons;
        }

        foreach (var (lab, reasonText) in LabReasons)
        {
            var code = ProcedureCode.Parse(lab);
            var reason = IcdCode.Parse(reasonText);
            if (ncds.TryGetProcedure(code, out var governed)
                && (icd is null || years.All(y => icd.IsBillable(reason, y)))
                && Covers(governed.Ncd, reason, options.FirstServiceDate) && Covers(governed.Ncd, reason, options.LastServiceDate)
                && governed.Dates.Contains(options.FirstServiceDate) && governed.Dates.Contains(options.LastServiceDate))
            {
                reasons.Add(code.Value, reason);
            }
        }

        return reasons;

        static bool Covers(LabNcd ncd, IcdCode diagnosis, DateOnly date) => ncd.Resolve(diagnosis, date).Resolution == NcdResolution.Covered;
    }

    private static bool IsVisit(ProcedureCode code) => EvaluationAndManagement.Contains(code.ToString());

    /// <summary>Whether the index's modifier list names <paramref name="modifier"/> (any modifier, when it holds no complete list).</summary>
    private static bool IsKnownModifier(CodeSetIndex index, ModifierCode modifier) => index.Modifiers is not { IsComplete: true } table || table.TryGet(modifier, out _);

    /// <summary>
    /// Whether an office would bill the code beside a visit without special handling: a payable fee-schedule service
    /// priced in the office (a diagnostic test globally, with both components), not an add-on (by its global period or
    /// the NCCI add-on table), not major surgery, payable to a practitioner
    /// (MUE above 0), and not a lab test whose coverage a national coverage determination limits to listed diagnoses
    /// (except the everyday tests the generator gives a supporting reason).
    /// </summary>
    private static bool IsOfficeService(CodeSetIndex index, ProcedureCode code, ClaimGeneratorOptions options)
    {
        if (index.LabNcds is { } ncds && ncds.TryGetProcedure(code, out _))
        {
            return false;
        }

        var firstDay = NcciDay.Of(options.FirstServiceDate);
        var lastDay = NcciDay.Of(options.LastServiceDate);
        if (index.AddOnCodes is { } addOns && addOns.All.Any(t => t.TypeOf(code, firstDay) is not null || t.TypeOf(code, lastDay) is not null))
        {
            return false;
        }

        if (index.Mue is { } mue
            && (mue.For(NcciSetting.Practitioner, firstDay) is { } first && first.Find(code) is var r1 && r1 >= 0 && first.Value(r1) == 0
                || mue.For(NcciSetting.Practitioner, lastDay) is { } last && last.Find(code) is var r2 && r2 >= 0 && last.Value(r2) == 0))
        {
            return false;
        }

        if (index.FeeSchedule is not { } fees || !fees.TryGet(code, out var entry))
        {
            return true;
        }

        return (entry.Status == 'A' || (entry.Status == 'X' && entry.IsLaboratoryTest))
            && !entry.NonFacilityNotPriced
            && entry.PcTc is 0 or 1 or 4 or 5 or 7 or 9
            && !entry.IsEvaluationAndManagement
            && entry.Global is not (GlobalPeriod.Days90 or GlobalPeriod.AddOn or GlobalPeriod.None);
    }

    /// <summary>
    /// The practitioner PTP edits (modifier indicator 0 or 1) in force on every date the options span whose two codes
    /// are both among <paramref name="codes"/>, in table order.
    /// </summary>
    private static ImmutableArray<PtpPair> PtpPairsAmong(CodeSetIndex index, ImmutableArray<ProcedureCode> codes, ClaimGeneratorOptions options)
    {
        if (index.Ptp?.Practitioner is not { } table || options.Setting != ClaimSetting.Professional)
        {
            return [];
        }

        var wanted = codes.Select(c => c.Value).ToHashSet();
        var first = NcciDay.Of(options.FirstServiceDate);
        var last = NcciDay.Of(options.LastServiceDate);
        var pairs = ImmutableArray.CreateBuilder<PtpPair>();
        var previous = (Column1: default(ProcedureCode), Column2: default(ProcedureCode));
        for (var row = 0; row < table.Count; row++)
        {
            var column1 = table.Column1(row);
            var column2 = table.Column2(row);
            if (!wanted.Contains(column1.Value) || !wanted.Contains(column2.Value) || (column1, column2) == previous)
            {
                continue;
            }

            previous = (column1, column2);
            var atFirst = table.Find(column1, column2, first);
            var atLast = table.Find(column1, column2, last);
            if (atFirst >= 0 && atLast >= 0 && table.Indicator(atFirst) == table.Indicator(atLast) && table.Indicator(atFirst) != PtpModifierIndicator.NotApplicable)
            {
                pairs.Add(new PtpPair(column1, column2, table.Indicator(atFirst) == PtpModifierIndicator.Allowed));
            }
        }

        return pairs.ToImmutable();
    }

    private static ServiceLine Copy(ServiceLine line, ProcedureCode? procedure = null, decimal? units = null, ImmutableArray<int>? pointers = null, DateOnly? date = null, ImmutableArray<ModifierCode>? modifiers = null) => new()
    {
        ProcedureCode = procedure ?? line.ProcedureCode,
        Modifiers = modifiers ?? line.Modifiers,
        Units = units ?? line.Units,
        Charge = line.Charge,
        ServiceDate = date ?? line.ServiceDate,
        ServiceDateTo = line.ServiceDateTo,
        PlaceOfService = line.PlaceOfService,
        DiagnosisPointers = pointers ?? line.DiagnosisPointers,
        RenderingNpi = line.RenderingNpi,
        RevenueCode = line.RevenueCode,
    };

    private static Claim With(Claim claim, ImmutableArray<IcdCode>? diagnoses = null, ImmutableArray<ServiceLine>? lines = null, Patient? patient = null, Npi? rendering = null) => new()
    {
        ClaimId = claim.ClaimId,
        Setting = claim.Setting,
        Patient = patient ?? claim.Patient,
        BillingNpi = claim.BillingNpi,
        RenderingNpi = rendering ?? claim.RenderingNpi,
        PlaceOfService = claim.PlaceOfService,
        FrequencyCode = claim.FrequencyCode,
        DischargeDate = claim.DischargeDate,
        Diagnoses = diagnoses ?? claim.Diagnoses,
        Lines = lines ?? claim.Lines,
    };

    /// <summary>A generated claim with what was put in it on purpose: an injected error, and whether it bills both codes of a PTP edit.</summary>
    internal readonly record struct GeneratedClaim(Claim Claim, InjectedError Error, bool HasPtpPair);

    private readonly record struct PtpPair(ProcedureCode Column1, ProcedureCode Column2, bool ModifierAllowed);
}
