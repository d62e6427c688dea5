using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.Icd10Cm;

/// <summary>One fiscal year's order file as read.</summary>
/// <param name="FiscalYear">The fiscal year, from the file name.</param>
/// <param name="Name">The file's name relative to the loaded folder, as problems name it.</param>
/// <param name="SourceFile">The release's source: the order file's name, or <c>zip/entry</c>.</param>
/// <param name="FromZip">Whether the order file came from inside a zip.</param>
/// <param name="Records">The records, unique by code.</param>
internal sealed record IcdYearPart(int FiscalYear, string Name, string SourceFile, bool FromZip, IReadOnlyList<IcdOrderRecord> Records);

/// <summary>One fiscal year's order-file addenda as read.</summary>
/// <param name="FiscalYear">The fiscal year the addenda produce (applied to the year before).</param>
/// <param name="Name">The file's name relative to the loaded folder, as problems name it.</param>
/// <param name="SourceFile">The file name.</param>
/// <param name="Changes">The changes in file order.</param>
/// <param name="ExpectedCodes">The billable-code total the closing summary gives for the year, when it does.</param>
/// <param name="ExpectedHeaders">The header total the closing summary gives for the year, when it does.</param>
internal sealed record IcdAddendaPart(int FiscalYear, string Name, string SourceFile, IReadOnlyList<IcdAddendum> Changes, int? ExpectedCodes, int? ExpectedHeaders);

/// <summary>What an addendum does.</summary>
internal enum IcdAddendumAction
{
    /// <summary>Adds a code.</summary>
    Add,

    /// <summary>Deletes a code.</summary>
    Delete,

    /// <summary>Replaces a code's record (flag or descriptions).</summary>
    Revise,
}

/// <summary>One change of an addenda file.</summary>
/// <param name="Line">The 1-based line (of the <c>Revise from:</c> line for a revision).</param>
/// <param name="Action">What the change does.</param>
/// <param name="Record">The record added, deleted, or revised to.</param>
/// <param name="RevisedFrom">The record a revision replaces, as the addenda state it.</param>
internal readonly record struct IcdAddendum(int Line, IcdAddendumAction Action, IcdOrderRecord Record, IcdOrderRecord? RevisedFrom);

/// <summary>
/// Gathers the ICD-10-CM order files and addenda of a load, and composes the <see cref="IcdCodeSet"/> when the index
/// is built: one order file per fiscal year (a loose file preferred to a zip; the other is reported), then the
/// addenda of year N applied to year N−1 when year N has no full order file, in ascending year order (so that
/// successive addenda chain).
/// </summary>
internal sealed class IcdCodeSetParts
{
    private readonly List<IcdYearPart> years = [];
    private readonly List<IcdAddendaPart> addenda = [];

    /// <summary>Gets the accumulator of <paramref name="builder"/>, creating it on first use.</summary>
    public static IcdCodeSetParts Of(CodeSetIndexBuilder builder) => builder.Part(() => new IcdCodeSetParts(), p => p.Finish(builder));

    public void AddYear(IcdYearPart part) => years.Add(part);

    public void AddAddenda(IcdAddendaPart part) => addenda.Add(part);

    private static TableRelease ReleaseOf(int fiscalYear, string sourceFile, int rows) =>
        new(IcdCodeSet.TableName, $"FY{fiscalYear}", sourceFile, IcdCodeSet.FiscalYearStart(fiscalYear), IcdCodeSet.FiscalYearEnd(fiscalYear), rows);

    private void Finish(CodeSetIndexBuilder builder)
    {
        var byYear = new SortedDictionary<int, (TableRelease Release, IReadOnlyList<IcdOrderRecord> Records)>();
        foreach (var (year, kept) in OrderFiles.ChooseOnePerYear(years, y => y.FiscalYear, y => y.FromZip, y => y.Name, builder, "ICD-10-CM order file"))
        {
            byYear[year] = (ReleaseOf(year, kept.SourceFile, kept.Records.Count), kept.Records);
        }

        foreach (var part in OrderFiles.ChooseOnePerYear(addenda, a => a.FiscalYear, _ => false, a => a.Name, builder, "ICD-10-CM order-file addenda").Values)
        {
            if (byYear.ContainsKey(part.FiscalYear))
            {
                builder.AddProblem(new LoadProblem(part.Name, null, $"Not applied: the full FY{part.FiscalYear} order file is loaded, which already includes these addenda.", IsError: false));
                continue;
            }

            if (!byYear.TryGetValue(part.FiscalYear - 1, out var baseYear))
            {
                builder.AddProblem(new LoadProblem(part.Name, null, $"Not applied: the FY{part.FiscalYear} addenda apply to the FY{part.FiscalYear - 1} order file, which is not loaded.", IsError: true));
                continue;
            }

            if (Apply(builder, part, baseYear.Records) is not { } records)
            {
                continue;
            }

            byYear[part.FiscalYear] = (ReleaseOf(part.FiscalYear, part.SourceFile, records.Count), records);
        }

        if (byYear.Count == 0)
        {
            return;
        }

        foreach (var year in byYear.Values)
        {
            builder.AddRelease(year.Release);
        }

        builder.SetTable(IcdCodeSet.Create([.. byYear.Select(y => (y.Key, y.Value.Release, y.Value.Records))]));
    }

