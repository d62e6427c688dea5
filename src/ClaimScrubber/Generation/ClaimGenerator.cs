using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.Claims;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.Codes;

namespace ClaimScrubber.Generation;

/// <summary>
/// Makes realistic, reproducible claims for load tests and benchmarks: mostly the everyday codes of an office
/// practice (E/M visits, venipuncture, panels, ECGs, therapy) with the occasional other code the index knows, and a
/// set share of claims with one injected coding error (a header diagnosis, an unknown procedure, zero units, a
/// pointer to nowhere, a repeated line, a future date).
/// </summary>
/// <remarks>
/// Codes come from the index where it has them, so claims against the full CMS tables use real, current codes.
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

    private static readonly string[] EvaluationAndManagement = ["99202", "99203", "99204", "99212", "99213", "99214", "99215"];

    private static readonly Npi[] Providers = [Npi.Parse("1245319599"), Npi.Parse("1003000126"), Npi.Parse("1487654323")];

    private readonly ClaimGeneratorOptions options;
    private readonly ImmutableArray<IcdCode> diagnoses;
    private readonly ImmutableArray<IcdCode> otherDiagnoses;
    private readonly ImmutableArray<ProcedureCode> commonProcedures;
    private readonly ImmutableArray<ProcedureCode> otherProcedures;

    /// <summary>Creates a generator that draws codes from <paramref name="index"/>.</summary>
    /// <param name="index">The index; with no procedure table loaded, only the built-in everyday codes are used.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ClaimGeneratorOptions.Default"/>.</param>
    public ClaimGenerator(CodeSetIndex index, ClaimGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        this.options = options ?? ClaimGeneratorOptions.Default;
        this.options.Validate();
        (diagnoses, otherDiagnoses) = DiagnosisPools(index, this.options);
        bool Usable(ProcedureCode code) => IsOfficeService(index, code);
        commonProcedures = [.. CommonProcedures.Select(ProcedureCode.Parse).Where(c => !IsVisit(c) && (!index.HasProcedureCodes || index.IsKnownProcedure(c)) && Usable(c))];
        if (commonProcedures.IsEmpty)
        {
            commonProcedures = [.. CommonProcedures.Select(ProcedureCode.Parse).Where(c => !IsVisit(c))];
        }

        // The long tail: other CPT codes an office bills on its own (Level II supplies and drugs dominate the tables, not office claims).
        otherProcedures = [.. index.KnownProcedureCodes.Where(c => !c.IsLevelTwo && !IsVisit(c) && index.FeeSchedule is not null && Usable(c))];
    }

    /// <summary>Makes <paramref name="count"/> claims, the same ones for the same seed, options and index.</summary>
    /// <param name="count">How many claims.</param>
    /// <returns>The claims, with ids <c>G1</c>, <c>G2</c>…</returns>
    public IEnumerable<Claim> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Iterate(count);
    }

    private IEnumerable<Claim> Iterate(int count)
    {
#pragma warning disable CA5394 // Reproducible test data, not security.
        var random = new Random(options.Seed);
        for (var i = 1; i <= count; i++)
        {
            yield return Make(random, i);
        }
    }

    private Claim Make(Random random, int ordinal)
    {
        var span = options.LastServiceDate.DayNumber - options.FirstServiceDate.DayNumber + 1;
        var date = DateOnly.FromDayNumber(options.FirstServiceDate.DayNumber + random.Next(span));
        var claimDiagnoses = DrawDistinct(random, diagnoses, otherDiagnoses, Math.Min(options.DiagnosesPerClaim, diagnoses.Length));
        var rendering = Providers[random.Next(Providers.Length)];
        var lines = new ServiceLine[options.LinesPerClaim];
        for (var l = 0; l < lines.Length; l++)
        {
            var procedure = l == 0
                ? ProcedureCode.Parse(EvaluationAndManagement[random.Next(EvaluationAndManagement.Length)])
                : otherProcedures.Length > 0 && random.NextDouble() < 0.15
                    ? otherProcedures[random.Next(otherProcedures.Length)]
                    : commonProcedures[random.Next(commonProcedures.Length)];
            var pointerCount = 1 + random.Next(Math.Min(4, claimDiagnoses.Length));
            lines[l] = new ServiceLine
            {
                ProcedureCode = procedure,
                Modifiers = l == 0 && lines.Length > 1 ? [ModifierCode.Parse("25")] : [],
                Units = 1,
                Charge = 50m + random.Next(400),
                ServiceDate = date,
                DiagnosisPointers = [.. Enumerable.Range(1, pointerCount)],
            };
        }

        // Draws can repeat a code on one date; a real claim would bill it once.
        lines = Deduplicate(lines);

        var claim = new Claim
        {
            ClaimId = string.Create(CultureInfo.InvariantCulture, $"G{ordinal}"),
            Setting = options.Setting,
            Patient = new Patient { BirthDate = date.AddDays(-(365 * 20) - random.Next(365 * 60)), Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male },
            BillingNpi = Npi.Parse("1234567893"),
            RenderingNpi = rendering,
            PlaceOfService = PlaceOfServiceCode.Parse(options.Setting == ClaimSetting.Professional ? "11" : "22"),
            FrequencyCode = "1",
            Diagnoses = claimDiagnoses,
            Lines = [.. lines],
        };
        return random.NextDouble() < options.ErrorRate ? InjectError(random, claim) : claim;
    }

    /// <summary>
    /// The everyday diagnoses billable on every date the options span, and every other such code, so that generated
    /// claims are valid whatever fiscal year their date falls in. Without an ICD-10-CM table, the everyday list alone.
    /// </summary>
    private static (ImmutableArray<IcdCode> Common, ImmutableArray<IcdCode> Other) DiagnosisPools(CodeSetIndex index, ClaimGeneratorOptions options)
    {
        var common = CommonDiagnoses.Select(IcdCode.Parse);
        var icd = index.Icd10Cm;
        if (icd is null || icd.FiscalYears.IsEmpty)
        {
            return ([.. common], []);
        }

        var first = IcdCodeSet.FiscalYearOf(options.FirstServiceDate);
        var last = IcdCodeSet.FiscalYearOf(options.LastServiceDate);
        var years = Enumerable.Range(first, last - first + 1).Select(icd.NearestYear).Distinct().ToArray();
        bool BillableThroughout(IcdCode code) => years.All(y => icd.IsBillable(code, y));
        var usable = common.Where(BillableThroughout).ToImmutableArray();
        var other = icd.Records(years[0]).Where(r => r.Billable && BillableThroughout(r.Code)).Select(r => r.Code).ToImmutableArray();
        return (usable.Length >= 4 ? usable : [.. usable, .. other.Take(4)], other);
    }

    private static bool IsVisit(ProcedureCode code) => EvaluationAndManagement.Contains(code.ToString());

    /// <summary>
    /// Whether an office would bill the code beside a visit without special handling: a payable fee-schedule service
    /// priced in the office, not an add-on, not major surgery, not split into components, and not a lab test whose
    /// coverage a national coverage determination limits to listed diagnoses (the generator does not pick diagnoses to match).
    /// </summary>
    private static bool IsOfficeService(CodeSetIndex index, ProcedureCode code)
    {
        if (index.LabNcds is { } ncds && ncds.TryGetProcedure(code, out _))
        {
            return false;
        }

        if (index.FeeSchedule is not { } fees || !fees.TryGet(code, out var entry))
        {
            return true;
        }

        return (entry.Status == 'A' || (entry.Status == 'X' && entry.IsLaboratoryTest))
            && !entry.NonFacilityNotPriced
            && entry.PcTc is 0 or 9
            && !entry.IsEvaluationAndManagement
            && entry.Global is not (GlobalPeriod.Days90 or GlobalPeriod.AddOn or GlobalPeriod.None);
    }

    private static ServiceLine[] Deduplicate(ServiceLine[] lines)
    {
        var seen = new HashSet<uint>();
        return [.. lines.Where(l => seen.Add(l.ProcedureCode!.Value.Value))];
    }

    private static Claim InjectError(Random random, Claim claim)
    {
        var lines = claim.Lines.ToBuilder();
        var last = lines.Count - 1;
        var line = lines[last];
        switch (random.Next(6))
        {
            case 0:
                // A category where a subcategory is required: E11 is a header, not billable.
                return With(claim, claim.Diagnoses.SetItem(0, IcdCode.Parse("E11")), claim.Lines);
            case 1:
                lines[last] = Copy(line, procedure: ProcedureCode.Parse("99999"));
                break;
            case 2:
                lines[last] = Copy(line, units: 0);
                break;
            case 3:
                lines[last] = Copy(line, pointers: [claim.Diagnoses.Length + 1]);
                break;
            case 4:
                lines.Add(line);
                break;
            default:
                lines[last] = Copy(line, date: new DateOnly(2099, 1, 1));
                break;
        }

        return With(claim, claim.Diagnoses, lines.ToImmutable());
    }

    private static ImmutableArray<T> DrawDistinct<T>(Random random, ImmutableArray<T> pool, ImmutableArray<T> rarePool, int count)
    {
        var picked = new List<T>(count);
        while (picked.Count < count)
        {
            // One draw in ten is any other valid code, as real claims carry a long tail of diagnoses.
            var candidate = rarePool.Length > 0 && random.NextDouble() < 0.1 ? rarePool[random.Next(rarePool.Length)] : pool[random.Next(pool.Length)];
            if (!picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }

        return [.. picked];
    }
#pragma warning restore CA5394

    private static ServiceLine Copy(ServiceLine line, ProcedureCode? procedure = null, decimal? units = null, ImmutableArray<int>? pointers = null, DateOnly? date = null) => new()
    {
        ProcedureCode = procedure ?? line.ProcedureCode,
        Modifiers = line.Modifiers,
        Units = units ?? line.Units,
        Charge = line.Charge,
        ServiceDate = date ?? line.ServiceDate,
        ServiceDateTo = line.ServiceDateTo,
        PlaceOfService = line.PlaceOfService,
        DiagnosisPointers = pointers ?? line.DiagnosisPointers,
        RenderingNpi = line.RenderingNpi,
        RevenueCode = line.RevenueCode,
    };

    private static Claim With(Claim claim, ImmutableArray<IcdCode> diagnoses, ImmutableArray<ServiceLine> lines) => new()
    {
        ClaimId = claim.ClaimId,
        Setting = claim.Setting,
        Patient = claim.Patient,
        BillingNpi = claim.BillingNpi,
        RenderingNpi = claim.RenderingNpi,
        PlaceOfService = claim.PlaceOfService,
        FrequencyCode = claim.FrequencyCode,
        DischargeDate = claim.DischargeDate,
        Diagnoses = diagnoses,
        Lines = lines,
    };
}
