using System.Globalization;
using System.Text.RegularExpressions;
using ClaimScrubber.Rules;
using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.OperationOutcome;

namespace ClaimScrubber.Fhir;

/// <summary>
/// Writes a claim's findings as a FHIR R4 <c>OperationOutcome</c>: one issue per finding, in finding order.
/// </summary>
/// <remarks>
/// Each issue carries the finding's severity (error, warning, information), its rule as
/// <c>details.coding</c> (system <see cref="RuleSystem"/>, code the rule id, display its title) with the CARC and RARC a
/// payer would likely send, the message as <c>details.text</c>, the fix hint as <c>diagnostics</c>, and where the element
/// is known on a FHIR Claim its FHIRPath as <c>expression</c> (the claim model's element path is in <c>location</c>).
/// An unreadable element (<c>CLM001</c>) is an issue of type <c>structure</c>; every other finding is a
/// <c>business-rule</c>.
/// <para>This type is thread-safe.</para>
/// </remarks>
public static partial class FhirOperationOutcome
{
    /// <summary>The code system of ClaimScrubber's rule ids.</summary>
    public const string RuleSystem = "https://github.com/claimscrubber/claimscrubber/blob/main/docs/rules.md";

    /// <summary>The code system of claim adjustment reason codes (X12 CARC).</summary>
    public const string CarcSystem = "https://x12.org/codes/claim-adjustment-reason-codes";

    /// <summary>The code system of remittance advice remark codes (X12 RARC).</summary>
    public const string RarcSystem = "https://x12.org/codes/remittance-advice-remark-codes";

    /// <summary>Makes the OperationOutcome of one claim's result; a clean claim's holds one information issue saying so.</summary>
    /// <param name="result">The claim's result.</param>
    /// <param name="claimPath">The FHIRPath of the Claim the result is for: <c>Claim</c> (the default), or its place in a Bundle such as <c>Bundle.entry[2].resource</c>.</param>
    /// <returns>The OperationOutcome.</returns>
    public static OperationOutcome Create(ScrubResult result, string claimPath = "Claim")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimPath);
        var outcome = new OperationOutcome();
        if (result.Findings.IsDefaultOrEmpty)
        {
            outcome.Issue.Add(new IssueComponent
            {
                Severity = IssueSeverity.Information,
                Code = IssueType.Informational,
                Diagnostics = $"Claim {result.ClaimId}: no finding.",
            });
            return outcome;
        }

        foreach (var finding in result.Findings)
        {
            outcome.Issue.Add(Issue(finding, claimPath));
        }

        return outcome;
    }

    private static IssueComponent Issue(Finding finding, string claimPath)
    {
        var details = new CodeableConcept { Text = finding.Message };
        details.Coding.Add(new Coding(RuleSystem, finding.RuleId, finding.Rule.Title));
        if (finding.Carc is { } carc)
        {
            details.Coding.Add(new Coding(CarcSystem, carc));
        }

        if (finding.Rarc is { } rarc)
        {
            details.Coding.Add(new Coding(RarcSystem, rarc));
        }

        var issue = new IssueComponent
        {
            Severity = finding.Severity switch
            {
                Severity.Error => IssueSeverity.Error,
                Severity.Warning => IssueSeverity.Warning,
                _ => IssueSeverity.Information,
            },
            Code = finding.RuleId == RuleCatalog.Claims.UnreadableElement.Id ? IssueType.Structure : IssueType.BusinessRule,
            Details = details,
            Diagnostics = finding.FixHint,
        };
        if (ExpressionOf(finding.Element, claimPath) is { } expression)
        {
            issue.Expression = [expression];
        }

        issue.Location = [finding.Element];
        return issue;
    }

    /// <summary>
    /// The FHIRPath of a claim-model element on the FHIR Claim it was read from (docs/fhir-mapping.md), or the element
    /// itself when it is a FHIRPath already (the reader's errors); <see langword="null"/> when the element has no single place.
    /// </summary>
    internal static string? ExpressionOf(string element, string claimPath)
    {
        if (element.StartsWith("Claim", StringComparison.Ordinal) || element.StartsWith("Bundle", StringComparison.Ordinal))
        {
            return element;
        }

        var line = LineElement().Match(element);
        if (line.Success)
        {
            var item = $"{claimPath}.item[{Index(line.Groups["line"].Value)}]";
            var rest = line.Groups["rest"].Value;
            var listed = ListElement().Match(rest);
            return listed.Success
                ? listed.Groups["name"].Value switch
                {
                    "modifiers" => $"{item}.modifier[{Index(listed.Groups["n"].Value)}]",
                    "diagnosisPointers" => $"{item}.diagnosisSequence[{Index(listed.Groups["n"].Value)}]",
                    _ => item,
                }
                : rest switch
                {
                    "" => item,
                    "procedureCode" => item + ".productOrService",
                    "units" => item + ".quantity",
                    "charge" => item + ".net",
                    "serviceDate" or "serviceDateTo" => item + ".serviced",
                    "placeOfService" => item + ".location",
                    "revenueCode" => item + ".revenue",
                    "drug" or "drug.ndc" or "drug.quantity" => item + ".detail",
                    _ => item,
                };
        }

        // The model's n-th diagnosis need not be the n-th Claim.diagnosis (admitting and external-cause diagnoses are
        // kept apart, the principal comes first): the expression names the list, location the diagnosis.
        if (ListElement().Match(element) is { Success: true } diagnosis && diagnosis.Groups["name"].Value == "diagnoses")
        {
            return claimPath + ".diagnosis";
        }

        return element switch
        {
            "billingNpi" => claimPath + ".provider",
            "patient.birthDate" => claimPath + ".patient.resolve().birthDate",
            "patient.sex" => claimPath + ".patient.resolve().gender",
            "placeOfService" => claimPath + ".item[0].location",
            "typeOfBill" or "frequencyCode" => claimPath + ".supportingInfo.where(category.coding.code = 'typeofbill')",
            "diagnoses" => claimPath + ".diagnosis",
            "lines" => claimPath + ".item",
            _ => null,
        };
    }

    // The model's paths are 1-based; FHIRPath's indexes are 0-based.
    private static string Index(string oneBased) => (int.Parse(oneBased, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^lines\[(?<line>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex LineElement();

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)\[(?<n>\d+)\]$")]
    private static partial Regex ListElement();
}
