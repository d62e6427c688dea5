using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.Serialization;
using Hl7.Fhir.Model;
using FhirClaim = Hl7.Fhir.Model.Claim;
using ModelClaim = ClaimScrubber.Claim;

namespace ClaimScrubber.Fhir.Reading;

/// <summary>
/// Maps one FHIR R4 <c>Claim</c> onto the claim model, collecting an error with the element's FHIRPath for every element
/// that cannot be read, so that the claim is either whole or unreadable with every reason (docs/fhir-mapping.md).
/// </summary>
internal sealed class ClaimMapper
{
    private readonly FhirClaim source;
    private readonly string root;
    private readonly ReferenceResolver resolver;
    private readonly List<ClaimElementError> errors;

    // Claim.diagnosis.sequence → the diagnosis's 1-based place in ModelClaim.Diagnoses, for the items' pointers.
    private readonly Dictionary<int, int> diagnosisBySequence = [];
    private readonly HashSet<int> unreadableDiagnoses = [];
    private readonly Dictionary<int, (string Role, Npi Npi)> careTeamBySequence = [];

    private ClaimMapper(FhirClaim source, string root, ReferenceResolver resolver, IEnumerable<ClaimElementError> deserializationErrors)
    {
        this.source = source;
        this.root = root;
        this.resolver = resolver;
        errors = [.. deserializationErrors];
    }

    /// <summary>Maps <paramref name="claim"/>, found at <paramref name="root"/> (<c>Claim</c>, or <c>Bundle.entry[2].resource</c>).</summary>
    /// <remarks>
    /// The FHIR deserializer's errors inside the claim are <paramref name="deserializationErrors"/>; those in a Bundle
    /// entry (<paramref name="errorsOfEntry"/>) become the claim's when it refers to the entry.
    /// </remarks>
    public static ClaimReadResult Map(FhirClaim claim, string root, int ordinal, ReferenceResolver resolver, IEnumerable<ClaimElementError> deserializationErrors, Func<int, IEnumerable<ClaimElementError>> errorsOfEntry)
    {
        resolver.BeginClaim();
        var mapper = new ClaimMapper(claim, root, resolver, deserializationErrors);
        var mapped = mapper.Map();

        // A Patient, Practitioner or Coverage the claim refers to that could not be read leaves the claim unreadable too.
        foreach (var entry in resolver.EntriesUsed.Order())
        {
            mapper.errors.AddRange(errorsOfEntry(entry));
        }

        // A fault both the deserializer and the mapping saw is one fault: the mapping's words, said first, are kept.
        var faults = mapper.errors.DistinctBy(e => e.Element).ToList();
        mapper.errors.Clear();
        mapper.errors.AddRange(faults);

        var id = ClaimIdOf(claim);
        return mapper.errors.Count > 0 || mapped is null
            ? ClaimReadResult.Unreadable(id, mapper.errors, ordinal)
            : ClaimReadResult.Read(mapped, ordinal);
    }

