using System.Collections.Frozen;

namespace ClaimScrubber.CodeSets.Hcpcs;

/// <summary>
/// The HCPCS Level II codes whose own descriptor limits them to one sex or to newborns: cervical or vaginal cancer
/// screening and Pap smears, prostate screening and prostate procedures, penile prostheses, neonatal transport and
/// newborn screening. The limit applies only while the loaded HCPCS file still lists the code as active with a
/// descriptor naming that anatomy or population, so a code CMS redefines stops being edited rather than edited wrongly.
/// </summary>
/// <remarks>CPT codes are not here: their descriptors are the AMA's and are not in the public files.</remarks>
internal sealed class HcpcsDemographics : IProcedureDemographicSource
{
    private static readonly FrozenDictionary<uint, (ProcedureDemographics Limits, string Descriptor)> Limits = Build(
    [
        ("G0101", Sex.Female, null, "pelvic", "cervical or vaginal cancer screening"),
        ("G0123", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0124", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0141", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0143", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0144", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0145", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0147", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("G0148", Sex.Female, null, "c/v", "cervical or vaginal screening cytopathology"),
        ("P3000", Sex.Female, null, "pap", "screening Pap smear"),
        ("P3001", Sex.Female, null, "pap", "screening Pap smear"),
        ("Q0091", Sex.Female, null, "pap", "obtaining a screening Pap smear"),
        ("G0102", Sex.Male, null, "prostate", "prostate cancer screening"),
        ("G0103", Sex.Male, null, "psa", "prostate cancer screening"),
        ("C9739", Sex.Male, null, "prostatic", "transprostatic implant"),
        ("C9740", Sex.Male, null, "impl", "transprostatic implant"),
        ("C9747", Sex.Male, null, "prostate", "prostate ablation"),
        ("C9748", Sex.Male, null, "prostatic", "prostate tissue destruction"),
        ("C9769", Sex.Male, null, "pros", "temporary prostatic implant"),
        ("C1813", Sex.Male, null, "penile", "penile prosthesis"),
        ("C2622", Sex.Male, null, "penile", "penile prosthesis"),
        ("A0225", Sex.Unknown, 0, "neonatal", "neonatal transport"),
        ("S3620", Sex.Unknown, 0, "newborn", "newborn metabolic screening"),
    ]);

    private readonly HcpcsTable hcpcs;

    public HcpcsDemographics(HcpcsTable hcpcs) => this.hcpcs = hcpcs;

    public TableRelease DemographicRelease => hcpcs.Release;

    public bool TryGetDemographics(ProcedureCode code, DateOnly date, out ProcedureDemographics demographics)
    {
        if (Limits.TryGetValue(code.Value, out var entry) && hcpcs.TryGet(code, out var info) && info.IsActiveOn(date)
            && info.ShortDescription.Contains(entry.Descriptor, StringComparison.OrdinalIgnoreCase))
        {
            demographics = entry.Limits;
            return true;
        }

        demographics = default;
        return false;
    }

    private static FrozenDictionary<uint, (ProcedureDemographics, string)> Build((string Code, Sex Sex, int? MaximumAge, string Descriptor, string Reason)[] entries) =>
        entries.ToFrozenDictionary(e => ProcedureCode.Parse(e.Code).Value, e => (new ProcedureDemographics(e.Sex, null, e.MaximumAge, e.Reason), e.Descriptor));
}
