using ClaimScrubber.Internal;

namespace ClaimScrubber.CodeSets.FeeSchedule;

/// <summary>
/// Classifies a procedure code from the code alone, without allocating, as <see cref="ProcedureClass"/> defines the
/// classes (CPT E/M section 99202–99499; Pathology and Laboratory 80047–89398 and PLA codes, four digits then U), so that
/// rules without the fee schedule loaded, or reading a code the file lacks, still know an E/M service or a lab test.
/// </summary>
internal static class ProcedureClasses
{
    private const int Bits = CodeAlphabet.BitsPerChar;
    private const uint Mask = (1u << Bits) - 1;

    /// <summary>Returns the code's class.</summary>
    public static ProcedureClass Of(ProcedureCode code)
    {
        var value = code.Value;
        var number = 0;
        for (var position = 0; position < 4; position++)
        {
            var digit = (int)((value >> (Bits * (4 - position))) & Mask) - 1;
            if ((uint)digit > 9)
            {
                return ProcedureClass.None;
            }

            number = (number * 10) + digit;
        }

        var last = (int)(value & Mask);
        if (last == CodeAlphabet.Encode('U'))
        {
            return ProcedureClass.LaboratoryTest;
        }

        var lastDigit = last - 1;
        if ((uint)lastDigit > 9)
        {
            return ProcedureClass.None;
        }

        return ((number * 10) + lastDigit) switch
        {
            >= 99202 and <= 99499 => ProcedureClass.EvaluationAndManagement,
            >= 80047 and <= 89398 => ProcedureClass.LaboratoryTest,
            _ => ProcedureClass.None,
        };
    }

    /// <summary>Tells whether the code is a CPT Category II code (four digits then F: performance measurement, billed at 0.00).</summary>
    public static bool IsCategoryTwo(ProcedureCode code) => IsFourDigitsThen(code, 'F');

    /// <summary>Tells whether the code is a multianalyte assay with algorithmic analyses (four digits then M), priced on the clinical lab fee schedule.</summary>
    public static bool IsMultianalyteAssay(ProcedureCode code) => IsFourDigitsThen(code, 'M');

    /// <summary>Tells whether the code is an E/M service (CPT 99202–99499).</summary>
    public static bool IsEvaluationAndManagement(ProcedureCode code) => (Of(code) & ProcedureClass.EvaluationAndManagement) != 0;

    /// <summary>Tells whether the code is a clinical laboratory test (CPT 80047–89398 or a PLA code).</summary>
    public static bool IsLaboratoryTest(ProcedureCode code) => (Of(code) & ProcedureClass.LaboratoryTest) != 0;

    /// <summary>
    /// Tells whether the code is an office or other outpatient E/M visit (CPT 99202–99205, 99211–99215), the visits the
    /// G2211 complexity add-on goes with.
    /// </summary>
    public static bool IsOfficeVisit(ProcedureCode code)
    {
        if (!IsEvaluationAndManagement(code))
        {
            return false;
        }

        var last = (int)(code.Value & Mask) - 1;
        var tens = (int)((code.Value >> Bits) & Mask) - 1;
        var hundreds = (int)((code.Value >> (2 * Bits)) & Mask) - 1;
        return hundreds == 2 && ((tens == 0 && last is >= 2 and <= 5) || (tens == 1 && last is >= 1 and <= 5));
    }

    private static bool IsFourDigitsThen(ProcedureCode code, char letter)
    {
        var value = code.Value;
        for (var position = 1; position <= 4; position++)
        {
            if ((uint)((int)((value >> (Bits * position)) & Mask) - 1) > 9)
            {
                return false;
            }
        }

        return (value & Mask) == (uint)CodeAlphabet.Encode(letter);
    }
}
