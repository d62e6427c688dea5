using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>
    /// NCCI edits (<c>NCCI</c>): procedure-to-procedure pairs (001–019), medically unlikely edits (020–039) and add-on
    /// codes (040–059). The claim's setting picks the table: professional claims the practitioner tables, outpatient
    /// hospital claims the outpatient hospital tables.
    /// </summary>
    public static class Ncci
    {
        /// <summary>NCCI001: a PTP pair with modifier indicator 0 is billed on the same day; the column 2 code is denied whatever the modifiers.</summary>
        public static RuleDescriptor PtpNoModifierAllowed { get; } = new("NCCI001", RuleFamily.Ncci, "NCCI PTP pair, no modifier allowed", Severity.Error, Disposition.LineDenial,
            "Two codes of an NCCI procedure-to-procedure edit with modifier indicator 0 are billed for the same date of service (and, on a professional claim, the same rendering provider): the column 2 code is denied and no modifier bypasses the edit.", "236", "N20", source: "NCCI PTP edits, modifier indicator 0; NCCI Policy Manual for Medicare Services, chapter I, §E (modifiers and modifier indicators)");

        /// <summary>NCCI002: a PTP pair with modifier indicator 1 is billed on the same day without a modifier that bypasses it.</summary>
        public static RuleDescriptor PtpModifierMissing { get; } = new("NCCI002", RuleFamily.Ncci, "NCCI PTP pair without a bypass modifier", Severity.Error, Disposition.LineDenial,
            "Two codes of an NCCI procedure-to-procedure edit with modifier indicator 1 are billed for the same date of service (and rendering provider) with no NCCI-associated modifier that applies to them: the column 2 code is denied. An E/M service in column 2 needs 25 on its own line (57 when the column 1 code is a major surgery); the fix hint names the modifier that fits the pair.", "236", "N20", source: "NCCI PTP edits, modifier indicator 1; NCCI Policy Manual for Medicare Services, chapter I, §E (modifiers and modifier indicators); chapter XI (E/M services)");

        /// <summary>NCCI003: a modifier that applies to the pair bypasses a PTP edit with modifier indicator 1; reported so that auditors see 59/X{EPSU} use.</summary>
        public static RuleDescriptor PtpBypassedByModifier { get; } = new("NCCI003", RuleFamily.Ncci, "NCCI PTP pair bypassed by a modifier", Severity.Info, Disposition.Informational,
            "A modifier that applies to the pair lets both codes of a procedure-to-procedure edit with modifier indicator 1 be paid: 25 (or 57 with a major surgery) on a column 2 E/M service; 59 or X{EPSU} on a line that is not an E/M service; different anatomic modifiers of one kind on the two lines; 91 on a lab test; 27 on an outpatient hospital claim; 58, 78 or 79 on a code with a global period. The finding names the modifier; the record must document what it asserts. A line another finding says misuses its modifiers (MOD030) gets no such note.", source: "NCCI PTP edits, modifier indicator 1; NCCI Policy Manual for Medicare Services, chapter I, §E (modifiers and modifier indicators); CMS MLN1783722 (59 and X{EPSU})");

        /// <summary>NCCI004: the only NCCI modifiers on a PTP pair cannot apply to it, so they do not bypass the edit.</summary>
        public static RuleDescriptor PtpModifierCannotBypass { get; } = new("NCCI004", RuleFamily.Ncci, "NCCI PTP modifier that cannot bypass the edit", Severity.Error, Disposition.LineDenial,
            "A procedure-to-procedure edit with modifier indicator 1 carries NCCI-associated modifiers that cannot apply to the pair, so the column 2 code is denied: 59 or X{EPSU} on an E/M service, 25 with a major surgery (57 fits), 57 without one (25 fits), 24 on the day of the procedure, the same anatomic modifier on both lines (one site), 91 on a code that is not a lab test, 27 on a professional claim, 58/78/79 on a code without a global period, or 25/57/24 on a procedure.", "236", "N20", source: "NCCI Policy Manual for Medicare Services, chapter I, §E (modifiers and modifier indicators); chapter XI (E/M services); CMS MLN1783722 (59 and X{EPSU})");

        /// <summary>NCCI005: an anatomic modifier on one line of a PTP pair only: it bypasses the edit, rightly only if the other line's service was on another site.</summary>
        public static RuleDescriptor PtpOneSidedAnatomicModifier { get; } = new("NCCI005", RuleFamily.Ncci, "NCCI PTP pair bypassed by an anatomic modifier on one line", Severity.Warning, Disposition.Informational,
            "A procedure-to-procedure edit with modifier indicator 1 is bypassed by an anatomic modifier (LT/RT, a digit, eyelid or coronary artery modifier) on one line while the other line names no site: anatomic modifiers show different sites, so the record must show the other service on another site, and that line should say which.", source: "NCCI Policy Manual for Medicare Services, chapter I, §E (modifiers and modifier indicators) (anatomic modifiers)");

        /// <summary>NCCI020: a line's units exceed the MUE value of a line edit (adjudication indicator 1).</summary>
        public static RuleDescriptor MueLineExceeded { get; } = new("NCCI020", RuleFamily.Ncci, "MUE exceeded on the line", Severity.Error, Disposition.LineDenial,
            "A line's units of service exceed the medically unlikely edit value of its code, which has adjudication indicator 1 (line edit).", "151", "N362", source: "NCCI MUE table, MUE adjudication indicator 1 (line edit)");

        /// <summary>NCCI021: units on a date exceed the MUE value of a policy date-of-service edit (adjudication indicator 2).</summary>
        public static RuleDescriptor MueDatePolicyExceeded { get; } = new("NCCI021", RuleFamily.Ncci, "MUE exceeded on the date (policy)", Severity.Error, Disposition.LineDenial,
            "The units of a code summed over the claim's lines for one date of service exceed its medically unlikely edit value, which has adjudication indicator 2 (date of service edit, policy): an absolute limit, all units on the date are denied.", "151", "N362", source: "NCCI MUE table, MUE adjudication indicator 2 (date of service edit: policy)");

        /// <summary>NCCI022: units on a date exceed the MUE value of a clinical date-of-service edit (adjudication indicator 3).</summary>
        public static RuleDescriptor MueDateClinicalExceeded { get; } = new("NCCI022", RuleFamily.Ncci, "MUE exceeded on the date (clinical)", Severity.Error, Disposition.LineDenial,
            "The units of a code summed over the claim's lines for one date of service exceed its medically unlikely edit value, which has adjudication indicator 3 (date of service edit, clinical): the units are denied, and may be paid on appeal with documentation of medical necessity.", "151", "N362", source: "NCCI MUE table, MUE adjudication indicator 3 (date of service edit: clinical)");

        /// <summary>NCCI023: the code's MUE value is 0: not payable in the setting.</summary>
        public static RuleDescriptor MueNotPayable { get; } = new("NCCI023", RuleFamily.Ncci, "MUE value 0: not payable", Severity.Error, Disposition.LineDenial,
            "The code's medically unlikely edit value is 0 in the claim's setting: no unit of it is payable there.", "151", "N362", source: "NCCI MUE table, MUE value 0");

        /// <summary>NCCI040: a type 1 add-on code is billed without one of its listed primary codes on the same date.</summary>
        public static RuleDescriptor AddOnWithoutPrimary { get; } = new("NCCI040", RuleFamily.Ncci, "Add-on code without its primary", Severity.Error, Disposition.LineDenial,
            "A type 1 add-on code is billed without any of the primary codes the NCCI add-on code table lists for it on the same date of service.", "107", "N122", source: "NCCI add-on code edit table, type 1");

        /// <summary>NCCI041: a type 3 add-on code is billed without a listed primary code on the same date; the contractor may accept others.</summary>
        public static RuleDescriptor AddOnType3WithoutListedPrimary { get; } = new("NCCI041", RuleFamily.Ncci, "Type 3 add-on code without a listed primary", Severity.Warning, Disposition.LineDenial,
            "A type 3 add-on code is billed without any primary code the NCCI table lists for it on the same date of service (or the table lists none); the contractor may accept other primaries, otherwise the add-on is denied.", "107", "N122", source: "NCCI add-on code edit table, type 3");

        /// <summary>NCCI042: a type 2 add-on code: its primaries are defined by each contractor.</summary>
        public static RuleDescriptor AddOnContractorDefined { get; } = new("NCCI042", RuleFamily.Ncci, "Add-on code with contractor-defined primaries", Severity.Info, Disposition.Informational,
            "A type 2 add-on code is billed: NCCI lists no primary codes for it (CCCCC); the Medicare contractor defines which primaries qualify.", source: "NCCI add-on code edit table, type 2");

        /// <summary>NCCI043: an add-on code is billed with no other (primary) service on the same date.</summary>
        public static RuleDescriptor AddOnAlone { get; } = new("NCCI043", RuleFamily.Ncci, "Add-on code billed alone", Severity.Error, Disposition.LineDenial,
            "An add-on code is billed with no other service on its date of service: an add-on code is only payable with a primary procedure.", "107", "N122", source: "NCCI add-on code edit tables; NCCI Policy Manual, chapter I (add-on codes)");

        /// <summary>Gets the NCCI rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } =
        [
            PtpNoModifierAllowed, PtpModifierMissing, PtpBypassedByModifier, PtpModifierCannotBypass, PtpOneSidedAnatomicModifier,
            MueLineExceeded, MueDatePolicyExceeded, MueDateClinicalExceeded, MueNotPayable,
            AddOnWithoutPrimary, AddOnType3WithoutListedPrimary, AddOnContractorDefined, AddOnAlone,
        ];
    }
}