    /// <summary>The claim's business identifier, else its resource id; <see langword="null"/> when it has neither.</summary>
    internal static string? ClaimIdOf(FhirClaim claim) =>
        claim.Identifier.Select(i => i.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? (string.IsNullOrWhiteSpace(claim.Id) ? null : claim.Id);

    private ModelClaim? Map()
    {
        var header = ReadInstitutionalHeader();
        var setting = ReadSetting(header.TypeOfBill);
        ReadCareTeam();
        var diagnoses = ReadDiagnoses();
        var lines = ReadItems(out var placeOfService);
        var patient = ReadPatient();
        var billing = ProviderNpi(source.Provider, "provider");
        var (coverage, otherCoverages, priorAuthorization) = ReadInsurance();
        if (errors.Count > 0)
        {
            return null;
        }

        return new ModelClaim
        {
            ClaimId = ClaimIdOf(source) ?? string.Empty,
            Setting = setting,
            Patient = patient,
            BillingNpi = billing,
            RenderingNpi = CareTeamNpi("rendering", "primary", "performing"),
            AttendingNpi = CareTeamNpi("attending"),
            OperatingNpi = CareTeamNpi("operating"),
            ReferringNpi = CareTeamNpi("referring"),
            SupervisingNpi = CareTeamNpi("supervisor"),
            PlaceOfService = placeOfService,
            FrequencyCode = header.FrequencyCode ?? (source.Status == FinancialResourceStatusCodes.Cancelled ? "8" : "1"),
            TypeOfBill = header.TypeOfBill,
            AdmissionDate = header.AdmissionDate,
            DischargeDate = header.DischargeDate,
            AdmissionType = header.AdmissionType,
            AdmissionSource = header.AdmissionSource,
            DischargeStatus = header.DischargeStatus,
            StatementFrom = Date(source.BillablePeriod?.Start, "billablePeriod.start", null),
            StatementThrough = Date(source.BillablePeriod?.End, "billablePeriod.end", null),
            Diagnoses = diagnoses.Principal,
            PresentOnAdmission = diagnoses.PresentOnAdmission,
            AdmittingDiagnosis = diagnoses.Admitting,
            ReasonForVisitDiagnoses = diagnoses.ReasonForVisit,
            ExternalCauseDiagnoses = diagnoses.ExternalCause,
            PcsProcedures = ReadProcedures(),
            Lines = lines,
            Coverage = coverage,
            OtherCoverages = otherCoverages,
            PriorAuthorization = priorAuthorization,
        };
    }

    private ClaimSetting ReadSetting(TypeOfBill? typeOfBill)
    {
        var type = Code(source.Type, FhirSystems.ClaimType);
        switch (type)
        {
            case "professional":
                return ClaimSetting.Professional;
            case "institutional" when typeOfBill is { } bill:
                return bill.Setting;
            case "institutional":
                Error("supportingInfo", null, "An institutional claim needs its type of bill (a supportingInfo of category 'typeofbill') to know its setting.");
                return ClaimSetting.OtherInstitutional;
            case null:
                Error("type", null, $"The claim type is missing; give a coding of {FhirSystems.ClaimType} (professional or institutional).");
                return ClaimSetting.Professional;
            default:
                Error("type", null, $"'{type}' claims are not scrubbed: only professional and institutional claims.", type);
                return ClaimSetting.Professional;
        }
    }

    private InstitutionalHeader ReadInstitutionalHeader()
    {
        var header = new InstitutionalHeader();
        for (var i = 0; i < source.SupportingInfo.Count; i++)
        {
            var info = source.SupportingInfo[i];
            var path = $"supportingInfo[{i}]";
            var category = info.Category?.Coding.FirstOrDefault()?.Code;
            var code = info.Code?.Coding.FirstOrDefault()?.Code?.Trim();
            switch (category)
            {
                case "typeofbill":
                    ReadTypeOfBill(code, path + ".code", header);
                    break;
                case "admissionperiod":
                    if (info.Timing is Period period)
                    {
                        header.AdmissionDate = Date(period.Start, path + ".timing.start", null);
                        header.DischargeDate = Date(period.End, path + ".timing.end", null);
                    }
                    else
                    {
                        Error(path + ".timing", null, "The admission period is a timingPeriod (start: admission, end: discharge).");
                    }

                    break;
                case "admtype":
                    header.AdmissionType = code;
                    break;
                case "pointoforigin":
                    header.AdmissionSource = code;
                    break;
                case "discharge-status":
                    if (DischargeStatus.TryParse(code, out var status))
                    {
                        header.DischargeStatus = status;
                    }
                    else
                    {
                        ParseError(DischargeStatus.Parse, code, path + ".code", null);
                    }

                    break;
            }
        }

        return header;
    }

    private void ReadTypeOfBill(string? code, string path, InstitutionalHeader header)
    {
        // The UB-04 form locator 4 form: a leading zero, facility, classification, frequency (0131).
        var digits = code?.TrimStart('0');
        if (digits is { Length: 3 } && TypeOfBill.TryParse(digits[..2], out var bill) && char.IsAsciiDigit(digits[2]))
        {
            header.TypeOfBill = bill;
            header.FrequencyCode = digits[2..];
        }
        else
        {
            Error(path, null, "The type of bill is four digits as on the UB-04, such as 0131: a leading zero, the facility, the classification and the frequency.", code);
        }
    }

    private void ReadCareTeam()
    {
        for (var i = 0; i < source.CareTeam.Count; i++)
        {
            var member = source.CareTeam[i];
            var npi = ProviderNpi(member.Provider, $"careTeam[{i}].provider");
            var role = member.Role?.Coding.FirstOrDefault()?.Code;
            if (member.Sequence is { } sequence && npi is { } found && role is not null)
            {
                careTeamBySequence[sequence] = (role, found);
            }
        }
    }

    private Npi? CareTeamNpi(params string[] roles)
    {
        foreach (var role in roles)
        {
            foreach (var (_, member) in careTeamBySequence.OrderBy(p => p.Key))
            {
                if (member.Role == role)
                {
                    return member.Npi;
                }
            }
        }

        return null;
    }

    private DiagnosisLists ReadDiagnoses()
    {
        var lists = new DiagnosisLists();
        var principal = ImmutableArray.CreateBuilder<IcdCode>();
        var presentOnAdmission = ImmutableArray.CreateBuilder<PresentOnAdmission>();
        var anyPresentOnAdmission = false;
        var reasons = ImmutableArray.CreateBuilder<IcdCode>();
        var externalCauses = ImmutableArray.CreateBuilder<IcdCode>();

        // In sequence order; the principal diagnosis (type 'principal') first.
        var ordered = source.Diagnosis.Select((d, i) => (Diagnosis: d, Index: i))
            .OrderBy(d => d.Diagnosis.Type.Any(t => t.Coding.Any(c => c.Code == "principal")) ? 0 : 1)
            .ThenBy(d => d.Diagnosis.Sequence ?? int.MaxValue);
        foreach (var (diagnosis, i) in ordered)
        {
            var path = $"diagnosis[{i}]";
            if (diagnosis.Diagnosis is not CodeableConcept concept)
            {
                Error(path + ".diagnosis", null, "The diagnosis is given as a reference; give it as diagnosisCodeableConcept with its ICD-10-CM code.");
                continue;
            }

            if (IcdOf(concept, path + ".diagnosisCodeableConcept") is not { } code)
            {
                // Its fault is reported; the lines that point to it need not say so again.
                unreadableDiagnoses.Add(diagnosis.Sequence ?? -1);
                continue;
            }

            var types = diagnosis.Type.SelectMany(t => t.Coding).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            if (types.Contains("admitting"))
            {
                lists.Admitting = code;
            }
            else if (types.Contains("patientreasonforvisit"))
            {
                reasons.Add(code);
            }
            else if (types.Contains("externalcauseofinjury"))
            {
                externalCauses.Add(code);
            }
            else
            {
                principal.Add(code);
                var indicator = ReadPresentOnAdmission(diagnosis.OnAdmission, path + ".onAdmission");
                anyPresentOnAdmission |= indicator != ClaimScrubber.PresentOnAdmission.NotReported;
                presentOnAdmission.Add(indicator);
                if (diagnosis.Sequence is { } sequence)
                {
                    diagnosisBySequence[sequence] = principal.Count;
                }
            }
        }

        lists.Principal = principal.ToImmutable();
        lists.PresentOnAdmission = anyPresentOnAdmission ? presentOnAdmission.ToImmutable() : [];
        lists.ReasonForVisit = reasons.ToImmutable();
        lists.ExternalCause = externalCauses.ToImmutable();
        return lists;
    }

    private PresentOnAdmission ReadPresentOnAdmission(CodeableConcept? concept, string path)
    {
        var code = concept?.Coding.FirstOrDefault()?.Code?.Trim();
        switch (code?.ToUpperInvariant())
        {
            case null or "":
                return ClaimScrubber.PresentOnAdmission.NotReported;
            case "Y":
                return ClaimScrubber.PresentOnAdmission.Yes;
            case "N":
                return ClaimScrubber.PresentOnAdmission.No;
            case "U":
                return ClaimScrubber.PresentOnAdmission.Unknown;
            case "W":
                return ClaimScrubber.PresentOnAdmission.ClinicallyUndetermined;
            case "1":
                return ClaimScrubber.PresentOnAdmission.Exempt;
            default:
                Error(path, null, "The present-on-admission indicator is Y, N, U, W or 1.", code);
                return ClaimScrubber.PresentOnAdmission.NotReported;
        }
    }

    private ImmutableArray<PcsProcedure> ReadProcedures()
    {
        var procedures = ImmutableArray.CreateBuilder<PcsProcedure>();
        var ordered = source.Procedure.Select((p, i) => (Procedure: p, Index: i))
            .OrderBy(p => p.Procedure.Type.Any(t => t.Coding.Any(c => c.Code == "principal")) ? 0 : 1)
            .ThenBy(p => p.Procedure.Sequence ?? int.MaxValue);
        foreach (var (procedure, i) in ordered)
        {
            var path = $"procedure[{i}]";
            if (procedure.Procedure is not CodeableConcept concept)
            {
                Error(path + ".procedure", null, "The procedure is given as a reference; give it as procedureCodeableConcept with its ICD-10-PCS code.");
                continue;
            }

            var coding = concept.Coding.FirstOrDefault(c => c.System == FhirSystems.Icd10Pcs);
            if (coding is null)
            {
                Error(path + ".procedureCodeableConcept", null, $"The procedure has no ICD-10-PCS coding ({FhirSystems.Icd10Pcs}).", concept.Coding.FirstOrDefault()?.Code);
                continue;
            }

            if (!PcsCode.TryParse(coding.Code, out var code))
            {
                ParseError(PcsCode.Parse, coding.Code, path + ".procedureCodeableConcept", null);
                continue;
            }

            procedures.Add(new PcsProcedure { Code = code, Date = Date(procedure.Date, path + ".date", null) });
        }

        return procedures.ToImmutable();
    }

    private ImmutableArray<ServiceLine> ReadItems(out PlaceOfServiceCode? claimPlaceOfService)
    {
        claimPlaceOfService = null;
        var lines = ImmutableArray.CreateBuilder<ServiceLine>();
        var items = source.Item.OrderBy(i => i.Sequence ?? int.MaxValue).ToList();
        for (var n = 1; n <= items.Count; n++)
        {
            var item = items[n - 1];
            var path = $"item[{source.Item.IndexOf(item)}]";
            var procedure = ProcedureOf(item.ProductOrService, path + ".productOrService", n);
            var modifiers = ImmutableArray.CreateBuilder<ModifierCode>();
            for (var m = 0; m < item.Modifier.Count; m++)
            {
                var text = item.Modifier[m].Coding.FirstOrDefault()?.Code;
                if (ModifierCode.TryParse(text, out var modifier))
                {
                    modifiers.Add(modifier);
                }
                else
                {
                    ParseError(ModifierCode.Parse, text, $"{path}.modifier[{m}]", n);
                }
            }

            var pointers = ImmutableArray.CreateBuilder<int>();
            var p = 0;
            foreach (var sequence in item.DiagnosisSequence)
            {
                if (sequence is { } s && diagnosisBySequence.TryGetValue(s, out var pointer))
                {
                    pointers.Add(pointer);
                }
                else if (sequence is not { } unread || !unreadableDiagnoses.Contains(unread))
                {
                    Error($"{path}.diagnosisSequence[{p}]", n, "The diagnosis sequence names no diagnosis of the claim that services can point to.");
                }

                p++;
            }

            PlaceOfServiceCode? placeOfService = null;
            if (item.Location is CodeableConcept location)
            {
                var text = location.Coding.FirstOrDefault()?.Code;
                if (PlaceOfServiceCode.TryParse(text, out var code))
                {
                    placeOfService = code;
                }
                else
                {
                    ParseError(PlaceOfServiceCode.Parse, text, path + ".locationCodeableConcept", n);
                }
            }

            // The claim's place of service is its first line's; a line that differs keeps its own.
            if (n == 1)
            {
                claimPlaceOfService = placeOfService;
            }

            var (from, to) = ServiceDates(item.Serviced, path, n);
            var units = item.Quantity?.Value ?? 1m;
            Npi? rendering = null;
            foreach (var sequence in item.CareTeamSequence)
            {
                if (sequence is { } s && careTeamBySequence.TryGetValue(s, out var member) && member.Role is "rendering" or "primary" or "performing")
                {
                    rendering = member.Npi;
                }
            }

            lines.Add(new ServiceLine
            {
                ProcedureCode = procedure,
                Modifiers = modifiers.ToImmutable(),
                Units = units,
                Charge = item.Net?.Value ?? (item.UnitPrice?.Value * units) ?? 0m,
                ServiceDate = from,
                ServiceDateTo = to,
                PlaceOfService = placeOfService == claimPlaceOfService ? null : placeOfService,
                DiagnosisPointers = pointers.ToImmutable(),
                RenderingNpi = rendering == CareTeamNpi("rendering", "primary", "performing") ? null : rendering,
                RevenueCode = item.Revenue?.Coding.FirstOrDefault()?.Code?.Trim(),
                Drug = DrugOf(item, path, n),
            });
        }

        return lines.ToImmutable();
    }

    private (DateOnly? From, DateOnly? To) ServiceDates(DataType? serviced, string path, int line) => serviced switch
    {
        Date date => (Date(date.Value, path + ".servicedDate", line), null),
        Period period => (Date(period.Start, path + ".servicedPeriod.start", line), Date(period.End, path + ".servicedPeriod.end", line)),
        _ => (null, null),
    };

    private DrugIdentification? DrugOf(Hl7.Fhir.Model.Claim.ItemComponent item, string path, int line)
    {
        for (var d = 0; d < item.Detail.Count; d++)
        {
            var detail = item.Detail[d];
            var ndc = detail.ProductOrService?.Coding.FirstOrDefault(c => c.System == FhirSystems.Ndc);
            if (ndc is null)
            {
                continue;
            }

            if (!NationalDrugCode.TryParse(ndc.Code, out var code))
            {
                ParseError(NationalDrugCode.Parse, ndc.Code, $"{path}.detail[{d}].productOrService", line);
                return null;
            }

            DrugUnit? unit = (detail.Quantity?.Code ?? detail.Quantity?.Unit)?.Trim() switch
            {
                null or "" => null,
                "UN" or "{unit}" or "1" => DrugUnit.Unit,
                "ML" or "mL" => DrugUnit.Milliliter,
                "GR" or "g" => DrugUnit.Gram,
                "ME" or "mg" => DrugUnit.Milligram,
                "F2" or "[iU]" or "[IU]" => DrugUnit.InternationalUnit,
                var other => UnknownUnit(other, $"{path}.detail[{d}].quantity", line),
            };
            return new DrugIdentification { Ndc = code, Quantity = detail.Quantity?.Value, Unit = unit };
        }

        return null;
    }

    private DrugUnit? UnknownUnit(string unit, string path, int line)
    {
        Error(path, line, "The drug quantity's unit is UN, ML, GR, ME or F2 (NCPDP), or the UCUM {unit}, mL, g, mg or [iU].", unit);
        return null;
    }

    private Patient ReadPatient()
    {
        if (resolver.Resolve(source.Patient, source, root) is not (Hl7.Fhir.Model.Patient patient, { } patientPath))
        {
            return new Patient();
        }

        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            _ => Sex.Unknown,
        };

        // The Patient's own element, where it sits (in the Bundle or contained), so that it is named once.
        return new Patient { BirthDate = DateAt(patient.BirthDate, patientPath + ".birthDate", null), Sex = sex };
    }

