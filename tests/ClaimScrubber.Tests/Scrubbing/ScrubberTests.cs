using System.Collections.Immutable;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

public class ScrubberTests
{
    private static readonly ScrubberOptions Options = ScrubberOptions.Default with { AsOfDate = TestClaims.Today };

    [Fact]
    public void OptionsIsEnabledAndSeverityOf_ApplyDisabledEnabledAndOverrides_AsTheScrubberDoes()
    {
        var optIn = RuleCatalog.FeeScheduleProcedures.ContractorPriced;
        var claims = RuleCatalog.Claims.UnreadableElement;
        var options = Options with
        {
            DisabledRules = [claims.Id],
            SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add(optIn.Id, Severity.Error),
        };

        optIn.IsEnabledByDefault.Should().BeFalse();
        Options.IsEnabled(optIn).Should().BeFalse("an opt-in rule is off unless enabled");
        (options with { EnabledRules = [optIn.Id] }).IsEnabled(optIn).Should().BeTrue();
        (options with { EnabledRules = [optIn.Id], DisabledRules = [optIn.Id] }).IsEnabled(optIn).Should().BeFalse("disabling wins");
        Options.IsEnabled(claims).Should().BeTrue();
        options.IsEnabled(claims).Should().BeFalse();
        options.SeverityOf(optIn).Should().Be(Severity.Error);
        options.SeverityOf(claims).Should().Be(claims.DefaultSeverity);
    }

    [Fact]
    public void Create_WithOptionsNamingRulesWhoseTablesAreNotLoaded_AcceptsThem()
    {
        // A host's settings must not turn invalid because a release lacks a table: PX001 and NCCI001 stay rule ids.
        var options = Options with
        {
            DisabledRules = ["PX001"],
            SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add("NCCI001", Severity.Warning),
        };

        var scrubber = Scrubber.Create(CodeSetIndex.Empty, options);

        scrubber.Rules.Should().NotContain(r => r.Id == "PX001" || r.Id == "NCCI001");
        scrubber.Options.Should().BeSameAs(options);
    }

    [Fact]
    public void Create_WithUnknownRuleIds_ListsEveryProblem()
    {
        var options = Options with
        {
            DisabledRules = ["CLM999"],
            SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add("XX1", Severity.Info),
        };
        var act = () => Scrubber.Create(CodeSetIndex.Empty, options);
        act.Should().Throw<ScrubberOptionsException>().Which.Problems.Should().Equal(
            "DisabledRules names 'CLM999', which is not a rule id.",
            "SeverityOverrides names 'XX1', which is not a rule id.");
    }

