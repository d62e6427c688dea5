using System.Diagnostics;
using ClaimScrubber.CodeSets.Hcpcs;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.CodeSets.Hcpcs;

public sealed class HcpcsReaderTests : IDisposable
{
    // The columns a row below fills, then the other type-of-service and cross-reference columns of the layout, which stay empty.
    private const string Header = "HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,XREF1,XREF2,COV,BETOS,TOS1,TOS2,ADD DT,ACT EFF DT,TERM DT,ACTION CD,TOS3,TOS4,TOS5,XREF3,XREF4,XREF5";
    private readonly ReaderHarness harness = new();

    public void Dispose() => harness.Dispose();

    [CmsFact]
    public void Read_FullCsvAndWorkbook_GiveIdenticalTables()
    {
        var stopwatch = Stopwatch.StartNew();
        var csv = harness.Read(CmsData.File("hcpcs", "HCPC2025_OCT_ANWEB.csv"));
        var csvTime = stopwatch.Elapsed;
        stopwatch.Restart();
        var xlsx = harness.Read(CmsData.File("hcpcs", "HCPC2025_OCT_ANWEB.xlsx"));
        var xlsxTime = stopwatch.Elapsed;
        harness.Problems.Should().BeEmpty();

        foreach (var index in new[] { csv, xlsx })
        {
            index.Hcpcs!.Count.Should().Be(8463);
            index.Modifiers!.Count.Should().Be(383);
            index.Modifiers.LevelTwoCount.Should().Be(383);
            index.Modifiers.IsComplete.Should().BeFalse("the HCPCS file alone lists no CPT modifier");
            index.Hcpcs.Release.Should().Be(new TableRelease("HCPCS Level II procedure codes", "2025 Q4 (October)", index.Hcpcs.Release.SourceFile, new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 8463));
            index.Releases.Select(r => (r.Table, r.RowCount)).Should().Equal(("HCPCS Level II modifiers", 383), ("HCPCS Level II procedure codes", 8463));
        }

        foreach (var code in csv.Hcpcs!.ProcedureCodes)
        {
            csv.Hcpcs.TryGet(code, out var fromCsv).Should().BeTrue();
            xlsx.Hcpcs!.TryGet(code, out var fromXlsx).Should().BeTrue(code.ToString());
            fromXlsx.Should().Be(fromCsv, code.ToString());
        }

        csv.Modifiers!.Modifiers.Should().Equal(xlsx.Modifiers!.Modifiers);
        Console.WriteLine($"HCPCS csv {csvTime.TotalMilliseconds:F0} ms, xlsx {xlsxTime.TotalMilliseconds:F0} ms");
    }

    [CmsFact]
    public void Read_FullCsv_KeepsEachCodesRecord()
    {
        var index = harness.Read(CmsData.File("hcpcs", "HCPC2025_OCT_ANWEB.csv"));
        index.Hcpcs!.TryGet(ProcedureCode.Parse("G0439"), out var awv).Should().BeTrue();
        awv.Should().Be(new HcpcsCodeInfo(new DateOnly(2011, 1, 1), new DateOnly(2011, 1, 1), null, 'N', 'C', "M5D", "1", string.Empty, "Ppps, subseq visit"));

        index.Hcpcs.TryGet(ProcedureCode.Parse("C9300"), out var terminated).Should().BeTrue();
        terminated.TerminatedOn.Should().Be(new DateOnly(2025, 6, 30));
        terminated.CrossReferences.Should().Be("J9220");
        terminated.IsActiveOn(new DateOnly(2025, 6, 30)).Should().BeTrue();
        terminated.IsActiveOn(new DateOnly(2025, 7, 1)).Should().BeFalse();

        index.Hcpcs.TryGet(ProcedureCode.Parse("A2036"), out var added).Should().BeTrue();
        (added.ActionCode, added.AddedOn).Should().Be(('A', new DateOnly(2025, 10, 1)));
        index.Hcpcs.Contains(ProcedureCode.Parse("99213")).Should().BeFalse("CPT codes are not in the HCPCS Level II file");
        index.IsKnownProcedure(ProcedureCode.Parse("J3490")).Should().BeTrue();

        index.Modifiers!.TryGet(ModifierCode.Parse("A1"), out var a1).Should().BeTrue();
        a1.LevelTwo!.Value.ShortDescription.Should().Be("Dressing for one wound");
        index.Modifiers.TryGet(ModifierCode.Parse("JG"), out var jg).Should().BeTrue();
        jg.LevelTwo!.Value.TerminatedOn.Should().Be(new DateOnly(2024, 12, 31));
    }

