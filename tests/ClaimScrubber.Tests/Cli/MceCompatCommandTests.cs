using ClaimScrubber.Tests.Support;

using static ClaimScrubber.Tests.Support.CliRunner;

namespace ClaimScrubber.Tests.Cli;

public sealed class MceCompatCommandTests : IDisposable
{
    private const string Header = "id\tdischarge_date\tage\tsex\tpdx\tsdx\tpx";

    private readonly string temp = Directory.CreateTempSubdirectory("claimscrubber-mce-compat-").FullName;
    private readonly string data = Path.Combine(CmsData.SampleFolder, "cms");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string Input(string name, params string[] rows)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllLines(path, [Header, .. rows]);
        return path;
    }

    [Fact]
    public void MceCompat_TheProjectsDateAndSexForms_GiveTheSameResultsAsTheMces()
    {
        var cms = Input("cms.tsv", "a\t20260315\t45\t2\tE119\tI10\t", "b\t20251001\t3\t1\tO30039\tE119\t", "c\t20260101\t70\t0\tR69\t\t");
        var own = Input("own.tsv", "a\t2026-03-15\t45\tF\tE119\tI10\t", "b\t2025-10-01\t3\tm\tO30039\tE119\t", "c\t2026-01-01\t70\tU\tR69\t\t");

        var fromCms = Run("mce-compat", "--data", data, cms, Path.Combine(temp, "cms.out.tsv"));
        var fromOwn = Run("mce-compat", "--data", data, own, Path.Combine(temp, "own.out.tsv"));

        fromCms.Exit.Should().Be(0, fromCms.Error);
        fromOwn.Exit.Should().Be(0, fromOwn.Error);
        var expected = File.ReadAllLines(Path.Combine(temp, "cms.out.tsv"));
        expected.Should().HaveCount(4).And.Contain(l => l.StartsWith("b\tPREPAYMENT\t", StringComparison.Ordinal));
        File.ReadAllLines(Path.Combine(temp, "own.out.tsv")).Should().Equal(expected);
        fromOwn.Error.Should().EndWith($"3 claims edited; results written to {Path.Combine(temp, "own.out.tsv")}.{Environment.NewLine}");
    }

    [Fact]
    public void MceCompat_ReadsAnIndexSnapshotAsData()
    {
        var snapshot = Path.Combine(temp, "sample.csindex");
        Run("index", "build", "--data", data, "--output", snapshot).Exit.Should().Be(0);
        var input = Input("claims.tsv", "a\t2026-03-15\t45\tF\tE119\tI10\t", "b\t2025-10-01\t3\tM\tO30039\tE119\t");

        var fromFolder = Run("mce-compat", "--data", data, input, Path.Combine(temp, "folder.tsv"));
        var fromSnapshot = Run("mce-compat", "--data", snapshot, input, Path.Combine(temp, "snapshot.tsv"));

        fromFolder.Exit.Should().Be(0, fromFolder.Error);
        fromSnapshot.Exit.Should().Be(0, fromSnapshot.Error);
        File.ReadAllText(Path.Combine(temp, "snapshot.tsv")).Should().Be(File.ReadAllText(Path.Combine(temp, "folder.tsv")));
    }

    [Theory]
    [InlineData("a\t2026-13-01\t45\tF\tE119\t\t", "Line 2: the discharge date '2026-13-01' is neither yyyy-MM-dd nor yyyyMMdd.")]
    [InlineData("a\t20260301\t45\tX\tE119\t\t", "Line 2: the sex 'X' is not F, M or U (or the MCE's 2, 1, 0).")]
    [InlineData("a\t20260301\tforty\tF\tE119\t\t", "Line 2: the age 'forty' is not a whole number of years.")]
    public void MceCompat_AnUnreadableRow_ExitsWith2_NamingTheLine_AndWritesNoOutput(string row, string message)
    {
        var input = Input("claims.tsv", row);
        var output = Path.Combine(temp, "out.tsv");

        var (exit, _, error) = Run("mce-compat", "--data", data, input, output);

        exit.Should().Be(2);
        error.Should().Contain($"error: {input}: {message}");
        File.Exists(output).Should().BeFalse();
        Directory.EnumerateFiles(temp).Should().ContainSingle();
    }

    [Fact]
    public void MceCompat_DataWithoutTheMceLists_ExitsWith2_SayingWhatIsMissing()
    {
        var folder = Path.Combine(temp, "pos-only");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(data, "pos", "place_of_service_codes.csv"), Path.Combine(folder, "place_of_service_codes.csv"));

        var (exit, _, error) = Run("mce-compat", "--data", folder, Input("claims.tsv", "a\t20260301\t45\tF\tE119\t\t"), Path.Combine(temp, "out.tsv"));

        exit.Should().Be(2);
        error.Should().StartWith("error: The index has no Medicare Code Editor list");
    }
}
