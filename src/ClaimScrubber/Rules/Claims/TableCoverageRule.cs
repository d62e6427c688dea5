using System.Globalization;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Claims;

namespace ClaimScrubber.Rules.Claims;

/// <summary>
/// One claim-level notice per table whose loaded releases end before the claim's last date of service (CLM020): the
/// claim was checked against a release that may lack the codes and edits published since. The tables are those the
/// rules read for the claim's setting (the NCCI tables of its provider setting); ICD-10-CM order files are DX004's, and
/// a table published without a schedule has no end. The notices' text is worked out once, when the scrubber is built.
/// </summary>
/// <remarks>Source: each release's effective dates (<see cref="TableRelease"/>) and CMS's cadence (<see cref="TableCoverage"/>).</remarks>
internal sealed class TableCoverageRule : IClaimRule
{
    private readonly Notice[] notices;

    public TableCoverageRule(CodeSetIndex index)
    {
        notices = [.. index.Coverage.Where(c => c.CoversTo is not null && c.Table != CodeSets.Icd10Cm.IcdCodeSet.TableName && c.Table != CodeSets.Icd10Pcs.PcsCodeSet.TableName)
            .Select(c => new Notice(c.CoversTo!.Value, SettingsOf(c.Table), Message(c), Hint(c), c.Releases[^1]))];
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.TableOutOfDate];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        DateOnly? last = claim.DischargeDate;
        foreach (var line in claim.Lines)
        {
            var end = line.ServiceDateTo is { } to && (line.ServiceDate is not { } from || to > from) ? to : line.ServiceDate;
            if (end is { } date && (last is null || date > last))
            {
                last = date;
            }
        }

        if (last is not { } latest)
        {
            return;
        }

        var setting = 1 << (int)claim.Setting;
        foreach (var notice in notices)
        {
            if (latest > notice.CoversTo && (notice.Settings & setting) != 0 && context.IsEnabled(R.TableOutOfDate))
            {
                context.Report(R.TableOutOfDate, null, ElementPath.Claim, notice.Message, notice.Hint, [], notice.Release);
            }
        }
    }

    /// <summary>The settings whose rules read the table, as bits of <see cref="ClaimSetting"/>: NCCI tables are per provider setting.</summary>
    private static int SettingsOf(string table)
    {
        const int Professional = 1 << (int)ClaimSetting.Professional;
        const int Outpatient = 1 << (int)ClaimSetting.OutpatientHospital;
        if (table.StartsWith("NCCI PTP ", StringComparison.Ordinal) || table.StartsWith("NCCI MUE ", StringComparison.Ordinal))
        {
            return table.EndsWith(NcciSettingNames.Of(NcciSetting.OutpatientHospital), StringComparison.Ordinal) ? Outpatient : Professional;
        }

        return table.StartsWith("NCCI ", StringComparison.Ordinal) ? Professional | Outpatient : ~0;
    }

    private static string Month(DateOnly date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Message(TableCoverage coverage) =>
        string.Create(CultureInfo.InvariantCulture, $"The loaded {coverage.Table} table covers dates of service {(coverage.CoversFrom is { } from ? $"from {Month(from)} " : string.Empty)}to {Month(coverage.CoversTo!.Value)} ({Cadence(coverage.Cadence)}); the claim has dates of service after that, checked against its latest loaded release, which may lack the codes and edits published since.");

    private static string Hint(TableCoverage coverage) =>
        string.Create(CultureInfo.InvariantCulture, $"Load the {coverage.Table} release in force for the dates of service ({Cadence(coverage.Cadence)}); data-report lists each table's coverage.");

    private static string Cadence(TableCadence cadence) => cadence switch
    {
        TableCadence.Quarterly => "CMS publishes it quarterly",
        TableCadence.Semiannual => "CMS publishes it each October and April",
        _ => "CMS publishes it each fiscal year",
    };

    private sealed record Notice(DateOnly CoversTo, int Settings, string Message, string Hint, TableRelease Release);
}
