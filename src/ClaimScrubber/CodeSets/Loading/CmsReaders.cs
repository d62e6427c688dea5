namespace ClaimScrubber.CodeSets.Loading;

/// <summary>The readers the folder loader knows, tried in order; the first that recognises a file reads it.</summary>
internal static class CmsReaders
{
    public static IReadOnlyList<ICmsFileReader> All { get; } =
    [
        new Icd10Cm.IcdOrderFileReader(),
        new Icd10Cm.IcdOrderAddendaReader(),
        new Icd10Pcs.PcsOrderFileReader(),
        new Mce.MceDefinitionsReader(),
        new Mce.MceAgeSexCsvReader(),
        new Ncd.LabNcdReader(),
        new Hcpcs.HcpcsQuarterlyReader(),
        new Hcpcs.ModifierListReader(),
        new PlaceOfService.PlaceOfServiceReader(),
        new Icd10Pcs.PcsOrderFileReader(),
        new Ncci.PtpCsvReader(),
        new Ncci.PtpTextReader(),
        new Ncci.MueReader(),
        new Ncci.AddOnCodeReader(),
        new FeeSchedule.RvuFileReader(),
        new Icd10Cm.Excludes1Reader(),
        new Opps.AddendumBReader(),
    ];
}
