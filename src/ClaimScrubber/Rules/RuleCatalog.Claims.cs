using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Claim structure rules (<c>CLM</c>): required elements, dates, units, charges, NPIs, duplicates.</summary>
    public static class Claims
    {
        /// <summary>CLM001: an element of the claim could not be read, so the claim was not scrubbed.</summary>
        public static RuleDescriptor UnreadableElement { get; } = new("CLM001", RuleFamily.Claim, "Unreadable claim element", Severity.Error, Disposition.ClaimRejection,
            "An element of the claim is malformed (not a code, date or number of the expected form), so the claim cannot be scrubbed or processed.", "16", "MA130", source: "ASC X12N 837P/837I (005010X222A1, 005010X223A2) element formats; docs/json-contract.md");

        /// <summary>CLM002: a required element is missing.</summary>
        public static RuleDescriptor MissingRequiredElement { get; } = new("CLM002", RuleFamily.Claim, "Missing required element", Severity.Error, Disposition.ClaimRejection,
            "A required element (claim id, patient birth date or sex, billing NPI, place of service, a diagnosis, a line, a line's procedure code or date of service) is missing.", "16", "MA130", source: "837P/837I required elements: CLM01, DMG02/DMG03 (loop 2010BA), NM109 (2010AA), CLM05-1, HI, SV1/SV2, DTP*472");

        /// <summary>CLM003: a line's from date is after its to date.</summary>
        public static RuleDescriptor ServiceDatesReversed { get; } = new("CLM003", RuleFamily.Claim, "Service dates reversed", Severity.Error, Disposition.ReturnToProvider,
            "A service line's from date is after its to date.", "16", "M59", source: "837 DTP*472 date range (RD8), from date not after to date; MCPM Pub. 100-04, ch. 26, §10.2 (item 24A)");

        /// <summary>CLM004: a date of service is in the future.</summary>
        public static RuleDescriptor ServiceDateInFuture { get; } = new("CLM004", RuleFamily.Claim, "Date of service in the future", Severity.Error, Disposition.ReturnToProvider,
            "A date of service (or discharge) is after today: services cannot be billed before they are rendered.", "16", "M59", source: "MCPM Pub. 100-04, ch. 1, §70 (a claim bills services furnished); 837 DTP*472");

        /// <summary>CLM005: a date of service is before the patient's birth.</summary>
        public static RuleDescriptor ServiceDateBeforeBirth { get; } = new("CLM005", RuleFamily.Claim, "Date of service before birth", Severity.Error, Disposition.ReturnToProvider,
            "A date of service is before the patient's date of birth.", "16", "MA130", source: "837 DMG02 (birth date) against DTP*472 (a service cannot precede birth)");

        /// <summary>CLM006: a line's units are zero or negative.</summary>
        public static RuleDescriptor UnitsNotPositive { get; } = new("CLM006", RuleFamily.Claim, "Units not positive", Severity.Error, Disposition.ReturnToProvider,
            "A service line's units of service are zero or negative.", "16", "M53", source: "837P SV104 / 837I SV205 units; MCPM Pub. 100-04, ch. 26, §10.2 (item 24G)");

        /// <summary>CLM007: a line's charge is negative.</summary>
        public static RuleDescriptor NegativeCharge { get; } = new("CLM007", RuleFamily.Claim, "Negative charge", Severity.Error, Disposition.ReturnToProvider,
            "A service line's charge is negative.", "16", "M79", source: "837P SV102 / 837I SV203 line charge; MCPM Pub. 100-04, ch. 26, §10.2 (item 24F)");

        /// <summary>CLM008: an NPI fails its check digit.</summary>
        public static RuleDescriptor InvalidNpi { get; } = new("CLM008", RuleFamily.Claim, "Invalid NPI check digit", Severity.Error, Disposition.ClaimRejection,
            "A billing or rendering NPI's tenth digit is not the Luhn check digit of the first nine (with prefix 80840), so the NPI cannot exist.", "16", "N257", source: "NPI standard, 45 CFR 162.406; Luhn check digit with prefix 80840 (ISO/IEC 7812)");

        /// <summary>CLM009: more diagnoses than the claim form carries.</summary>
        public static RuleDescriptor TooManyDiagnoses { get; } = new("CLM009", RuleFamily.Claim, "Too many diagnoses", Severity.Error, Disposition.ReturnToProvider,
            "The claim lists more diagnoses than an 837 carries: more than 25 (the 837I's principal and 24 others), and then the claim is not scrubbed further; or, on a professional claim, more than the 12 of the 837P and CMS-1500.", "16", "M76", source: "837P HI (12 codes; CMS-1500 item 21) and 837I HI (principal and 24 others); ClaimLimits");

        /// <summary>CLM010: two service lines are exact duplicates.</summary>
        public static RuleDescriptor DuplicateLine { get; } = new("CLM010", RuleFamily.Claim, "Duplicate service line", Severity.Warning, Disposition.LineDenial,
            "Two service lines bill the same procedure, modifiers, dates of service, place of service and rendering provider.", "18", source: "CARC 18 (exact duplicate service); CPT repeat modifiers 76, 77 and 91");

        /// <summary>CLM011: the claim frequency code is not one the claim form allows.</summary>
        public static RuleDescriptor InvalidFrequencyCode { get; } = new("CLM011", RuleFamily.Claim, "Invalid claim frequency code", Severity.Error, Disposition.ClaimRejection,
            "The claim frequency code is not a single digit that the claim form allows (1 original, 6 corrected, 7 replacement, 8 void, and for institutional claims 0 and 2-5 as well).", "16", "MA130", source: "837 CLM05-3 claim frequency type code (NUBC type of bill, fourth digit)");

        /// <summary>CLM012: the claim has more service lines than the claim form carries.</summary>
        public static RuleDescriptor TooManyLines { get; } = new("CLM012", RuleFamily.Claim, "Too many service lines", Severity.Error, Disposition.ClaimRejection,
            "The claim has more service lines than an 837 carries: more than 999 (the 837I's loop 2400 maximum), and then the claim is not scrubbed further; or, on a professional claim, more than the 50 of the 837P.", "16", "MA130", source: "837P loop 2400 (50 lines) and 837I loop 2400 (999 lines); ClaimLimits");

        /// <summary>CLM013: a number or the claim id is beyond what its 837 element carries; the claim is not scrubbed further.</summary>
        public static RuleDescriptor ValueBeyondLimit { get; } = new("CLM013", RuleFamily.Claim, "Value beyond the 837's limits", Severity.Error, Disposition.ClaimRejection,
            "A line's units (more than 8 digits before the decimal point or 3 after), a line's charge (more than 8 digits before the decimal point or 2 after) or the claim id (more than 38 characters) cannot be carried by its 837 element (SV1-04/SV2-05, SV1-02/SV2-03, CLM01); the claim is not scrubbed further.", "16", "MA130", source: "837 SV1-04/SV2-05 (quantity R10.3), SV1-02/SV2-03 (amount R10.2), CLM01 (38 characters); ClaimLimits");

        /// <summary>CLM014: a line's charge is 0.00 where Medicare needs the provider's charge.</summary>
        public static RuleDescriptor ZeroCharge { get; } = new("CLM014", RuleFamily.Claim, "Zero line charge", Severity.Error, Disposition.ReturnToProvider,
            "A service line's charge is 0.00: Medicare returns a line without the provider's charge as unprocessable. Quality-data codes (CPT Category II, fee schedule status M) and services reported for information only (status B) are billed at 0.00 and are not reported.", "16", "M79",
            source: "MCPM Pub. 100-04, ch. 26, §10.2 (item 24F: the charge for each service) and 837P SV102 / 837I SV203; CMS quality-data code reporting (0.00 charge)");

        /// <summary>CLM015: the date of service is more than 12 months before the as-of date.</summary>
        public static RuleDescriptor PastTimelyFiling { get; } = new("CLM015", RuleFamily.Claim, "Past the timely filing limit", Severity.Error, Disposition.LineDenial,
            "The date of service is more than one calendar year before the as-of date (ScrubberOptions.AsOfDate, else today): Medicare denies a claim filed later. A professional line counts from its from date, an institutional claim from its through date; a February 29 date of service is due by February 28. Opt-in: the as-of date must be the day the claim is sent, which only the caller knows.", "29", null, enabledByDefault: false,
            source: "42 CFR 424.44(a); MCPM Pub. 100-04, ch. 1, §70 and §70.1 (span dates, February 29)");

        /// <summary>CLM016: the timely filing limit of a date of service ends within a month of the as-of date.</summary>
        public static RuleDescriptor TimelyFilingEndsSoon { get; } = new("CLM016", RuleFamily.Claim, "Timely filing limit within a month", Severity.Warning, Disposition.Informational,
            "The one-year filing limit of a date of service ends within a month of the as-of date: the claim must reach the contractor before it does. Opt-in, with CLM015.", null, null, enabledByDefault: false,
            source: "42 CFR 424.44(a); MCPM Pub. 100-04, ch. 1, §70");

        /// <summary>CLM020: a date of service after the period a loaded table covers.</summary>
        public static RuleDescriptor TableOutOfDate { get; } = new("CLM020", RuleFamily.Claim, "Date of service after a table's period", Severity.Info, Disposition.Informational,
            "A date of service falls after the period the loaded release of a table covers (its effective dates, or its release date plus CMS's cadence: quarterly for NCCI, the fee schedule, HCPCS and the lab NCDs; every October and April for the MCE; yearly for the ICD-10-CM tabular list): the claim was checked against that release, which may miss codes and edits of the later ones. One notice per table and claim; ICD-10-CM order files are reported by DX004. Opt-in: a folder of older tables would put one notice per table on every claim; data-report shows each table's coverage against today.", null, null, enabledByDefault: false,
            source: "The table's release period (TableRelease effective dates) and CMS's release cadence of each table");

        /// <summary>Gets the claim structure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            UnreadableElement, MissingRequiredElement, ServiceDatesReversed, ServiceDateInFuture, ServiceDateBeforeBirth,
            UnitsNotPositive, NegativeCharge, InvalidNpi, TooManyDiagnoses, DuplicateLine, InvalidFrequencyCode, TooManyLines, ValueBeyondLimit,
            ZeroCharge, PastTimelyFiling, TimelyFilingEndsSoon, TableOutOfDate,
        ];
    }
}