    [CmsFact]
    public void Read_FullModifierList_UnionsCptAndHcpcsModifiers()
    {
        var index = harness.Read(CmsData.File("hcpcs", "modifier_codes_cpt_and_hcpcs_2024-06.csv"), CmsData.File("hcpcs", "HCPC2025_OCT_ANWEB.csv"));
        harness.Problems.Should().BeEmpty();
        var modifiers = index.Modifiers!;
        (modifiers.Count, modifiers.LevelOneCount, modifiers.LevelTwoCount).Should().Be((426, 49, 383));
        modifiers.IsComplete.Should().BeTrue();
        modifiers.ListRelease.Should().Be(new TableRelease("CPT and HCPCS modifier list", "2024-06", "modifier_codes_cpt_and_hcpcs_2024-06.csv", new DateOnly(2024, 6, 1), null, 426));
        modifiers.TryGet(ModifierCode.Parse("25"), out var m25).Should().BeTrue();
        m25.Should().Be(new ModifierInfo(ModifierLevels.LevelOne, "General", null));
        modifiers.TryGet(ModifierCode.Parse("KX"), out var kx).Should().BeTrue();
        kx.Category.Should().Be("General; Therapy");
        modifiers.TryGet(ModifierCode.Parse("P1"), out var p1).Should().BeTrue();
        p1.Levels.Should().Be(ModifierLevels.LevelOne | ModifierLevels.LevelTwo);
        modifiers.TryGet(ModifierCode.Parse("ZZ"), out _).Should().BeFalse();
    }

