using ClaimScrubber.CodeSets.FeeSchedule;
using ClaimScrubber.Rules.Facts;
using ClaimScrubber.Scrubbing;
using M = ClaimScrubber.Rules.Modifiers.PaymentModifiers;
using R = ClaimScrubber.Rules.RuleCatalog.FeeScheduleProcedures;

namespace ClaimScrubber.Rules.Procedures;

/// <summary>
/// The fee schedule status code of each line (RVU25D Attachment A) and the add-on (ZZZ) global period. A line with
/// 26 or TC is judged by its component row where the file has one, since a component can be deleted (H) on its own.
/// </summary>
internal sealed class FeeScheduleStatusRules : IClaimRule
{
    private readonly FeeScheduleTable table;

    public FeeScheduleStatusRules(FeeScheduleTable table) => this.table = table;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. R.All.Except([R.ComplexityAddOnWithModifier25, R.DeletedFromFeeSchedule, R.IntendedDenial])];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines;
        var fees = context.Facts.Fees;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || !fees[i].TryGetBilled(out var entry))
            {
                continue;
            }

            var number = i + 1;
            switch (entry.Status)
            {
                case 'I' or 'G' when context.IsEnabled(R.NotValidForMedicare):
                    Report(context, R.NotValidForMedicare, number, code,
                        $"{code} has fee schedule status {entry.Status}: not valid for Medicare purposes; Medicare uses another code for this service.",
                        $"Replace {code} with the code Medicare recognises for the service (often a HCPCS G-code).");
                    break;
                case 'N' when context.IsEnabled(R.NonCovered):
                    // With an advance notice or statutory-exclusion modifier the biller has already declared the non-coverage.
                    if (!M.IntendsDenial(line) && !line.HasModifier(M.VoluntaryWaiver))
                    {
                        Report(context, R.NonCovered, number, code,
                            $"{code} has fee schedule status N: the service is not covered by Medicare.",
                            "Bill the patient with GY (statutory exclusion) or GX/GA when a liability notice was given, or remove the line.");
                    }

                    break;
                case 'B' when context.IsEnabled(R.Bundled):
                    Report(context, R.Bundled, number, code,
                        $"{code} has fee schedule status B: its payment is always bundled into other services and it is never paid separately.",
                        "Remove the line, or keep it at zero charge for reporting only.");
                    break;
                case 'P' when context.IsEnabled(R.BundledOrExcluded):
                    Report(context, R.BundledOrExcluded, number, code,
                        $"{code} has fee schedule status P: no separate payment under the physician fee schedule.",
                        "Remove the line when it is incident to a physician service that day; otherwise bill it under its own benefit (such as DMEPOS).");
                    break;
                case 'R' when context.IsEnabled(R.RestrictedCoverage):
                    Report(context, R.RestrictedCoverage, number, code,
                        $"{code} has fee schedule status R: restricted coverage; special coverage instructions apply and the contractor prices it.",
                        "Check the contractor's coverage instructions and send the documentation they require.");
                    break;
                case 'D' or 'F' or 'H' when context.IsEnabled(R.Deleted):
                    Report(context, R.Deleted, number, code,
                        entry.Status == 'H'
                            ? $"{code} has fee schedule status H: this component (26/TC) of the code is deleted."
                            : $"{code} has fee schedule status {entry.Status}: the code is deleted.",
                        "Use the replacement code in effect on the date of service.");
                    break;
                case 'X' when context.IsEnabled(R.StatutoryExclusion):
                    Report(context, R.StatutoryExclusion, number, code,
                        $"{code} has fee schedule status X: it is paid outside the physician fee schedule (for example the clinical laboratory or ambulance fee schedule).",
                        "Nothing to fix; the line is priced by its own fee schedule.");
                    break;
                case 'C' when context.IsEnabled(R.ContractorPriced):
                    Report(context, R.ContractorPriced, number, code,
                        $"{code} has fee schedule status C: the contractor prices it case by case.",
                        "Keep the operative report or invoice ready; the contractor may ask for it.");
                    break;
                case 'E' when context.IsEnabled(R.ExcludedByRegulation):
                    Report(context, R.ExcludedByRegulation, number, code,
                        $"{code} has fee schedule status E: excluded from fee schedule payment by regulation; when covered it is paid under reasonable-charge procedures.",
                        "Nothing to fix on the claim; expect pricing outside the fee schedule.");
                    break;
                case 'T' when context.IsEnabled(R.InjectionBundled):
                    CheckInjection(context, lines, fees, i, code, line);
                    break;
            }

            if (entry.Global == GlobalPeriod.AddOn && line.ServiceDate is { } date && context.IsEnabled(R.AddOnWithoutPrimary) && !HasPrimaryOn(lines, fees, i, date))
            {
                Report(context, R.AddOnWithoutPrimary, number, code,
                    $"{code} is an add-on code (global days ZZZ) but no other procedure is billed on the same date to be its primary.",
                    "Bill the primary procedure on the same claim and date, or remove the add-on line.");
            }
        }
    }

    /// <summary>Status T: paid only when the same provider bills no other fee-schedule-payable (A, R, T) service that date.</summary>
    private void CheckInjection(ScrubContext context, System.Collections.Immutable.ImmutableArray<ServiceLine> lines, ReadOnlySpan<FeeFacts> fees, int index, ProcedureCode code, ServiceLine line)
    {
        if (line.ServiceDate is not { } date)
        {
            return;
        }

        var claim = context.Claim;
        var provider = claim.RenderingNpiFor(line);
        for (var j = 0; j < lines.Length; j++)
        {
            var other = lines[j];
            if (j == index || other.ServiceDate != date || other.ProcedureCode is not { } otherCode || claim.RenderingNpiFor(other) != provider
                || !fees[j].TryGetBilled(out var otherEntry) || otherEntry.Status is not ('A' or 'R' or 'T'))
            {
                continue;
            }

            Report(context, R.InjectionBundled, index + 1, code,
                $"{code} has fee schedule status T: it is paid only when no other fee schedule service is billed that date by the same provider, and {otherCode} (line {j + 1}) is.",
                $"Expect {code} to be bundled into {otherCode}; remove it or keep it for reporting only.");
            return;
        }
    }

    /// <summary>Tells whether another line that date could be the primary: any procedure that is not itself an add-on.</summary>
    private static bool HasPrimaryOn(System.Collections.Immutable.ImmutableArray<ServiceLine> lines, ReadOnlySpan<FeeFacts> fees, int index, DateOnly date)
    {
        for (var j = 0; j < lines.Length; j++)
        {
            if (j != index && lines[j].ServiceDate == date && lines[j].ProcedureCode is not null
                && !(fees[j].TryGetGlobal(out var entry) && entry.Global == GlobalPeriod.AddOn))
            {
                return true;
            }
        }

        return false;
    }

    private void Report(ScrubContext context, RuleDescriptor rule, int line, ProcedureCode code, string message, string fixHint)
    {
        if (context.IsEnabled(rule))
        {
            context.Report(rule, line, ElementPath.LineMember(line, "procedureCode"), message, fixHint, [code.ToString()], table.Release);
        }
    }
}