    [Fact]
    public void OptInRule_RunsOnlyWhenEnabled_AndCannotBeBothEnabledAndDisabled()
    {
        var optIn = new PayerRule(new RuleDescriptor("PAY002", RuleFamily.Claim, "Payer: opt-in", Severity.Info, Disposition.Informational, "Opt-in check used in tests.", enabledByDefault: false));
        var claim = TestClaims.Professional(null, TestClaims.Line(units: 0));
        Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [optIn] }).Scrub(claim).Ids().Should().Equal("CLM006");
        Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [optIn], EnabledRules = ["PAY002"] }).Scrub(claim).Ids().Should().Equal("CLM006", "PAY002");
        var act = () => Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [optIn], EnabledRules = ["PAY002", "NOPE1"], DisabledRules = ["PAY002"] });
        act.Should().Throw<ScrubberOptionsException>().Which.Problems.Should().Equal(
            "EnabledRules names 'NOPE1', which is not a rule id.",
            "'PAY002' is both in EnabledRules and in DisabledRules.");
    }

    [Fact]
    public void DisabledRule_ReportsNothing_AndOverrideChangesSeverity()
    {
        var claim = TestClaims.Professional(null, TestClaims.Line(units: 0));
        Scrubber.Create(CodeSetIndex.Empty, Options with { DisabledRules = ["CLM006"] }).Scrub(claim).Findings.Should().BeEmpty();
        var overridden = Scrubber.Create(CodeSetIndex.Empty, Options with { SeverityOverrides = ImmutableDictionary<string, Severity>.Empty.Add("CLM006", Severity.Warning) });
        overridden.Scrub(claim).Findings.Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public void AdditionalRule_RunsAfterBuiltIns_AndItsIdIsValidated()
    {
        var custom = new PayerRule();
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [custom] });
        scrubber.Rules.Should().Contain(PayerRule.Descriptor);
        scrubber.Scrub(TestClaims.Professional(null, TestClaims.Line(units: 0))).Ids().Should().Equal("CLM006", "PAY001");
    }

    [Fact]
    public void CheckWhoseRulesAreAllDisabled_DoesNotRun_AndOneWithoutRulesStillDoes()
    {
        var counted = new CountingRule(PayerRule.Descriptor);
        var silent = new CountingRule();
        var claim = TestClaims.Professional(null, TestClaims.Line());
        Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [counted, silent], DisabledRules = ["PAY001"] }).Scrub(claim);
        counted.Runs.Should().Be(0);
        silent.Runs.Should().Be(1);
        Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [counted] }).Scrub(claim);
        counted.Runs.Should().Be(1);

        var structure = Scrubber.Create(CodeSetIndex.Empty, Options with { DisabledRules = [.. RuleCatalog.Claims.All.Where(r => r.IsEnabledByDefault).Select(r => r.Id)] });
        structure.Checks.Should().NotContain(c => c.Descriptors.All(d => d.Family == RuleFamily.Claim));
        structure.Rules.Should().Contain(RuleCatalog.Claims.UnreadableElement, "a skipped check's rules are still the scrubber's");
    }

    [Fact]
    public void AdditionalRule_ThatReusesABuiltInId_IsRefused()
    {
        var act = () => Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [new PayerRule(RuleCatalog.Claims.DuplicateLine)] });
        act.Should().Throw<ScrubberOptionsException>().Which.Problems.Should().Equal("Rule id 'CLM010' is reported by more than one check; ids must be unique.");
    }

    [Fact]
    public void ScrubMany_InParallel_PreservesInputOrder()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options);
        var claims = Enumerable.Range(0, 2000).Select(i => Rename(TestClaims.Professional(null, TestClaims.Line(units: i % 3)), $"C{i}")).ToList();
        var sequential = scrubber.ScrubMany(claims).ToList();
        var parallel = scrubber.ScrubMany(claims, maxDegreeOfParallelism: 4).ToList();
        parallel.Select(r => r.ClaimId).Should().Equal(claims.Select(c => c.ClaimId));
        parallel.Select(r => r.Findings.Length).Should().Equal(sequential.Select(r => r.Findings.Length));
        sequential.Count(r => r.IsClean).Should().Be(1333);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(255, 2)]
    [InlineData(257, 3)]
    [InlineData(1027, 2)]
    public void ScrubMany_InParallel_ScrubsEveryClaimOnce_WhateverTheBlockAndTakeBoundaries(int count, int threads)
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options);
        var claims = Enumerable.Range(0, count).Select(i => Rename(TestClaims.Professional(null, TestClaims.Line(units: i % 2)), $"C{i}")).ToList();
        var parallel = scrubber.ScrubMany(claims, threads).ToList();
        parallel.Select(r => r.ClaimId).Should().Equal(claims.Select(c => c.ClaimId));
        parallel.Select(r => r.Findings.Length).Should().Equal(claims.Select(c => scrubber.Scrub(c).Findings.Length));
    }

    [Fact]
    public void CleanClaim_ResultSharesTheEmptyFindings()
    {
        var result = Scrubber.Create(CodeSetIndex.Empty, Options).Scrub(TestClaims.Professional());
        result.IsClean.Should().BeTrue();
        result.HighestSeverity.Should().BeNull();
        result.ClaimId.Should().Be("C1");
    }

    [Fact]
    public void RuleCatalog_IdsAreUniqueAndPrefixedByFamily()
    {
        RuleCatalog.All.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        foreach (var rule in RuleCatalog.All)
        {
            var prefix = rule.Family switch
            {
                RuleFamily.Claim => "CLM",
                RuleFamily.Diagnosis => "DX",
                RuleFamily.Procedure => "PX",
                RuleFamily.Modifier => "MOD",
                RuleFamily.PlaceOfService => "POS",
                RuleFamily.Ncci => "NCCI",
                RuleFamily.Linkage => "LNK",
                RuleFamily.Opps => "OPPS",
                RuleFamily.Institutional => "UB",
                RuleFamily.InpatientProcedure => "PCS",
                RuleFamily.BillingData => "BIL",
                _ => throw new InvalidOperationException(rule.Family.ToString()),
            };
            rule.Id.Should().MatchRegex($"^{prefix}[0-9]{{3}}$");
        }
    }

    [Fact]
    public void EveryBuiltInCheck_ReportsOnlyCatalogueRules()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options);
        scrubber.Rules.Should().OnlyContain(r => RuleCatalog.All.Contains(r));
    }

    private static Claim Rename(Claim claim, string id) => new()
    {
        ClaimId = id, Setting = claim.Setting, Patient = claim.Patient, BillingNpi = claim.BillingNpi, RenderingNpi = claim.RenderingNpi,
        PlaceOfService = claim.PlaceOfService, FrequencyCode = claim.FrequencyCode, Diagnoses = claim.Diagnoses, Lines = claim.Lines,
    };

    private sealed class PayerRule(RuleDescriptor? descriptor = null) : IClaimRule
    {
        public static readonly RuleDescriptor Descriptor = new("PAY001", RuleFamily.Claim, "Payer: units", Severity.Info, Disposition.Informational, "Payer-specific check used in tests.");

        public IReadOnlyList<RuleDescriptor> Descriptors => [descriptor ?? Descriptor];

        public void Evaluate(ScrubContext context)
        {
            if (context.Claim.Lines.Any(l => l.Units < 1))
            {
                context.Report(descriptor ?? Descriptor, null, ElementPath.Claim, "Units below one.", "Check units.");
            }
        }
    }

    private sealed class CountingRule(params RuleDescriptor[] descriptors) : IClaimRule
    {
        public int Runs { get; private set; }

        public IReadOnlyList<RuleDescriptor> Descriptors => descriptors;

        public void Evaluate(ScrubContext context) => Runs++;
    }
}
