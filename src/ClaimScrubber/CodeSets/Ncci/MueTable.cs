using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>The MUE adjudication indicator: how units are counted against the MUE value.</summary>
internal enum MueIndicator : byte
{
    /// <summary>1: a line edit; each line's units are compared (lines with modifiers are separate lines).</summary>
    Line = 1,

    /// <summary>2: a date-of-service edit based on policy; units of the code on the date are summed; absolute.</summary>
    DatePolicy = 2,

    /// <summary>3: a date-of-service edit based on clinical data; units on the date are summed; appealable with documentation.</summary>
    DateClinical = 3,
}

/// <summary>One quarter's medically unlikely edits for one setting: sorted codes with parallel values, indicators and rationales.</summary>
/// <remarks>This type is immutable and thread-safe; look-ups allocate nothing.</remarks>
internal sealed partial class MueTable
{
    private readonly uint[] codes;
    private readonly int[] values;
    private readonly MueIndicator[] indicators;
    private readonly byte[] rationaleIndexes;
    private readonly string[] rationales;
    private readonly PackedKeyIndex positions;

    public MueTable(NcciSetting setting, TableRelease release, uint[] codes, int[] values, MueIndicator[] indicators, byte[] rationaleIndexes, string[] rationales)
    {
        Setting = setting;
        Release = release;
        this.codes = codes;
        this.values = values;
        this.indicators = indicators;
        this.rationaleIndexes = rationaleIndexes;
        this.rationales = rationales;
        positions = PackedKeyIndex.Create(codes);
    }

    public NcciSetting Setting { get; }

    public TableRelease Release { get; }

    public int Count => codes.Length;

    public ReadOnlySpan<uint> Codes => codes;

    /// <summary>Finds the edit of <paramref name="code"/>; -1 when it has none.</summary>
    public int Find(ProcedureCode code)
    {
        return positions.IndexOf(code.Value);
    }

    public int Value(int row) => values[row];

    public MueIndicator Indicator(int row) => indicators[row];

    public string Rationale(int row) => rationales[rationaleIndexes[row]];
}

/// <summary>The MUE tables by setting, each possibly in several quarters (the quarter in force on the date of service applies).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class MueTables : IProcedureCodeSource
{
    private readonly MueTable[][] bySetting;
    private readonly ushort[][] releaseDays;

    public MueTables(IEnumerable<MueTable> tables)
    {
        bySetting = new MueTable[3][];
        releaseDays = new ushort[3][];
        foreach (var setting in (NcciSetting[])[NcciSetting.Practitioner, NcciSetting.OutpatientHospital, NcciSetting.DmeSupplier])
        {
            var mine = tables.Where(t => t.Setting == setting).OrderBy(t => t.Release.EffectiveFrom).ToArray();
            bySetting[(int)setting] = mine;
            releaseDays[(int)setting] = [.. mine.Select(t => NcciDay.Of(t.Release.EffectiveFrom!.Value))];
        }
    }

    public bool Has(NcciSetting setting) => bySetting[(int)setting].Length > 0;

    /// <summary>Gets the table of <paramref name="setting"/> in force on <paramref name="day"/>, or <see langword="null"/>.</summary>
    public MueTable? For(NcciSetting setting, ushort day)
    {
        var tables = bySetting[(int)setting];
        return tables.Length switch
        {
            0 => null,
            1 => tables[0],
            _ => tables[NcciSettingNames.ReleaseFor(releaseDays[(int)setting], day)],
        };
    }

    public IReadOnlyList<MueTable> All(NcciSetting setting) => bySetting[(int)setting];

    public IEnumerable<ProcedureCode> ProcedureCodes => bySetting.SelectMany(s => s).SelectMany(t => t.Codes.ToArray()).Select(ProcedureCode.FromValue);
}