    private (Coverage Coverage, ImmutableArray<Coverage> Others, string? PriorAuthorization) ReadInsurance()
    {
        Coverage? focal = null;
        var others = ImmutableArray.CreateBuilder<Coverage>();
        string? priorAuthorization = null;
        foreach (var insurance in source.Insurance.OrderBy(i => i.Sequence ?? int.MaxValue))
        {
            var resolved = resolver.Resolve(insurance.Coverage, source) as Hl7.Fhir.Model.Coverage;
            var payer = resolved?.Payor.Select(p => resolver.Resolve(p, source) as Organization).FirstOrDefault(o => o is not null);
            var coverage = new Coverage
            {
                ResponsibilitySequence = insurance.Sequence switch { 1 => "P", 2 => "S", 3 => "T", _ => null },
                MemberId = resolved?.SubscriberId,
                PayerId = payer?.Identifier.FirstOrDefault()?.Value ?? resolved?.Payor.FirstOrDefault()?.Identifier?.Value,
                PayerName = payer?.Name,
                ClaimFilingIndicator = resolved?.Type?.Coding.FirstOrDefault(c => c.System == FhirSystems.ClaimFilingIndicator)?.Code,
            };
            if (insurance.Focal == true && focal is null)
            {
                focal = coverage;
                priorAuthorization = insurance.PreAuthRef.FirstOrDefault();
            }
            else
            {
                others.Add(coverage);
            }
        }

        return (focal ?? new Coverage(), others.ToImmutable(), priorAuthorization);
    }

