using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>The service lines: 2400 (LX, SV1/SV2, DTP, REF), 2410 (LIN, CTP) and 2420 (line providers).</summary>
internal sealed partial class X12ClaimParser
{
    private void OnLine()
    {
        loop = ClaimLoop.Line;
        var n = ++claim.LineCount;
        if (n > ClaimLimits.MaxServiceLines)
        {
            if (n == ClaimLimits.MaxServiceLines + 1)
            {
                ClaimError(ElementRef.Line(n), null, string.Create(CultureInfo.InvariantCulture, $"the claim has more than {ClaimLimits.MaxServiceLines} service lines; no 837 carries more."), n);
            }

            return;
        }

        claim.AddLine();
        claim.Mark(X12Role.Line, position, n);
    }

    private void OnService(int tag)
    {
        if (!InLine)
        {
            ClaimError("claim", "2400 " + (tag == Sv1 ? "SV1" : "SV2"), "a service line segment before the first LX.");
            return;
        }

        var n = claim.LineCount;
        if (claim.CurrentLine is not { } line)
        {
            return;
        }

        var professional = form == X12Form.Professional;
        if ((tag == Sv1) != professional)
        {
            ClaimError(ElementRef.Line(n), "2400 " + (tag == Sv1 ? "SV1" : "SV2"), professional
                ? "SV2 is the institutional service line; this transaction set is an 837P, whose lines are SV1."
                : "SV1 is the professional service line; this transaction set is an 837I, whose lines are SV2.", n);
            return;
        }

        loop = ClaimLoop.Line;
        if (!LineOnce(line, X12Role.LineService))
        {
            return;
        }

        claim.Mark(X12Role.LineService, position, n);
        line.HasService = true;
        if (professional)
        {
            ReadProcedure(line, reader.Element(1), n, "SV1-01");
            line.Charge = ReadAmount(reader.Element(2), ElementRef.Line(n, "charge"), n, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals);
            var basis = reader.Element(3);
            var quantity = reader.Element(4);
            if (basis.SequenceEqual("MJ"u8))
            {
                if (!quantity.IsEmpty)
                {
                    if (X12Values.TryInt(quantity, out var minutes) && minutes >= 0)
                    {
                        line.AnesthesiaMinutes = minutes;
                    }
                    else
                    {
                        ClaimError(ElementRef.Line(n, "anesthesiaMinutes"), null, "anesthesia time (unit basis MJ) is not a whole number of minutes.", n);
                    }
                }
            }
            else
            {
                if (!basis.IsEmpty && !basis.SequenceEqual("UN"u8))
                {
                    ClaimError(ElementRef.Line(n, "units"), "2400 SV1-03", $"unit basis '{X12Values.Echo(basis)}' is not UN (units) or MJ (anesthesia minutes).", n);
                }

                line.Units = ReadAmount(quantity, ElementRef.Line(n, "units"), n, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
            }

            var place = reader.Element(5);
            if (!place.IsEmpty)
            {
                line.PlaceOfService = ReadCode<PlaceOfServiceCode>(place, PlaceOfServiceCode.TryParse, PlaceOfServiceCode.FormatProblem, ElementRef.Line(n, "placeOfService"), n);
            }

            ReadPointers(line, reader.Element(7), n);
        }
        else
        {
            line.RevenueCode = Text(1);
            ReadProcedure(line, reader.Element(2), n, "SV2-02");
            line.Charge = ReadAmount(reader.Element(3), ElementRef.Line(n, "charge"), n, ClaimLimits.MaxCharge, ClaimLimits.MaxChargeDecimals);
            var basis = reader.Element(4);
            if (!basis.IsEmpty && !basis.SequenceEqual("UN"u8) && !basis.SequenceEqual("DA"u8))
            {
                ClaimError(ElementRef.Line(n, "units"), "2400 SV2-04", $"unit basis '{X12Values.Echo(basis)}' is not UN (units) or DA (days).", n);
            }

            line.Units = ReadAmount(reader.Element(5), ElementRef.Line(n, "units"), n, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
        }
    }

    /// <summary>SV1-01 / SV2-02: HC, the HCPCS code, up to four modifiers (and a description, not kept).</summary>
    private void ReadProcedure(X12LineBuilder line, ReadOnlySpan<byte> composite, int n, string element)
    {
        if (composite.IsEmpty)
        {
            return;
        }

        var separator = reader.Delimiters.Component;
        var path = ElementRef.Line(n, "procedureCode");
        if (X12Values.ForeignSeparator(composite, separator) is var foreign and not 0)
        {
            ClaimError(path, "2400 " + element, ForeignSeparatorMessage(foreign), n);
            return;
        }

        var parts = new X12Components(composite, separator, stackalloc Range[8]);
        var qualifier = parts[1];
        if (!qualifier.SequenceEqual("HC"u8))
        {
            ClaimError(path, "2400 " + element + "-1", $"qualifier '{X12Values.Echo(qualifier)}' is not HC: only HCPCS/CPT procedure codes are read.", n);
            return;
        }

        var code = parts[2];
        if (!code.IsEmpty)
        {
            line.ProcedureCode = ReadCode<ProcedureCode>(code, ProcedureCode.TryParse, ProcedureCode.FormatProblem, path, n);
        }

        var blank = 0;
        for (var m = 1; m <= ClaimLimits.MaxModifiersPerLine; m++)
        {
            var modifier = parts[m + 2];
            if (modifier.IsEmpty)
            {
                blank = blank == 0 ? m : blank;
                continue;
            }

            if (blank != 0)
            {
                // A gap would shift every modifier after it.
                ClaimError(ElementRef.Line(n, "modifiers", blank), null, "the modifier is empty, and a modifier follows it.", n);
                return;
            }

            if (ReadCode<ModifierCode>(modifier, ModifierCode.TryParse, ModifierCode.FormatProblem, ElementRef.Line(n, "modifiers", m), n) is { } code2)
            {
                line.Modifiers.Add(code2);
            }
        }
    }

    private void ReadPointers(X12LineBuilder line, ReadOnlySpan<byte> composite, int n)
    {
        if (composite.IsEmpty)
        {
            return;
        }

        var separator = reader.Delimiters.Component;
        var count = X12Values.ComponentCount(composite, separator);
        if (count > ClaimElements.MaxLineListEntries)
        {
            ClaimError(ElementRef.Line(n, "diagnosisPointers", ClaimElements.MaxLineListEntries + 1), null, string.Create(CultureInfo.InvariantCulture, $"the line has {count} diagnosis pointers; more than {ClaimElements.MaxLineListEntries} cannot be a claim's."), n);
            return;
        }

        var rest = composite;
        for (var p = 1; p <= count; p++)
        {
            var cut = rest.IndexOf(separator);
            var pointer = cut < 0 ? rest : rest[..cut];
            rest = cut < 0 ? default : rest[(cut + 1)..];
            if (X12Values.TryInt(pointer, out var value))
            {
                line.DiagnosisPointers.Add(value);
            }
            else
            {
                ClaimError(ElementRef.Line(n, "diagnosisPointers", p), null, pointer.IsEmpty ? "the diagnosis pointer is empty." : "the diagnosis pointer is not a whole number.", n);
            }
        }
    }

    private void OnDrug()
    {
        if (!InLine || claim.CurrentLine is not { } line)
        {
            if (!InLine)
            {
                ClaimError("claim", "2410 LIN", "drug identification (LIN) before the first LX.");
            }

            return;
        }

        var n = claim.LineCount;
        if (!LineOnce(line, X12Role.Drug))
        {
            return;
        }

        loop = ClaimLoop.LineDrug;
        claim.Mark(X12Role.Drug, position, n);
        var path = ElementRef.Line(n, "drug.ndc");
        if (!ElementIs(2, "N4"u8))
        {
            ClaimError(path, "2410 LIN-02", $"qualifier '{X12Values.Echo(reader.Element(2))}' is not N4 (an NDC in the 5-4-2 form).", n);
            return;
        }

        var code = reader.Element(3);
        if (code.IsEmpty)
        {
            ClaimError(path, null, "the drug's NDC is empty.", n);
            return;
        }

        line.HasDrug = true;
        line.Ndc = ReadCode<NationalDrugCode>(code, NationalDrugCode.TryParse, NationalDrugCode.FormatProblem, path, n);
    }

    private void OnDrugQuantity()
    {
        if (loop != ClaimLoop.LineDrug || claim.CurrentLine is not { } line || !LineOnce(line, X12Role.DrugQuantity))
        {
            return;
        }

        var n = claim.LineCount;
        claim.Mark(X12Role.DrugQuantity, position, n);
        var quantity = reader.Element(4);
        if (!quantity.IsEmpty)
        {
            line.DrugQuantity = ReadAmount(quantity, ElementRef.Line(n, "drug.quantity"), n, ClaimLimits.MaxUnits, ClaimLimits.MaxUnitsDecimals);
        }

        var unit = X12Values.Component(reader.Element(5), reader.Delimiters.Component, 1);
        if (unit.IsEmpty)
        {
            return;
        }

        DrugUnit? parsed = unit.Length != 2 ? null : (unit[0], unit[1]) switch
        {
            ((byte)'F', (byte)'2') => DrugUnit.InternationalUnit,
            ((byte)'G', (byte)'R') => DrugUnit.Gram,
            ((byte)'M', (byte)'E') => DrugUnit.Milligram,
            ((byte)'M', (byte)'L') => DrugUnit.Milliliter,
            ((byte)'U', (byte)'N') => DrugUnit.Unit,
            _ => null,
        };
        if (parsed is null)
        {
            ClaimError(ElementRef.Line(n, "drug.unit"), null, $"'{X12Values.Echo(unit)}' is not a drug unit: expected F2, GR, ME, ML or UN.", n);
        }

        line.DrugUnit = parsed;
    }
}
