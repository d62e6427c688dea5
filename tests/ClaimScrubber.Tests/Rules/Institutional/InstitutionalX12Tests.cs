using ClaimScrubber.Rules;
using ClaimScrubber.Serialization.X12;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules.Institutional;

/// <summary>
/// The UB-04 structure rules judge an 837I as they judge the claim it carries: each hand-made bill that reaches a UB
/// rule (<see cref="InstitutionalScanClaims.Structure"/>) is written as an 837I, read back by the X12 reader and scrubbed;
/// it draws exactly the findings of the claim itself. A bill the 837I cannot carry (no type of bill, a setting the type
/// of bill contradicts, no statement period) is refused by the writer naming the element.
/// </summary>
public class InstitutionalX12Tests
{
    private static readonly Scrubber Scrubber = Scrubber.Create(CodeSetIndex.Empty, ScrubberOptions.Default with { AsOfDate = TestClaims.Today });

    [Fact]
    public void StructureBills_ReadFromAn837I_DrawTheSameFindings_AsTheClaimsThemselves()
    {
        var bills = InstitutionalScanClaims.Structure().ToList();
        var writable = bills.Where(b => X12ClaimWriter.Check(b).IsEmpty).ToList();
        bills.Except(writable).Select(b => (b.ClaimId, string.Join(", ", X12ClaimWriter.Check(b).Select(e => e.Element)))).Should().Equal([("S-UB001", "setting"), ("I1", "setting, dischargeDate"), ("I1", "statementFrom")]);

        var x12 = new MemoryStream();
        using (var writer = new X12ClaimWriter(x12, new X12WriterOptions { Created = new DateTime(2026, 3, 12, 12, 53, 0, DateTimeKind.Utc) }, leaveOpen: true))
        {
            writable.ForEach(writer.Write);
        }

        x12.Position = 0;
        var read = X12ClaimReader.Read(x12, "structure.837").ToList();
        read.Select(r => (r.ClaimId, r.IsReadable)).Should().Equal(writable.Select(b => (b.ClaimId, true)));

        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (bill, fromX12) in writable.Zip(read))
        {
            var expected = Describe(Scrubber.Scrub(bill));
            Describe(fromX12.Scrub(Scrubber)).Should().Equal(expected, $"{bill.ClaimId} ({string.Join("; ", expected)})");
            reached.UnionWith(Scrubber.Scrub(bill).Findings.Where(f => f.Family == RuleFamily.Institutional).Select(f => f.RuleId));
        }

        // Every UB rule is reached through the 837I but three that judge what an 837I cannot carry, and so serve claims read
        // from JSON or CSV: UB001 (no type of bill: CLM05 is required), UB003 (a setting other than the type of bill's: the
        // reader takes the setting from it) and UB005's missing statement period (DTP*434 is required).
        reached.Order(StringComparer.Ordinal).Should().Equal(RuleCatalog.Institutional.All.Select(r => r.Id).Except(["UB001", "UB003", "UB005"]).Order(StringComparer.Ordinal));
    }

    private static List<string> Describe(ScrubResult result) =>
        [.. result.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Element} {f.Line}: {f.Message}")];
}
