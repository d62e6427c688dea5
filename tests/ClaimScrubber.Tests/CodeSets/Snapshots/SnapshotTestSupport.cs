using System.Globalization;
using System.Text;
using ClaimScrubber.CodeSets.Snapshots;

namespace ClaimScrubber.Tests.CodeSets.Snapshots;

/// <summary>What the snapshot tests share: whole-index comparison and a finding-by-finding text of a result.</summary>
public static class SnapshotTestSupport
{
    /// <summary>Asserts that two indexes hold the same tables (compared field by field), releases, sources and load problems.</summary>
    public static void AssertSameIndex(CodeSetIndex expected, CodeSetIndex actual)
    {
        var expectedTables = expected.Tables.ToDictionary(t => t.Key, t => t.Value);
        var actualTables = actual.Tables.ToDictionary(t => t.Key, t => t.Value);
        actualTables.Keys.Select(t => t.Name).Should().BeEquivalentTo(expectedTables.Keys.Select(t => t.Name), "every table the index holds must have a snapshot section");
        foreach (var (type, table) in expectedTables)
        {
            StructuralComparer.AssertEqual(table, actualTables[type], type.Name);
        }

        actual.Releases.Should().Equal(expected.Releases);
        actual.SourceFiles.Should().Equal(expected.SourceFiles);
        actual.Provenance.SkippedFiles.Should().Equal(expected.Provenance.SkippedFiles);
        actual.Provenance.Problems.Should().Equal(expected.Provenance.Problems);
        actual.KnownProcedureCodes.Should().Equal(expected.KnownProcedureCodes);
    }

    /// <summary>Saves <paramref name="index"/> to memory.</summary>
    public static byte[] SnapshotBytes(CodeSetIndex index)
    {
        using var stream = new MemoryStream();
        index.SaveSnapshot(stream);
        return stream.ToArray();
    }

    /// <summary>Every field of every finding of <paramref name="result"/>, one finding a line.</summary>
    public static string Describe(ScrubResult result)
    {
        var text = new StringBuilder(result.ClaimId).Append('\n');
        foreach (var f in result.Findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.RuleId}|{f.Family}|{f.Severity}|{f.Disposition}|{f.Line}|{f.Element}|{string.Join(",", f.Codes)}|{f.Message}|{f.FixHint}|{f.Carc}|{f.Rarc}|{Describe(f.Source)}\n");
        }

        return text.ToString();
    }

    /// <summary>Finds where the section tagged <paramref name="tag"/> starts in a snapshot, and its payload's length.</summary>
    public static (int TagAt, int PayloadAt, int Length) FindSection(byte[] snapshot, string tag)
    {
        var pattern = new byte[4 + tag.Length];
        BitConverter.TryWriteBytes(pattern, tag.Length);
        Encoding.ASCII.GetBytes(tag, pattern.AsSpan(4));
        var at = snapshot.AsSpan().IndexOf(pattern);
        at.Should().BeGreaterThan(0, $"the snapshot has a section '{tag}'");
        var payloadAt = at + pattern.Length + 4;
        return (at, payloadAt, BitConverter.ToInt32(snapshot, at + pattern.Length));
    }

    /// <summary>The bytes after a snapshot's body: its SHA-256 and its XXH128.</summary>
    public const int TrailerLength = 32 + 16;

    /// <summary>Replaces the trailing checksums of a snapshot so that they match its edited contents.</summary>
    public static void Reseal(byte[] snapshot) => IndexSnapshot.Seal(snapshot);

    public static IndexSnapshotLoadOptions Options(string? sourceFolder = null) => IndexSnapshotLoadOptions.Default with { SourceFolder = sourceFolder };

    private static string Describe(TableRelease? release) => release is null ? "-" : $"{release} {release.EffectiveFrom} {release.EffectiveTo} {release.RowCount}";
}
