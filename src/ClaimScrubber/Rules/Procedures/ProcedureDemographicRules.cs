using System.Globalization;
using ClaimScrubber.CodeSets;
using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.ProcedureDemographics;

namespace ClaimScrubber.Rules.Procedures;

/// <summary>
/// Procedures whose own definition limits them to one sex or an age range, billed for a patient outside it. Reads a
/// <see cref="IProcedureDemographicSource"/>; the payer may exempt codes and decide whether KX lifts the sex edit.
/// </summary>
internal sealed class ProcedureDemographicRules : IClaimRule
{
    private static readonly ModifierCode Kx = ModifierCode.Parse("KX");

    private readonly IProcedureDemographicSource source;
    private readonly bool honorKx;
    private readonly HashSet<uint> exempt;

    public ProcedureDemographicRules(IProcedureDemographicSource source, ScrubberOptions options)
    {
        this.source = source;
        honorKx = options.ProcedureSexEditHonorsKx;
        exempt = [];
        foreach (var code in options.ProcedureDemographicExemptions ?? [])
        {
            if (ProcedureCode.TryParse(code, out var parsed))
            {
                exempt.Add(parsed.Value);
            }
        }
    }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.ProcedureSexConflict, R.ProcedureAgeConflict];

    public void Evaluate(ScrubContext context)
    {
        var claim = context.Claim;
        var patient = claim.Patient;
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.ProcedureCode is not { } code || line.ServiceDate is not { } date || exempt.Contains(code.Value)
                || !source.TryGetDemographics(code, date, out var limits))
            {
                continue;
            }

            var number = i + 1;
            if (limits.Sex != Sex.Unknown && patient.Sex != Sex.Unknown && patient.Sex != limits.Sex
                && !(honorKx && line.HasModifier(Kx)) && context.IsEnabled(R.ProcedureSexConflict))
            {
                context.Report(R.ProcedureSexConflict, number, ElementPath.LineMember(number, "procedureCode"),
                    $"{code} is defined for {Describe(limits.Sex)} patients only ({limits.Reason}), and the patient's recorded sex is not that one.",
                    honorKx
                        ? "Check the patient's recorded sex and the code; if the service is right for this patient, append KX to attest it."
                        : "Check the patient's recorded sex and the code billed.",
                    [code.ToString()], source.DemographicRelease);
            }

            if (patient.AgeOn(date) is { } age && (age < limits.MinimumAge || age > limits.MaximumAge) && context.IsEnabled(R.ProcedureAgeConflict))
            {
                context.Report(R.ProcedureAgeConflict, number, ElementPath.LineMember(number, "procedureCode"),
                    string.Create(CultureInfo.InvariantCulture, $"{code} is defined for patients aged {Range(limits)} ({limits.Reason}), and the patient's age on the date of service is outside that range."),
                    "Check the patient's birth date and the code; bill the code defined for the patient's age.",
                    [code.ToString()], source.DemographicRelease);
            }
        }
    }

    private static string Describe(Sex sex) => sex == Sex.Female ? "female" : "male";

    private static string Range(ProcedureDemographics limits) => (limits.MinimumAge, limits.MaximumAge) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min} to {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"{min} or older"),
        (null, 0) => "under 1",
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"{max} or younger"),
        _ => "any age",
    };
}