    [Fact]
    public void Read_BadRows_AreRefusedWithTheirLines()
    {
        var lines = new[]
        {
            "notice above the header,,,",
            Header,
            "G0439,0010,3,Annual wellness visit,Ppps subseq visit,,,C,M5D,1,,20110101,20110101,,N",
            "G0439,0010,4,continued,,,,,,,,,,,",
            "G043,0010,3,Too short,Short,,,C,M5D,1,,20110101,20110101,,N",
            "99213,0010,3,CPT code,Short,,,C,M5D,1,,20110101,20110101,,N",
            "G0438,0010,3,Bad date,Short,,,C,M5D,1,,2011-01-01,20110101,,N",
            "G0437,0010,5,Unknown record,Short,,,C,M5D,1,,20110101,20110101,,N",
            "G0436,0010,4,Orphan continuation,,,,,,,,,,,",
            "G0439,0010,3,Again,Short,,,C,M5D,1,,20110101,20110101,,N",
            "   XS,0010,7,Separate structure,Separate structure,,,C,,,,20150101,20150101,,N",
            "   X!,0010,7,Bad modifier,Bad,,,C,,,,20150101,20150101,,N",
            "J1300,0010,3,Terminated,Short,J1301,,C,O1D,1,P,20080101,20250401,20250331,N",
            "J1299,0010,3,Ends before it starts,Short,,,C,O1D,1,,20250101,20250101,20241231,N",
            "G0435,0010,3,Odd coverage,Short,,,Z,M5D,1,,20110101,20110101,,N",
            string.Empty,
        };
        var path = harness.Write("HCPC2026_JAN_ANWEB.csv", string.Join('\n', lines));
        var index = harness.Read(path);
        harness.Problems.Select(p => (p.Line, p.IsError)).Should().Equal(
            (5, true), (6, true), (7, true), (8, true), (9, true), (12, true), (14, true), (15, false), (10, true), (null, false));
        harness.Problems[0].Message.Should().Be("RECID 3 row: 'G043' is not a HCPCS Level II code (a letter and four digits); the row was refused.");
        harness.Problems[2].Message.Should().Be("ADD DT of 'G0438' is '2011-01-01', not a date as YYYYMMDD; the row was refused.");
        harness.Problems[4].Message.Should().Be("RECID 4 row for 'G0436' continues a description but does not follow a RECID 3 row of the same code; the row was refused.");
        harness.Problems[^2].Message.Should().Be("The procedure code appears again (first at line 3); the repeated row was refused.");
        harness.Problems[^1].Message.Should().Be("Refused whole: nothing from this file was loaded, because of the 8 row(s) refused above (a damaged file is never half-used).");
        index.Hcpcs.Should().BeNull("a file with a refused row contributes nothing");

        // Without the refused rows, the rest reads as it should.
        harness.Problems.Clear();
        path = harness.Write("HCPC2026_JAN_ANWEB.csv", string.Join('\n', lines.Where((_, i) => !new[] { 5, 6, 7, 8, 9, 10, 12, 14 }.Contains(i + 1))));
        index = harness.Read(path);
        harness.Problems.Select(p => (p.Line, p.IsError)).Should().Equal((7, false));
        index.Hcpcs!.ProcedureCodes.Select(c => c.ToString()).Should().Equal("G0435", "G0439", "J1300");
        index.Hcpcs.TryGet(ProcedureCode.Parse("J1300"), out var j1300).Should().BeTrue();
        (j1300.TypesOfService, j1300.CrossReferences, j1300.Betos).Should().Be(("1P", "J1301", "O1D"));
        index.Hcpcs.TryGet(ProcedureCode.Parse("G0439"), out var g0439).Should().BeTrue();
        g0439.ShortDescription.Should().Be("Ppps subseq visit");
        index.Modifiers!.Modifiers.Select(m => m.ToString()).Should().Equal("XS");
        index.Hcpcs.Release.Release.Should().Be("2026 Q1 (January)");
        index.Hcpcs.Release.EffectiveTo.Should().Be(new DateOnly(2026, 3, 31));
    }

    [Fact]
    public void Read_ColumnsInAnotherOrder_AreFoundByName()
    {
        var path = harness.Write("HCPC2025_JUL_ANWEB_v2.csv", string.Join('\n',
            "action_cd,term_dt,add_dt,act_eff_dt,tos1,betos,cov,short description,recid,hcpc,tos2,tos3,tos4,tos5,xref1,xref2,xref3,xref4,xref5",
            "N,,20110101,20110101,1,M5D,C,Ppps subseq visit,3,G0439",
            "N,,20150101,20150101,,,C,Separate structure,7,   XS",
            string.Empty));
        var index = harness.Read(path);
        harness.Problems.Should().BeEmpty();
        index.Hcpcs!.TryGet(ProcedureCode.Parse("G0439"), out var info).Should().BeTrue();
        (info.AddedOn, info.Betos, info.CoverageCode).Should().Be((new DateOnly(2011, 1, 1), "M5D", 'C'));
        index.Hcpcs.Release.Release.Should().Be("2025 Q3 (July)");
    }