    /// <summary>
    /// Applies addenda to the records of the year before, reporting every change that does not apply; returns
    /// <see langword="null"/> (the year is not loaded) when any does not, or when the result disagrees with the totals
    /// the addenda's closing summary gives: a year built from addenda that do not fit is never half-right.
    /// </summary>
    private static List<IcdOrderRecord>? Apply(CodeSetIndexBuilder builder, IcdAddendaPart part, IReadOnlyList<IcdOrderRecord> baseRecords)
    {
        var previous = part.FiscalYear - 1;
        var records = new Dictionary<IcdCode, IcdOrderRecord>(baseRecords.Count + part.Changes.Count);
        var failed = false;
        foreach (var record in baseRecords)
        {
            records[record.Code] = record;
        }

        foreach (var change in part.Changes)
        {
            var code = change.Record.Code;
            var present = records.TryGetValue(code, out var current);
            string? problem = null;
            switch (change.Action)
            {
                case IcdAddendumAction.Add when present:
                    problem = $"Add: {code.ToDottedString()} is already in FY{previous} (with the changes above it applied); not added again.";
                    break;
                case IcdAddendumAction.Add:
                    records.Add(code, change.Record);
                    break;
                case IcdAddendumAction.Delete when !present:
                    problem = $"Delete: {code.ToDottedString()} is not in FY{previous} (with the changes above it applied).";
                    break;
                case IcdAddendumAction.Delete when current.Billable != change.Record.Billable:
                    problem = $"Delete: {code.ToDottedString()} is deleted as {Kind(change.Record.Billable)}, but FY{previous} lists it as {Kind(current.Billable)}; not deleted.";
                    break;
                case IcdAddendumAction.Delete:
                    records.Remove(code);
                    break;
                case IcdAddendumAction.Revise when !present:
                    problem = $"Revise: {code.ToDottedString()} is not in FY{previous}; nothing to revise.";
                    break;
                case IcdAddendumAction.Revise when current != change.RevisedFrom:
                    problem = $"Revise from: {code.ToDottedString()} does not match FY{previous}, which has {Kind(current.Billable)} '{current.ShortDescription}' / '{current.LongDescription}'; not revised.";
                    break;
                case IcdAddendumAction.Revise:
                    records[code] = change.Record;
                    break;
            }

            if (problem is not null)
            {
                builder.AddProblem(new LoadProblem(part.Name, change.Line, problem, IsError: true));
                failed = true;
            }
        }

        var result = records.Values.OrderBy(r => r.Code).ToList();
        var billable = result.Count(r => r.Billable);
        if ((part.ExpectedCodes is { } codes && codes != billable) || (part.ExpectedHeaders is { } headers && headers != result.Count - billable))
        {
            var stated = string.Join(" and ", new[] { part.ExpectedCodes is { } c ? $"{c} codes" : null, part.ExpectedHeaders is { } h ? $"{h} headers" : null }.OfType<string>());
            builder.AddProblem(new LoadProblem(part.Name, null,
                $"The closing summary gives FY{part.FiscalYear} {stated}, but applying the addenda to FY{previous} gave {billable} codes and {result.Count - billable} headers.", IsError: true));
            failed = true;
        }

        if (failed)
        {
            builder.AddProblem(new LoadProblem(part.Name, null, $"FY{part.FiscalYear} was not loaded: its addenda do not apply cleanly to FY{previous}.", IsError: true));
            return null;
        }

        return result;
    }

    private static string Kind(bool billable) => billable ? "billable" : "a header";
}
