using System.Text;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.CodeSets.Snapshots;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Snapshots;

/// <summary>Snapshots of the repository's sample data: the round trip, and every way a snapshot is refused.</summary>
public sealed class IndexSnapshotTests : IDisposable
{
    private static readonly Lazy<CodeSetLoadResult> Sample = new(() => CmsFolderLoader.Load(SampleCms));
    private static readonly Lazy<byte[]> SampleSnapshot = new(() => SnapshotTestSupport.SnapshotBytes(Sample.Value.Index));
    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-snapshot-").FullName;

    private static string SampleCms => Path.Combine(CmsData.SampleFolder, "cms");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void LoadSnapshot_SampleData_EveryTableEqual_AndSavingAgainIsByteIdentical()
    {
        var path = Write("sample.csindex", SampleSnapshot.Value);

        var loaded = CodeSetIndex.LoadSnapshot(path);

        SnapshotTestSupport.AssertSameIndex(Sample.Value.Index, loaded);
        loaded.Tables.Should().HaveCount(13, "the sample has every table");
        loaded.SourceFiles.Should().HaveCount(19, "18 CMS-layout files and the manifest declaring the sample");
        SnapshotTestSupport.SnapshotBytes(loaded).Should().Equal(SampleSnapshot.Value);
    }

    [Fact]
    public void Load_FolderOrSnapshot_GivesTheSameIndex()
    {
        // Two folder loads may list their problems in different orders (files are read in parallel), so the snapshot is of this load.
        var fromFolder = CodeSetIndex.Load(SampleCms);
        var path = Path.Combine(temp, "loaded.csindex");
        fromFolder.SaveSnapshot(path);

        SnapshotTestSupport.AssertSameIndex(fromFolder, CodeSetIndex.Load(path));
    }

    [Fact]
    public void Load_NeitherFolderNorFile_ThrowsFileNotFound()
    {
        var missing = Path.Combine(temp, "nothing-here");

        var act = () => CodeSetIndex.Load(missing);

        act.Should().Throw<FileNotFoundException>().WithMessage($"There is no CMS data folder or index snapshot at '{missing}'.");
    }

    [Fact]
    public void SaveSnapshot_EmptyIndex_RoundTrips()
    {
        var path = Path.Combine(temp, "empty.csindex");
        CodeSetIndex.Empty.SaveSnapshot(path);

        var loaded = CodeSetIndex.LoadSnapshot(path);

        loaded.Tables.Should().BeEmpty();
        loaded.Releases.Should().BeEmpty();
        File.Exists(path + ".tmp").Should().BeFalse();
    }

