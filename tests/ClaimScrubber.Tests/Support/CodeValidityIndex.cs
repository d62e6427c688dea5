using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.CodeSets.PlaceOfService;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// A hand-made index for the procedure, modifier and place-of-service rules, with real codes and dates from the
/// HCPCS October 2025 file: C9300 terminated 2025-06-30 (cross-referenced to J9220), A2036 added 2025-10-01,
/// modifier JG terminated 2024-12-31, T1017 (coverage I) and V5249 (coverage S).
/// </summary>
internal static class CodeValidityIndex
{
    public static readonly TableRelease HcpcsRelease = new("HCPCS Level II procedure codes", "2025 Q4 (October)", "HCPC2025_OCT_ANWEB.csv", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 6);
    public static readonly TableRelease ModifierRelease = HcpcsRelease with { Table = "HCPCS Level II modifiers", RowCount = 6 };
    public static readonly TableRelease ListRelease = new("CPT and HCPCS modifier list", "2024-06", "modifier_codes_cpt_and_hcpcs_2024-06.csv", new DateOnly(2024, 6, 1), null, 9);
    public static readonly TableRelease PosRelease = new("CMS place of service codes", "undated", "place_of_service_codes.csv", null, null, 4);

    public static CodeSetIndex Create(bool cptCodes = true, bool modifierList = true, bool placesOfService = true)
    {
        var builder = new CodeSetIndexBuilder();
        builder.SetTable(Hcpcs());
        if (cptCodes)
        {
            builder.SetTable(new CptCodes(["99213", "99214", "36415", "0001A"]));
        }

        builder.SetTable(Modifiers(modifierList));
        if (placesOfService)
        {
            var entries = new PlaceOfServiceInfo?[100];
            entries[2] = new(true, true, "Telehealth Provided Other than in Patient's Home", string.Empty);
            entries[11] = new(true, false, "Office", string.Empty);
            entries[22] = new(true, true, "On Campus-Outpatient Hospital", string.Empty);
            entries[30] = new(false, false, "Unassigned", string.Empty);
            builder.SetTable(new PlaceOfServiceTable(entries, PosRelease));
        }

        return builder.Build();
    }

    private static HcpcsTable Hcpcs()
    {
        (string Code, HcpcsCodeInfo Info)[] rows =
        [
            ("A2036", Info(new DateOnly(2025, 10, 1), null, 'A')),
            ("C9300", Info(new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30), 'N', "J9220")),
            ("G0439", Info(new DateOnly(2011, 1, 1), null, 'N')),
            ("J3490", Info(new DateOnly(1986, 1, 1), null, 'N')),
            ("T1017", Info(new DateOnly(2002, 7, 1), null, 'N', coverage: 'I')),
            ("V5249", Info(new DateOnly(2002, 1, 1), null, 'N', coverage: 'S')),
        ];
        return new HcpcsTable([.. rows.Select(r => ProcedureCode.Parse(r.Code).Value)], [.. rows.Select(r => r.Info)], HcpcsRelease);
    }

    private static ModifierTable Modifiers(bool withList)
    {
        var levelTwo = new Dictionary<string, HcpcsCodeInfo>
        {
            ["GY"] = Info(new DateOnly(2002, 1, 1), null, 'N'),
            ["GA"] = Info(new DateOnly(1995, 1, 1), null, 'N'),
            ["JG"] = Info(new DateOnly(2018, 1, 1), new DateOnly(2024, 12, 31), 'N'),
            ["LT"] = Info(new DateOnly(1984, 1, 1), null, 'N'),
            ["RT"] = Info(new DateOnly(1984, 1, 1), null, 'N'),
            ["XS"] = Info(new DateOnly(2015, 1, 1), null, 'N'),
        };
        var entries = new SortedDictionary<ushort, ModifierInfo>();
        foreach (var (code, info) in levelTwo)
        {
            entries[ModifierCode.Parse(code).Value] = new ModifierInfo(ModifierLevels.LevelTwo, string.Empty, info);
        }

        if (withList)
        {
            foreach (var code in new[] { "25", "59", "76", "26" })
            {
                entries[ModifierCode.Parse(code).Value] = new ModifierInfo(ModifierLevels.LevelOne, "General", null);
            }
        }

        return new ModifierTable([.. entries.Keys], [.. entries.Values], withList ? ListRelease : null, ModifierRelease);
    }

    private static HcpcsCodeInfo Info(DateOnly added, DateOnly? terminated, char action, string crossReferences = "", char coverage = 'C') =>
        new(added, added, terminated, action, coverage, string.Empty, string.Empty, crossReferences, string.Empty);

    private sealed class CptCodes(string[] codes) : IProcedureCodeSource
    {
        public IEnumerable<ProcedureCode> ProcedureCodes => codes.Select(ProcedureCode.Parse);
    }
}
