using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Claim structure rules (<c>CLM</c>): required elements, dates, units, charges, NPIs, duplicates.</summary>
    public static class Claims
    {
        /// <summary>CLM001: an element of the claim could not be read, so the claim was not scrubbed.</summary>
        public static RuleDescriptor UnreadableElement { get; } = new("CLM001", RuleFamily.Claim, "Unreadable claim element", Severity.Error, Disposition.ClaimRejection,
            "An element of the claim is malformed (not a code, date or number of the expected form), so the claim cannot be scrubbed or processed.", "16", "MA130");

        /// <summary>CLM002: a required element is missing.</summary>
        public static RuleDescriptor MissingRequiredElement { get; } = new("CLM002", RuleFamily.Claim, "Missing required element", Severity.Error, Disposition.ClaimRejection,
            "A required element (claim id, patient birth date or sex, billing NPI, place of service, a diagnosis, a line, a line's procedure code or date of service) is missing.", "16", "MA130");

        /// <summary>CLM003: a line's from date is after its to date.</summary>
        public static RuleDescriptor ServiceDatesReversed { get; } = new("CLM003", RuleFamily.Claim, "Service dates reversed", Severity.Error, Disposition.ReturnToProvider,
            "A service line's from date is after its to date.", "16", "M59");

        /// <summary>CLM004: a date of service is in the future.</summary>
        public static RuleDescriptor ServiceDateInFuture { get; } = new("CLM004", RuleFamily.Claim, "Date of service in the future", Severity.Error, Disposition.ReturnToProvider,
            "A date of service (or discharge) is after today: services cannot be billed before they are rendered.", "16", "M59");

        /// <summary>CLM005: a date of service is before the patient's birth.</summary>
        public static RuleDescriptor ServiceDateBeforeBirth { get; } = new("CLM005", RuleFamily.Claim, "Date of service before birth", Severity.Error, Disposition.ReturnToProvider,
            "A date of service is before the patient's date of birth.", "16", "MA130");

        /// <summary>CLM006: a line's units are zero or negative.</summary>
        public static RuleDescriptor UnitsNotPositive { get; } = new("CLM006", RuleFamily.Claim, "Units not positive", Severity.Error, Disposition.ReturnToProvider,
            "A service line's units of service are zero or negative.", "16", "M53");

        /// <summary>CLM007: a line's charge is negative.</summary>
        public static RuleDescriptor NegativeCharge { get; } = new("CLM007", RuleFamily.Claim, "Negative charge", Severity.Error, Disposition.ReturnToProvider,
            "A service line's charge is negative.", "16", "M79");

        /// <summary>CLM008: an NPI fails its check digit.</summary>
        public static RuleDescriptor InvalidNpi { get; } = new("CLM008", RuleFamily.Claim, "Invalid NPI check digit", Severity.Error, Disposition.ClaimRejection,
            "A billing or rendering NPI's tenth digit is not the Luhn check digit of the first nine (with prefix 80840), so the NPI cannot exist.", "16", "N257");

        /// <summary>CLM009: more diagnoses than the claim form carries.</summary>
        public static RuleDescriptor TooManyDiagnoses { get; } = new("CLM009", RuleFamily.Claim, "Too many diagnoses", Severity.Error, Disposition.ReturnToProvider,
            "The claim lists more diagnoses than an 837 carries: more than 25 (the 837I's principal and 24 others), and then the claim is not scrubbed further; or, on a professional claim, more than the 12 of the 837P and CMS-1500.", "16", "M76");

        /// <summary>CLM010: two service lines are exact duplicates.</summary>
        public static RuleDescriptor DuplicateLine { get; } = new("CLM010", RuleFamily.Claim, "Duplicate service line", Severity.Warning, Disposition.LineDenial,
            "Two service lines bill the same procedure, modifiers, dates of service, place of service and rendering provider.", "18");

        /// <summary>CLM011: the claim frequency code is not one the claim form allows.</summary>
        public static RuleDescriptor InvalidFrequencyCode { get; } = new("CLM011", RuleFamily.Claim, "Invalid claim frequency code", Severity.Error, Disposition.ClaimRejection,
            "The claim frequency code is not a single digit that the claim form allows (1 original, 6 corrected, 7 replacement, 8 void, and for institutional claims 0 and 2-5 as well).", "16", "MA130");

        /// <summary>CLM012: the claim has more service lines than the claim form carries.</summary>
        public static RuleDescriptor TooManyLines { get; } = new("CLM012", RuleFamily.Claim, "Too many service lines", Severity.Error, Disposition.ClaimRejection,
            "The claim has more service lines than an 837 carries: more than 999 (the 837I's loop 2400 maximum), and then the claim is not scrubbed further; or, on a professional claim, more than the 50 of the 837P.", "16", "MA130");

        /// <summary>CLM013: a number or the claim id is beyond what its 837 element carries; the claim is not scrubbed further.</summary>
        public static RuleDescriptor ValueBeyondLimit { get; } = new("CLM013", RuleFamily.Claim, "Value beyond the 837's limits", Severity.Error, Disposition.ClaimRejection,
            "A line's units (more than 8 digits before the decimal point or 3 after), a line's charge (more than 8 digits before the decimal point or 2 after) or the claim id (more than 38 characters) cannot be carried by its 837 element (SV1-04/SV2-05, SV1-02/SV2-03, CLM01); the claim is not scrubbed further.", "16", "MA130");

        /// <summary>Gets the claim structure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            UnreadableElement, MissingRequiredElement, ServiceDatesReversed, ServiceDateInFuture, ServiceDateBeforeBirth,
            UnitsNotPositive, NegativeCharge, InvalidNpi, TooManyDiagnoses, DuplicateLine, InvalidFrequencyCode, TooManyLines, ValueBeyondLimit,
        ];
    }
}