    private IcdCode? IcdOf(CodeableConcept concept, string path)
    {
        var coding = concept.Coding.FirstOrDefault(c => c.System == FhirSystems.Icd10Cm);
        if (coding is null)
        {
            var other = concept.Coding.FirstOrDefault();
            Error(path, null, other?.System == FhirSystems.Icd9Cm
                ? "The diagnosis is coded in ICD-9-CM, which no claim for services since October 2015 may use; code it in ICD-10-CM."
                : $"The diagnosis has no ICD-10-CM coding ({FhirSystems.Icd10Cm}).", other?.Code);
            return null;
        }

        if (IcdCode.TryParse(coding.Code, out var code))
        {
            return code;
        }

        ParseError(IcdCode.Parse, coding.Code, path, null);
        return null;
    }

    private ProcedureCode? ProcedureOf(CodeableConcept? concept, string path, int line)
    {
        // An institutional line may bill a revenue code alone: its service is then absent (data-absent-reason).
        if (concept is null || concept.Coding.Count == 0 || concept.Coding.All(c => c.System == FhirSystems.DataAbsentReason))
        {
            return null;
        }

        var coding = concept.Coding.FirstOrDefault(c => FhirSystems.Procedures.Contains(c.System ?? string.Empty));
        if (coding is null)
        {
            Error(path, line, "The service has no CPT or HCPCS coding.", concept.Coding[0].Code);
            return null;
        }

        if (ProcedureCode.TryParse(coding.Code, out var code))
        {
            return code;
        }

        ParseError(ProcedureCode.Parse, coding.Code, path, line);
        return null;
    }