    [Fact]
    public void LoadFolder_CorruptWorkbook_IsAnErrorNamingTheFile()
    {
        harness.WriteBytes("HCPC2025_OCT_ANWEB.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
        var result = harness.LoadFolder();
        var problem = result.Report.Problems.Should().ContainSingle().Subject;
        problem.File.Should().Be("HCPC2025_OCT_ANWEB.xlsx");
        problem.IsError.Should().BeTrue();
        problem.Message.Should().StartWith("The file could not be read (").And.EndWith("it may be corrupt, truncated or not in the layout CMS publishes.");
        result.Index.Hcpcs.Should().BeNull();
    }

    [Fact]
    public void LoadFolder_FileWithoutHeader_IsAnErrorNamingTheFile()
    {
        harness.Write("HCPC2025_OCT_ANWEB.csv", "G0439,0010,3\n");
        var problem = harness.LoadFolder().Report.Problems.Should().ContainSingle().Subject;
        (problem.File, problem.IsError).Should().Be(("HCPC2025_OCT_ANWEB.csv", true));
        problem.Message.Should().Contain("no header row names the columns HCPC, RECID");
    }

    [Fact]
    public void LoadFolder_TwoQuarters_UsesTheNewest()
    {
        const string row = "G0439,0010,3,Annual wellness visit,Ppps subseq visit,,,C,M5D,1,,20110101,20110101,,N";
        const string modifier = "   XS,0010,7,Separate structure,Separate structure,,,C,,,,20150101,20150101,,N";
        harness.Write("HCPC2025_JUL_ANWEB.csv", Header + "\n" + modifier + "\n" + row + "\n");
        harness.Write("HCPC2025_OCT_ANWEB.csv", Header + "\n" + modifier + "\n" + row + "\n" + row.Replace("G0439", "G0440", StringComparison.Ordinal) + "\n");
        var result = harness.LoadFolder();
        result.Index.Hcpcs!.Count.Should().Be(2);
        result.Report.Problems.Should().ContainSingle().Which.Should().Be(new ClaimScrubber.CodeSets.Loading.LoadProblem(
            "HCPC2025_JUL_ANWEB.csv", null, "Superseded by 'HCPC2025_OCT_ANWEB.csv' (2025 Q4 (October)), which was used instead of this release (2025 Q3 (July)).", false));
    }

    [Fact]
    public void Read_ModifierListQuirks_AreMergedNotRefused()
    {
        var lines = new[]
        {
            "\"mod_code\",\"mod_type\",\"mod_category\"",
            "\"25\",\"CPT\",\"General\"",
            "\"KX\",\"HCPCS\",\"General\"",
            "\"KX\",\"HCPCS\",\"Therapy\"",
            "\"P1\",\"HCPCS\",",
            "\"P1\",\"CPT\",",
            "\"25\",\"CPT\",\"General\"",
            "\"2\",\"CPT\",\"General\"",
            "\"AA\",\"ICD\",\"General\"",
            string.Empty,
        };
        var path = harness.Write("modifier_codes_cpt_and_hcpcs_2024-06.csv", string.Join('\n', lines));
        harness.Read(path).Modifiers.Should().BeNull("a file with a refused row contributes nothing");
        harness.Problems.Select(p => (p.Line, p.IsError, p.Message)).Should().Equal(
            (7, true, "Modifier '25' (CPT) is listed again with nothing new; the repeated row was refused."),
            (8, true, "'2' is not a modifier (two letters or digits); the row was refused."),
            (9, true, "The type of modifier 'AA' is 'ICD', not CPT or HCPCS; the row was refused."),
            (null, false, "Refused whole: nothing from this file was loaded, because of the 3 row(s) refused above (a damaged file is never half-used)."));

        // Without the refused rows, the quirks merge.
        harness.Problems.Clear();
        path = harness.Write("modifier_codes_cpt_and_hcpcs_2024-06.csv", string.Join('\n', lines.Where((_, i) => i + 1 is not (7 or 8 or 9))));
        var modifiers = harness.Read(path).Modifiers!;
        harness.Problems.Should().BeEmpty();
        modifiers.Modifiers.Select(m => m.ToString()).Should().Equal("25", "KX", "P1");
        modifiers.TryGet(ModifierCode.Parse("KX"), out var kx).Should().BeTrue();
        kx.Category.Should().Be("General; Therapy");
        modifiers.TryGet(ModifierCode.Parse("P1"), out var p1).Should().BeTrue();
        p1.Levels.Should().Be(ModifierLevels.LevelOne | ModifierLevels.LevelTwo);
        modifiers.LevelTwoRelease.Should().BeNull();
    }
}
