using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.Scrubbing;
using L = ClaimScrubber.Rules.RuleCatalog.DiagnosisLinkage;
using M = ClaimScrubber.Rules.RuleCatalog.Modifiers;
using R = ClaimScrubber.Rules.RuleCatalog.Claims;

namespace ClaimScrubber.Rules.Claims;

/// <summary>
/// The documented limits of one claim (<see cref="ClaimLimits"/>: what an 837 can carry), checked by the scrubber before
/// any rule: a claim beyond one is reported (CLM009, CLM012, CLM013, MOD004, LNK014, whatever the options) and not
/// scrubbed further, so that neither the work nor the findings of one claim grow without bound.
/// </summary>
/// <remarks>
/// Sources: ASC X12N 005010X222A1 (837P) and 005010X223A2 (837I): loop 2400 repeats at most 999 times (837I), HI carries
/// at most 25 diagnoses (837I), SV1-01/SV2-02 at most 4 modifiers, SV1-07 at most 4 pointers, quantities R10.3 and
/// amounts R10.2, CLM01 at most 38 characters. The form limits of a professional claim within these (12 diagnoses, 50
/// lines) are ordinary findings of <see cref="ClaimStructureRules"/>.
/// </remarks>
internal static class ClaimLimitRules
{
    /// <summary>Gets the rules only this check reports (CLM009 and CLM012 are declared by <see cref="ClaimStructureRules"/>).</summary>
    public static ImmutableArray<RuleDescriptor> Descriptors { get; } = [R.ValueBeyondLimit, M.TooManyModifiers, L.TooManyPointers];

    /// <summary>Tells whether the claim is within every limit, reporting each one it exceeds.</summary>
    public static bool Check(ScrubContext context)
    {
        var claim = context.Claim;
        var lines = claim.Lines.AsSpan();
        var within = claim.Diagnoses.Length <= ClaimLimits.MaxDiagnoses && lines.Length <= ClaimLimits.MaxServiceLines
            && (claim.ClaimId?.Length ?? 0) <= ClaimLimits.MaxClaimIdLength;
        foreach (var line in lines)
        {
            within &= line.Modifiers.Length <= ClaimLimits.MaxModifiersPerLine && line.DiagnosisPointers.Length <= ClaimLimits.MaxDiagnosisPointersPerLine
                && IsWithin(line.Units, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals) && IsWithin(line.Charge, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals);
        }

        if (!within)
        {
            Report(context, claim);
        }

        return within;
    }

    /// <summary>Tells whether a number fits its 837 element: at most <paramref name="max"/> in size and <paramref name="decimals"/> digits after the point (trailing zeros do not count).</summary>
    internal static bool IsWithin(decimal value, decimal max, int decimals) =>
        value <= max && value >= -max && (value.Scale <= decimals || decimal.Round(value, decimals) == value);

    private static void Report(ScrubContext context, Claim claim)
    {
        var culture = CultureInfo.InvariantCulture;
        if (claim.ClaimId is { Length: > ClaimLimits.MaxClaimIdLength } id)
        {
            context.ReportAlways(R.ValueBeyondLimit, null, "claimId",
                string.Create(culture, $"The claim id has {id.Length} characters; the 837 carries at most {ClaimLimits.MaxClaimIdLength} (CLM01). The claim was not scrubbed further."),
                "Give the claim a patient control number of at most 38 characters and scrub it again.");
        }

        if (claim.Diagnoses.Length > ClaimLimits.MaxDiagnoses)
        {
            context.ReportAlways(R.TooManyDiagnoses, null, ElementPath.Diagnosis(ClaimLimits.MaxDiagnoses + 1),
                string.Create(culture, $"The claim lists {claim.Diagnoses.Length} diagnoses; an 837 carries at most {ClaimLimits.MaxDiagnoses} (HI: the principal and 24 others). The claim was not scrubbed further."),
                "Keep the diagnoses that the services point to and that describe the encounter, or split the claim, and scrub it again.");
        }

        var lines = claim.Lines;
        if (lines.Length > ClaimLimits.MaxServiceLines)
        {
            context.ReportAlways(R.TooManyLines, null, ElementPath.Line(ClaimLimits.MaxServiceLines + 1),
                string.Create(culture, $"The claim has {lines.Length} service lines; an 837 carries at most {ClaimLimits.MaxServiceLines} (loop 2400). The claim was not scrubbed further."),
                "Split the services across several claims and scrub each.");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Modifiers.Length > ClaimLimits.MaxModifiersPerLine)
            {
                context.ReportAlways(M.TooManyModifiers, number, ElementPath.LineModifier(number, ClaimLimits.MaxModifiersPerLine + 1),
                    string.Create(culture, $"The line carries {line.Modifiers.Length} modifiers; the claim form has room for {ClaimLimits.MaxModifiersPerLine}. The claim was not scrubbed further."),
                    "Keep the four that affect payment (pricing modifiers such as 26, TC, 50 first), or report modifier 99 and list the others in the line note, as the payer allows.",
                    [.. line.Modifiers.Take(10).Select(m => m.ToString())]);
            }

            if (line.DiagnosisPointers.Length > ClaimLimits.MaxDiagnosisPointersPerLine)
            {
                context.ReportAlways(L.TooManyPointers, number, ElementPath.LinePointer(number, ClaimLimits.MaxDiagnosisPointersPerLine + 1),
                    string.Create(culture, $"The line carries {line.DiagnosisPointers.Length} diagnosis pointers; a claim line holds at most {ClaimLimits.MaxDiagnosisPointersPerLine}. The claim was not scrubbed further."),
                    "Keep the four diagnoses that best support the service, the primary reason first; the others stay on the claim for other lines.");
            }

            if (!IsWithin(line.Units, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals))
            {
                context.ReportAlways(R.ValueBeyondLimit, number, ElementPath.LineMember(number, "units"),
                    "The line's units are beyond what an 837 quantity carries (at most 8 digits before the decimal point and 3 after, SV1-04/SV2-05). The claim was not scrubbed further.",
                    "Correct the units of service (a mistyped or pasted number) and scrub the claim again.", rarc: "M53");
            }

            if (!IsWithin(line.Charge, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals))
            {
                context.ReportAlways(R.ValueBeyondLimit, number, ElementPath.LineMember(number, "charge"),
                    "The line's charge is beyond what an 837 amount carries (at most 8 digits before the decimal point and 2 after, SV1-02/SV2-03). The claim was not scrubbed further.",
                    "Correct the line charge and scrub the claim again.", rarc: "M79");
            }
        }
    }
}
