using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Rules (<c>OPPS001</c>–<c>OPPS099</c>) driven by CMS's OPPS Addendum B on hospital outpatient bills (types 12x and
    /// 13x): each line's payment status indicator, as Addendum D1 of the OPPS/ASC final rule defines it. They run only
    /// when an Addendum B is loaded.
    /// </summary>
    public static class Opps
    {
        /// <summary>OPPS001: an inpatient-only procedure (status C) on an outpatient hospital bill.</summary>
        public static RuleDescriptor InpatientOnly { get; } = new("OPPS001", RuleFamily.Opps, "Inpatient-only procedure on an outpatient bill", Severity.Error, Disposition.LineDenial,
            "A procedure with OPPS status indicator C is paid only as an inpatient service: on an outpatient hospital bill it is not paid (admit the patient and bill it as inpatient), unless the patient died before admission and the line carries modifier CA.", "96", "N428", source: "Pub. 100-04 ch. 4 §180.7; OPPS Addendum D1, SI C; Addendum E");

        /// <summary>OPPS002: a code OPPS does not recognize on an outpatient hospital Part B bill (status B).</summary>
        public static RuleDescriptor NotRecognized { get; } = new("OPPS002", RuleFamily.Opps, "Code not recognized by OPPS", Severity.Error, Disposition.ReturnToProvider,
            "A code with OPPS status indicator B is not recognized by OPPS on an outpatient hospital Part B bill (12x, 13x); an alternative code that OPPS recognizes may describe the service, such as G0463 for a clinic visit.", "16", "M51", source: "OPPS Addendum D1, SI B; Pub. 100-04 ch. 4 §10.1.1");

        /// <summary>OPPS003: a service not covered by any Medicare outpatient benefit (status E1).</summary>
        public static RuleDescriptor NotCovered { get; } = new("OPPS003", RuleFamily.Opps, "Service not covered under any outpatient benefit", Severity.Error, Disposition.LineDenial,
            "A code with OPPS status indicator E1 is not covered by any Medicare outpatient benefit category, is statutorily excluded, or is not reasonable and necessary: it is not paid on any outpatient bill unless the line says the patient is liable (GA, GX, GY, GZ).", "96", "N425", source: "OPPS Addendum D1, SI E1; Pub. 100-04 ch. 4 §10.1.1");

        /// <summary>OPPS004: a service for which pricing information and claims data are not available (status E2).</summary>
        public static RuleDescriptor NoPricing { get; } = new("OPPS004", RuleFamily.Opps, "Service without OPPS pricing", Severity.Error, Disposition.LineDenial,
            "A code with OPPS status indicator E2 has no pricing information or claims data: it is not paid on an outpatient bill.", "96", null, source: "OPPS Addendum D1, SI E2; Pub. 100-04 ch. 4 §10.1.1");

        /// <summary>OPPS005: a discontinued code (status D).</summary>
        public static RuleDescriptor Discontinued { get; } = new("OPPS005", RuleFamily.Opps, "Discontinued code", Severity.Error, Disposition.ReturnToProvider,
            "A code with OPPS status indicator D is discontinued: it is not paid under OPPS or any other Medicare payment system; report the code that replaced it.", "181", "M51", source: "OPPS Addendum D1, SI D; Pub. 100-04 ch. 4 §10.1.1");

        /// <summary>OPPS006: a service not billable to the Medicare administrative contractor (status M).</summary>
        public static RuleDescriptor NotBillableToMac { get; } = new("OPPS006", RuleFamily.Opps, "Service not billable to the MAC", Severity.Error, Disposition.ReturnToProvider,
            "A code with OPPS status indicator M is not billable to the Medicare administrative contractor and not paid under OPPS.", "109", null, source: "OPPS Addendum D1, SI M; Pub. 100-04 ch. 4 §10.1.1");

        /// <summary>OPPS007: a packaged service billed without a separately paid service to be packaged into.</summary>
        public static RuleDescriptor PackagedAlone { get; } = new("OPPS007", RuleFamily.Opps, "Packaged service billed alone", Severity.Warning, Disposition.LineDenial,
            "A packaged service (OPPS status indicator N, or a conditionally packaged Q1, Q2 or Q3 code that has no APC of its own) is on a bill with no separately paid OPPS service: its payment is packaged into other services, so the bill pays nothing for it.", "97", null, source: "OPPS Addendum D1, SI N and Q1–Q3; Pub. 100-04 ch. 4 §10.1.1");

        /// <summary>Gets the OPPS rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [InpatientOnly, NotRecognized, NotCovered, NoPricing, Discontinued, NotBillableToMac, PackagedAlone];
    }
}
