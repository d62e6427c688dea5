using System.Globalization;

namespace ClaimScrubber.Serialization.X12;

/// <summary>The 2300 HI segments: diagnoses with present-on-admission indicators, PCS procedures, condition, occurrence, span and value codes.</summary>
internal sealed partial class X12ClaimParser
{
    private void OnHealthCareCodes()
    {
        var separator = reader.Delimiters.Component;
        Span<Range> ranges = stackalloc Range[9];
        for (var e = 1; e <= reader.ElementCount; e++)
        {
            var composite = reader.Element(e);
            if (composite.IsEmpty)
            {
                continue;
            }

            var parts = new X12Components(composite, separator, ranges);
            var qualifier = parts[1];
            var code = parts[2];
            if (qualifier.Length > 3 && X12Values.ForeignSeparator(composite, separator) is var foreign and not 0)
            {
                ClaimError("claim", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}"), ForeignSeparatorMessage(foreign));
                continue;
            }

            OnHealthCareCode(e, parts, qualifier, code);
        }
    }

    private void OnHealthCareCode(int e, scoped in X12Components parts, ReadOnlySpan<byte> qualifier, ReadOnlySpan<byte> code)
    {
        var q = qualifier.Length switch
        {
            2 => qualifier[0] << 8 | qualifier[1],
            3 => qualifier[0] << 16 | qualifier[1] << 8 | qualifier[2],
            _ => 0,
        };
        switch (q)
        {
            case 'A' << 16 | 'B' << 8 | 'K':
                if (claim.Principal is not null)
                {
                    ClaimError("diagnoses[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "a second principal diagnosis (ABK); the claim has one.");
                    return;
                }

                claim.Mark(X12Role.Diagnosis, position, item: 1, element: e);
                if (Diagnosis(code, "diagnoses[1]", e) is { } principal)
                {
                    claim.Principal = principal;
                    claim.PrincipalPresentOnAdmission = ReadPresentOnAdmission(parts, "presentOnAdmission[1]", e);
                }

                return;
            case 'A' << 16 | 'B' << 8 | 'F':
                {
                    if (claim.Principal is null)
                    {
                        if (OnceAt(X12Role.Diagnosis, e))
                        {
                            ClaimError("diagnoses[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "another diagnosis (ABF) comes before the principal diagnosis (ABK), which must come first.");
                        }

                        return;
                    }

                    var n = claim.DiagnosisCount + 1;
                    if (!WithinLimit(n, ClaimLimits.MaxDiagnoses, "diagnoses", e))
                    {
                        return;
                    }

                    var path = ElementRef.Item("diagnoses", n);
                    claim.Mark(X12Role.Diagnosis, position, item: n, element: e);
                    if (Diagnosis(code, path, e) is { } other)
                    {
                        claim.OtherDiagnoses.Add(other);
                        claim.OtherPresentOnAdmission.Add(ReadPresentOnAdmission(parts, ElementRef.Item("presentOnAdmission", n), e));
                    }

                    return;
                }

            case 'A' << 16 | 'B' << 8 | 'J':
                if (OnceAt(X12Role.AdmittingDiagnosis, e))
                {
                    claim.Mark(X12Role.AdmittingDiagnosis, position, item: 1, element: e);
                    claim.AdmittingDiagnosis = Diagnosis(code, "admittingDiagnosis", e);
                }

                return;
            case 'A' << 16 | 'P' << 8 | 'R':
                ListDiagnosis(claim.ReasonForVisit, null, X12Role.ReasonForVisit, ClaimLimits.MaxReasonForVisitDiagnoses, "reasonForVisitDiagnoses", null, parts, code, e);
                return;
            case 'A' << 16 | 'B' << 8 | 'N':
                ListDiagnosis(claim.ExternalCauses, claim.ExternalCausePresentOnAdmission, X12Role.ExternalCause, ClaimLimits.MaxExternalCauseDiagnoses, "externalCauseDiagnoses", "externalCausePresentOnAdmission", parts, code, e);
                return;
            case 'B' << 16 | 'B' << 8 | 'R':
            case 'B' << 16 | 'B' << 8 | 'Q':
                Procedure(q == ('B' << 16 | 'B' << 8 | 'R'), parts, code, e);
                return;
            case 'B' << 8 | 'G':
                {
                    var n = claim.ConditionCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxConditionCodes, "conditionCodes", e) && Marked(X12Role.ConditionCode, n, e) && Nubc(code, ElementRef.Item("conditionCodes", n, null), e) is { } condition)
                    {
                        claim.ConditionCodes.Add(condition);
                    }

                    return;
                }

            case 'B' << 8 | 'H':
                {
                    var n = claim.OccurrenceCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxOccurrenceCodes, "occurrenceCodes", e) && Marked(X12Role.OccurrenceCode, n, e) && Nubc(code, ElementRef.Item("occurrenceCodes", n, "code"), e) is { } occurrence)
                    {
                        var dated = HiDate(parts, ElementRef.Item("occurrenceCodes", n, "date"), e, range: false, out var date, out _);
                        claim.OccurrenceCodes.Add(new OccurrenceCode { Code = occurrence, Date = dated ? date : null });
                    }

                    return;
                }