    [Fact]
    public void LoadSnapshot_NotASnapshot_IsRefused()
    {
        var path = Write("claims.json", Encoding.UTF8.GetBytes("[{\"claimId\":\"C1\"}]"));

        Refusal(path).Should().Be($"'{path}' is not a ClaimScrubber index snapshot: it does not start with the snapshot signature. Build one with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_OtherFormatVersion_IsRefused_SayingToRebuild()
    {
        var bytes = SampleSnapshot.Value.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(8), 99);
        var path = Write("v99.csindex", bytes);

        Refusal(path).Should().Be($"The index snapshot '{path}' was written by snapshot format 99, and this library reads format {IndexSnapshot.FormatVersion}: rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_TruncatedInTheHeader_IsRefused()
    {
        // The signature, the format version and 48 bytes where the checksums would be: the header ends before the library version.
        var path = Write("header.csindex", SampleSnapshot.Value[..(12 + SnapshotTestSupport.TrailerLength)]);

        Refusal(path).Should().Be($"The index snapshot '{path}' is truncated: the library version at offset 12 needs 4 byte(s), but only 0 remain; rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_TruncatedInsideASection_IsRefused()
    {
        var bytes = SampleSnapshot.Value;
        var (_, payloadAt, length) = SnapshotTestSupport.FindSection(bytes, "icd10cm");
        var path = Write("section.csindex", bytes[..(payloadAt + 100)]);

        Refusal(path).Should().Be($"The index snapshot '{path}' is truncated: section 'icd10cm' at offset {payloadAt} needs {length} byte(s), but only {100 - SnapshotTestSupport.TrailerLength} remain; rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_WithoutItsChecksum_IsRefusedAsTruncated()
    {
        var bytes = SampleSnapshot.Value;
        var (_, payloadAt, length) = SnapshotTestSupport.FindSection(bytes, "pos");
        payloadAt.Should().Be(bytes.Length - SnapshotTestSupport.TrailerLength - length, "the place-of-service section is the last");
        var path = Write("no-checksum.csindex", bytes[..^SnapshotTestSupport.TrailerLength]);

        Refusal(path).Should().Be($"The index snapshot '{path}' is truncated: section 'pos' at offset {payloadAt} needs {length} byte(s), but only {length - SnapshotTestSupport.TrailerLength} remain; rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_OneFlippedByteInASection_IsRefusedAsCorrupt()
    {
        var bytes = SampleSnapshot.Value.ToArray();
        var (_, payloadAt, _) = SnapshotTestSupport.FindSection(bytes, "ptp");
        bytes[payloadAt + 40] ^= 0x10;
        var path = Write("flipped.csindex", bytes);

        Refusal(path).Should().Be($"The index snapshot '{path}' is corrupt: its checksum does not match its contents. Rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_Sha256ThatDoesNotMatch_IsRefusedWhenVerified()
    {
        // A SHA-256 changed and the fast checksum resealed over it: every load passes; a verifying load does not.
        var bytes = SampleSnapshot.Value.ToArray();
        bytes[^(SnapshotTestSupport.TrailerLength - 1)] ^= 1;
        System.IO.Hashing.XxHash128.Hash(bytes.AsSpan(0, bytes.Length - 16), bytes.AsSpan(bytes.Length - 16));
        var path = Write("sha.csindex", bytes);

        CodeSetIndex.LoadSnapshot(path).Tables.Should().HaveCount(13);
        var act = () => CodeSetIndex.LoadSnapshot(path, IndexSnapshotLoadOptions.Default with { VerifySha256 = true });
        act.Should().Throw<IndexSnapshotException>().WithMessage($"The index snapshot '{path}' is corrupt: its SHA-256 does not match its contents. Rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_UnknownSectionTag_IsRefused_NamingTheTag()
    {
        var bytes = SampleSnapshot.Value.ToArray();
        var (tagAt, _, _) = SnapshotTestSupport.FindSection(bytes, "mue");
        Encoding.ASCII.GetBytes("xyz", bytes.AsSpan(tagAt + 4));
        SnapshotTestSupport.Reseal(bytes);
        var path = Write("unknown.csindex", bytes);

        Refusal(path).Should().Be($"The index snapshot '{path}' holds a table section 'xyz' that this library does not know (the snapshot was written by ClaimScrubber {IndexSnapshot.LibraryVersion}, this is {IndexSnapshot.LibraryVersion}): rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_SectionThatDisagreesWithItsReader_IsRefusedAsCorrupt_NamingSectionAndOffset()
    {
        // A checksum-valid section whose first array claims more values than the section holds: the reader's bounds check, not an IndexOutOfRange.
        var bytes = SampleSnapshot.Value.ToArray();
        var (_, payloadAt, length) = SnapshotTestSupport.FindSection(bytes, "aoc");
        var releaseLength = ReleaseLength(bytes, payloadAt + 4);
        var keysAt = payloadAt + 4 + releaseLength;
        BitConverter.TryWriteBytes(bytes.AsSpan(keysAt), 1_000_000);
        SnapshotTestSupport.Reseal(bytes);
        var path = Write("inconsistent.csindex", bytes);

        Refusal(path).Should().Be($"The index snapshot '{path}' is corrupt: in its section 'aoc', the code pairs at offset {keysAt + 4} needs 8000000 byte(s), but only {payloadAt + length - keysAt - 4} remain.");
    }

    [Fact]
    public void LoadSnapshot_AnyByteChangedAndResealed_LoadsOrIsRefused_NeverAnotherException()
    {
        // With a valid checksum the structure itself is trusted no more: every length and count is still checked.
        var original = SampleSnapshot.Value;
        var refused = 0;
        var offsets = Enumerable.Range(8, 1500).Concat(Enumerable.Range(0, original.Length / 97).Select(i => 1508 + (i * 97))).Where(o => o < original.Length - SnapshotTestSupport.TrailerLength);
        foreach (var offset in offsets)
        {
            var bytes = original.ToArray();
            bytes[offset] ^= 0x5A;
            SnapshotTestSupport.Reseal(bytes);
            try
            {
                IndexSnapshot.Read(bytes, "fuzzed", IndexSnapshotLoadOptions.Default);
            }
            catch (IndexSnapshotException)
            {
                refused++;
            }
        }

        refused.Should().BeGreaterThan(200, "flips in lengths, counts, flags and tags are refused (flips in texts and values load)");
    }

    [Fact]
    public void LoadSnapshot_SourceFolderUnchanged_Loads()
    {
        var folder = CopySample();
        var path = Path.Combine(temp, "copy.csindex");
        CmsFolderLoader.Load(folder).Index.SaveSnapshot(path);

        var loaded = IndexSnapshot.Load(path, SnapshotTestSupport.Options(folder));

        loaded.Index.SourceFiles.Should().HaveCount(19);
    }

    [Fact]
    public void LoadSnapshot_SourceFileChangedOrMissing_IsRefusedAsStale()
    {
        var folder = CopySample();
        var path = Path.Combine(temp, "copy.csindex");
        CmsFolderLoader.Load(folder).Index.SaveSnapshot(path);
        File.AppendAllText(Path.Combine(folder, "pos", "place_of_service_codes.csv"), "\n");
        File.Delete(Path.Combine(folder, "ncci", "AOC_V2026Q2-MCR.csv"));

        Refusal(path, folder).Should().Be(
            $"The index snapshot '{path}' is stale: ncci/AOC_V2026Q2-MCR.csv is missing, pos/place_of_service_codes.csv changed since the snapshot was built from '{folder}'. Rebuild it with 'index build'.");
        CodeSetIndex.LoadSnapshot(path).Tables.Should().HaveCount(13, "without a source folder the snapshot is not checked against it");
    }

    [Fact]
    public void LoadSnapshot_ManifestChanged_IsRefusedAsStale()
    {
        // The manifest decides which reader reads which file, so it is a source of the index like the CMS files.
        var folder = CopySample();
        var manifest = Path.Combine(folder, CmsLoadOptions.ManifestFileName);
        File.WriteAllText(manifest, "{ \"sample\": true }");
        var path = Path.Combine(temp, "manifest.csindex");
        var loaded = CmsFolderLoader.Load(folder).Index;
        loaded.SourceFiles.Select(s => s.Path).Should().Contain(CmsLoadOptions.ManifestFileName).And.HaveCount(19);
        loaded.SaveSnapshot(path);
        File.WriteAllText(manifest, "{ \"sample\": true, \"pos/place_of_service_codes.csv\": \"skip\" }");

        Refusal(path, folder).Should().Be(
            $"The index snapshot '{path}' is stale: {CmsLoadOptions.ManifestFileName} changed since the snapshot was built from '{folder}'. Rebuild it with 'index build'.");
    }

    [Fact]
    public void LoadSnapshot_OfALoadWithErrors_Throws_WhileTheReportLoadKeepsThem()
    {
        var folder = CopySample();
        File.AppendAllText(Path.Combine(folder, "pos", "place_of_service_codes.csv"), "XX,not a code,,\n");
        var loaded = CmsFolderLoader.Load(folder);
        loaded.Report.HasErrors.Should().BeTrue();
        var path = Path.Combine(temp, "errors.csindex");
        var refused = () => loaded.Index.SaveSnapshot(path);
        refused.Should().Throw<CmsDataException>().WithMessage("The index's load met 1 error(s), so no snapshot of it was written*");
        File.Exists(path).Should().BeFalse("a snapshot of a load with errors is written only when allowed");
        loaded.Index.SaveSnapshot(path, allowLoadErrors: true);

        IndexSnapshot.Load(path).Report.Problems.Should().Equal(loaded.Report.Problems);
        var act = () => CodeSetIndex.LoadSnapshot(path);
        act.Should().Throw<CmsDataException>().Which.Problems.Should().Equal(loaded.Report.Problems);
    }

    /// <summary>The message of the refusal; any other outcome (such as a wrapped or unrelated exception) fails the test.</summary>
    private static string Refusal(string path, string? sourceFolder = null)
    {
        try
        {
            CodeSetIndex.LoadSnapshot(path, SnapshotTestSupport.Options(sourceFolder));
        }
        catch (IndexSnapshotException ex)
        {
            return ex.Message;
        }

        throw new Xunit.Sdk.XunitException($"'{path}' was not refused.");
    }

    /// <summary>The byte length of a release written at <paramref name="at"/>: three texts, two optional dates, a row count.</summary>
    private static int ReleaseLength(byte[] bytes, int at)
    {
        var start = at;
        for (var i = 0; i < 3; i++)
        {
            at += 4 + BitConverter.ToInt32(bytes, at);
        }

        for (var i = 0; i < 2; i++)
        {
            at += bytes[at] == 1 ? 5 : 1;
        }

        return at + 4 - start;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string CopySample() => TestFolders.CopyTree(SampleCms, Path.Combine(temp, "cms"));
}
