using ClaimScrubber.CodeSets.Mce;
using ClaimScrubber.CodeSets.Ncci;
using ClaimScrubber.Rules.Facts;
using ClaimScrubber.Rules.Modifiers;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules.Facts;

/// <summary>
/// A claim's facts, looked up once for every rule, say exactly what each table says when asked directly: every line of every
/// claim set of the findings guard (every known procedure code, every ICD-10-CM code, generated and arbitrary claims, the
/// calendar's edges), over the full data, the sample and no table.
/// </summary>
public class ClaimFactsTests
{
    [CmsFact]
    public void Facts_OverTheFullData_AreWhatTheTablesSay() => AssertFactsAgree(AllocationTests.FullIndex.Value);

    [Fact]
    public void Facts_OverTheSampleData_AreWhatTheTablesSay() => AssertFactsAgree(SampleCmsData.Index);

    [Fact]
    public void Facts_WithNoTable_AreEmpty() => AssertFactsAgree(CodeSetIndex.Empty);

    private static void AssertFactsAgree(CodeSetIndex index)
    {
        var scrubber = Scrubber.Create(index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) });
        var claims = FindingsUnchangedTests.EveryProcedure(index)
            .Concat(FindingsUnchangedTests.EveryDiagnosis(index))
            .Concat(FindingsUnchangedTests.Generated(index, 0.6, 1000))
            .Concat(FindingsUnchangedTests.Arbitrary(index, 20261212, 300))
            .Concat(FindingsUnchangedTests.EdgeClaims());
        var context = new ScrubContext();
        var checkedClaims = 0;
        foreach (var claim in claims)
        {
            context.Begin(scrubber, claim, scrubber.Options.AsOfDate!.Value);
            try
            {
                // Asked in varying order and more than once: a family's facts must not depend on another's being asked first.
                if (checkedClaims % 2 == 0)
                {
                    AssertDiagnoses(index, context.Facts, claim);
                }

                AssertLines(index, context.Facts, claim);
                AssertDiagnoses(index, context.Facts, claim);
            }
            finally
            {
                context.Complete();
            }

            checkedClaims++;
        }

        checkedClaims.Should().BeGreaterThan(100);
    }

    private static void AssertLines(CodeSetIndex index, ClaimFacts facts, Claim claim)
    {
        var tables = facts.Tables;
        var lines = claim.Lines;
        facts.Procedures.Length.Should().Be(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"claim {claim.ClaimId} line {i + 1}";
            var procedure = facts.Procedures[i];
            var fee = facts.Fees[i];
            var ncci = facts.Ncci[i];
            var ncd = facts.Ncds[i];
            if (line.ProcedureCode is not { } code)
            {
                (procedure.HcpcsRow, procedure.Known, fee.TryGetBilled(out _), ncci.PtpRun.Length, ncci.MueRow, ncd.Ncd).Should().Be((-1, false, false, 0, -1, null), where);
                continue;
            }

            procedure.Known.Should().Be(index.IsKnownProcedure(code), where);
            ClaimScrubber.CodeSets.Hcpcs.HcpcsCodeInfo info = default;
            var inHcpcs = index.Hcpcs?.TryGet(code, out info) ?? false;
            (procedure.HcpcsRow >= 0).Should().Be(inHcpcs, where);
            if (inHcpcs)
            {
                index.Hcpcs!.Info(procedure.HcpcsRow).Should().Be(info, where);
            }

            var component = PaymentModifiers.ComponentOf(line);
            var table = index.FeeSchedule;
            ClaimScrubber.CodeSets.FeeSchedule.FeeScheduleEntry expected = default;
            FeeScheduleEntryOrNull(fee.TryGetBilled(out var billed), billed).Should().Be(FeeScheduleEntryOrNull(table?.TryGetBilled(code, component, out expected) ?? false, expected), where);
            FeeScheduleEntryOrNull(fee.TryGetGlobal(out var global), global).Should().Be(FeeScheduleEntryOrNull(table?.TryGet(code, out expected) ?? false, expected), where);
            var listed = table is not null && (table.TryGet(code, out expected) || table.TryGet(code, component, out expected));
            FeeScheduleEntryOrNull(fee.TryGetListed(out var listedEntry), listedEntry).Should().Be(FeeScheduleEntryOrNull(listed, expected), where);

            var ptp = claim.Setting switch
            {
                ClaimSetting.Professional => index.Ptp?.Practitioner,
                ClaimSetting.OutpatientHospital => index.Ptp?.OutpatientHospital,
                _ => null,
            };
            ncci.PtpRun.Should().Be(ptp?.RunOf(code) ?? default, where);
            if (line.ServiceDate is not { } date)
            {
                (ncci.Mue, ncci.AddOns, ncd.Ncd).Should().Be(((MueTable?)null, (AddOnCodeTable?)null, (ClaimScrubber.CodeSets.Ncd.LabNcd?)null), where);
                continue;
            }

            var day = NcciDay.Of(date);
            ncci.Day.Should().Be(day, where);
            NcciSetting? setting = claim.Setting switch
            {
                ClaimSetting.Professional => NcciSetting.Practitioner,
                ClaimSetting.OutpatientHospital => NcciSetting.OutpatientHospital,
                _ => null,
            };
            var mue = setting is { } s ? index.Mue?.For(s, day) : null;
            (ncci.Mue, ncci.MueRow).Should().Be((mue, mue?.Find(code) ?? -1), where);
            var addOns = index.AddOnCodes?.For(day);
            (ncci.AddOns, ncci.AddOnType).Should().Be((addOns, addOns?.TypeOf(code, day)), where);
            ClaimScrubber.CodeSets.Ncd.LabNcd? labNcd = null;
            var hasNcd = index.LabNcds?.TryGetNcd(code, date, out labNcd) ?? false;
            ncd.Ncd.Should().BeSameAs(hasNcd ? labNcd : null, where);
        }
    }

    private static void AssertDiagnoses(CodeSetIndex index, ClaimFacts facts, Claim claim)
    {
        var codes = claim.Diagnoses;
        var editor = facts.Tables.Mce;
        facts.Diagnoses.Length.Should().Be(codes.Length);
        DateOnly[] dates = [.. claim.Lines.Select(l => l.ServiceDate).OfType<DateOnly>().Take(3), .. claim.DiagnosisDate is { } d ? [d] : Array.Empty<DateOnly>()];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            var where = $"claim {claim.ClaimId} diagnosis {i + 1}";
            var diagnosis = facts.Diagnoses[i];
            if (index.Icd10Cm is { } icd)
            {
                foreach (var date in dates)
                {
                    icd.Lookup(diagnosis.IcdRow, code, date).Should().BeEquivalentTo(icd.Lookup(code, date), where);
                    icd.IsBillableOn(diagnosis.IcdRow, date).Should().Be(icd.IsBillableOn(code, date), where);
                }
            }
            else
            {
                diagnosis.IcdRow.Should().Be(-1, where);
            }

            if (editor is not null)
            {
                foreach (var date in dates)
                {
                    editor.IsValid(diagnosis.IcdRow, date).Should().Be(editor.IsValid(code, date), where);
                    foreach (var list in Enum.GetValues<MceList>())
                    {
                        editor.InList(list, diagnosis.MceRow, date).Should().Be(editor.InList(list, code, date), $"{where} {list}");
                    }

                    foreach (var age in (int[])[0, 12, 40, 90])
                    {
                        editor.AgeConflictList(diagnosis.MceRow, date, age).Should().Be(editor.AgeConflictList(code, date, age), where);
                        editor.ValidCodeEdits(code, diagnosis.MceRow, i == 0, codes.Length > 1, date, age, claim.Patient.Sex)
                            .Should().Be(editor.ValidCodeEdits(code, i == 0, codes.Length > 1, date, age, claim.Patient.Sex), where);
                    }
                }
            }
            else
            {
                diagnosis.MceRow.Should().Be(-1, where);
            }

            var owners = new ClaimScrubber.CodeSets.Icd10Cm.NoteOwner[ClaimScrubber.CodeSets.Icd10Cm.Excludes1Table.PrefixCount];
            var count = index.Excludes1?.FindNoteOwners(code, owners) ?? 0;
            facts.Excludes1Owners(i).ToArray().Should().Equal(owners[..count], where);
        }

        facts.AnyExcludes1Owner().Should().Be(Enumerable.Range(0, codes.Length).Any(i => facts.Excludes1Owners(i).Length > 0));
    }

    private static ClaimScrubber.CodeSets.FeeSchedule.FeeScheduleEntry? FeeScheduleEntryOrNull(bool found, ClaimScrubber.CodeSets.FeeSchedule.FeeScheduleEntry entry) => found ? entry : null;
}