            case 'B' << 8 | 'I':
                {
                    var n = claim.OccurrenceSpanCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxOccurrenceSpanCodes, "occurrenceSpanCodes", e) && Marked(X12Role.OccurrenceSpanCode, n, e) && Nubc(code, ElementRef.Item("occurrenceSpanCodes", n, "code"), e) is { } span)
                    {
                        var dated = HiDate(parts, ElementRef.Item("occurrenceSpanCodes", n, "from"), e, range: true, out var from, out var through);
                        claim.OccurrenceSpanCodes.Add(new OccurrenceSpanCode { Code = span, From = dated ? from : null, Through = dated ? through : null });
                    }

                    return;
                }

            case 'B' << 8 | 'E':
                {
                    var n = claim.ValueCodes.Count + 1;
                    if (WithinLimit(n, ClaimLimits.MaxValueCodes, "valueCodes", e) && Marked(X12Role.ValueCode, n, e) && Nubc(code, ElementRef.Item("valueCodes", n, "code"), e) is { } value)
                    {
                        var amount = parts[5];
                        claim.ValueCodes.Add(new ValueCode
                        {
                            Code = value,
                            Amount = amount.IsEmpty ? null : ReadAmount(amount, ElementRef.Item("valueCodes", n, "amount"), null, X12ClaimCheck.MaxAmount, 2, e),
                        });
                    }

                    return;
                }

            case 'B' << 8 | 'K':
            case 'B' << 8 | 'F':
            case 'B' << 8 | 'J':
            case 'P' << 8 | 'R':
            case 'B' << 8 | 'N':
            case 'B' << 8 | 'R':
            case 'B' << 8 | 'Q':
                IcdNine(q, e);
                return;
            case 'D' << 8 | 'R':
            case 'T' << 8 | 'C':
            case 'B' << 8 | 'P':
            case 'B' << 8 | 'O':
            case 'C' << 16 | 'A' << 8 | 'H':
            case 'B' << 8 | 'Z':
                // DRG, treatment codes, HCPCS principal/other procedures, ABC codes: not carried by the claim model.
                return;
            default:
                ClaimError("claim", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), $"qualifier '{X12Values.Echo(qualifier)}' is not a code list the 837 uses in HI (ABK, ABF, ABJ, APR, ABN, BBR, BBQ, BG, BH, BI, BE…).");
                return;
        }
    }

    /// <summary>Records where list item <paramref name="n"/> of <paramref name="role"/> is, before it is read, so that its errors and findings locate alike.</summary>
    private bool Marked(X12Role role, int n, int e)
    {
        claim.Mark(role, position, item: n, element: e);
        return true;
    }

    private bool OnceAt(X12Role role, int e)
    {
        var bit = 1UL << (int)role;
        if ((claim.Seen & bit) != 0)
        {
            ClaimError("claim", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "the code repeats; the claim carries one.");
            return false;
        }

        claim.Seen |= bit;
        return true;
    }

    private bool WithinLimit(int n, int max, string list, int e)
    {
        if (n <= max)
        {
            return true;
        }

        // Items beyond the limit are not kept, so n stays at max + 1: the list is reported once.
        var bit = 1UL << (int)RoleOf(list);
        if ((claim.Overflowed & bit) == 0)
        {
            claim.Overflowed |= bit;
            ClaimError(ElementRef.Item(list, n, null), null, string.Create(CultureInfo.InvariantCulture, $"the claim has more than {max} {Words(list)}; no 837 carries more."), hiElement: e);
        }

        return false;
    }

    private static X12Role RoleOf(string list) => list switch
    {
        "diagnoses" => X12Role.Diagnosis,
        "reasonForVisitDiagnoses" => X12Role.ReasonForVisit,
        "externalCauseDiagnoses" => X12Role.ExternalCause,
        "pcsProcedures" => X12Role.PcsProcedure,
        "conditionCodes" => X12Role.ConditionCode,
        "occurrenceCodes" => X12Role.OccurrenceCode,
        "occurrenceSpanCodes" => X12Role.OccurrenceSpanCode,
        _ => X12Role.ValueCode,
    };

    private static string Words(string list) => list switch
    {
        "diagnoses" => "diagnoses",
        "reasonForVisitDiagnoses" => "reason-for-visit diagnoses",
        "externalCauseDiagnoses" => "external cause diagnoses",
        "pcsProcedures" => "ICD-10-PCS procedures",
        "conditionCodes" => "condition codes",
        "occurrenceCodes" => "occurrence codes",
        "occurrenceSpanCodes" => "occurrence span codes",
        _ => "value codes",
    };

    private void ListDiagnosis(List<IcdCode> codes, List<PresentOnAdmission>? indicators, X12Role role, int max, string list, string? indicatorList, scoped in X12Components parts, ReadOnlySpan<byte> code, int e)
    {
        var n = codes.Count + 1;
        if (!WithinLimit(n, max, list, e))
        {
            return;
        }

        claim.Mark(role, position, item: n, element: e);
        if (Diagnosis(code, ElementRef.Item(list, n, null), e) is not { } diagnosis)
        {
            return;
        }

        codes.Add(diagnosis);
        indicators?.Add(ReadPresentOnAdmission(parts, ElementRef.Item(indicatorList!, n, null), e));
    }

    private IcdCode? Diagnosis(ReadOnlySpan<byte> code, ElementRef path, int e)
    {
        if (code.IsEmpty)
        {
            ClaimError(path, null, "the diagnosis code is empty.", hiElement: e);
            return null;
        }

        return ReadCode<IcdCode>(code, IcdCode.TryParse, IcdCode.FormatProblem, path, null, e);
    }

    private NubcCode? Nubc(ReadOnlySpan<byte> code, ElementRef path, int e)
    {
        if (code.IsEmpty)
        {
            ClaimError(path, null, "the code is empty.", hiElement: e);
            return null;
        }

        return ReadCode<NubcCode>(code, NubcCode.TryParse, NubcCode.FormatProblem, path, null, e);
    }

    private void Procedure(bool principal, scoped in X12Components parts, ReadOnlySpan<byte> code, int e)
    {
        if (principal && (claim.PrincipalProcedure is not null || claim.OtherProcedures.Count > 0))
        {
            ClaimError("pcsProcedures[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "a second principal procedure (BBR), or one after the other procedures; the claim has one, first.");
            return;
        }

        if (!principal && claim.PrincipalProcedure is null)
        {
            ClaimError("pcsProcedures[1]", string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"), "another procedure (BBQ) before the principal procedure (BBR), which must come first.");
            return;
        }

        var n = principal ? 1 : claim.OtherProcedures.Count + 2;
        if (!WithinLimit(n, ClaimLimits.MaxPcsProcedures, "pcsProcedures", e))
        {
            return;
        }

        claim.Mark(X12Role.PcsProcedure, position, item: n, element: e);
        if (code.IsEmpty)
        {
            ClaimError(ElementRef.Item("pcsProcedures", n, "code"), null, "the procedure code is empty.", hiElement: e);
            return;
        }

        if (ReadCode<PcsCode>(code, PcsCode.TryParse, PcsCode.FormatProblem, ElementRef.Item("pcsProcedures", n, "code"), null, e) is not { } pcs)
        {
            return;
        }

        var dated = HiDate(parts, ElementRef.Item("pcsProcedures", n, "date"), e, range: false, out var date, out _);
        var procedure = new PcsProcedure { Code = pcs, Date = dated ? date : null };
        if (principal)
        {
            claim.PrincipalProcedure = procedure;
        }
        else
        {
            claim.OtherProcedures.Add(procedure);
        }
    }

    private void IcdNine(int qualifier, int e)
    {
        var (path, modern) = qualifier switch
        {
            'B' << 8 | 'K' => ("diagnoses[1]", "ABK"),
            'B' << 8 | 'F' => (ElementRef.Item("diagnoses", claim.DiagnosisCount + 1), "ABF"),
            'B' << 8 | 'J' => ("admittingDiagnosis", "ABJ"),
            'P' << 8 | 'R' => (ElementRef.Item("reasonForVisitDiagnoses", claim.ReasonForVisit.Count + 1, null), "APR"),
            'B' << 8 | 'N' => (ElementRef.Item("externalCauseDiagnoses", claim.ExternalCauses.Count + 1, null), "ABN"),
            'B' << 8 | 'R' => ("pcsProcedures[1].code", "BBR"),
            _ => (ElementRef.Item("pcsProcedures", claim.OtherProcedures.Count + 2, "code"), "BBQ"),
        };
        var old = modern[1..];
        var kind = modern is "BBR" or "BBQ" ? "ICD-9-CM procedure" : "ICD-9-CM diagnosis";
        ClaimError(path, string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-1"),
            $"qualifier {old} marks an {kind} code, the wrong code set for claims of services from 2015-10-01 on: report the ICD-10 code with qualifier {modern}.");
    }

    private PresentOnAdmission ReadPresentOnAdmission(scoped in X12Components parts, ElementRef path, int e)
    {
        var value = parts[9];
        if (value.IsEmpty)
        {
            return PresentOnAdmission.NotReported;
        }

        if (value.Length == 1)
        {
            switch (value[0])
            {
                case (byte)'Y':
                    return PresentOnAdmission.Yes;
                case (byte)'N':
                    return PresentOnAdmission.No;
                case (byte)'U':
                    return PresentOnAdmission.Unknown;
                case (byte)'W':
                    return PresentOnAdmission.ClinicallyUndetermined;
                case (byte)'1':
                    return PresentOnAdmission.Exempt;
                default:
                    break;
            }
        }

        ClaimError(path, null, $"'{X12Values.Echo(value)}' is not a present-on-admission indicator: expected Y, N, U, W or 1.", hiElement: e);
        return PresentOnAdmission.NotReported;
    }

    /// <summary>HI-xx-3/4: a D8 date or an RD8 range, as the code list asks.</summary>
    private bool HiDate(scoped in X12Components parts, ElementRef path, int e, bool range, out DateOnly from, out DateOnly to)
    {
        from = default;
        to = default;
        var format = parts[3];
        var value = parts[4];
        if (value.IsEmpty)
        {
            return false;
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-4");
        if (range && format.SequenceEqual("RD8"u8))
        {
            if (X12Values.TryDateRange(value, out from, out to))
            {
                return true;
            }

            ClaimError(path, where, "the dates are not a range of calendar dates in the form CCYYMMDD-CCYYMMDD (RD8).");
            return false;
        }

        if (!range && format.SequenceEqual("D8"u8))
        {
            if (X12Values.TryDate(value, out from))
            {
                return true;
            }

            ClaimError(path, where, "the date is not a calendar date in the form CCYYMMDD (D8).");
            return false;
        }

        ClaimError(path, string.Create(CultureInfo.InvariantCulture, $"2300 HI-{e:00}-3"), $"date format '{X12Values.Echo(format)}' is not {(range ? "RD8" : "D8")}.");
        return false;
    }
}
