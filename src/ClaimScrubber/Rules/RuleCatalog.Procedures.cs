using System.Collections.Immutable;

namespace ClaimScrubber.Rules;

public static partial class RuleCatalog
{
    /// <summary>Procedure code rules (<c>PX</c>): whether the code exists and is valid on the date of service.</summary>
    public static class Procedures
    {
        /// <summary>PX001: no loaded table knows the procedure code.</summary>
        public static RuleDescriptor UnknownProcedure { get; } = new("PX001", RuleFamily.Procedure, "Procedure code unknown", Severity.Error, Disposition.ReturnToProvider,
            "No loaded table knows the procedure code. A Level II code is judged against the HCPCS quarterly file (its complete list); a CPT code, which has no public master list, against every loaded table that lists CPT codes (fee schedule, NCCI).", "181", "M51");

        /// <summary>PX002: a HCPCS Level II code is not valid on the date of service.</summary>
        public static RuleDescriptor ProcedureNotActive { get; } = new("PX002", RuleFamily.Procedure, "Procedure code not valid on the date of service", Severity.Error, Disposition.ReturnToProvider,
            "The HCPCS Level II code was added after the date of service or terminated before it (HCPCS file ADD DT and TERM DT).", "181", "N56");

        /// <summary>Gets the procedure rules in id order.</summary>
        public static ImmutableArray<RuleDescriptor> All { get; } = [UnknownProcedure, ProcedureNotActive];
    }
}
