using ClaimScrubber.CodeSets;
using ClaimScrubber.Rules.Claims;
using ClaimScrubber.Rules.Diagnoses;
using ClaimScrubber.Rules.Linkage;
using ClaimScrubber.Rules.Modifiers;
using ClaimScrubber.Rules.Ncci;
using ClaimScrubber.Rules.PlaceOfService;
using ClaimScrubber.Rules.Procedures;

namespace ClaimScrubber.Rules;

/// <summary>The built-in checks, in the order they run, each given the index it reads.</summary>
internal static class BuiltInRules
{
    public static IEnumerable<IClaimRule> Create(CodeSetIndex index, ScrubberOptions options)
    {
        yield return new ClaimStructureRules();
        yield return new FilingRules(index.FeeSchedule);
        yield return new TableCoverageRule(index);
        if (index.HasProcedureCodes)
        {
            yield return new ProcedureCodeRules(index);
        }

        yield return new ModifierRules(index.Modifiers);
        if (index.PlacesOfService is { } placesOfService)
        {
            yield return new PlaceOfServiceRules(placesOfService);
        }

        // One MCE editor (and so one list membership) for the MCE rules and the linkage rules that read its lists.
        var mceEditor = index.Mce is { } mceLists ? new CodeSets.Mce.MceEditor(mceLists, index.Icd10Cm, index.Icd10Pcs) : null;
        yield return new DiagnosisPointerRules();
        yield return new DiagnosisSequencingRules(
            index.Find<IManifestationCodeSource>() ?? (mceEditor is not null && mceEditor.Table.Has(CodeSets.Mce.MceList.Manifestation) ? new CodeSets.Mce.MceManifestations(mceEditor) : null),
            index.Mce is not null,
            options);
        if (index.LabNcds is { } labNcds)
        {
            yield return new LabNcdRules(labNcds, index.Icd10Cm, options);
        }

        if ((index.Find<IProcedureDemographicSource>() ?? (index.Hcpcs is { } hcpcs ? new CodeSets.Hcpcs.HcpcsDemographics(hcpcs) : null)) is { } demographics)
        {
            yield return new ProcedureDemographicRules(demographics, options);
        }

        if (index.Icd10Cm is { } icd10Cm)
        {
            yield return new DiagnosisCodeRules(icd10Cm);
        }

        if (mceEditor is not null)
        {
            yield return new MceDiagnosisRules(mceEditor);
        }

        if (index.Excludes1 is { } excludes1)
        {
            yield return new Excludes1Rule(excludes1);
        }

        if (index.Ptp is { } ptp)
        {
            yield return new PtpRule(ptp, index.FeeSchedule);
        }

        if (index.Mue is { } mue)
        {
            yield return new MueRule(mue);
        }

        if (index.AddOnCodes is not null)
        {
            yield return new AddOnCodeRule();
        }

        yield return new SinglePlaceOfServiceRule();
        yield return new ComplexityAddOnRule();
        if (index.FeeSchedule is not null || index.Mue is not null || index.Hcpcs is not null)
        {
            yield return new IntendedDenialRule(index.FeeSchedule, index.Mue, index.Hcpcs);
        }

        if (index.FeeSchedule is { } fees)
        {
            yield return new FeeScheduleStatusRules(fees);
            yield return new FeeScheduleModifierRules(fees);
            yield return new GlobalSurgeryRules(fees);
            yield return new FeeSchedulePlaceOfServiceRules(fees, FacilityFlag(index.PlacesOfService));
            yield return DeletedCodeRule.Create(fees, index.Ptp, index.Mue, index.AddOnCodes);
        }

        if (index.Opps is { } opps)
        {
            yield return new Opps.OppsStatusRules(opps);
        }

        yield return new Institutional.InstitutionalBillRules();
        yield return new Institutional.InstitutionalLineRules();
        yield return new BillingData.BillingDataRules();
        if (index.Icd10Pcs is { } pcs)
        {
            yield return new InpatientProcedures.PcsCodeRules(pcs);
        }

        if (mceEditor is not null)
        {
            yield return new InpatientProcedures.MceProcedureRules(mceEditor);
        }
    }

    /// <summary>Reads the POS table's fee schedule facility flag; unassigned or unlisted codes give null (POS001 reports them).</summary>
    private static Func<ClaimScrubber.PlaceOfServiceCode, bool?>? FacilityFlag(CodeSets.PlaceOfService.PlaceOfServiceTable? places) =>
        places is null ? null : code => places.TryGet(code, out var info) && info.IsAssigned ? info.IsFacility : null;
}
