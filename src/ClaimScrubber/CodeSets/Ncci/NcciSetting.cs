namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>The provider setting an NCCI table is published for.</summary>
internal enum NcciSetting : byte
{
    Practitioner = 0,
    OutpatientHospital = 1,
    DmeSupplier = 2,
}

/// <summary>Names of the settings as findings and releases print them.</summary>
internal static class NcciSettingNames
{
    public static string Of(NcciSetting setting) => setting switch
    {
        NcciSetting.Practitioner => "practitioner",
        NcciSetting.OutpatientHospital => "outpatient hospital",
        _ => "DME supplier",
    };

    /// <summary>
    /// Picks the release in force on <paramref name="day"/> from release dates sorted ascending: the newest on or
    /// before the day; before the first release, the first one (each table describes edits back to the start).
    /// </summary>
    public static int ReleaseFor(ReadOnlySpan<ushort> releaseDays, ushort day)
    {
        var chosen = 0;
        for (var i = 1; i < releaseDays.Length; i++)
        {
            if (releaseDays[i] <= day)
            {
                chosen = i;
            }
        }

        return chosen;
    }
}
