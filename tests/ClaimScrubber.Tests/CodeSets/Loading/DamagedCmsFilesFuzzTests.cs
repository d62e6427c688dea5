using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.CodeSets.Snapshots;
using ClaimScrubber.Tests.Support;
using Xunit.Abstractions;

namespace ClaimScrubber.Tests.CodeSets.Loading;

/// <summary>
/// Damaged copies of the real CMS files (cut mid-row or at a line end, a byte flipped, a column dropped, header only,
/// empty, re-encoded as UTF-16, a workbook part or zip entry removed): each is refused with errors naming the file and
/// contributing nothing, or loads data identical to the original's. Two damages no check can see in plain text, which
/// CMS publishes without a checksum or row count (docs/data-loading.md), are counted apart and held to their rule: a
/// byte changed into another valid value keeps every row count; a file cut exactly at a line end keeps at least its
/// kind's minimum. Copies go to a temporary folder; nothing is committed.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class DamagedCmsFilesFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Kind[] Kinds =
    [
        new("hcpcs", "HCPC2025_OCT_ANWEB.csv", TableMinimum.HcpcsProcedures, "HCPC,"),
        new("ncci", "MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv", TableMinimum.MueDme, "CPT Code\""),
        new("pfs", "PPRRVU2025_Oct.csv", TableMinimum.FeeSchedule, "HCPCS,MOD"),
        new("icd10cm", "cms_2026_dx.zip", TableMinimum.IcdOrderFile, null),
        new("icd10cm", "cms_2026_pcs.zip", TableMinimum.PcsOrderFile, null),
        new("icd10cm", "icd10cm_tabular_2021.xml.gz", TableMinimum.Excludes1, null),
        new("ncci", "AOC_V2026Q2-MCR.xlsx", TableMinimum.AddOnCodes, null),
        new("pos", "place_of_service_codes.csv", TableMinimum.PlaceOfService, "pos_code", "utf-8"),
        new("mce", "mce_v41.1_fy2024_age_sex_manifestation.csv", TableMinimum.MceAgeSexLists, "\"icd_code\"", "windows-1252"),
        new("mce", "Definitions of Medicare Code Edits_v_43_1.txt", TableMinimum.MceDefinitions, null, "windows-1252"),
        new("hcpcs", "modifier_codes_cpt_and_hcpcs_2024-06.csv", TableMinimum.ModifierList, "\"mod_code\""),
        new("ncd", "2026100-Initial-ICD10-NCD-Spreadsheet-20250721.csv", TableMinimum.LabNcd, "Number,"),
        new("ncci", "ptp_outpatient_hospital_2024-07-01.csv.gz", TableMinimum.PtpTable, null),
    ];

    static DamagedCmsFilesFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly ConcurrentDictionary<string, CodeSetIndex> Originals = new(StringComparer.Ordinal);

    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-damaged-").FullName;

    private enum Damage
    {
        CutMidRow,
        CutAtLineEnd,
        FlipByte,
        DropColumn,
        HeaderOnly,
        Empty,
        Utf16,
        DropPart,
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [CmsFact]
    public void DamagedCopies_AreRefusedNamingTheFile_OrLoadIdentically()
    {
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        var run = Fuzz.Run(suiteSeed: 20261129, cases: 2 * Kinds.Length, random =>
        {
            // In the suite every kind in turn, so that the fixed seeds damage each a few times; soaking or replaying,
            // the kind comes from the case's seed, so that a failing seed replays alone.
            var kind = Fuzz.SoakTime is null && Fuzz.ReplaySeed is null ? Kinds[next++ % Kinds.Length] : Kinds[random.Next(Kinds.Length)];
            var damages = DamagesOf(kind);
            var damage = damages[random.Next(damages.Length)];
            var outcome = Check(kind, damage, random);
            var key = $"{outcome}: {damage}";
            tally[key] = tally.GetValueOrDefault(key) + 1;
        });

        output.WriteLine($"{run} damaged copies:");
        foreach (var (key, count) in tally)
        {
            output.WriteLine($"  {count,3} {key}");
        }

        run.Should().BeGreaterThan(0);
    }

    private static Damage[] DamagesOf(Kind kind) => kind.File switch
    {
        _ when kind.File.EndsWith(".xlsx", StringComparison.Ordinal) || kind.File.EndsWith(".zip", StringComparison.Ordinal) =>
            [Damage.CutMidRow, Damage.FlipByte, Damage.FlipByte, Damage.Empty, Damage.DropPart],
        _ when kind.File.EndsWith(".gz", StringComparison.Ordinal) => [Damage.CutMidRow, Damage.FlipByte, Damage.Empty],
        _ when kind.Header is null => [Damage.CutMidRow, Damage.CutAtLineEnd, Damage.FlipByte, Damage.Empty, Damage.Utf16],
        _ => [Damage.CutMidRow, Damage.CutAtLineEnd, Damage.FlipByte, Damage.DropColumn, Damage.HeaderOnly, Damage.Empty, Damage.Utf16],
    };

    /// <summary>Damages a copy of the kind's file, loads it alone, and says which outcome the oracle accepted.</summary>
    private string Check(Kind kind, Damage damage, Random random)
    {
        var original = Originals.GetOrAdd(kind.File, _ => LoadOriginal(kind));
        var bytes = File.ReadAllBytes(CmsData.File(kind.Folder, kind.File));
        var damaged = Apply(damage, kind, bytes, random);
        var folder = Directory.CreateDirectory(Path.Combine(temp, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllBytes(Path.Combine(folder, kind.File), damaged);
        var what = $"{kind.File} {damage} ({bytes.Length:N0} → {damaged.Length:N0} bytes)";

        var loaded = CmsFolderLoader.Load(folder, new CmsLoadOptions { MaxDegreeOfParallelism = 1 });

        var errors = loaded.Report.Problems.Where(p => p.IsError).ToList();
        if (errors.Count > 0)
        {
            errors.Should().OnlyContain(p => p.File == kind.File, what + ": every error names the damaged file");
            loaded.Index.Releases.Should().BeEmpty(what + ": a refused file contributes nothing");
            return "refused";
        }

        if (Identical(original, loaded.Index))
        {
            return "identical";
        }

        // A zip without a companion entry that only derives another year (the PCS addenda derive the year before) loads
        // its own year whole and says, naming the file, which year it could not derive.
        if (damage == Damage.DropPart && loaded.Report.Problems.Any(p => p.File == kind.File && p.Message.Contains("was not derived", StringComparison.Ordinal))
            && loaded.Index.Releases.Length < original.Releases.Length && loaded.Index.Releases.All(original.Releases.Contains))
        {
            return "a companion entry dropped: the years it derives are named as not derived, the rest identical";
        }

        var rows = loaded.Index.Releases.Select(r => r.RowCount).ToList();
        var originalRows = original.Releases.Select(r => r.RowCount).ToList();
        if (damage == Damage.FlipByte && rows.SequenceEqual(originalRows))
        {
            return "undetectable in plain text, a value changed in place, every row count kept";
        }

        // Where CMS itself lists a code twice to give it a second type or category (the modifier list), a code changed
        // into another the table holds merges into it: one row fewer, which no check can tell from the real thing.
        if (damage == Damage.FlipByte && rows.Count == originalRows.Count && rows.Zip(originalRows).All(r => r.First >= r.Second - 1))
        {
            return "undetectable in plain text, a code changed into another the table lists twice by design (merged)";
        }

        if (damage == Damage.CutAtLineEnd && rows.Count == originalRows.Count && rows.Zip(originalRows).All(r => r.First < r.Second && r.First >= kind.Minimum.Rows))
        {
            return "undetectable in plain text, cut at a line end above the kind's minimum";
        }

        throw new Xunit.Sdk.XunitException($"{what} loaded without an error into data that differs from the original: releases {string.Join(", ", loaded.Index.Releases.Select(r => $"{r} {r.RowCount}"))}, original {string.Join(", ", original.Releases.Select(r => $"{r} {r.RowCount}"))}.");
    }

    private static CodeSetIndex LoadOriginal(Kind kind)
    {
        var folder = Directory.CreateTempSubdirectory("claimscrubber-original-").FullName;
        try
        {
            File.Copy(CmsData.File(kind.Folder, kind.File), Path.Combine(folder, kind.File));
            var loaded = CmsFolderLoader.Load(folder, new CmsLoadOptions { MaxDegreeOfParallelism = 1 });
            loaded.Report.HasErrors.Should().BeFalse($"the real {kind.File} loads clean");
            return loaded.Index;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Identical(CodeSetIndex expected, CodeSetIndex actual)
    {
        if (!actual.Releases.SequenceEqual(expected.Releases))
        {
            return false;
        }

        var actualTables = actual.Tables.ToDictionary(t => t.Key, t => t.Value);
        foreach (var (type, table) in expected.Tables)
        {
            if (!actualTables.TryGetValue(type, out var other))
            {
                return false;
            }

            try
            {
                StructuralComparer.AssertEqual(table, other, type.Name);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or FluentAssertions.Execution.AssertionFailedException)
            {
                return false;
            }
        }

        return actualTables.Count == expected.Tables.Count();
    }

    private static byte[] Apply(Damage damage, Kind kind, byte[] bytes, Random random)
    {
        switch (damage)
        {
            case Damage.CutMidRow:
            {
                // Inside a line: not right after a line break, and not at a line break itself.
                var at = random.Next(1, bytes.Length - 1);
                while (at < bytes.Length - 1 && (bytes[at - 1] is (byte)'\n' or (byte)'\r' || bytes[at] is (byte)'\n' or (byte)'\r'))
                {
                    at++;
                }

                return bytes[..at];
            }

            case Damage.CutAtLineEnd:
            {
                var at = Array.IndexOf(bytes, (byte)'\n', random.Next(bytes.Length));
                return at < 0 ? bytes : bytes[..(at + 1)];
            }

            case Damage.FlipByte:
            {
                var copy = (byte[])bytes.Clone();
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            }

            case Damage.DropColumn:
            {
                var text = Encoding.Latin1.GetString(bytes);
                var lines = text.Split('\n');
                var header = Array.FindIndex(lines, l => l.StartsWith(kind.Header!, StringComparison.Ordinal));
                var column = random.Next(Math.Max(1, lines[header].Split(',').Length));
                var dropped = lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != column)));
                return Encoding.Latin1.GetBytes(string.Join('\n', dropped));
            }

            case Damage.HeaderOnly:
            {
                var text = Encoding.Latin1.GetString(bytes);
                var lines = text.Split('\n');
                var header = Array.FindIndex(lines, l => l.StartsWith(kind.Header!, StringComparison.Ordinal));
                return Encoding.Latin1.GetBytes(string.Join('\n', lines.Take(header + 1)) + "\n");
            }

            case Damage.Empty:
                return [];

            case Damage.Utf16:
                // The same text in UTF-16 with its byte-order mark: decoded in the file's own encoding first.
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.GetEncoding(kind.Encoding).GetString(bytes))];

            case Damage.DropPart:
            {
                using var input = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                var drop = random.Next(input.Entries.Count);
                var result = new MemoryStream();
                using (var outputZip = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
                {
                    for (var i = 0; i < input.Entries.Count; i++)
                    {
                        if (i == drop)
                        {
                            continue;
                        }

                        using var from = input.Entries[i].Open();
                        using var to = outputZip.CreateEntry(input.Entries[i].FullName).Open();
                        from.CopyTo(to);
                    }
                }

                return result.ToArray();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }

    private sealed record Kind(string Folder, string File, TableMinimum Minimum, string? Header, string Encoding = "iso-8859-1");
}
