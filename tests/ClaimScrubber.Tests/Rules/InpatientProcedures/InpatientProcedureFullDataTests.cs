using ClaimScrubber.Claims;
using ClaimScrubber.Codes;
using ClaimScrubber.Compatibility;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.CodeSets.Mce;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Rules.InpatientProcedures;

/// <summary>
/// The PCS rules on the full data: CMS's own MCE output for the 5,000 golden claims with procedures, each claim scrubbed as
/// an 837I inpatient bill, must come out as the MCE-compatible view says, procedure by procedure.
/// </summary>
public class InpatientProcedureFullDataTests
{
    private static readonly Dictionary<string, string> EditOfRule = new(StringComparer.Ordinal)
    {
        ["PCS001"] = "INVALID_CODE",
        ["PCS002"] = "INVALID_CODE",
        ["PCS010"] = "NON_COVERED",
        ["PCS011"] = "LIMITED_COVERAGE",
        ["PCS012"] = "QUESTIONABLE_OBSTETRIC_ADMISSION",
        ["PCS013"] = "SEX_CONFLICT",
        ["PCS014"] = "INCONSISTENT_WITH_LENGTH_OF_STAY",
    };

    [CmsFact]
    public void GoldenClaims_AsInpatientBills_DrawTheMcesProcedureEdits()
    {
        var scrubber = Scrubber.Create(MceCmsData.Index, ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 12, 31) });
        var (claims, expected) = MceGoldenComparison.Read("mce-px");
        var compared = 0;
        var skipped = 0;
        var differences = new List<string>();
        foreach (var input in claims)
        {
            if (Bill(input) is not { } claim)
            {
                skipped++;
                continue;
            }

            var byProcedure = scrubber.Scrub(claim).Findings
                .Where(f => f.Family == RuleFamily.InpatientProcedure && EditOfRule.ContainsKey(f.RuleId))
                .GroupBy(f => f.Element)
                .ToDictionary(g => g.Key, g => g.Select(f => EditOfRule[f.RuleId]).Order(StringComparer.Ordinal).ToArray());
            var wanted = expected[input.Id][3].Length == 0 ? [] : expected[input.Id][3].Split(';');
            for (var i = 0; i < wanted.Length; i++)
            {
                compared++;
                var want = wanted[i].Split('=')[1];
                var ours = string.Join('+', byProcedure.GetValueOrDefault($"pcsProcedures[{i + 1}]", []));
                if (!string.Equals(want, ours, StringComparison.Ordinal))
                {
                    differences.Add($"{input.Id} {input.Procedures[i]}: MCE [{want}] rules [{ours}]");
                }
            }
        }

        // The golden set's malformed codes (text that can never be a code) cannot be on a claim: its reader refuses them.
        (compared, skipped).Should().Be((7476, 48));
        differences.Order(StringComparer.Ordinal).Should().Equal(
            "m7777-2020 0TT10Z2: MCE [INVALID_CODE] rules []",
            "m7777-2815 0WHM41Z: MCE [] rules [SEX_CONFLICT]",
            "m7777-3150 071J4ZL: MCE [INVALID_CODE] rules []",
            "m7777-3914 X2R70WA: MCE [INVALID_CODE] rules []",
            "m7777-4997 071L0Z4: MCE [INVALID_CODE] rules []");
    }

    /// <summary>The golden claim as an 837I inpatient bill, or <see langword="null"/> when a code of it can never be a code.</summary>
    private static Claim? Bill(MceClaimInput input)
    {
        var diagnoses = new List<IcdCode>();
        foreach (var text in (string[])[input.PrincipalDiagnosis, .. input.SecondaryDiagnoses])
        {
            if (!IcdCode.TryParse(text, out var code))
            {
                return null;
            }

            diagnoses.Add(code);
        }

        var procedures = new List<PcsProcedure>();
        foreach (var text in input.Procedures)
        {
            if (!PcsCode.TryParse(text, out var code))
            {
                return null;
            }

            procedures.Add(new PcsProcedure { Code = code });
        }

        var discharge = input.DischargeDate;
        return new Claim
        {
            ClaimId = input.Id,
            Setting = ClaimSetting.Inpatient,
            TypeOfBill = TypeOfBill.Parse("11"),
            FrequencyCode = "1",
            Patient = new Patient { BirthDate = discharge.AddYears(-input.Age), Sex = input.Sex switch { 1 => Sex.Male, 2 => Sex.Female, _ => Sex.Unknown } },
            BillingNpi = Npi.Parse("1234567893"),
            StatementFrom = discharge,
            StatementThrough = discharge,
            DischargeDate = discharge,
            DischargeStatus = DischargeStatus.Parse("01"),
            Diagnoses = [.. diagnoses],
            PcsProcedures = [.. procedures],
        };
    }
}
