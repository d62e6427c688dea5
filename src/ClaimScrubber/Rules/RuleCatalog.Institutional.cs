using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// Institutional bill structure (<c>UB001</c>–<c>UB099</c>): what the UB-04 and the 837I (005010X223A2) require of an
    /// institutional claim's header and lines, as the Medicare Claims Processing Manual (Pub. 100-04) chapter 25 describes
    /// the form locators, and the combinations CMS edits.
    /// </summary>
    public static class Institutional
    {
        /// <summary>UB001: an institutional claim has no type of bill.</summary>
        public static RuleDescriptor MissingTypeOfBill { get; } = new("UB001", RuleFamily.Institutional, "Type of bill missing", Severity.Error, Disposition.ClaimRejection,
            "An institutional claim has no type of bill (UB-04 form locator 4; 837I CLM05-1 and CLM05-3), which says the facility, the bill classification and the frequency.", "16", "MA30", source: "Pub. 100-04 ch. 25 §75.1");

        /// <summary>UB002: the type of bill's facility and classification digits are not a combination NUBC assigns.</summary>
        public static RuleDescriptor InvalidTypeOfBill { get; } = new("UB002", RuleFamily.Institutional, "Type of bill not assigned", Severity.Error, Disposition.ClaimRejection,
            "The type of bill's facility and classification digits are not a combination the NUBC assigns: hospital, skilled nursing, home health, religious nonmedical and intermediate care facilities (1–4, 6) with classification 1–6 or 8; clinics (7) with 1–7 or 9; special facilities (8) with 1–6 or 9.", "16", "MA30", source: "Pub. 100-04 ch. 25 §75.1, form locator 4");

        /// <summary>UB003: the type of bill says another setting than the claim.</summary>
        public static RuleDescriptor TypeOfBillSettingMismatch { get; } = new("UB003", RuleFamily.Institutional, "Type of bill inconsistent with the setting", Severity.Error, Disposition.ClaimRejection,
            "The claim's setting and its type of bill disagree (an inpatient claim with an outpatient type of bill, a professional claim with a type of bill): the type of bill decides which edits and payment system apply.", "16", "MA30", source: "837I CLM05-1; Pub. 100-04 ch. 25 §75.1");

        /// <summary>UB004: the frequency code of an inpatient-type bill contradicts the patient discharge status.</summary>
        public static RuleDescriptor FrequencyStatusMismatch { get; } = new("UB004", RuleFamily.Institutional, "Frequency code inconsistent with discharge status", Severity.Error, Disposition.ReturnToProvider,
            "On an inpatient, swing-bed or skilled nursing bill (11x, 18x, 21x, 41x), an interim bill (frequency 2 or 3) must have patient status 30 (still a patient), and an admit-through-discharge or last interim bill (1 or 4) must not.", "16", "MA43", source: "Pub. 100-04 ch. 25 §75.1 and §75.2, form locators 4 and 17");

        /// <summary>UB005: the statement period is missing or reversed.</summary>
        public static RuleDescriptor StatementPeriodInvalid { get; } = new("UB005", RuleFamily.Institutional, "Statement period missing or reversed", Severity.Error, Disposition.ClaimRejection,
            "An institutional claim has no statement covers period, or its from date is after its through date.", "16", "MA31", source: "UB-04 form locator 6; 837I 2300 DTP*434, required; Pub. 100-04 ch. 25 §75.1");

        /// <summary>UB006: a line date falls outside the statement period.</summary>
        public static RuleDescriptor LineOutsideStatementPeriod { get; } = new("UB006", RuleFamily.Institutional, "Line date outside the statement period", Severity.Error, Disposition.ReturnToProvider,
            "A line's service date is before the statement period's from date or after its through date: the statement covers period spans every service the bill reports.", "16", "MA31", source: "UB-04 form locators 6 and 45; Pub. 100-04 ch. 25 §75.1 and §75.4");

        /// <summary>UB007: an inpatient-type bill lacks its admission date, type or source.</summary>
        public static RuleDescriptor MissingAdmission { get; } = new("UB007", RuleFamily.Institutional, "Admission date, type or source missing", Severity.Error, Disposition.ReturnToProvider,
            "An inpatient, swing-bed, skilled nursing or religious nonmedical bill (11x, 18x, 21x, 41x) lacks the admission date, the priority (type) of admission or the point of origin.", "16", "MA40", source: "UB-04 form locators 12, 14 and 15; 837I DTP*435 and CL1-01, CL1-02; Pub. 100-04 ch. 25 §75.1");

        /// <summary>UB008: the admission type or point of origin is not a NUBC value.</summary>
        public static RuleDescriptor InvalidAdmission { get; } = new("UB008", RuleFamily.Institutional, "Admission type or source not valid", Severity.Error, Disposition.ReturnToProvider,
            "The priority (type) of admission is not 1–5 or 9, or the point of origin is not one the NUBC assigns for it (1, 2, 4, 5, 6, 8, 9, D, E, F, G; for a newborn, type 4, 5 or 6).", "16", "MA42", source: "UB-04 form locators 14 and 15; Pub. 100-04 ch. 25 §75.1");

        /// <summary>UB009: an institutional claim has no patient discharge status.</summary>
        public static RuleDescriptor MissingDischargeStatus { get; } = new("UB009", RuleFamily.Institutional, "Discharge status missing", Severity.Error, Disposition.ReturnToProvider,
            "An institutional claim has no patient discharge status, the patient's status as of the statement's through date.", "16", "MA43", source: "UB-04 form locator 17; 837I CL1-03; Pub. 100-04 ch. 25 §75.2");

        /// <summary>UB010: an institutional line's revenue code is missing or malformed.</summary>
        public static RuleDescriptor InvalidRevenueCode { get; } = new("UB010", RuleFamily.Institutional, "Revenue code missing or malformed", Severity.Error, Disposition.ClaimRejection,
            "An institutional service line has no revenue code, or one that is not four digits.", "16", "M50", source: "UB-04 form locator 42; 837I SV201; Pub. 100-04 ch. 25 §75.4");

        /// <summary>UB011: an outpatient hospital line's revenue code requires a HCPCS code and the line has none.</summary>
        public static RuleDescriptor RevenueCodeNeedsHcpcs { get; } = new("UB011", RuleFamily.Institutional, "HCPCS code required for the revenue code", Severity.Error, Disposition.ReturnToProvider,
            "On a hospital outpatient bill (12x, 13x, 14x), a line's revenue code is one for which CMS requires a HCPCS code (laboratory, radiology, imaging, therapy, emergency, clinic, cardiology and other services with HCPCS codes; drugs requiring detailed coding, 0636), and the line has none.", "16", "M20", source: "Pub. 100-04 ch. 4 §20.5");

        /// <summary>UB012: a therapy line lacks the discipline modifier that matches it.</summary>
        public static RuleDescriptor TherapyModifier { get; } = new("UB012", RuleFamily.Institutional, "Therapy line without its discipline modifier", Severity.Error, Disposition.ReturnToProvider,
            "A physical, occupational or speech-language therapy line lacks the modifier of its discipline: revenue code 042x needs GP, 043x GO, 044x GN, and a code CMS lists as always therapy needs one of them, on any claim.", "4", "N519", source: "Pub. 100-04 ch. 5 §20.1");

        /// <summary>UB013: a diagnosis of an inpatient acute care bill lacks its present-on-admission indicator.</summary>
        public static RuleDescriptor PresentOnAdmission { get; } = new("UB013", RuleFamily.Institutional, "Present-on-admission indicator missing", Severity.Error, Disposition.ReturnToProvider,
            "A diagnosis of an inpatient acute care hospital bill (11x) has no present-on-admission indicator (Y, N, U or W), or is marked exempt (1) although its code is not on the exempt list; codes on the exempt list need none.", "16", "MA130", source: "Pub. 100-04 ch. 3 §20.2.3 and ch. 25 §75.5, form locator 67; ICD-10-CM Official Guidelines, Appendix I; 837I HI-xx-9");

        /// <summary>UB014: a condition, occurrence, occurrence span or value code lacks its date, span or amount.</summary>
        public static RuleDescriptor IncompleteNubcCode { get; } = new("UB014", RuleFamily.Institutional, "Occurrence or value code incomplete", Severity.Error, Disposition.ReturnToProvider,
            "An occurrence code has no date, an occurrence span code has no from or through date or they are reversed, or a value code has no amount.", "16", "MA130", source: "UB-04 form locators 31–36 and 39–41; 837I HI qualifiers BH, BI and BE; Pub. 100-04 ch. 25 §75.3");

        /// <summary>UB015: a condition or value code is reported twice.</summary>
        public static RuleDescriptor DuplicateNubcCode { get; } = new("UB015", RuleFamily.Institutional, "Condition or value code reported twice", Severity.Warning, Disposition.ReturnToProvider,
            "A condition code or value code appears twice on the bill; each is reported once.", "16", "MA130", source: "UB-04 form locators 18–28 and 39–41; Pub. 100-04 ch. 25 §75.2 and §75.3");

        /// <summary>UB016: a condition code is on a type of bill it does not belong to.</summary>
        public static RuleDescriptor ConditionCodeBillType { get; } = new("UB016", RuleFamily.Institutional, "Condition code not allowed on the type of bill", Severity.Error, Disposition.ReturnToProvider,
            "A condition code is on a type of bill it cannot be: 44 (inpatient admission changed to outpatient) only on an outpatient bill (13x, 85x) (Pub. 100-04 ch. 1 §50.3.2), 41 (partial hospitalization) only on a hospital outpatient or community mental health center bill (13x, 76x).", "16", "MA130", source: "Pub. 100-04 ch. 4 §260.1");

        /// <summary>Gets the institutional structure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            MissingTypeOfBill, InvalidTypeOfBill, TypeOfBillSettingMismatch, FrequencyStatusMismatch, StatementPeriodInvalid, LineOutsideStatementPeriod,
            MissingAdmission, InvalidAdmission, MissingDischargeStatus, InvalidRevenueCode, RevenueCodeNeedsHcpcs, TherapyModifier, PresentOnAdmission,
            IncompleteNubcCode, DuplicateNubcCode, ConditionCodeBillType,
        ];
    }
}
