namespace ClaimScrubber.Fhir.Reading;

/// <summary>The code systems the mapping reads, by their canonical FHIR URIs (docs/fhir-mapping.md).</summary>
internal static class FhirSystems
{
    public const string ClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Icd9Cm = "http://hl7.org/fhir/sid/icd-9-cm";
    public const string Icd10Pcs = "http://www.cms.gov/Medicare/Coding/ICD10";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public const string HcpcsHttp = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public const string Ndc = "http://hl7.org/fhir/sid/ndc";
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public const string ClaimFilingIndicator = "https://x12.org/codes/claim-filing-indicator-code";

    /// <summary>The systems of a service's CPT or HCPCS code.</summary>
    public static readonly HashSet<string> Procedures = new(StringComparer.Ordinal) { Cpt, Hcpcs, HcpcsHttp };
}
