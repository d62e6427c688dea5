using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.Rules;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// What every finding must hold whatever the claim: a known rule id, an element path that exists on the claim, and no
/// patient data in its message, fix hint or codes — none of the claim's own dates (in the common formats), the birth
/// date, the age next to an age word, or the words of the sex recorded. Used by the scan over sample, generated and
/// hand-made claims and by the scrubber fuzz test.
/// </summary>
/// <remarks>
/// A finding may name a table's own dates (a code's termination date, a table's period); only a claim date it could have
/// taken from the claim counts, so a line's finding is held to that line's dates (and the birth and discharge dates).
/// </remarks>
public static partial class FindingChecks
{
    [ThreadStatic]
    private static (Claim? Claim, (HashSet<DateOnly> Dates, HashSet<int> Ages) Facts) claimFacts;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyyMMdd"];

    private static readonly Dictionary<Sex, Regex> SexWords = new()
    {
        [Sex.Female] = FemaleWords(),
        [Sex.Male] = MaleWords(),
    };

    /// <summary>Lists what is wrong with <paramref name="finding"/> on <paramref name="claim"/>; empty when nothing is.</summary>
    /// <param name="claim">The claim scrubbed.</param>
    /// <param name="finding">One of its findings.</param>
    /// <param name="index">The index scrubbed against, whose table texts (code descriptions) a finding may quote.</param>
    public static List<string> Problems(Claim claim, Finding finding, CodeSetIndex index)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(finding);
        var problems = new List<string>();
        if (!RuleCatalog.TryFind(finding.RuleId, out _))
        {
            problems.Add($"unknown rule id {finding.RuleId}");
        }

        if (!PathExists(claim, finding.Element))
        {
            problems.Add($"element {finding.Element} is not on the claim");
        }

        if (finding.Line is { } line && (line < 1 || line > claim.Lines.Length))
        {
            problems.Add($"line {line} is not on the claim");
        }

