using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Billing data payers require beside the codes (<c>BIL001</c>–<c>BIL099</c>), as warnings: the ordering or referring
    /// provider, the laboratory's CLIA number, the claim a replacement or void replaces, and (opt-in, for payers that ask
    /// for it) the NDC of drug lines.
    /// </summary>
    public static class BillingData
    {
        /// <summary>BIL001: a laboratory, imaging or DMEPOS line of a professional claim has no ordering or referring provider.</summary>
        public static RuleDescriptor OrderingProvider { get; } = new("BIL001", RuleFamily.BillingData, "Ordering or referring provider missing", Severity.Warning, Disposition.LineDenial,
            "A clinical laboratory (80047–89398), imaging (70010–79999) or DMEPOS (HCPCS A4–A9, B, E, K, L) line of a professional claim names no ordering or referring provider; Medicare denies these services without one.", "16", "N265", source: "Pub. 100-04 ch. 26 §10.4, items 17 and 17b; 837P loops 2310A, 2420E and 2420F");

        /// <summary>BIL002: a laboratory line of a professional claim has no CLIA number, or a malformed one.</summary>
        public static RuleDescriptor CliaNumber { get; } = new("BIL002", RuleFamily.BillingData, "CLIA number missing or malformed", Severity.Warning, Disposition.LineDenial,
            "A professional claim bills clinical laboratory tests (80047–89398) without the laboratory's CLIA certificate number, or with one that is not two digits, D and seven digits.", "16", "MA120", source: "42 CFR part 493; Pub. 100-04 ch. 26 §10.4, item 23; 837P 2300 REF*X4");

        /// <summary>BIL003: a replacement or void claim does not name the claim it replaces.</summary>
        public static RuleDescriptor OriginalClaimReference { get; } = new("BIL003", RuleFamily.BillingData, "Replacement or void without the payer claim control number", Severity.Warning, Disposition.ClaimRejection,
            "A replacement (frequency 7) or void (8) claim does not give the payer's control number of the claim it replaces.", "16", "MA130", source: "837P and 837I 2300 REF*F8, required when CLM05-3 is 7 or 8; UB-04 form locator 64");

        /// <summary>BIL004 (opt-in): a drug line carries no NDC, or an incomplete one.</summary>
        public static RuleDescriptor DrugNdc { get; } = new("BIL004", RuleFamily.BillingData, "NDC missing on a drug line", Severity.Warning, Disposition.LineDenial,
            "A drug line (HCPCS J codes, or revenue code 0636 on an institutional bill) carries no National Drug Code, or no quantity and unit with it. Medicaid requires the NDC on drug claims (Deficit Reduction Act of 2005, §6002) and many payers follow; Medicare does not, so the rule is opt-in.", "16", "M119", enabledByDefault: false, source: "837 loop 2410 LIN and CTP");

        /// <summary>Gets the billing data rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [OrderingProvider, CliaNumber, OriginalClaimReference, DrugNdc];
    }
}
