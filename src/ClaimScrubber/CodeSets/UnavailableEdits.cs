using System.Collections.Immutable;
using ClaimScrubber.Rules;

namespace ClaimScrubber.CodeSets;

/// <summary>Built-in checks that do not run on an index because a table they read is not loaded, and the files that would load it.</summary>
/// <param name="Table">The table that is missing, such as <c>OPPS Addendum B</c>.</param>
/// <param name="FilesToLoad">The CMS files that load it, by the names CMS publishes them under.</param>
/// <param name="RuleIds">The rules that do not run without it.</param>
/// <param name="Effect">What goes unchecked, in plain words.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record UnavailableEdits(string Table, string FilesToLoad, ImmutableArray<string> RuleIds, string Effect)
{
    /// <summary>Returns the groups of built-in checks that do not run on <paramref name="index"/>, in catalogue order.</summary>
    internal static ImmutableArray<UnavailableEdits> Of(CodeSetIndex index)
    {
        var missing = ImmutableArray.CreateBuilder<UnavailableEdits>();
        if (index.Opps is null)
        {
            missing.Add(new UnavailableEdits(
                Opps.OppsTable.TableName,
                "CMS's quarterly OPPS Addendum B, as posted (YYYY_month_web_addendum_b.MMDDYYYY.csv or .xlsx)",
                [.. RuleCatalog.Opps.All.Select(r => r.Id)],
                "Hospital outpatient bills are not checked against OPPS status indicators: inpatient-only procedures (C), codes OPPS does not recognize or pay (B, D, E1, E2, M) and packaged services billed alone (N) pass unflagged."));
        }

        if (index.Icd10Pcs is null)
        {
            missing.Add(new UnavailableEdits(
                Icd10Pcs.PcsCodeSet.TableName,
                "CMS's ICD-10-PCS order file of each fiscal year (cms_YYYY_pcs.zip, or icd10pcs_order_YYYY.txt)",
                [RuleCatalog.InpatientProcedures.Unknown.Id, RuleCatalog.InpatientProcedures.NotValidOnDate.Id],
                "The ICD-10-PCS procedures of inpatient claims are not checked for validity, and the Medicare Code Editor's procedure edits count every well-formed code as valid."));
        }

        if (index.Mce is null)
        {
            missing.Add(new UnavailableEdits(
                Mce.MceTable.TableName,
                "CMS's Medicare Code Editor definitions manual (Definitions of Medicare Code Edits_v_NN_N.txt), with the v41.1 age/sex CSV for discharges before 2024-10-01",
                [.. RuleCatalog.MceDiagnoses.All.Where(r => r.Id != RuleCatalog.MceDiagnoses.Excludes1Pair.Id).Select(r => r.Id),
                    .. RuleCatalog.InpatientProcedures.All.Where(r => r.Id is not ("PCS001" or "PCS002" or "PCS003")).Select(r => r.Id)],
                "The Medicare Code Editor's diagnosis edits (age, sex, manifestation, principal diagnosis, unspecified laterality) and its procedure and claim edits (non-covered, limited coverage, questionable obstetric admission, length of stay, invalid age and discharge status) do not run."));
        }

        return missing.ToImmutable();
    }
}
