using System.Collections.Immutable;
using System.Globalization;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.Claims;

namespace ClaimScrubber.Rules.Claims;

/// <summary>Claim structure: required elements, dates, units, charges, NPIs and duplicate lines. Reads no table.</summary>
internal sealed class ClaimStructureRules : IClaimRule
{
    private const int MaxProfessionalLines = 50;

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        R.MissingRequiredElement, R.ServiceDatesReversed, R.ServiceDateInFuture, R.ServiceDateBeforeBirth, R.UnitsNotPositive,
        R.NegativeCharge, R.InvalidNpi, R.TooManyDiagnoses, R.DuplicateLine, R.InvalidFrequencyCode, R.TooManyLines, R.UnreadableElement,
    ];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        CheckClaimElements(context, claim);
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            CheckLine(context, claim, lines[i], i + 1);
        }

        CheckDuplicates(context, claim);
    }

    private static void CheckClaimElements(ScrubContext context, Claim claim)
    {
        var professional = claim.Setting == ClaimSetting.Professional;
        if (string.IsNullOrWhiteSpace(claim.ClaimId))
        {
            Missing(context, null, "claimId", "The claim has no claim id.", "Give every claim the submitter's unique claim identifier (CLM01).");
        }

        if (claim.Patient.BirthDate is null)
        {
            Missing(context, null, "patient.birthDate", "The patient's date of birth is missing.", "Add the patient's date of birth (DMG02).");
        }
        else if (claim.Patient.BirthDate > context.Today)
        {
            context.Report(R.ServiceDateInFuture, null, "patient.birthDate", "The patient's date of birth is after today.", "Correct the patient's date of birth.");
        }

        if (claim.Patient.Sex == Sex.Unknown && claim.Setting == ClaimSetting.Inpatient)
        {
            Missing(context, null, "patient.sex", "The patient's sex is not reported on an inpatient claim.", "Report the patient's sex (DMG03) as F or M.");
        }

        if (claim.BillingNpi is not { } billing)
        {
            Missing(context, null, "billingNpi", "The billing provider NPI is missing.", "Add the billing provider's NPI (2010AA NM109).");
        }
        else if (!billing.HasValidCheckDigit)
        {
            InvalidNpi(context, null, "billingNpi", billing, "billing", "N257");
        }

        if (claim.RenderingNpi is { } rendering && !rendering.HasValidCheckDigit)
        {
            InvalidNpi(context, null, "renderingNpi", rendering, "rendering", "N290");
        }

        if (professional && claim.PlaceOfService is null)
        {
            var anyLineWithout = false;
            foreach (var line in claim.Lines)
            {
                anyLineWithout |= line.PlaceOfService is null;
            }

            if (anyLineWithout || claim.Lines.IsEmpty)
            {
                Missing(context, null, "placeOfService", "The claim has no place of service, and not every line has one of its own.", "Add the place of service (CLM05-1) for the claim or for each line.");
            }
        }

        CheckFrequencyCode(context, claim);

        if (claim.Diagnoses.IsEmpty)
        {
            Missing(context, null, "diagnoses", "The claim has no diagnosis.", "Add at least the principal or first-listed ICD-10-CM diagnosis (HI01-2).");
        }

        // Beyond 25 diagnoses or 999 lines the scrubber stops before any rule (ClaimLimitRules); within them, the 837P and
        // the CMS-1500 carry fewer.
        if (professional && claim.Diagnoses.Length > Claim.MaxProfessionalDiagnoses && context.IsEnabled(R.TooManyDiagnoses))
        {
            context.Report(R.TooManyDiagnoses, null, ElementPath.Diagnosis(Claim.MaxProfessionalDiagnoses + 1),
                string.Create(CultureInfo.InvariantCulture, $"The claim lists {claim.Diagnoses.Length} diagnoses; a professional claim carries at most {Claim.MaxProfessionalDiagnoses}."),
                "Keep the diagnoses that the services point to and that describe the encounter, and drop the rest, or split the claim.");
        }

        if (claim.Lines.IsEmpty)
        {
            Missing(context, null, "lines", "The claim has no service line.", "Add the services rendered as service lines (2400 loop).");
        }

        if (professional && claim.Lines.Length > MaxProfessionalLines && context.IsEnabled(R.TooManyLines))
        {
            context.Report(R.TooManyLines, null, ElementPath.Line(MaxProfessionalLines + 1),
                string.Create(CultureInfo.InvariantCulture, $"The claim has {claim.Lines.Length} service lines; the 837P carries at most {MaxProfessionalLines} on a professional claim."),
                "Split the services across several claims.");
        }

        if (claim.Setting == ClaimSetting.Inpatient && claim.DischargeDate is { } discharge && discharge > context.Today)
        {
            context.Report(R.ServiceDateInFuture, null, "dischargeDate", "The discharge date is after today.", "Bill an inpatient stay after discharge, or correct the discharge date.");
        }
    }

    private static void CheckFrequencyCode(ScrubContext context, Claim claim)
    {
        var code = claim.FrequencyCode;
        if (string.IsNullOrEmpty(code))
        {
            Missing(context, null, "frequencyCode", "The claim frequency code is missing.", "Add the claim frequency code (CLM05-3): 1 for an original claim.");
            return;
        }

        var valid = code.Length == 1 && code[0] switch
        {
            '1' or '6' or '7' or '8' => true,
            '0' or '2' or '3' or '4' or '5' => claim.Setting != ClaimSetting.Professional,
            _ => false,
        };
        if (!valid && context.IsEnabled(R.InvalidFrequencyCode))
        {
            context.Report(R.InvalidFrequencyCode, null, "frequencyCode",
                $"The claim frequency code '{code}' is not allowed on a {SettingName(claim.Setting)} claim.",
                "Use 1 for an original claim, 7 to replace and 8 to void a previous claim.", [code]);
        }
    }

    private static void CheckLine(ScrubContext context, Claim claim, ServiceLine line, int number)
    {
        // An institutional line with a revenue code may have no HCPCS code (room and board, pharmacy); UB011 says where one is required.
        if (line.ProcedureCode is null && (claim.TypeOfBill is null || line.RevenueCode is null))
        {
            Missing(context, number, ElementPath.LineMember(number, "procedureCode"), "The line has no procedure code.", "Add the HCPCS/CPT code of the service (SV101-2).");
        }

        if (line.ServiceDate is not { } from)
        {
            Missing(context, number, ElementPath.LineMember(number, "serviceDate"), "The line has no date of service.", "Add the date of service (DTP*472).");
        }
        else
        {
            var to = line.ServiceDateTo ?? from;
            if (to < from)
            {
                context.Report(R.ServiceDatesReversed, number, ElementPath.LineMember(number, "serviceDateTo"),
                    "The line's to date is before its from date.", "Swap or correct the from and to dates of service.");
            }

            var last = to > from ? to : from;
            if (last > context.Today)
            {
                context.Report(R.ServiceDateInFuture, number, ElementPath.LineMember(number, to > from ? "serviceDateTo" : "serviceDate"),
                    "The line's date of service is after today.", "Bill the service after it is rendered, or correct the date of service.");
            }

            if (claim.Patient.BirthDate is { } birth && from < birth)
            {
                context.Report(R.ServiceDateBeforeBirth, number, ElementPath.LineMember(number, "serviceDate"),
                    "The line's date of service is before the patient's date of birth.", "Correct the date of service or the patient's date of birth.");
            }
        }

        if (line.Units <= 0 && context.IsEnabled(R.UnitsNotPositive))
        {
            context.Report(R.UnitsNotPositive, number, ElementPath.LineMember(number, "units"),
                string.Create(CultureInfo.InvariantCulture, $"The line bills {line.Units} units."), "Bill the number of units rendered, at least 1.", Codes(line));
        }

        if (line.Charge < 0)
        {
            context.Report(R.NegativeCharge, number, ElementPath.LineMember(number, "charge"),
                "The line's charge is negative.", "Bill the charge as a positive amount; use a replacement claim to reduce a charge.", Codes(line));
        }

        if (line.RenderingNpi is { } npi && !npi.HasValidCheckDigit)
        {
            InvalidNpi(context, number, ElementPath.LineMember(number, "renderingNpi"), npi, "line rendering", "N290");
        }
    }

    private static void CheckDuplicates(ScrubContext context, Claim claim)
    {
        // Only lines of one code, date and provider can repeat each other: each line is compared with the earlier lines of its group.
        var lines = claim.Lines;
        var n = lines.Length;
        if (n < 2)
        {
            return;
        }

        var groups = context.LineGroups(byProvider: true);
        for (var i = 1; i < n; i++)
        {
            var first = groups.GroupOf(i);
            if (first < 0 || first == i)
            {
                continue;
            }

            for (var j = first; j != i; j = groups.Next(j))
            {
                if (IsDuplicate(claim, lines[i], lines[j]))
                {
                    if (context.IsEnabled(R.DuplicateLine))
                    {
                        context.Report(R.DuplicateLine, i + 1, ElementPath.Line(i + 1),
                            string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} repeats line {j + 1}: same procedure, modifiers, dates, place of service and rendering provider."),
                            "Bill the service once with the total units, or add the modifier (such as 76, 77 or 91) that says why it was repeated.", Codes(lines[i]));
                    }

                    break;
                }
            }
        }
    }

    private static bool IsDuplicate(Claim claim, ServiceLine a, ServiceLine b) =>
        a.ProcedureCode is not null
        && a.ProcedureCode == b.ProcedureCode
        && a.ServiceDate == b.ServiceDate
        && (a.ServiceDateTo ?? a.ServiceDate) == (b.ServiceDateTo ?? b.ServiceDate)
        && claim.PlaceOfServiceFor(a) == claim.PlaceOfServiceFor(b)
        && claim.RenderingNpiFor(a) == claim.RenderingNpiFor(b)
        && a.Modifiers.AsSpan().SequenceEqual(b.Modifiers.AsSpan());

    private static void InvalidNpi(ScrubContext context, int? line, string element, Npi npi, string role, string rarc)
    {
        // The NPI identifies a provider, not the patient, so naming it is no disclosure.
        context.Report(R.InvalidNpi, line, element, $"The {role} NPI {npi} fails its check digit, so it cannot be a real NPI.",
            "Copy the NPI again from the NPPES registry; a single mistyped digit breaks the check.", [npi.ToString()], rarc: rarc);
    }

    private static void Missing(ScrubContext context, int? line, string element, string message, string fixHint) =>
        context.Report(R.MissingRequiredElement, line, element, message, fixHint);

    private static ImmutableArray<string> Codes(ServiceLine line) => line.ProcedureCode is { } code ? [code.ToString()] : [];

    private static string SettingName(ClaimSetting setting) => setting switch
    {
        ClaimSetting.Professional => "professional",
        ClaimSetting.OutpatientHospital => "outpatient hospital",
        ClaimSetting.Inpatient => "inpatient",
        _ => "institutional",
    };
}
