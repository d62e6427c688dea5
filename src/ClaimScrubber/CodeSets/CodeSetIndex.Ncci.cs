using ClaimScrubber.CodeSets.Ncci;

namespace ClaimScrubber;

public sealed partial class CodeSetIndex
{
    /// <summary>Gets the NCCI procedure-to-procedure tables, or <see langword="null"/> when none is loaded.</summary>
    internal PtpTables? Ptp => Table<PtpTables>();

    /// <summary>Gets the NCCI medically unlikely edit tables, or <see langword="null"/> when none is loaded.</summary>
    internal MueTables? Mue => Table<MueTables>();

    /// <summary>Gets the NCCI add-on code tables, or <see langword="null"/> when none is loaded.</summary>
    internal AddOnCodeTables? AddOnCodes => Table<AddOnCodeTables>();
}
