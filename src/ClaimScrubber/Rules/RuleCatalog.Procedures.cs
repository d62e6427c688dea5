using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Procedure code rules (<c>PX</c>): whether the code exists and is valid on the date of service.</summary>
    public static class Procedures
    {
        /// <summary>PX001: no loaded table knows the procedure code.</summary>
        public static RuleDescriptor UnknownProcedure { get; } = new("PX001", RuleFamily.Procedure, "Procedure code unknown", Severity.Error, Disposition.ReturnToProvider,
            "No loaded table knows the procedure code. A Level II code is judged against the HCPCS quarterly file (its complete list); a CPT code, which has no public master list, against every loaded table that lists CPT codes (fee schedule, NCCI).", "181", "M51", source: "HCPCS Level II quarterly file (the complete Level II list); for CPT, every loaded table that lists CPT codes");

        /// <summary>PX002: a HCPCS Level II code is not valid on the date of service.</summary>
        public static RuleDescriptor ProcedureNotActive { get; } = new("PX002", RuleFamily.Procedure, "Procedure code not valid on the date of service", Severity.Error, Disposition.ReturnToProvider,
            "The HCPCS Level II code was added after the date of service or terminated before it (HCPCS file ADD DT and TERM DT).", "181", "N56", source: "HCPCS Level II quarterly file, ADD DT and TERM DT");

        /// <summary>PX003: the HCPCS file says Medicare does not accept the code (coverage code I).</summary>
        public static RuleDescriptor NotValidForMedicare { get; } = new("PX003", RuleFamily.Procedure, "Procedure code not valid for Medicare", Severity.Warning, Disposition.ReturnToProvider,
            "The HCPCS Level II code's coverage code is I: not payable by Medicare, which uses another code for the service (typically a Medicaid or commercial code such as an S, T or H code). Disable for payers that accept it.", "181", "N56", source: "HCPCS Level II quarterly file, coverage code I");

        /// <summary>PX004: a service Medicare does not cover (coverage code M or S) billed without modifier GY.</summary>
        public static RuleDescriptor NonCoveredWithoutGy { get; } = new("PX004", RuleFamily.Procedure, "Non-covered service without GY", Severity.Warning, Disposition.LineDenial,
            "The HCPCS Level II code's coverage code is M (not covered by Medicare) or S (not covered by statute), and the line lacks modifier GY, which tells Medicare the item is excluded so that it denies it with the patient (or a secondary payer) liable.", "96", "N425", source: "HCPCS Level II quarterly file, coverage codes M and S; modifier GY (MCPM Pub. 100-04, ch. 1, §60)");

        /// <summary>Gets the procedure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [UnknownProcedure, ProcedureNotActive, NotValidForMedicare, NonCoveredWithoutGy];
    }
}
