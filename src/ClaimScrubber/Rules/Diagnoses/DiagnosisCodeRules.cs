using System.Globalization;
using System.Text;
using ClaimScrubber.CodeSets.Icd10Cm;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Diagnoses;

namespace ClaimScrubber.Rules.Diagnoses;

/// <summary>
/// Each diagnosis is a billable ICD-10-CM code on its dates of service (DX001–DX004), read from the order files of
/// the loaded fiscal years.
/// </summary>
/// <remarks>
/// A diagnosis is checked on the date of every line that points to it (from and to dates; a claim that spans
/// September 30 / October 1 is checked against both fiscal years), once per fiscal year. A diagnosis no dated line
/// points to, and every diagnosis of an inpatient claim, is checked on <see cref="Claim.DiagnosisDate"/> (the
/// discharge date of an inpatient claim). A date whose fiscal year is not loaded is checked against the nearest
/// loaded year and reported once per claim and year (DX004).
/// </remarks>
internal sealed class DiagnosisCodeRules(IcdCodeSet table) : IClaimRule
{
    /// <summary>More distinct fiscal years than this on one claim are not checked (no real claim spans them).</summary>
    private const int MaxYearsPerClaim = 8;

    private const string DiagnosesElement = "diagnoses";

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.UnknownCode, R.NotValidOnDate, R.HeaderCode, R.NoTableForDate];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var diagnoses = claim.Diagnoses;
        var lines = claim.Lines;
        var claimDate = claim.DiagnosisDate;
        var atClaimDate = claim.Setting == ClaimSetting.Inpatient;
        Span<int> missingYearsReported = stackalloc int[MaxYearsPerClaim];
        var missingCount = 0;
        Span<int> yearsChecked = stackalloc int[MaxYearsPerClaim];
        var facts = context.Facts.Diagnoses;
        for (var d = 0; d < diagnoses.Length; d++)
        {
            var code = diagnoses[d];
            if (code.IsDefault)
            {
                continue;
            }

            var state = new DiagnosisState(d + 1, code, facts[d].IcdRow, yearsChecked);
            if (!atClaimDate)
            {
                for (var l = 0; l < lines.Length; l++)
                {
                    var line = lines[l];
                    if (line.ServiceDate is not { } from || !line.PointsTo(d + 1))
                    {
                        continue;
                    }

                    state.Dated = true;
                    Check(context, ref state, from, l + 1, missingYearsReported, ref missingCount);
                    if (line.ServiceDateTo is { } to && IcdCodeSet.FiscalYearOf(to) != IcdCodeSet.FiscalYearOf(from))
                    {
                        Check(context, ref state, to, l + 1, missingYearsReported, ref missingCount);
                    }
                }
            }

            if (!state.Dated && claimDate is { } date)
            {
                Check(context, ref state, date, null, missingYearsReported, ref missingCount);
            }
        }
    }

    private static void Remember(Span<int> years, ref int count, int year)
    {
        if (count < years.Length)
        {
            years[count++] = year;
        }
    }

    /// <summary>Says which date a finding is about without printing it: the line's date of service, or the claim's diagnosis date.</summary>
    private static string OnDate(ScrubContext context, int? line) => line is { } l
        ? string.Create(CultureInfo.InvariantCulture, $"on the date of service of line {l}")
        : context.Claim.Setting == ClaimSetting.Inpatient && context.Claim.DischargeDate is not null ? "on the discharge date" : "on the claim's first date of service";

    /// <summary>Names the months a fiscal year spans (October of the year before to September), a table fact that names no day.</summary>
    private static string Span(int fiscalYear) => fiscalYear switch
    {
        <= 1 => "up to September 1",
        >= 10000 => "from October 9999",
        _ => string.Create(CultureInfo.InvariantCulture, $"October {fiscalYear - 1} to September {fiscalYear}"),
    };

    private void Check(ScrubContext context, ref DiagnosisState state, DateOnly date, int? line, Span<int> missingYearsReported, ref int missingCount)
    {
        var dateYear = IcdCodeSet.FiscalYearOf(date);
        if (state.YearsCheckedCount == MaxYearsPerClaim || state.YearsChecked[..state.YearsCheckedCount].Contains(dateYear))
        {
            return;
        }

        state.YearsChecked[state.YearsCheckedCount++] = dateYear;
        var lookup = table.Lookup(state.IcdRow, state.Code, date);
        if (lookup.UsedNearestYear && !missingYearsReported[..missingCount].Contains(dateYear) && missingCount < MaxYearsPerClaim)
        {
            Remember(missingYearsReported, ref missingCount, dateYear);
            if (context.IsEnabled(R.NoTableForDate))
            {
                context.Report(R.NoTableForDate, null, DiagnosesElement,
                    string.Create(CultureInfo.InvariantCulture, $"No ICD-10-CM code set is loaded for FY{dateYear} ({Span(dateYear)}); diagnoses dated in it were checked against FY{lookup.FiscalYear}, the nearest loaded year."),
                    string.Create(CultureInfo.InvariantCulture, $"Load the ICD-10-CM order file of FY{dateYear} (icd10cm_order_{dateYear}.txt, or its addenda) to check codes added or deleted that year."),
                    source: lookup.Release);
            }
        }

        switch (lookup.Status)
        {
            case IcdStatus.Unknown when !state.UnknownReported:
                state.UnknownReported = true;
                if (context.IsEnabled(R.UnknownCode))
                {
                    ReportUnknown(context, state, lookup);
                }

                break;
            case IcdStatus.NotValidOnDate when context.IsEnabled(R.NotValidOnDate):
                ReportNotValid(context, state, lookup, line);
                break;
            case IcdStatus.Header when context.IsEnabled(R.HeaderCode):
                ReportHeader(context, state, lookup, line);
                break;
        }
    }

    private void ReportUnknown(ScrubContext context, in DiagnosisState state, in IcdLookup lookup)
    {
        var dotted = state.Code.ToDottedString();
        var fiscalYear = lookup.FiscalYear;
        var ancestor = LongestAncestor(state.Code, fiscalYear);
        string hint;
        if (ancestor.IsDefault)
        {
            hint = $"Check the code for a typo against the FY{fiscalYear} ICD-10-CM code set; no code of its category {state.Code.Category} exists.";
        }
        else if (table.IsBillable(ancestor, fiscalYear))
        {
            hint = $"Check the code for a typo: {ancestor.ToDottedString()} is a billable FY{fiscalYear} code; the added characters make a code that does not exist.";
        }
        else
        {
            hint = $"Check the code for a typo; billable FY{fiscalYear} codes under {ancestor.ToDottedString()} include {Children(ancestor, fiscalYear)}.";
        }

        context.Report(R.UnknownCode, null, ElementPath.Diagnosis(state.Number),
            $"{dotted} is not an ICD-10-CM code in any loaded fiscal year ({Years(table.FiscalYears.AsSpan())}).",
            hint, [dotted], lookup.Release);
    }

    private void ReportNotValid(ScrubContext context, in DiagnosisState state, in IcdLookup lookup, int? line)
    {
        var dotted = state.Code.ToDottedString();
        var fiscalYear = lookup.FiscalYear;
        var (first, last) = KnownRange(lookup);
        var on = OnDate(context, line);
        string message;
        string hint;
        if (last < fiscalYear)
        {
            message = $"{dotted} is not valid {on}: it is not in the FY{fiscalYear} code set; it was {InYears(lookup)}, and was deleted from FY{last + 1}, which began in October {last}.";
            var ancestor = LongestAncestor(state.Code, fiscalYear);
            hint = ancestor.IsDefault
                ? $"Code the diagnosis from the FY{fiscalYear} ICD-10-CM code set, which runs {Span(fiscalYear)}."
                : ReplacementHint(ancestor, fiscalYear);
        }
        else if (first > fiscalYear)
        {
            message = $"{dotted} is not valid {on}: it takes effect in FY{first}, which begins in October {first - 1}; it is not in the FY{fiscalYear} code set.";
            var ancestor = LongestAncestor(state.Code, fiscalYear);
            hint = ancestor.IsDefault
                ? $"For services before FY{first}, code the diagnosis from the FY{fiscalYear} ICD-10-CM code set."
                : $"For services before FY{first}, {ReplacementHint(ancestor, fiscalYear)}";
        }
        else
        {
            message = $"{dotted} is not valid {on}: it is not in the FY{fiscalYear} code set; it is {InYears(lookup)}.";
            hint = $"Code the diagnosis from the FY{fiscalYear} ICD-10-CM code set, which runs {Span(fiscalYear)}.";
        }

        context.Report(R.NotValidOnDate, null, ElementPath.Diagnosis(state.Number), message, hint, [dotted], lookup.Release);
    }

    private void ReportHeader(ScrubContext context, in DiagnosisState state, in IcdLookup lookup, int? line)
    {
        var dotted = state.Code.ToDottedString();
        var fiscalYear = lookup.FiscalYear;
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{dotted} ({table.ShortDescription(state.Code, fiscalYear)}) is a header code in FY{fiscalYear}, not billable {OnDate(context, line)}: it needs more characters.");
        var billableYears = YearsWhere(lookup, billable: true);
        if (billableYears.Length > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $" It is billable in {billableYears}.");
        }

        context.Report(R.HeaderCode, null, ElementPath.Diagnosis(state.Number), message.ToString(), ReplacementHint(state.Code, fiscalYear), [dotted], lookup.Release);
    }

    /// <summary>Returns "use X" for a billable code, or "use a billable code under X, such as …" for a header.</summary>
    private string ReplacementHint(IcdCode code, int fiscalYear) => table.IsBillable(code, fiscalYear)
        ? $"use {code.ToDottedString()}, billable in FY{fiscalYear}, or a more specific code valid on the date."
        : $"Use a billable code under {code.ToDottedString()}, such as {Children(code, fiscalYear)}.";

    private string Children(IcdCode prefix, int fiscalYear)
    {
        Span<IcdCode> children = stackalloc IcdCode[3];
        var count = table.BillableDescendants(prefix, fiscalYear, children);
        if (count == 0)
        {
            return $"(none listed in FY{fiscalYear})";
        }

        var text = new StringBuilder();
        var shown = Math.Min(count, children.Length);
        for (var i = 0; i < shown; i++)
        {
            text.Append(i == 0 ? string.Empty : i == shown - 1 && count == shown ? " or " : ", ").Append(children[i].ToDottedString());
        }

        if (count > shown)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({count} in all)");
        }

        return text.ToString();
    }

    /// <summary>Finds the longest proper prefix of <paramref name="code"/> (3 characters or more) that the year lists.</summary>
    private IcdCode LongestAncestor(IcdCode code, int fiscalYear)
    {
        for (var length = code.Length - 1; length >= IcdCode.MinLength; length--)
        {
            var ancestor = code.Truncate(length);
            if (table.Contains(ancestor, fiscalYear))
            {
                return ancestor;
            }
        }

        return default;
    }

    private (int First, int Last) KnownRange(in IcdLookup lookup)
    {
        var first = 0;
        var last = 0;
        foreach (var year in table.FiscalYears)
        {
            if (lookup.IsBillableIn(year) || lookup.IsHeaderIn(year))
            {
                first = first == 0 ? year : first;
                last = year;
            }
        }

        return (first, last);
    }

    private string InYears(in IcdLookup lookup)
    {
        var billable = YearsWhere(lookup, billable: true);
        var header = YearsWhere(lookup, billable: false);
        return (billable.Length > 0, header.Length > 0) switch
        {
            (true, true) => $"billable in {billable} and a header in {header}",
            (true, false) => $"billable in {billable}",
            _ => $"a header in {header}",
        };
    }

    private string YearsWhere(in IcdLookup lookup, bool billable)
    {
        Span<int> years = stackalloc int[IcdCodeSet.MaxYearSpan];
        var count = 0;
        foreach (var year in table.FiscalYears)
        {
            if (billable ? lookup.IsBillableIn(year) : lookup.IsHeaderIn(year))
            {
                years[count++] = year;
            }
        }

        return Years(years[..count]);
    }

    /// <summary>Writes years as <c>FY2024–FY2026</c> when consecutive, else <c>FY2024, FY2026</c>.</summary>
    private static string Years(ReadOnlySpan<int> years)
    {
        if (years.IsEmpty)
        {
            return string.Empty;
        }

        var consecutive = years[^1] - years[0] == years.Length - 1;
        if (years.Length == 1 || (consecutive && years.Length == 2))
        {
            return years.Length == 1
                ? string.Create(CultureInfo.InvariantCulture, $"FY{years[0]}")
                : string.Create(CultureInfo.InvariantCulture, $"FY{years[0]} and FY{years[1]}");
        }

        if (consecutive)
        {
            return string.Create(CultureInfo.InvariantCulture, $"FY{years[0]}–FY{years[^1]}");
        }

        var text = new StringBuilder();
        foreach (var year in years)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"FY{year}");
        }

        return text.ToString();
    }

    /// <summary>What has been checked for one diagnosis: the fiscal years of its dates, and whether DX001 was reported.</summary>
    private ref struct DiagnosisState(int number, IcdCode code, int icdRow, Span<int> yearsChecked)
    {
        public readonly int Number = number;
        public readonly IcdCode Code = code;

        /// <summary>The code's row in the code set, from the claim's facts (<see cref="IcdCodeSet.RowOf"/>).</summary>
        public readonly int IcdRow = icdRow;
        public readonly Span<int> YearsChecked = yearsChecked;
        public int YearsCheckedCount;
        public bool Dated;
        public bool UnknownReported;
    }
}