    /// <summary>The NPI of a referenced practitioner or organization, or of the reference's own identifier.</summary>
    private Npi? ProviderNpi(ResourceReference? reference, string path)
    {
        if (reference is null)
        {
            return null;
        }

        var identifiers = resolver.Resolve(reference, source) switch
        {
            Practitioner practitioner => practitioner.Identifier,
            Organization organization => organization.Identifier,
            PractitionerRole role => [.. role.Identifier, .. (resolver.Resolve(role.Practitioner, source) as Practitioner)?.Identifier ?? []],
            _ => reference.Identifier is { } own ? [own] : [],
        };
        var text = identifiers.FirstOrDefault(i => i.System == FhirSystems.Npi)?.Value;
        if (text is null)
        {
            return null;
        }

        if (Npi.TryParse(text, out var npi))
        {
            return npi;
        }

        ParseError(Npi.Parse, text, path, null);
        return null;
    }

    /// <summary>A FHIR date; a partial date (1950, 1950-04) is not a date of service or of birth. The text is not echoed: dates are patient data.</summary>
    private DateOnly? Date(string? text, string path, int? line) => DateAt(text, $"{root}.{path}", line);

    private DateOnly? DateAt(string? text, string fullPath, int? line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A dateTime's date part is the date; its time is of no edit's concern.
        var datePart = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
        if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new ClaimElementError(fullPath, "The date is not a full date written yyyy-MM-dd.", line));
        return null;
    }

    private static string? Code(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system)?.Code ?? concept?.Coding.FirstOrDefault()?.Code;

    private void ParseError<T>(Func<string, T> parse, string? text, string path, int? line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(path, line, "The code is missing.");
            return;
        }

        try
        {
            parse(text);
            Error(path, line, "The code cannot be read.", text.Trim());
        }
        catch (FormatException ex)
        {
            Error(path, line, ex.Message, text.Trim());
        }
    }

    private void Error(string relativePath, int? line, string message, string? code = null) =>
        errors.Add(new ClaimElementError($"{root}.{relativePath}", message, line, null, code));

    private sealed class InstitutionalHeader
    {
        public TypeOfBill? TypeOfBill { get; set; }

        public string? FrequencyCode { get; set; }

        public DateOnly? AdmissionDate { get; set; }

        public DateOnly? DischargeDate { get; set; }

        public string? AdmissionType { get; set; }

        public string? AdmissionSource { get; set; }

        public DischargeStatus? DischargeStatus { get; set; }
    }

    private sealed class DiagnosisLists
    {
        public ImmutableArray<IcdCode> Principal { get; set; } = [];

        public ImmutableArray<PresentOnAdmission> PresentOnAdmission { get; set; } = [];

        public IcdCode? Admitting { get; set; }

        public ImmutableArray<IcdCode> ReasonForVisit { get; set; } = [];

        public ImmutableArray<IcdCode> ExternalCause { get; set; } = [];
    }
}
