using System.Globalization;
using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Claims;

namespace ClaimScrubber.Rules.Claims;

/// <summary>
/// Edits CMS sets outside its tables on filing a claim: a charge for every service (CLM014) and the one-year timely filing
/// limit, counted to the as-of date (CLM015, and CLM016 in its last month). The fee schedule, when loaded, names the codes
/// billed at 0.00 on purpose (status M quality-data codes, status B services reported for information).
/// </summary>
/// <remarks>
/// Sources: MCPM Pub. 100-04, chapter 26, §10.2 (item 24F); 837P SV102 / 837I SV203; 42 CFR 424.44(a); MCPM Pub. 100-04,
/// chapter 1, §70 and §70.1 (a professional line counts from its from date, an institutional claim from its through date;
/// a February 29 service is due by February 28 of the next year).
/// </remarks>
internal sealed class FilingRules : IClaimRule
{
    private readonly FeeScheduleTable? fees;

    public FilingRules(FeeScheduleTable? fees) => this.fees = fees;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.ZeroCharge, R.PastTimelyFiling, R.TimelyFilingEndsSoon];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        var filing = context.IsEnabled(R.PastTimelyFiling) || context.IsEnabled(R.TimelyFilingEndsSoon);
        var professional = claim.Setting == ClaimSetting.Professional;
        DateOnly? through = professional ? null : claim.Setting == ClaimSetting.Inpatient ? claim.DischargeDate : null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Charge == 0 && line.ProcedureCode is { } code && !IsReportedAtZero(line, code) && context.IsEnabled(R.ZeroCharge))
            {
                context.Report(R.ZeroCharge, i + 1, ElementPath.LineMember(i + 1, "charge"),
                    string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} bills {code} with a charge of 0.00; Medicare returns a line without the provider's charge as unprocessable."),
                    string.Create(CultureInfo.InvariantCulture, $"Enter the charge for {code} (SV102 or SV203); only quality-data codes and services reported for information go at 0.00."),
                    [code.ToString()], fees?.Release);
            }

            if (!filing || line.ServiceDate is not { } from)
            {
                continue;
            }

            if (professional)
            {
                CheckFiling(context, i + 1, from);
            }
            else if (claim.Setting != ClaimSetting.Inpatient || claim.DischargeDate is null)
            {
                var last = line.ServiceDateTo is { } to && to > from ? to : from;
                through = through is { } seen && seen >= last ? seen : last;
            }
        }

        if (filing && through is { } date)
        {
            CheckFiling(context, null, date);
        }
    }

    /// <summary>CPT Category II codes (four digits then F) and status B or M codes are billed at 0.00.</summary>
    private bool IsReportedAtZero(ServiceLine line, ProcedureCode code) =>
        ProcedureClasses.IsCategoryTwo(code) || (fees is not null && fees.TryGetBilled(code, Modifiers.PaymentModifiers.ComponentOf(line), out var entry) && entry.Status is 'B' or 'M');

    private static void CheckFiling(ScrubContext context, int? line, DateOnly date)
    {
        // One calendar year after the date of service (February 29 falls due on February 28); the calendar's last year has none after it.
        var today = context.Today;
        if (date > today || date.Year == DateOnly.MaxValue.Year)
        {
            return;
        }

        var due = date.AddYears(1);
        var (rule, text) = today > due ? (R.PastTimelyFiling, "is more than 12 months before the as-of date: Medicare denies a claim filed more than one calendar year after the date of service")
            : today > due.AddMonths(-1) ? (R.TimelyFilingEndsSoon, "reaches the 12-month filing limit within a month of the as-of date")
            : (null, null);
        if (rule is null || !context.IsEnabled(rule))
        {
            return;
        }

        var culture = CultureInfo.InvariantCulture;
        var subject = line is { } number ? string.Create(culture, $"Line {number}'s date of service") : "The claim's through date of service";
        var element = line is { } at ? ElementPath.LineMember(at, "serviceDate")
            : context.Claim.Setting == ClaimSetting.Inpatient && context.Claim.DischargeDate is not null ? "dischargeDate" : ElementPath.Claim;
        context.Report(rule, line, element,
            $"{subject} {text}.",
            rule == R.PastTimelyFiling
                ? "Check whether an exception of 42 CFR 424.44(b) applies (an administrative error, a retroactive Medicare entitlement); otherwise the service cannot be billed to Medicare."
                : "Send the claim now: a claim the contractor receives after the limit is denied.");
    }
}