        // A line's finding is checked for that line's dates, a claim-level finding for every date of the claim: a table fact
        // (an effective or termination date) may fall on the date of another line, and is no echo of it.
        var text = string.Join(" | ", [finding.Message, finding.FixHint, .. finding.Codes]);
        var (dates, ages) = finding.Line is { } own && own >= 1 && own <= claim.Lines.Length ? Facts(claim, claim.Lines[own - 1]) : Facts(claim);
        foreach (Match shown in DateText().Matches(text))
        {
            if (DateOnly.TryParseExact(shown.Value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && dates.Contains(date))
            {
                problems.Add($"names the claim's date {shown.Value}");
            }
        }

        // Code descriptions and list titles are table facts: a header's description may name a sex or an age. They are taken
        // out only when the text has a word to look at, which most have not.
        SexWords.TryGetValue(claim.Patient.Sex, out var words);
        var plain = NumberNearAgeWord().IsMatch(text) || (words is not null && words.IsMatch(text)) ? WithoutTableTexts(text, index) : string.Empty;
        foreach (Match near in NumberNearAgeWord().Matches(plain))
        {
            if (int.TryParse(near.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && ages.Contains(number))
            {
                problems.Add($"names the patient's age {number}");
            }
        }

        if (words is not null && words.Match(plain) is { Success: true } word)
        {
            problems.Add($"names the recorded sex ('{word.Value}')");
        }

        return problems;
    }

    /// <summary>Tells whether <paramref name="element"/> is a path the claim has (indexes within its lines, diagnoses, modifiers and pointers).</summary>
    public static bool PathExists(Claim claim, string element)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (element is "claim" or "claimId" or "patient.birthDate" or "patient.sex" or "billingNpi" or "renderingNpi" or "placeOfService"
            or "frequencyCode" or "dischargeDate" or "diagnoses" or "lines")
        {
            return true;
        }

        // The 837I and payer elements of the claim model v2.
        if (element is "typeOfBill" or "statementFrom" or "statementThrough" or "admissionDate" or "admissionType" or "admissionSource"
            or "dischargeStatus" or "cliaNumber" or "payerClaimControlNumber" or "referringNpi")
        {
            return true;
        }

        if (ClaimListPath().Match(element) is { Success: true } item)
        {
            var count = item.Groups["member"].Value switch
            {
                "pcsProcedures" => claim.PcsProcedures.Length,
                "conditionCodes" => claim.ConditionCodes.Length,
                "occurrenceCodes" => claim.OccurrenceCodes.Length,
                "occurrenceSpanCodes" => claim.OccurrenceSpanCodes.Length,
                "valueCodes" => claim.ValueCodes.Length,
                "externalCauseDiagnoses" => claim.ExternalCauseDiagnoses.Length,
                _ => claim.Diagnoses.Length,
            };
            return int.Parse(item.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= count;
        }

        if (DiagnosisPath().Match(element) is { Success: true } diagnosis)
        {
            return int.Parse(diagnosis.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is var d && d >= 1 && d <= claim.Diagnoses.Length;
        }

        if (LinePath().Match(element) is not { Success: true } path)
        {
            return false;
        }

        var number = int.Parse(path.Groups["line"].ValueSpan, CultureInfo.InvariantCulture);
        if (number < 1 || number > claim.Lines.Length)
        {
            return false;
        }

        var serviceLine = claim.Lines[number - 1];
        if (!path.Groups["position"].Success)
        {
            return true;
        }

        var position = int.Parse(path.Groups["position"].ValueSpan, CultureInfo.InvariantCulture);
        return position >= 1 && position <= (path.Groups["member"].Value == "modifiers" ? serviceLine.Modifiers.Length : serviceLine.DiagnosisPointers.Length);
    }

    /// <summary>The claim's dates and the patient's ages on them, worked out once per claim (the scan asks for every finding).</summary>
    private static (HashSet<DateOnly> Dates, HashSet<int> Ages) Facts(Claim claim)
    {
        if (claimFacts.Claim != claim)
        {
            claimFacts = (claim, Facts(claim, claim.Lines.AsSpan()));
        }

        return claimFacts.Facts;
    }

    private static (HashSet<DateOnly> Dates, HashSet<int> Ages) Facts(Claim claim, ServiceLine line) => Facts(claim, new ReadOnlySpan<ServiceLine>(in line));

    private static (HashSet<DateOnly> Dates, HashSet<int> Ages) Facts(Claim claim, ReadOnlySpan<ServiceLine> lines)
    {
        var dates = new HashSet<DateOnly>();
        var ages = new HashSet<int>();
        void Add(DateOnly? date, bool isBirth = false)
        {
            if (date is not { } value)
            {
                return;
            }

            dates.Add(value);
            if (!isBirth && claim.Patient.AgeOn(value) is { } age and >= 0)
            {
                ages.Add(age);
            }
        }

        Add(claim.Patient.BirthDate, isBirth: true);
        Add(claim.DischargeDate);
        Add(claim.AdmissionDate);
        Add(claim.StatementFrom);
        Add(claim.StatementThrough);
        foreach (var procedure in claim.PcsProcedures)
        {
            Add(procedure.Date);
        }

        foreach (var occurrence in claim.OccurrenceCodes)
        {
            Add(occurrence.Date);
        }

        foreach (var span in claim.OccurrenceSpanCodes)
        {
            Add(span.From);
            Add(span.Through);
        }
        foreach (var line in lines)
        {
            Add(line.ServiceDate);
            Add(line.ServiceDateTo);
        }

        return (dates, ages);
    }

    private static string WithoutTableTexts(string text, CodeSetIndex index)
    {
        var plain = text;
        if (index.Icd10Cm is { } icd)
        {
            foreach (Match code in IcdCodeText().Matches(text))
            {
                if (!IcdCode.TryParse(code.Value, out var parsed))
                {
                    continue;
                }

                foreach (var year in icd.FiscalYears)
                {
                    foreach (var description in (string?[])[icd.ShortDescription(parsed, year), icd.LongDescription(parsed, year)])
                    {
                        if (!string.IsNullOrEmpty(description))
                        {
                            plain = plain.Replace(description, string.Empty, StringComparison.Ordinal);
                        }
                    }
                }
            }
        }

        foreach (var ncd in index.LabNcds?.Ncds ?? [])
        {
            plain = plain.Replace(ncd.Description, string.Empty, StringComparison.Ordinal);
        }

        foreach (var list in Enum.GetValues<ClaimScrubber.CodeSets.Mce.MceList>())
        {
            plain = plain.Replace(ClaimScrubber.CodeSets.Mce.MceLists.Title(list), string.Empty, StringComparison.Ordinal);
        }

        return plain;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{8}\b")]
    private static partial Regex DateText();

    [GeneratedRegex(@"\b(?:female|females|woman|women|girl|girls)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FemaleWords();

    [GeneratedRegex(@"\b(?:male|males|man|men|boy|boys)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MaleWords();

    /// <summary>A number after an age word (within a few words) or before "years": how an age would be written.</summary>
    [GeneratedRegex(@"\b(?:age[sd]?|aged)\b[^.;:|\d]{0,15}(?<![\d.])(?<n>\d+)(?![\d.])|(?<![\d.])(?<n>\d+)[\s-]*(?:years?|yrs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberNearAgeWord();

    [GeneratedRegex(@"^diagnoses\[(\d+)\]$")]
    private static partial Regex DiagnosisPath();

    [GeneratedRegex(@"^lines\[(?<line>\d+)\](?:\.(?<member>modifiers|diagnosisPointers)(?:\[(?<position>\d+)\])?|\.(?:procedureCode|serviceDate|serviceDateTo|units|charge|placeOfService|renderingNpi|revenueCode|orderingNpi|drug))?$")]
    private static partial Regex LinePath();

    [GeneratedRegex(@"^(?<member>pcsProcedures|conditionCodes|occurrenceCodes|occurrenceSpanCodes|valueCodes|diagnoses|externalCauseDiagnoses)\[(?<n>\d+)\](?:\.(?:date|amount|presentOnAdmission))?$")]
    private static partial Regex ClaimListPath();

    [GeneratedRegex(@"\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?\b")]
    private static partial Regex IcdCodeText();
}
