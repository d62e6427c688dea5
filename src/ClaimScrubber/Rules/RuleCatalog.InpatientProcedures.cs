using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// ICD-10-PCS procedures of inpatient claims (<c>PCS001</c>–<c>PCS099</c>): their validity on the discharge date and the
    /// procedure and claim edits of CMS's Medicare Code Editor (see <c>docs/mce-mapping.md</c>).
    /// </summary>
    public static class InpatientProcedures
    {
        /// <summary>PCS001 (MCE edit 1): a procedure is in no loaded ICD-10-PCS code set.</summary>
        public static RuleDescriptor Unknown { get; } = new("PCS001", RuleFamily.InpatientProcedure, "Unknown ICD-10-PCS code", Severity.Error, Disposition.ReturnToProvider,
            "A procedure is not an ICD-10-PCS code of any loaded fiscal year's order file (a typo, or a code that never existed).", "16", "M67", source: "MCE edit 1; Pub. 100-04 ch. 3 §20.2.1");

        /// <summary>PCS002 (MCE edit 1): a procedure is not valid in the discharge date's fiscal year.</summary>
        public static RuleDescriptor NotValidOnDate { get; } = new("PCS002", RuleFamily.InpatientProcedure, "ICD-10-PCS code not valid on the discharge date", Severity.Error, Disposition.ReturnToProvider,
            "A procedure is an ICD-10-PCS code of another fiscal year, not of the one the discharge date falls in: it was deleted, or is not yet effective.", "181", "M67", source: "MCE edit 1");

        /// <summary>PCS003: a claim that is not an inpatient bill reports ICD-10-PCS procedures.</summary>
        public static RuleDescriptor NotInpatient { get; } = new("PCS003", RuleFamily.InpatientProcedure, "ICD-10-PCS procedures on a non-inpatient claim", Severity.Warning, Disposition.ReturnToProvider,
            "A claim that is not an inpatient bill reports ICD-10-PCS procedures; outpatient and professional services are reported with HCPCS/CPT codes on the lines.", "16", "M67", source: "837I HI qualifiers BBR and BBQ are for inpatient claims; Pub. 100-04 ch. 25 §75.5");

        /// <summary>PCS010 (MCE edit 11): a procedure Medicare does not pay for, in the claim's circumstances.</summary>
        public static RuleDescriptor NonCovered { get; } = new("PCS010", RuleFamily.InpatientProcedure, "Non-covered procedure", Severity.Error, Disposition.ReturnToProvider,
            "The procedure is on an MCE non-covered list in the circumstances its section states: always (11A), a pancreas transplant without a kidney transplant or a listed diabetes diagnosis (11B), with a listed diagnosis (11D, 11G), over an age (11F).", "96", "N425", source: "MCE edit 11; Pub. 100-04 ch. 3 §20.2.1");

        /// <summary>PCS011 (MCE edit 17): a procedure of limited coverage.</summary>
        public static RuleDescriptor LimitedCoverage { get; } = new("PCS011", RuleFamily.InpatientProcedure, "Limited coverage procedure", Severity.Warning, Disposition.Informational,
            "The procedure is on the MCE limited coverage list (transplants, heart assist devices): Medicare limits its coverage to a portion of the cost and the claim is reviewed.", source: "MCE edit 17");

        /// <summary>PCS012 (MCE edit 8B): a delivery procedure without an outcome-of-delivery diagnosis.</summary>
        public static RuleDescriptor QuestionableObstetricAdmission { get; } = new("PCS012", RuleFamily.InpatientProcedure, "Questionable obstetric admission", Severity.Warning, Disposition.ReturnToProvider,
            "A cesarean or vaginal delivery procedure is billed without a secondary diagnosis of the outcome of delivery (Z37.-).", "16", "M76", source: "MCE edit 8B");

        /// <summary>PCS013 (MCE edit 5): a procedure for the other sex, before 2024-10-01.</summary>
        public static RuleDescriptor SexConflict { get; } = new("PCS013", RuleFamily.InpatientProcedure, "Procedure conflicts with sex", Severity.Error, Disposition.ReturnToProvider,
            "The procedure can only be performed on the other sex (female or male reproductive system, obstetrics, products of conception, male or female perineum) than the patient's.", "7", source: "MCE edit 5, which CMS deactivated for discharges from 2024-10-01");

        /// <summary>PCS014 (MCE edit 19): a procedure the length of stay cannot hold.</summary>
        public static RuleDescriptor InconsistentWithStay { get; } = new("PCS014", RuleFamily.InpatientProcedure, "Procedure inconsistent with length of stay", Severity.Error, Disposition.ReturnToProvider,
            "The procedure (respiratory ventilation over 96 consecutive hours, 5A1955Z) needs a longer stay than the admission and discharge dates give.", "16", "M67", source: "MCE edit 19");

        /// <summary>PCS020 (MCE edit 14): the patient's age is outside the range the MCE accepts.</summary>
        public static RuleDescriptor InvalidAge { get; } = new("PCS020", RuleFamily.InpatientProcedure, "Invalid age", Severity.Error, Disposition.ReturnToProvider,
            "The patient's age on the discharge date, from the birth date, is not between 0 and 124 years, so the birth date or a date of the stay is wrong.", "16", "N329", source: "MCE edit 14");

        /// <summary>PCS021 (MCE edit 16): the discharge status is not valid on the discharge date.</summary>
        public static RuleDescriptor InvalidDischargeStatus { get; } = new("PCS021", RuleFamily.InpatientProcedure, "Invalid discharge status", Severity.Error, Disposition.ReturnToProvider,
            "The patient discharge status of an inpatient bill is not a UB-04 status the MCE accepts on the discharge date.", "16", "MA43", source: "MCE edit 16");

        /// <summary>Gets the inpatient procedure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            Unknown, NotValidOnDate, NotInpatient, NonCovered, LimitedCoverage, QuestionableObstetricAdmission, SexConflict, InconsistentWithStay,
            InvalidAge, InvalidDischargeStatus,
        ];
    }
}
