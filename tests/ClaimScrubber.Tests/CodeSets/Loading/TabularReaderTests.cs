using System.Collections.Concurrent;
using ClaimScrubber.CodeSets;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Loading;

public class TabularReaderTests
{
    [Fact]
    public void ReadCsv_QuotedLineBreaks_KeepTheRecordsFirstLine()
    {
        var csv = "\"notice line 1\nnotice line 2\"\nCode,\"Practitioner\nMUE\"\n99213,1\n";
        var rows = TabularReader.ReadCsv(new StringReader(csv)).ToList();
        rows.Select(r => r.Line).Should().Equal(1, 3, 5);
        rows[1].Cells.Should().Equal("Code", "Practitioner\nMUE");
        rows[2][1].Should().Be("1");
        rows[2][7].Should().BeEmpty();
    }

    [CmsFact]
    public void WorkbookAndCsvForms_OfTheHcpcsFile_HoldTheSameRows()
    {
        var problems = new ConcurrentQueue<LoadProblem>();
        var builder = new CodeSetIndexBuilder();
        var xlsx = TabularReader.ReadRows(new CmsFile(CmsData.File("hcpcs", "HCPC2025_OCT_ANWEB.xlsx"), "x", builder, problems)).Where(r => !r.IsBlank).ToList();
        var csv = TabularReader.ReadRows(new CmsFile(CmsData.File("hcpcs", "HCPC2025_OCT_ANWEB.csv"), "c", builder, problems)).Where(r => !r.IsBlank).ToList();
        xlsx.Should().HaveCount(csv.Count);
        xlsx[0][0].Should().Be("HCPC");
        for (var i = 0; i < csv.Count; i += 997)
        {
            xlsx[i][0].Should().Be(csv[i][0], "row {0}", i);
            xlsx[i][2].Should().Be(csv[i][2]);
        }

        csv.Count(r => r[2] == "7").Should().Be(383);
        problems.Should().BeEmpty();
    }
}
