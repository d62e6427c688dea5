using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Modifier rules driven by the physician fee schedule indicators (<c>MOD010</c>–<c>MOD049</c>): PC/TC split,
    /// bilateral, surgical team, global surgery and modifier conflicts. Meanings follow the CMS RVU record layout (RVU25D).
    /// </summary>
    public static class FeeScheduleModifiers
    {
        /// <summary>MOD010: 26 or TC on a code whose PC/TC indicator does not allow that split.</summary>
        public static RuleDescriptor ComponentNotSplittable { get; } = new("MOD010", RuleFamily.Modifier, "26/TC on a code that cannot be split", Severity.Error, Disposition.LineDenial,
            "Modifier 26 or TC is on a code whose PC/TC indicator (0, 2–5, 7–9; TC also on 6) says modifiers 26 and TC cannot be used.", "4", "N519", source: "PFS RVU file (RVU25D), PC/TC indicator (Attachment A)");

        /// <summary>MOD011: 26 and TC on the same line.</summary>
        public static RuleDescriptor BothComponents { get; } = new("MOD011", RuleFamily.Modifier, "26 and TC on one line", Severity.Error, Disposition.ReturnToProvider,
            "A line carries both modifier 26 and TC; the two components together are the global service, billed without either.", "4", "N519", source: "PFS RVU file (RVU25D), PC/TC indicator 1 (global = professional + technical)");

        /// <summary>MOD012: global service and one of its components on the same date.</summary>
        public static RuleDescriptor GlobalWithComponent { get; } = new("MOD012", RuleFamily.Modifier, "Global billed with its component", Severity.Error, Disposition.LineDenial,
            "A PC/TC indicator 1 code is billed globally (no 26/TC) and with 26 or TC on the same date: the global service already includes both components.", "97", "M15", source: "PFS RVU file (RVU25D), PC/TC indicator 1; MCPM Pub. 100-04, ch. 13, §20");

        /// <summary>MOD013: 50 on a code that cannot be bilateral.</summary>
        public static RuleDescriptor BilateralNotAllowed { get; } = new("MOD013", RuleFamily.Modifier, "50 on a code that cannot be bilateral", Severity.Error, Disposition.LineDenial,
            "Modifier 50 is on a code whose bilateral indicator is 0 (bilateral adjustment inappropriate) or 9 (concept does not apply).", "4", null, source: "PFS RVU file (RVU25D), bilateral surgery indicator 0 and 9; MCPM Pub. 100-04, ch. 12, §40.7");

        /// <summary>MOD014: 50 on a code that is bilateral by definition.</summary>
        public static RuleDescriptor BilateralByDefinition { get; } = new("MOD014", RuleFamily.Modifier, "50 on a bilateral-by-definition code", Severity.Warning, Disposition.LineDenial,
            "Modifier 50 is on a code whose bilateral indicator is 2: its RVUs already describe a bilateral procedure and 50 adds no payment.", "4", null, source: "PFS RVU file (RVU25D), bilateral surgery indicator 2; MCPM Pub. 100-04, ch. 12, §40.7");

        /// <summary>MOD015: 50 together with LT or RT.</summary>
        public static RuleDescriptor BilateralWithSide { get; } = new("MOD015", RuleFamily.Modifier, "50 with LT or RT", Severity.Error, Disposition.ReturnToProvider,
            "A line carries modifier 50 and a side modifier (LT/RT); bilateral already means both sides.", "4", "N519", source: "MCPM Pub. 100-04, ch. 12, §40.7 (modifier 50); HCPCS definitions of LT and RT");

        /// <summary>MOD016: LT and RT on one line.</summary>
        public static RuleDescriptor LeftAndRight { get; } = new("MOD016", RuleFamily.Modifier, "LT and RT on one line", Severity.Error, Disposition.ReturnToProvider,
            "A line carries both LT and RT; a procedure on both sides is billed with 50 (bilateral indicator 1) or as two lines, one per side.", "4", "N519", source: "MCPM Pub. 100-04, ch. 12, §40.7 (bilateral surgery billed with 50, not LT and RT on one line)");

        /// <summary>MOD017: units above 1 with 50.</summary>
        public static RuleDescriptor BilateralUnits { get; } = new("MOD017", RuleFamily.Modifier, "50 with more than one unit", Severity.Error, Disposition.ReturnToProvider,
            "A bilateral line (modifier 50) is billed with more than one unit; Medicare prices 50 as one line, one unit.", "16", "M53", source: "MCPM Pub. 100-04, ch. 12, §40.7.B (bilateral surgery: one line, one unit)");

        /// <summary>MOD018: the same code on two lines, LT and RT, where the bilateral indicator asks for 50.</summary>
        public static RuleDescriptor SidesInsteadOfBilateral { get; } = new("MOD018", RuleFamily.Modifier, "LT and RT lines instead of 50", Severity.Warning, Disposition.ReturnToProvider,
            "A bilateral indicator 1 code is billed on two lines, LT and RT, for the same date; Medicare asks for one line with 50 (payer-dependent, see ScrubberOptions.ReportSidesInsteadOfBilateral).", "4", null, source: "PFS RVU file (RVU25D), bilateral surgery indicator 1; MCPM Pub. 100-04, ch. 12, §40.7.B");

        /// <summary>MOD019: an assistant-at-surgery modifier where an assistant is never paid.</summary>
        public static RuleDescriptor AssistantNotPaid { get; } = new("MOD019", RuleFamily.Modifier, "Assistant at surgery never paid", Severity.Error, Disposition.LineDenial,
            "Modifier 80, 81, 82 or AS is on a code whose assistant indicator is 1 (statutory restriction: may not be paid) or 9 (concept does not apply).", "54", null, source: "PFS RVU file (RVU25D), assistant at surgery indicator 1 and 9; MCPM Pub. 100-04, ch. 12, §20.4.3");

        /// <summary>MOD020: an assistant-at-surgery modifier where documentation is needed.</summary>
        public static RuleDescriptor AssistantNeedsDocumentation { get; } = new("MOD020", RuleFamily.Modifier, "Assistant at surgery needs documentation", Severity.Warning, Disposition.Informational,
            "Modifier 80, 81, 82 or AS is on a code whose assistant indicator is 0: paid only with documentation of medical necessity.", "54", "N29", source: "PFS RVU file (RVU25D), assistant at surgery indicator 0; MCPM Pub. 100-04, ch. 12, §20.4.3");

        /// <summary>MOD021: 62 where co-surgeons are not permitted.</summary>
        public static RuleDescriptor CoSurgeonsNotPermitted { get; } = new("MOD021", RuleFamily.Modifier, "Co-surgeons not permitted", Severity.Error, Disposition.LineDenial,
            "Modifier 62 is on a code whose co-surgeon indicator is 0 (not permitted) or 9 (concept does not apply).", "54", null, source: "PFS RVU file (RVU25D), co-surgeon indicator 0 and 9; MCPM Pub. 100-04, ch. 12, §40.8");

        /// <summary>MOD022: 62 where co-surgeons need documentation.</summary>
        public static RuleDescriptor CoSurgeonsNeedDocumentation { get; } = new("MOD022", RuleFamily.Modifier, "Co-surgeons need documentation", Severity.Warning, Disposition.Informational,
            "Modifier 62 is on a code whose co-surgeon indicator is 1: paid only with documentation that two surgeons were medically necessary.", "54", "N29", source: "PFS RVU file (RVU25D), co-surgeon indicator 1; MCPM Pub. 100-04, ch. 12, §40.8");

        /// <summary>MOD023: 66 where team surgery is not permitted.</summary>
        public static RuleDescriptor TeamNotPermitted { get; } = new("MOD023", RuleFamily.Modifier, "Team surgery not permitted", Severity.Error, Disposition.LineDenial,
            "Modifier 66 is on a code whose team indicator is 0 (not permitted) or 9 (concept does not apply).", "54", null, source: "PFS RVU file (RVU25D), team surgery indicator 0 and 9; MCPM Pub. 100-04, ch. 12, §40.8");

        /// <summary>MOD024: 66 where team surgery needs documentation.</summary>
        public static RuleDescriptor TeamNeedsDocumentation { get; } = new("MOD024", RuleFamily.Modifier, "Team surgery needs documentation", Severity.Warning, Disposition.Informational,
            "Modifier 66 is on a code whose team indicator is 1: paid by report with documentation that a team was medically necessary.", "54", "N29", source: "PFS RVU file (RVU25D), team surgery indicator 1; MCPM Pub. 100-04, ch. 12, §40.8");

        /// <summary>MOD025: 25 on a code that is not an E/M service.</summary>
        public static RuleDescriptor Modifier25NotOnEm { get; } = new("MOD025", RuleFamily.Modifier, "25 on a non-E/M code", Severity.Error, Disposition.LineDenial,
            "Modifier 25 (significant, separately identifiable E/M) is on a code outside the E/M section (CPT 99202–99499).", "4", null, source: "CPT modifier 25 (E/M section 99202-99499); MCPM Pub. 100-04, ch. 12, §30.6.6");

        /// <summary>MOD026: 57 on a code that is not an E/M service.</summary>
        public static RuleDescriptor Modifier57NotOnEm { get; } = new("MOD026", RuleFamily.Modifier, "57 on a non-E/M code", Severity.Error, Disposition.LineDenial,
            "Modifier 57 (decision for surgery) is on a code outside the E/M section (CPT 99202–99499).", "4", null, source: "CPT modifier 57 (E/M section 99202-99499); MCPM Pub. 100-04, ch. 12, §40.2.A.4");

        /// <summary>MOD027: 24 on a code that is not an E/M service.</summary>
        public static RuleDescriptor Modifier24NotOnEm { get; } = new("MOD027", RuleFamily.Modifier, "24 on a non-E/M code", Severity.Error, Disposition.LineDenial,
            "Modifier 24 (unrelated E/M during a postoperative period) is on a code outside the E/M section (CPT 99202–99499).", "4", null, source: "CPT modifier 24 (E/M section 99202-99499); MCPM Pub. 100-04, ch. 12, §40.2.A.8");

        /// <summary>MOD028: 58, 78 or 79 on a code to which the global concept does not apply.</summary>
        public static RuleDescriptor PostoperativeModifierWithoutGlobal { get; } = new("MOD028", RuleFamily.Modifier, "58/78/79 on a code without a global period", Severity.Error, Disposition.LineDenial,
            "Modifier 58, 78 or 79 (procedures during another's postoperative period) is on a code whose global days are XXX (the global concept does not apply).", "4", null, source: "PFS RVU file (RVU25D), global days XXX; MCPM Pub. 100-04, ch. 12, §40.2.A (58, 78, 79)");

        /// <summary>MOD029: an E/M on the same date as a procedure with a global period, without 25 or 57.</summary>
        public static RuleDescriptor EmSameDayWithoutModifier { get; } = new("MOD029", RuleFamily.Modifier, "E/M same day as a procedure without the modifier its global period asks", Severity.Error, Disposition.LineDenial,
            "An E/M service is billed by the same provider on the date of a procedure with a global period without the modifier that period asks: 25 (significant, separately identifiable visit) with a 000 or 010 procedure, 57 (decision for surgery) with a 090 major surgery; otherwise the visit is part of the surgical package.", "97", "M144", source: "MCPM Pub. 100-04, ch. 12, §40.1 (the global surgical package: 000 the day of; 010 the day of and 10 days after; 090 the day before, the day of and 90 days after) and §40.2.A (modifiers 24, 25, 57, 58, 78, 79); CMS MLN907166 (Global Surgery booklet); PFS RVU file (RVU25D), global days");

        /// <summary>MOD030: 59 together with an X{EPSU} modifier.</summary>
        public static RuleDescriptor DistinctAndX { get; } = new("MOD030", RuleFamily.Modifier, "59 with XE/XS/XP/XU", Severity.Error, Disposition.ReturnToProvider,
            "A line carries modifier 59 and one of XE, XS, XP, XU; the X modifiers are more specific subsets of 59 and are not used together with it.", "4", "N519", source: "CMS MLN1783722, Proper Use of Modifiers 59 & -X{EPSU}");

        /// <summary>MOD031: 91 on a code that is not a laboratory test.</summary>
        public static RuleDescriptor RepeatLabNotLab { get; } = new("MOD031", RuleFamily.Modifier, "91 on a non-lab code", Severity.Error, Disposition.LineDenial,
            "Modifier 91 (repeat clinical diagnostic laboratory test) is on a code outside the laboratory section (CPT 80047–89398, PLA ####U).", "4", null, source: "CPT modifier 91 (repeat clinical diagnostic laboratory test); NCCI Policy Manual for Medicare Services, chapter I, §E (modifiers and modifier indicators)");

        /// <summary>MOD032: anatomic modifiers that contradict each other.</summary>
        public static RuleDescriptor ContradictoryAnatomy { get; } = new("MOD032", RuleFamily.Modifier, "Contradictory anatomic modifiers", Severity.Error, Disposition.ReturnToProvider,
            "A side modifier contradicts a site modifier on the same line, such as LT with a right-hand digit (F5–F9), right-foot digit (T5–T9) or right eyelid (E3/E4).", "4", "N519", source: "HCPCS Level II definitions of the anatomic modifiers (LT, RT, FA-F9, TA-T9, E1-E4)");

        /// <summary>MOD033: 51 on an add-on (ZZZ) code.</summary>
        public static RuleDescriptor MultipleOnAddOn { get; } = new("MOD033", RuleFamily.Modifier, "51 on an add-on code", Severity.Warning, Disposition.ReturnToProvider,
            "Modifier 51 is on a code with global days ZZZ; add-on codes are exempt from the multiple procedure reduction and take no 51.", "4", null, source: "PFS RVU file (RVU25D), global days ZZZ; MCPM Pub. 100-04, ch. 12, §40.6 (add-on codes take no multiple procedure reduction)");

        /// <summary>MOD034: 53 on a code that has no discontinued-procedure pricing.</summary>
        public static RuleDescriptor DiscontinuedNotPriced { get; } = new("MOD034", RuleFamily.Modifier, "53 on a code without 53 pricing", Severity.Warning, Disposition.Informational,
            "Modifier 53 is on a code with no 53 row in the RVU file; such lines go to contractor medical review and individual pricing.", null, "N29", source: "PFS RVU file (RVU25D), modifier 53 rows (contractor pricing of a discontinued procedure without one)");

        /// <summary>MOD035: an E/M the day before a major surgery (global days 090) without 57.</summary>
        public static RuleDescriptor EmDayBeforeMajorSurgery { get; } = new("MOD035", RuleFamily.Modifier, "E/M the day before a major surgery without 57", Severity.Error, Disposition.LineDenial,
            "An E/M service is billed by the same provider the day before a procedure with global days 090 without modifier 57: a visit the day before a major surgery is part of its global package unless it was the decision for surgery.", "97", "M144", source: "MCPM Pub. 100-04, ch. 12, §40.1 (the global surgical package: 000 the day of; 010 the day of and 10 days after; 090 the day before, the day of and 90 days after) and §40.2.A (modifiers 24, 25, 57, 58, 78, 79); CMS MLN907166 (Global Surgery booklet); PFS RVU file (RVU25D), global days");

        /// <summary>MOD036: an E/M in the postoperative period of a procedure on the claim without 24.</summary>
        public static RuleDescriptor EmInPostoperativePeriod { get; } = new("MOD036", RuleFamily.Modifier, "E/M in a postoperative period without 24", Severity.Error, Disposition.LineDenial,
            "An E/M service is billed by the same provider within the postoperative period (10 days for global days 010, 90 for 090) of a procedure billed earlier on the claim, without modifier 24: postoperative visits are part of the global package; 99024 reports them at no charge.", "97", "M144", source: "MCPM Pub. 100-04, ch. 12, §40.1 (the global surgical package: 000 the day of; 010 the day of and 10 days after; 090 the day before, the day of and 90 days after) and §40.2.A (modifiers 24, 25, 57, 58, 78, 79); CMS MLN907166 (Global Surgery booklet); PFS RVU file (RVU25D), global days");

        /// <summary>MOD037: a procedure in the postoperative period of another procedure on the claim without 58, 78 or 79.</summary>
        public static RuleDescriptor ProcedureInPostoperativePeriod { get; } = new("MOD037", RuleFamily.Modifier, "Procedure in a postoperative period without 58/78/79", Severity.Error, Disposition.LineDenial,
            "A procedure with a global period is billed by the same provider within the postoperative period of another procedure billed earlier on the claim, without 58 (staged or planned), 78 (unplanned return to the operating room) or 79 (unrelated procedure): otherwise its payment is part of the first procedure's global package.", "97", "M144", source: "MCPM Pub. 100-04, ch. 12, §40.1 (the global surgical package: 000 the day of; 010 the day of and 10 days after; 090 the day before, the day of and 90 days after) and §40.2.A (modifiers 24, 25, 57, 58, 78, 79); CMS MLN907166 (Global Surgery booklet); PFS RVU file (RVU25D), global days");

        /// <summary>Gets the fee-schedule modifier rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            ComponentNotSplittable, BothComponents, GlobalWithComponent, BilateralNotAllowed, BilateralByDefinition, BilateralWithSide, LeftAndRight, BilateralUnits,
            SidesInsteadOfBilateral, AssistantNotPaid, AssistantNeedsDocumentation, CoSurgeonsNotPermitted, CoSurgeonsNeedDocumentation, TeamNotPermitted, TeamNeedsDocumentation,
            Modifier25NotOnEm, Modifier57NotOnEm, Modifier24NotOnEm, PostoperativeModifierWithoutGlobal, EmSameDayWithoutModifier, DistinctAndX, RepeatLabNotLab,
            ContradictoryAnatomy, MultipleOnAddOn, DiscontinuedNotPriced, EmDayBeforeMajorSurgery, EmInPostoperativePeriod, ProcedureInPostoperativePeriod,
        ];
    }

    /// <summary>Procedure rules driven by the fee schedule status code and global days (<c>PX020</c>–<c>PX039</c>).</summary>
    public static class FeeScheduleProcedures
    {
        /// <summary>PX020: status I or G, not valid for Medicare.</summary>
        public static RuleDescriptor NotValidForMedicare { get; } = new("PX020", RuleFamily.Procedure, "Code not valid for Medicare", Severity.Error, Disposition.LineDenial,
            "The fee schedule status is I (or G): not valid for Medicare purposes; Medicare uses another code for the service.", "181", "N56", source: "PFS RVU file (RVU25D), status code I/G (Attachment A)");

        /// <summary>PX021: status N, non-covered.</summary>
        public static RuleDescriptor NonCovered { get; } = new("PX021", RuleFamily.Procedure, "Service not covered by Medicare", Severity.Warning, Disposition.LineDenial,
            "The fee schedule status is N: the service is not covered by Medicare.", "96", "N130", source: "PFS RVU file (RVU25D), status code N (Attachment A)");

        /// <summary>PX022: status B, bundled.</summary>
        public static RuleDescriptor Bundled { get; } = new("PX022", RuleFamily.Procedure, "Bundled code", Severity.Warning, Disposition.LineDenial,
            "The fee schedule status is B: payment is always bundled into other services; it is never paid separately.", "97", "M15", source: "PFS RVU file (RVU25D), status code B (Attachment A)");

        /// <summary>PX023: status P, bundled or excluded.</summary>
        public static RuleDescriptor BundledOrExcluded { get; } = new("PX023", RuleFamily.Procedure, "Bundled or excluded code", Severity.Warning, Disposition.LineDenial,
            "The fee schedule status is P: no separate payment under the fee schedule (bundled into the physician service, or paid under another provision).", "97", "M15", source: "PFS RVU file (RVU25D), status code P (Attachment A)");

        /// <summary>PX024: status R, restricted coverage.</summary>
        public static RuleDescriptor RestrictedCoverage { get; } = new("PX024", RuleFamily.Procedure, "Restricted coverage", Severity.Warning, Disposition.Informational,
            "The fee schedule status is R: special coverage instructions apply and, if covered, the contractor prices the service.", null, "N130", source: "PFS RVU file (RVU25D), status code R (Attachment A)");

        /// <summary>PX025: status D, F or H, deleted.</summary>
        public static RuleDescriptor Deleted { get; } = new("PX025", RuleFamily.Procedure, "Deleted code", Severity.Error, Disposition.LineDenial,
            "The fee schedule status is D, F or H: the code (or its 26/TC component) is deleted.", "181", "N56", source: "PFS RVU file (RVU25D), status codes D, F and H (Attachment A)");

        /// <summary>PX026: status X, statutory exclusion from the fee schedule.</summary>
        public static RuleDescriptor StatutoryExclusion { get; } = new("PX026", RuleFamily.Procedure, "Paid outside the physician fee schedule", Severity.Info, Disposition.Informational,
            "The fee schedule status is X: not a physician service by statute (such as clinical lab tests or ambulance); paid under its own fee schedule, not an error.", enabledByDefault: false, source: "PFS RVU file (RVU25D), status code X (Attachment A)");

        /// <summary>PX027: status C, contractor priced.</summary>
        public static RuleDescriptor ContractorPriced { get; } = new("PX027", RuleFamily.Procedure, "Contractor-priced code", Severity.Info, Disposition.Informational,
            "The fee schedule status is C: the contractor prices the service case by case and may ask for documentation such as an operative report.", enabledByDefault: false, source: "PFS RVU file (RVU25D), status code C (Attachment A)");

        /// <summary>PX028: status E, excluded by regulation.</summary>
        public static RuleDescriptor ExcludedByRegulation { get; } = new("PX028", RuleFamily.Procedure, "Excluded from the fee schedule by regulation", Severity.Info, Disposition.Informational,
            "The fee schedule status is E: excluded from fee schedule payment by regulation; when covered it is paid under reasonable-charge procedures.", enabledByDefault: false, source: "PFS RVU file (RVU25D), status code E (Attachment A)");

        /// <summary>PX029: status T injection billed with another fee schedule service on the same date.</summary>
        public static RuleDescriptor InjectionBundled { get; } = new("PX029", RuleFamily.Procedure, "Injection bundled with a same-day service", Severity.Warning, Disposition.LineDenial,
            "A status T code (paid only when no other fee schedule service is billed that date by the same provider) is billed with another payable service on the same date.", "97", "N20", source: "PFS RVU file (RVU25D), status code T (Attachment A)");

        /// <summary>PX030: an add-on (ZZZ) code without a primary procedure on the same date.</summary>
        public static RuleDescriptor AddOnWithoutPrimary { get; } = new("PX030", RuleFamily.Procedure, "Add-on code without a primary procedure", Severity.Error, Disposition.LineDenial,
            "A code with global days ZZZ (always part of another service) is billed with no other procedure on the same date to be its primary.", "107", null, source: "PFS RVU file (RVU25D), global days ZZZ");

        /// <summary>PX031: G2211 billed with an office visit that carries 25, outside the CY2025 exceptions.</summary>
        public static RuleDescriptor ComplexityAddOnWithModifier25 { get; } = new("PX031", RuleFamily.Procedure, "G2211 with a 25-modified visit", Severity.Error, Disposition.LineDenial,
            "The visit complexity add-on G2211 is billed by the same provider on the date of an office or outpatient E/M visit (99202-99205, 99211-99215) that carries modifier 25. Medicare does not pay G2211 then; from 2025-01-01 it does when the 25-modified visit is billed with an annual wellness visit, a vaccine administration or a Medicare Part B preventive service that day.", "97", "N20",
            source: "CY2024 PFS final rule, 88 FR 78818 (G2211 not payable with a 25-modified visit); CY2025 PFS final rule, 89 FR 97710 (exceptions: AWV, vaccine administration, Part B preventive services, from 2025-01-01); CMS MLN006559 (preventive services)");

        /// <summary>PX032: a CPT code the fee schedule in force no longer lists while an older table does.</summary>
        public static RuleDescriptor DeletedFromFeeSchedule { get; } = new("PX032", RuleFamily.Procedure, "Code deleted from the fee schedule in force", Severity.Error, Disposition.LineDenial,
            "A CPT code (not a lab test, which the clinical lab fee schedule prices) is absent from the physician fee schedule in force for the date of service (the loaded RVU release of that year or an earlier one), while an older loaded table (an NCCI PTP release before that year with an edit in force on the code, or an older MUE or add-on release) lists it: the code was deleted. Silent when the loaded RVU file lacks more than a tenth of the older tables' CPT codes (a partial or sample file).", "181", "N56",
            source: "PFS RVU file (RVU25D): every CPT code of the year has a row; older NCCI PTP, MUE and add-on releases");

        /// <summary>PX033: a line whose denial GY, GA or GZ says is intended.</summary>
        public static RuleDescriptor IntendedDenial { get; } = new("PX033", RuleFamily.Procedure, "Denial intended (GY, GA, GZ)", Severity.Info, Disposition.Informational,
            "A line carries GY (statutorily excluded, not a Medicare benefit), GA (required ABN on file) or GZ (no ABN) and a table says Medicare denies it (fee schedule status N, MUE value 0, HCPCS coverage code S or M): the denial is intended and reported here instead of as an error to fix.", null, null,
            source: "MCPM Pub. 100-04, ch. 1, §60.4.2 and ch. 30, §50 (GA, GY, GZ); PFS RVU status N; NCCI MUE value 0; HCPCS coverage codes S and M");

        /// <summary>Gets the fee-schedule procedure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
            [
                NotValidForMedicare, NonCovered, Bundled, BundledOrExcluded, RestrictedCoverage, Deleted, StatutoryExclusion, ContractorPriced, ExcludedByRegulation,
                InjectionBundled, AddOnWithoutPrimary, ComplexityAddOnWithModifier25, DeletedFromFeeSchedule, IntendedDenial,
            ];
    }

    /// <summary>Place-of-service rules driven by the fee schedule NA indicators (<c>POS010</c>–<c>POS019</c>).</summary>
    public static class FeeSchedulePlaceOfService
    {
        /// <summary>POS010: non-facility NA code billed in a non-facility place of service.</summary>
        public static RuleDescriptor NotPricedNonFacility { get; } = new("POS010", RuleFamily.PlaceOfService, "Not priced in a non-facility setting", Severity.Warning, Disposition.LineDenial,
            "The code's non-facility NA indicator says it is rarely or never performed outside a facility, and the line's place of service is a non-facility one.", "58", "M77", source: "PFS RVU file (RVU25D), non-facility NA indicator; MCPM Pub. 100-04, ch. 12, §20.4.2");

        /// <summary>POS011: facility NA code billed in a facility place of service.</summary>
        public static RuleDescriptor NotPricedFacility { get; } = new("POS011", RuleFamily.PlaceOfService, "Not priced in a facility setting", Severity.Warning, Disposition.LineDenial,
            "The code's facility NA indicator says it is rarely or never performed in a facility, and the line's place of service is a facility one.", "58", "M77", source: "PFS RVU file (RVU25D), facility NA indicator; MCPM Pub. 100-04, ch. 12, §20.4.2");

        /// <summary>POS012: a line's place of service differs from the claim's.</summary>
        public static RuleDescriptor LineDiffersFromClaim { get; } = new("POS012", RuleFamily.PlaceOfService, "Line place of service differs from the claim's", Severity.Warning, Disposition.ReturnToProvider,
            "A line's place of service differs from the claim's, where the payer asks for one place per claim (off unless ScrubberOptions.RequireSinglePlaceOfService is set).", "5", "M77", source: "Payer policy (one place of service per claim); 837P CLM05-1 and SV105");

        /// <summary>POS013: an incident-to (PC/TC 5) or therapy (PC/TC 7) code billed in a hospital setting.</summary>
        public static RuleDescriptor HospitalSettingNotPaid { get; } = new("POS013", RuleFamily.PlaceOfService, "Not payable for hospital patients", Severity.Warning, Disposition.LineDenial,
            "A PC/TC indicator 5 (incident-to) or 7 (independent therapist) code is billed for a hospital inpatient or outpatient (POS 19, 21, 22, 23), where the fee schedule does not pay it.", "171", "N428", source: "PFS RVU file (RVU25D), PC/TC indicators 5 and 7 (Attachment A)");

        /// <summary>Gets the fee-schedule place-of-service rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [NotPricedNonFacility, NotPricedFacility, LineDiffersFromClaim, HospitalSettingNotPaid];
    }
}
