namespace ClaimScrubber.CodeSets.Ncci;

/// <summary>The NCCI procedure-to-procedure tables: practitioner and outpatient hospital, each optional.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed partial class PtpTables : IProcedureCodeSource
{
    public PtpTables(PtpTable? practitioner, PtpTable? outpatientHospital)
    {
        Practitioner = practitioner;
        OutpatientHospital = outpatientHospital;
    }

    public PtpTable? Practitioner { get; }

    public PtpTable? OutpatientHospital { get; }

    public IEnumerable<ProcedureCode> ProcedureCodes
    {
        get
        {
            foreach (var table in (PtpTable?[])[Practitioner, OutpatientHospital])
            {
                if (table is not null)
                {
                    foreach (var code in table.Codes.ToArray())
                    {
                        yield return ProcedureCode.FromValue(code);
                    }
                }
            }
        }
    }
}

/// <summary>
/// Gathers the rows of PTP files as readers finish them (several files per release in the dated layout, several
/// releases, two settings) and composes one sorted <see cref="PtpTable"/> per setting when the index is built.
/// </summary>
internal sealed class PtpParts
{
    private readonly List<PtpChunk> chunks = [];

    public void Add(PtpChunk chunk) => chunks.Add(chunk);

    public void Finish(CodeSetIndexBuilder builder)
    {
        builder.SetTable(new PtpTables(Compose(NcciSetting.Practitioner, builder), Compose(NcciSetting.OutpatientHospital, builder)));
    }

    private PtpTable? Compose(NcciSetting setting, CodeSetIndexBuilder builder)
    {
        var mine = chunks.Where(c => c.Setting == setting).OrderBy(c => c.ReleaseDay).ThenBy(c => c.Release.SourceFile, StringComparer.Ordinal).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        if (mine.Count > byte.MaxValue)
        {
            builder.AddProblem(new Loading.LoadProblem(mine[byte.MaxValue].Release.SourceFile, null, $"More than {byte.MaxValue} {NcciSettingNames.Of(setting)} PTP files were loaded; this file and those after it were not used.", IsError: true));
            mine = mine[..byte.MaxValue];
        }

        var rationales = new List<string>();
        var rationaleIndex = new Dictionary<string, byte>(StringComparer.Ordinal);
        var total = mine.Sum(c => c.Count);
        var keys = new ulong[total];
        var payloads = new ulong[total];
        var at = 0;
        for (var slot = 0; slot < mine.Count; slot++)
        {
            var chunk = mine[slot];
            var remap = new byte[chunk.Rationales.Length];
            for (var r = 0; r < chunk.Rationales.Length; r++)
            {
                if (!rationaleIndex.TryGetValue(chunk.Rationales[r], out var global))
                {
                    if (rationales.Count > byte.MaxValue)
                    {
                        throw new InvalidDataException($"{chunk.Release.SourceFile}: the PTP tables hold more than 256 distinct rationales.");
                    }

                    global = (byte)rationales.Count;
                    rationales.Add(chunk.Rationales[r]);
                    rationaleIndex.Add(chunk.Rationales[r], global);
                }

                remap[r] = global;
            }

            const ulong keep = ~((0xFFUL << 40) | (0xFFUL << 48));
            for (var i = 0; i < chunk.Count; i++)
            {
                var p = chunk.Payloads[i];
                keys[at] = chunk.Keys[i];
                payloads[at++] = (p & keep) | ((ulong)remap[(byte)(p >> 40)] << 40) | ((ulong)slot << 48);
            }
        }

        Array.Sort(keys, payloads);
        var codes = new HashSet<uint>();
        var previous = ulong.MaxValue;
        foreach (var key in keys)
        {
            if (key >> 32 != previous >> 32)
            {
                codes.Add((uint)(key >> 32));
            }

            codes.Add((uint)key);
            previous = key;
        }

        return new PtpTable(setting, keys, payloads, [.. rationales], [.. mine.Select(c => c.Release)], [.. mine.Select(c => c.ReleaseDay)], [.. codes.Order()]);
    }
}

/// <summary>The rows one PTP file yielded, with rationale indexes local to the file.</summary>
internal sealed record PtpChunk(NcciSetting Setting, TableRelease Release, ushort ReleaseDay, ulong[] Keys, ulong[] Payloads, int Count, string[] Rationales);
